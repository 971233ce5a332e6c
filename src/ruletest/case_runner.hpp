// Runs one rule test case: its rows into a scratch database, the real
// Evaluate() with the real rules and calendar as of the case's date, and
// every expectation compared with the instance the engine made.
#pragma once

#include "dxcomply/date.hpp"
#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"
#include "dxcomply/work_calendar.hpp"

#include "ruletest/fixture_schema.hpp"
#include "ruletest/rule_test_file.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

// What the engine said of one instance, in the terms of an expectation.
struct ActualInstance {
  InstanceName name;
  Status status = Status::kNotApplicable;
  int days_overdue = 0;
  int days_left = 0;
  DayUnit day_unit = DayUnit::kCalendar;
  std::optional<Date> due;
  std::string reason;
  std::vector<InstanceName> blocked_by;  // what it waits on directly, sorted
};

// One field that differs, as each side writes it.
struct FieldDiff {
  std::string field;
  std::string expected;
  std::string actual;
};

struct ExpectationOutcome {
  const Expectation* expectation = nullptr;
  std::optional<ActualInstance> actual;  // none: no instance (or several), see `problem`
  std::string problem;
  std::vector<FieldDiff> diffs;

  bool passed() const { return problem.empty() && diffs.empty(); }
};

struct CaseOutcome {
  const RuleTestFile* file = nullptr;
  const RuleTestCase* test = nullptr;
  std::vector<ExpectationOutcome> expectations;
  // In exhaustive cases, the instances of the named obligations (of the
  // named periods, when every expectation of one names its period) that no
  // expectation names.
  std::vector<ActualInstance> unexpected;
  std::vector<DataIssue> data_issues;  // of the fixture rows, shown with a failure
  std::string error;                   // the case could not run at all

  bool passed() const;
};

struct RuleTestContext {
  const RuleSet& rules;
  const WorkCalendar& calendar;
  const FixtureSchema& schema;
  std::string scratch_folder;  // an empty folder of the run's own
};

CaseOutcome RunRuleTestCase(const RuleTestFile& file, const RuleTestCase& test,
                            const RuleTestContext& context);

// "is-classify · BTC", "action-plan · HA-NOI [2023]"
std::string DescribeInstance(const InstanceName& name);

}  // namespace dxcomply
