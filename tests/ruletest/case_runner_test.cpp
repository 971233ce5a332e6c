// A case run on the real engine, and how what it expected is compared with
// what the engine said.
#include "ruletest/case_runner.hpp"

#include "rules/yaml_loader.hpp"
#include "ruletest/fixture_schema.hpp"
#include "ruletest/rule_test_file.hpp"
#include "ruletest/test_output.hpp"
#include "support/test_files.hpp"

#include <boost/test/unit_test.hpp>

#include <sstream>

namespace dxcomply {
namespace {

const char* const kDuties = R"yaml(obligations:
  - id: classify
    title: Phân loại hệ thống
    source: {document: D}
    applies_to: {kinds: [ministry, province]}
    due: 2022-09-30
    check:
      kind: coverage
      table: information_system
      satisfied: [{column: level_approved_on, op: not_null}]
  - id: protect
    title: Bảo vệ hệ thống
    source: {document: D}
    applies_to: {kinds: [ministry]}
    due: 2022-11-15
    check: {kind: task}
    depends_on: [classify]
  - id: report
    title: Báo cáo tháng
    source: {document: D}
    applies_to: {agencies: [BTC]}
    due: {every: month, first: 2022-08, month_offset: 0, day: last}
    check: {kind: task}
)yaml";

const char* const kRows = R"yaml(defaults:
  information_system: {name: Hệ thống}
  task: {title: Nhiệm vụ}
rows:
  agency:
    - {id: BTC, name: Bộ Tài chính, kind: ministry}
    - {id: HUE, name: Huế, kind: province}
  information_system:
    - {id: 1, agency_id: BTC, level_approved_on: 2022-09-01}
    - {id: 2, agency_id: BTC}
    - {id: 3, agency_id: HUE, level_approved_on: 2022-09-01}
)yaml";

class Fixture {
 public:
  Fixture() {
    Diagnostics diagnostics;
    LoadRuleText("tables.yaml", testing::TablesYaml(), rules_, diagnostics);
    LoadRuleText("duties.yaml", kDuties, rules_, diagnostics);
    BOOST_TEST_REQUIRE(!diagnostics.HasErrors());
    schema_.emplace(FixtureSchema::Build(BuiltInContractSql(), "data/schema.sql", rules_));
  }

  // Runs the only case of `tests` (appended to kRows) and prints it as
  // `dxcomply test` does.
  std::string Run(const std::string& tests, CaseOutcome* out = nullptr) {
    Diagnostics diagnostics;
    file_ = ReadRuleTestFile("t.yaml", std::string(kRows) + "tests:\n" + tests, diagnostics);
    BOOST_TEST_REQUIRE(!diagnostics.HasErrors());
    BOOST_TEST_REQUIRE(file_.cases.size() == 1u);
    const RuleTestContext context{rules_, calendar_, *schema_, folder_.path()};
    CaseOutcome outcome = RunRuleTestCase(file_, file_.cases[0], context);
    std::ostringstream text;
    TestOutput output(text, false);
    output.Case(outcome);
    if (out != nullptr) *out = outcome;
    return text.str();
  }

 private:
  RuleSet rules_;
  WorkCalendar calendar_ = WorkCalendar::Statutory();
  std::optional<FixtureSchema> schema_;
  testing::TempFolder folder_;
  RuleTestFile file_;
};

BOOST_AUTO_TEST_SUITE(case_runner)

BOOST_AUTO_TEST_CASE(passes_when_every_expected_field_matches) {
  Fixture fixture;
  CaseOutcome outcome;
  BOOST_TEST(fixture.Run(R"yaml(  - name: classify on 1/10/2022
    as_of: 2022-10-01
    expect:
      - {obligation: classify, agency: BTC, status: overdue, days_overdue: 1, due: 2022-09-30, reason: "50% (1/2)"}
      - {obligation: classify, agency: HUE, status: met, days_left: 0}
      - {obligation: protect, agency: BTC, status: at_risk, blocked_by: [classify@BTC]}
      - {obligation: report, agency: BTC, period: 2022-09, status: overdue, days_overdue: 1}
)yaml",
                         &outcome) == "t.yaml\n  PASS  classify on 1/10/2022\n");
  BOOST_TEST(outcome.passed());
}

BOOST_AUTO_TEST_CASE(a_wrong_expectation_shows_each_field_that_differs) {
  Fixture fixture;
  BOOST_TEST(fixture.Run(R"yaml(  - name: wrong
    as_of: 2022-10-01
    expect:
      - {obligation: classify, agency: HUE, status: met}
      - {obligation: classify, agency: BTC, status: met_late, days_overdue: 2, due: 2022-09-29, reason: "100% (2/2)"}
      - {obligation: protect, agency: BTC, status: at_risk, blocked_by: []}
)yaml") == "t.yaml\n"
           "  FAIL  wrong (line 13)\n"
           "        classify · BTC (line 17): - expected, + actual\n"
           "        - status: met_late\n"
           "        + status: overdue\n"
           "        - days_overdue: 2\n"
           "        + days_overdue: 1\n"
           "        - due: 2022-09-29\n"
           "        + due: 2022-09-30\n"
           "        - reason: contains \"100% (2/2)\"\n"
           "        + reason: \"50% (1/2), target 100%, 1 day past the due date 2022-09-30\"\n"
           "        protect · BTC (line 18): - expected, + actual\n"
           "        - blocked_by: []\n"
           "        + blocked_by: [classify@BTC]\n"
           "          status: at_risk\n"
           "          due: 2022-11-15\n"
           "          reason: \"blocked by Bộ Tài chính · classify (overdue 1 day)\"\n");
}

BOOST_AUTO_TEST_CASE(an_instance_the_engine_did_not_make_is_named_with_what_it_made) {
  Fixture fixture;
  CaseOutcome outcome;
  const std::string text = fixture.Run(R"yaml(  - name: missing
    as_of: 2022-10-01
    expect:
      - {obligation: protect, agency: HUE, status: overdue}
      - {obligation: report, agency: BTC, status: overdue}
      - {obligation: report, agency: BTC, period: 2021-12, status: overdue}
)yaml",
                                       &outcome);
  BOOST_TEST(!outcome.passed());
  BOOST_TEST_REQUIRE(outcome.expectations.size() == 3u);
  BOOST_TEST(outcome.expectations[0].problem ==
             "the engine made no such instance (it made protect · BTC)");
  BOOST_TEST(outcome.expectations[1].problem ==
             "3 instances (periods 2022-08, 2022-09, 2022-10): name one with 'period:'");
  BOOST_TEST(outcome.expectations[2].problem ==
             "the engine made no such instance (it made report · BTC [2022-08], report · BTC "
             "[2022-09], report · BTC [2022-10])");
  BOOST_TEST(text.find("        protect · HUE (line 16): - expected, + actual\n"
                       "        - status: overdue\n"
                       "        + the engine made no such instance (it made protect · BTC)\n") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(status_none_expects_that_the_engine_makes_no_instance) {
  Fixture fixture;
  CaseOutcome outcome;
  // protect applies to ministries only; classify to Huế too.
  const std::string text = fixture.Run(R"yaml(  - name: none
    as_of: 2022-10-01
    expect:
      - {obligation: protect, agency: HUE, status: none}
      - {obligation: classify, agency: HUE, status: none}
)yaml",
                                       &outcome);
  BOOST_TEST(!outcome.passed());
  BOOST_TEST_REQUIRE(outcome.expectations.size() == 2u);
  BOOST_TEST(outcome.expectations[0].passed());
  BOOST_TEST(text.find("        classify · HUE (line 17): - expected, + actual\n"
                       "        - status: none\n"
                       "        + the engine made one (met)\n") != std::string::npos,
             text);
}

BOOST_AUTO_TEST_CASE(an_exhaustive_case_fails_on_an_instance_it_did_not_expect) {
  Fixture fixture;
  BOOST_TEST(fixture.Run(R"yaml(  - name: exhaustive
    as_of: 2022-10-01
    exhaustive: true
    expect:
      - {obligation: classify, agency: BTC, status: overdue}
)yaml") == "t.yaml\n"
           "  FAIL  exhaustive (line 13)\n"
           "        classify · HUE: not expected (the case is exhaustive), - expected, + actual\n"
           "        - (no such instance)\n"
           "        + met, due 2022-09-30: \"100% (1/1), target 100%, reached by the due date "
           "2022-09-30\"\n");
}

BOOST_AUTO_TEST_CASE(an_exhaustive_case_covers_only_the_periods_it_names) {
  Fixture fixture;
  // 2022-08 and 2022-10 exist too; only September's instances are checked.
  BOOST_TEST(fixture.Run(R"yaml(  - name: september
    as_of: 2022-10-01
    exhaustive: true
    expect:
      - {obligation: report, agency: BTC, period: 2022-09, status: overdue}
)yaml") == "t.yaml\n  PASS  september\n");
}

BOOST_AUTO_TEST_CASE(the_rows_of_one_case_do_not_reach_the_next) {
  Fixture fixture;
  BOOST_TEST(fixture.Run(R"yaml(  - name: approved
    as_of: 2022-10-01
    rows:
      information_system: [{id: 9, agency_id: BTC, level_approved_on: 2022-09-02}]
    expect:
      - {obligation: classify, agency: BTC, status: overdue, reason: "66.7% (2/3)"}
)yaml") == "t.yaml\n  PASS  approved\n");
  BOOST_TEST(fixture.Run(R"yaml(  - name: again
    as_of: 2022-10-01
    expect:
      - {obligation: classify, agency: BTC, status: overdue, reason: "50% (1/2)"}
)yaml") == "t.yaml\n  PASS  again\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
