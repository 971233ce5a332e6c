// Loading and checking what a command runs on: the rules folder and the
// database. Every problem is printed (to stderr) before anything runs, so a
// command either produces its whole output or none.
#pragma once

#include "dxcomply/diagnostics.hpp"
#include "dxcomply/rule_set.hpp"
#include "dxcomply/work_calendar.hpp"

#include "store/record_store.hpp"

#include <optional>
#include <ostream>
#include <string>

namespace dxcomply {

// Loads and checks the rules (keys, types, references, cycles).
RuleSet LoadCheckedRules(const std::string& directory, Diagnostics& diagnostics);

// Also checks the rules against the database: tables, columns, agency ids.
void CheckAgainstDatabase(const RuleSet& rules, RecordStore& store, Diagnostics& diagnostics);

// Prints every diagnostic, sorted, with source lines and carets.
void PrintDiagnostics(Diagnostics& diagnostics, std::ostream& out);

// Rules and database ready for evaluation, or nullopt after printing why not
// to `errors`.
struct RunInputs {
  RuleSet rules;
  RecordStore store;
  WorkCalendar calendar;  // <rules>/calendar, or the statutory calendar without it
};

// Loads <rules>/calendar if that folder exists; the statutory calendar
// otherwise.
WorkCalendar LoadCalendar(const std::string& rules_directory, Diagnostics& diagnostics);
std::optional<RunInputs> OpenRunInputs(const std::string& rules_directory,
                                       const std::string& database, std::ostream& errors);

}  // namespace dxcomply
