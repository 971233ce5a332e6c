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
  WorkCalendar calendar;     // <rules>/calendar
  std::string rules_folder;  // where the rules were found
};

// The rules folder: `given` (--rules) or, when empty, the one shipped with
// dxcomply (cli/resource_paths.hpp); nullopt after saying where it looked.
std::optional<std::string> RulesFolder(const std::string& given, std::ostream& errors);

// Loads <rules>/calendar. Without that folder, an error: the Government's
// yearly decisions move days off, so a calendar silently reduced to the
// Labor Code's holidays would call a day off a working day.
WorkCalendar LoadCalendar(const std::string& rules_directory, Diagnostics& diagnostics);
// `rules_option` as RulesFolder takes it.
std::optional<RunInputs> OpenRunInputs(const std::string& rules_option, const std::string& database,
                                       std::ostream& errors);

}  // namespace dxcomply
