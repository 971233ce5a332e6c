// The engine's entry point: rules + records + a date -> a Report.
//
//   RuleSet rules = ...;                         // src/rules/yaml_loader.hpp
//   RecordStore store = RecordStore::Open(path);  // src/store/record_store.hpp
//   Report report = Evaluate(rules, store, {.as_of = date});
//
// Evaluate reads the database in one read transaction and never writes to
// it. Bad records do not stop it: they become Report::data_issues.
#pragma once

#include "dxcomply/date.hpp"
#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"
#include "dxcomply/work_calendar.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

class RecordStore;

struct EngineOptions {
  Date as_of;  // T. Required; the CLI defaults it to today.
  // Override every rule's lookback window W / warn_before (days). Default: the rule's.
  std::optional<int> lookback_days;
  std::optional<int> warn_before_days;
  // Also return the dependency graph (Report::graph). Costs memory in
  // proportion to the graph; off for reports.
  bool keep_graph = false;
  // The working-day calendar (rules/calendar). Default: the statutory
  // holidays only. Not owned; must outlive Evaluate.
  const WorkCalendar* calendar = nullptr;
};

// Evaluates every obligation for every agency in its scope as of
// options.as_of. Throws StoreError (src/store) when the database cannot be
// read at all; rule and schema problems must have been caught by validation.
Report Evaluate(const RuleSet& rules, RecordStore& store, const EngineOptions& options);

// A record behind an instance's figure. For coverage and task checks these
// are the rows that count against it: in the base on T but not satisfying it.
// For count checks, the rows counted on T; for indicators, the latest
// measurements.
struct CounterRecord {
  std::string table;
  std::string id;
  std::string label;                 // the row's name/title/role, when the table has one
  std::vector<std::string> details;  // "column=value" for the columns the check reads
};

// The first `limit` such records for obligation x agency as of T.
std::vector<CounterRecord> ListCounterRecords(const RuleSet& rules, RecordStore& store,
                                              const Obligation& obligation,
                                              const std::string& agency_id, const Date& as_of,
                                              int limit);

}  // namespace dxcomply
