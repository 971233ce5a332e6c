// The reader's messages are part of the interface (rule authors read them):
// these tests pin them.
#include "ruletest/rule_test_file.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>  // prints Date in failures
#include <boost/test/unit_test.hpp>

namespace dxcomply {
namespace {

std::string Read(const std::string& text, RuleTestFile* out = nullptr) {
  Diagnostics diagnostics;
  RuleTestFile file = ReadRuleTestFile("rules/tests/x.yaml", text, diagnostics);
  if (out != nullptr) *out = file;
  // Position and message; the source line and caret are Diagnostic's own.
  std::string all;
  for (const Diagnostic& diagnostic : diagnostics.Sorted()) {
    all += diagnostic.location.ToString() + ":" +
           (diagnostic.rule_id.empty() ? "" : " [" + diagnostic.rule_id + "]") + " " +
           diagnostic.message + "\n";
  }
  return all;
}

std::string Values(const FixtureRow& row) {
  std::string text = row.table + ":";
  for (const FixtureValue& value : row.values) {
    text += " " + value.column + "=" + value.text.value_or("NULL") + "@" +
            std::to_string(value.location.line);
  }
  return text;
}

const char* const kValid = R"yaml(defaults:
  task: {title: Kế hoạch, progress: 0}
rows:
  agency:
    - {id: BTC, name: Bộ Tài chính, kind: ministry}
tests:
  - name: plan overdue
    as_of: 2022-10-01
    lookback: 60
    warn_before: 0
    exhaustive: true
    rows:
      task:
        - {id: 7, agency_id: BTC, obligation_id: plan, progress: 0.5, evidence: ~}
    expect:
      - obligation: plan
        agency: BTC
        period: "2022"
        status: overdue
        days_overdue: 1
        days_left: 0
        due: 2022-09-30
        reason: "not completed"
        blocked_by: [reorg@BTC, "report@BTC[2022-09]", {obligation: x, agency: HUE}, task#12@BTC]
)yaml";

BOOST_AUTO_TEST_SUITE(rule_test_file)

BOOST_AUTO_TEST_CASE(reads_every_key_of_a_case) {
  RuleTestFile file;
  BOOST_TEST(Read(kValid, &file) == "");
  BOOST_TEST(file.rules_directory == "rules");
  BOOST_TEST_REQUIRE(file.cases.size() == 1u);
  const RuleTestCase& test = file.cases[0];
  BOOST_TEST(test.name == "plan overdue");
  BOOST_TEST(test.location.line == 7);
  BOOST_TEST(test.as_of == Date(2022, 10, 1));
  BOOST_TEST(test.lookback_days.value_or(0) == 60);
  BOOST_TEST(test.warn_before_days.value_or(-1) == 0);
  BOOST_TEST(test.exhaustive);
  // The file's rows come first; a default fills only what a row leaves out.
  BOOST_TEST_REQUIRE(test.rows.size() == 2u);
  BOOST_TEST(Values(test.rows[0]) == "agency: id=BTC@5 name=Bộ Tài chính@5 kind=ministry@5");
  BOOST_TEST(Values(test.rows[1]) ==
             "task: id=7@14 agency_id=BTC@14 obligation_id=plan@14 progress=0.5@14 "
             "evidence=NULL@14 title=Kế hoạch@2");
  BOOST_TEST_REQUIRE(test.expectations.size() == 1u);
  const Expectation& expectation = test.expectations[0];
  BOOST_TEST(expectation.obligation == "plan");
  BOOST_TEST(expectation.agency == "BTC");
  BOOST_TEST(expectation.period.value_or("none") == "2022");
  BOOST_TEST((expectation.status == Status::kOverdue));
  BOOST_TEST(expectation.days_overdue.value_or(-1) == 1);
  BOOST_TEST(expectation.days_left.value_or(-1) == 0);
  BOOST_TEST((expectation.due == Date(2022, 9, 30)));
  BOOST_TEST(expectation.reason.value_or("none") == "not completed");
  BOOST_TEST_REQUIRE(expectation.blocked_by.has_value());
  std::string blocked;
  for (const InstanceName& name : *expectation.blocked_by) blocked += name.ToString() + " ";
  BOOST_TEST(blocked == "reorg@BTC report@BTC[2022-09] x@HUE task#12@BTC ");
  BOOST_TEST(expectation.location.line == 16);
}

BOOST_AUTO_TEST_CASE(names_the_rules_folder_from_the_file_or_its_place) {
  BOOST_TEST(DefaultRulesDirectory("rules/tests/a.yaml") == "rules");
  BOOST_TEST(DefaultRulesDirectory("/srv/country/rules/tests/a.yaml") == "/srv/country/rules");
  BOOST_TEST(DefaultRulesDirectory("tests/a.yaml") == ".");
  RuleTestFile file;
  BOOST_TEST(Read("rules: ../../other-rules\ntests:\n  - name: n\n    as_of: 2022-01-01\n"
                  "    expect: [{obligation: o, agency: A, status: met}]\n",
                  &file) == "");
  BOOST_TEST(file.rules_directory == "other-rules");
}

BOOST_AUTO_TEST_CASE(reports_keys_and_values_at_their_line_and_column) {
  const std::string text = R"yaml(tests:
  - name: one
    as_of: 2022-09-31
    lookback: 0
    expect:
      - {obligation: plan, agency: BTC, stauts: met}
      - {obligation: plan, agency: HUE, status: late, days_overdue: -1}
      - {obligation: plan, agency: HCM, status: met, blocked_by: [plan-BTC]}
  - name: one
    as_of: 2022-10-01
    exhaustive: yes
    expect: []
  - nam: three
)yaml";
  BOOST_TEST(Read(text) ==
             "rules/tests/x.yaml:3:12: 'as_of' must be an ISO date YYYY-MM-DD that exists, not "
             "'2022-09-31'\n"
             "rules/tests/x.yaml:4:15: 'lookback' must be between 1 and 100000 days\n"
             "rules/tests/x.yaml:6:9: an expectation needs 'status'\n"
             "rules/tests/x.yaml:6:41: unknown key 'stauts' in an expectation (did you mean "
             "'status'?)\n"
             "rules/tests/x.yaml:7:49: [plan] 'status' must be one of: overdue, at_risk, on_track, "
             "waiting, met_late, met, waived, not_applicable, none\n"
             "rules/tests/x.yaml:7:69: 'days_overdue' must be between 0 and 100000 days\n"
             "rules/tests/x.yaml:8:67: an entry of blocked_by is written obligation@AGENCY (or "
             "obligation@AGENCY[period]), not 'plan-BTC'\n"
             "rules/tests/x.yaml:9:11: a case named 'one' is already in this file\n"
             "rules/tests/x.yaml:11:17: 'exhaustive' must be true or false, not 'yes'\n"
             "rules/tests/x.yaml:12:13: 'expect' must be a list of at least one expected instance\n"
             "rules/tests/x.yaml:13:5: unknown key 'nam' in a test case (did you mean 'name'?)\n"
             "rules/tests/x.yaml:13:5: a test case needs 'name'\n");
}

BOOST_AUTO_TEST_CASE(a_file_without_tests_or_with_a_bad_row_says_so) {
  BOOST_TEST(Read("obligations: []\n") ==
             "rules/tests/x.yaml:1:1: a rule test file needs 'tests:', a list of cases\n");
  BOOST_TEST(
      Read("rows:\n  task:\n    - {id: 1, title: [a, b]}\ntests:\n  - name: n\n"
           "    as_of: 2022-01-01\n    expect: [{obligation: o, agency: A, status: met}]\n") ==
      "rules/tests/x.yaml:3:22: the value of column 'title' of a row of table task must be "
      "a single value (or empty for NULL), not a list or a map\n");
  BOOST_TEST(Read("tests:\n  - name: n\n    expect: [{obligation: o, agency: A, status: met}]\n") ==
             "rules/tests/x.yaml:2:11: test case 'n' needs 'as_of'\n");
}

BOOST_AUTO_TEST_CASE(status_none_refuses_the_fields_only_an_instance_has) {
  // The period names which instance must not exist; the rest would look
  // checked while nothing checks it.
  BOOST_TEST(Read("tests:\n  - name: n\n    as_of: 2022-01-01\n    expect:\n"
                  "      - {obligation: o, agency: A, period: '2022', status: none}\n") == "");
  BOOST_TEST(Read("tests:\n  - name: n\n    as_of: 2022-01-01\n    expect:\n"
                  "      - {obligation: o, agency: A, status: none, days_overdue: 3,\n"
                  "         due: 2022-01-01, blocked_by: []}\n") ==
             "rules/tests/x.yaml:5:64: [o] 'days_overdue' cannot be checked with status none: "
             "no instance, nothing to compare\n"
             "rules/tests/x.yaml:6:15: [o] 'due' cannot be checked with status none: no "
             "instance, nothing to compare\n"
             "rules/tests/x.yaml:6:39: [o] 'blocked_by' cannot be checked with status none: no "
             "instance, nothing to compare\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
