// A rule test file (rules/tests/*.yaml) as written: cases of fixture rows,
// an as-of date and the expected instances. README "Rule tests" documents
// the format.
//
//   rules: ..                       # optional: the rules folder under test
//   defaults: {task: {title: T}}    # optional: column values of every row
//   rows: {agency: [...]}           # optional: rows of every case
//   tests:
//     - name: is-classify overdue the day after the due date
//       as_of: 2022-10-01
//       rows: {information_system: [{agency_id: BTC, name: S, level: 3}]}
//       expect:
//         - {obligation: is-classify, agency: BTC, status: overdue, days_overdue: 1}
//
// Reading checks only the file's own shape (keys, types, dates); what it
// names (obligations, tables, columns, agencies) is checked against the
// rules and the schema by rule_test_checker.
#pragma once

#include "dxcomply/date.hpp"
#include "dxcomply/diagnostics.hpp"
#include "dxcomply/finding.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

// One column value of a fixture row; nullopt is SQL NULL.
struct FixtureValue {
  std::string column;
  std::optional<std::string> text;
  SourceLocation location;  // the column's key (a default's, when defaulted)
};

struct FixtureRow {
  std::string table;
  std::vector<FixtureValue> values;  // in the order written, defaults last
  SourceLocation location;
};

// An instance an expected one waits on, written `obligation@AGENCY` or
// `obligation@AGENCY[period]`; a task that belongs to no instance is
// `task#ID@AGENCY`.
struct InstanceName {
  std::string obligation;
  std::string agency;
  std::string period;
  SourceLocation location;  // in the test file; not compared

  std::string ToString() const;
  bool operator<(const InstanceName& other) const;
  bool operator==(const InstanceName& other) const;
};

// What a case expects of one instance. Only the fields given are compared.
struct Expectation {
  std::string obligation;
  std::string agency;
  std::optional<std::string> period;  // none: the agency's only instance
  Status status = Status::kNotApplicable;
  bool none = false;  // `status: none`: the engine makes no such instance (not yet in force)
  std::optional<int> days_overdue;
  std::optional<int> days_left;
  std::optional<Date> due;
  std::optional<std::string> reason;                    // a part of the reason
  std::optional<std::vector<InstanceName>> blocked_by;  // what it waits on directly
  SourceLocation location;
  SourceLocation obligation_location;
  SourceLocation agency_location;
};

struct RuleTestCase {
  std::string name;
  Date as_of;
  std::optional<int> lookback_days;
  std::optional<int> warn_before_days;
  std::vector<FixtureRow> rows;  // the file's rows, then the case's
  std::vector<Expectation> expectations;
  // Every instance of the obligations the case names must be expected; of
  // an obligation whose expectations all name a period, only those periods.
  bool exhaustive = false;
  SourceLocation location;  // the case's `name:`
};

struct RuleTestFile {
  std::string path;             // as given, for messages
  std::string rules_directory;  // `rules:` resolved against the file's folder
  SourceLocation rules_location;
  std::vector<RuleTestCase> cases;
};

// Reads `text` (the content of `path`). Problems go to `diagnostics` with
// file:line:column and the key at fault; the file is returned with what
// could be read.
RuleTestFile ReadRuleTestFile(const std::string& path, const std::string& text,
                              Diagnostics& diagnostics);

// The rules folder a test file tests when it does not say: the parent of the
// folder it is in (rules/tests/x.yaml tests rules/).
std::string DefaultRulesDirectory(const std::string& test_file_path);

}  // namespace dxcomply
