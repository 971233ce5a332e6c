// The loader's messages are part of the interface: these tests pin them.
#include "rules/yaml_loader.hpp"

#include "rules/authority_loader.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>  // prints Date in failures
#include <boost/test/unit_test.hpp>

namespace dxcomply {
namespace {

std::string Load(const std::string& text, RuleSet* out = nullptr) {
  RuleSet rules;
  Diagnostics diagnostics;
  LoadRuleText("rules/x.yaml", text, rules, diagnostics);
  if (out != nullptr) *out = rules;
  std::string all;
  for (const Diagnostic& diagnostic : diagnostics.Sorted()) all += diagnostic.ToString() + "\n";
  return all;
}

const char* const kValid = R"(theme: Thử nghiệm
obligations:
  - id: plan-2023
    title: Ban hành kế hoạch năm 2023
    source: {document: "Báo cáo 002", passage: "trước ngày 15/12/2022"}
    applies_to: {kinds: [province], except: [HA-NOI]}
    due: 2022-12-15
    warn_before: 10
    check:
      kind: coverage
      table: information_system
      where:
        - {column: level, op: in, values: [3, 4, 5]}
      satisfied: {column: level_approved_on, op: le, value: $due}
      target: 80%
    depends_on:
      - plan-5y
      - {obligation: popdb-open, agency: BCA, lead_time: 10}
      - {obligation: fix, agencies: [BTP, BYT], kinds: [ministry]}
)";

BOOST_AUTO_TEST_SUITE(yaml_loader)

BOOST_AUTO_TEST_CASE(loads_every_key_of_an_obligation) {
  RuleSet rules;
  BOOST_TEST(Load(kValid, &rules) == "");
  BOOST_TEST_REQUIRE(rules.obligations.size() == 1u);
  const Obligation& o = rules.obligations[0];
  BOOST_TEST(o.id == "plan-2023");
  BOOST_TEST(o.theme == "Thử nghiệm");
  BOOST_TEST(o.title == "Ban hành kế hoạch năm 2023");
  BOOST_TEST(o.source.passage == "trước ngày 15/12/2022");
  BOOST_TEST(o.applies_to.kinds == std::vector<std::string>{"province"});
  BOOST_TEST(o.applies_to.except == std::vector<std::string>{"HA-NOI"});
  BOOST_TEST(o.due.date == Date(2022, 12, 15));
  BOOST_TEST(o.warn_before.days == 10);
  BOOST_TEST((o.warn_before.unit == DayUnit::kCalendar));
  BOOST_TEST(o.lookback_days == kDefaultLookbackDays);
  BOOST_TEST(o.check.target == 0.8);
  BOOST_TEST_REQUIRE(o.check.where.size() == 1u);
  BOOST_TEST(o.check.where[0].values.size() == 3u);
  BOOST_TEST_REQUIRE(o.check.satisfied.size() == 1u);
  BOOST_TEST((o.check.satisfied[0].values[0].kind == Operand::Kind::kDue));
  BOOST_TEST_REQUIRE(o.depends_on.size() == 3u);
  BOOST_TEST(o.depends_on[1].agencies == std::vector<std::string>{"BCA"});
  BOOST_TEST(o.depends_on[1].lead_time_days == 10);
  BOOST_TEST(o.depends_on[2].kinds == std::vector<std::string>{"ministry"});
  BOOST_TEST(o.location.line == 3);
  BOOST_TEST(o.location.column == 9);
}

BOOST_AUTO_TEST_CASE(unknown_operator_suggests_the_right_one) {
  std::string text = kValid;
  text.replace(text.find("op: le"), 6, "op: lte");
  BOOST_TEST(Load(text) ==
             "rules/x.yaml:14:50: error [plan-2023]: unknown operator 'lte' (expected: le)\n"
             "          satisfied: {column: level_approved_on, op: lte, value: $due}\n"
             "                                                     ^\n");
}

BOOST_AUTO_TEST_CASE(unknown_key_is_an_error_with_a_suggestion) {
  std::string text = kValid;
  text.replace(text.find("warn_before"), 11, "warn_befor");
  BOOST_TEST(Load(text) ==
             "rules/x.yaml:8:5: error [plan-2023]: unknown key 'warn_befor' in an obligation "
             "(did you mean 'warn_before'?)\n"
             "        warn_befor: 10\n"
             "        ^\n");
}

BOOST_AUTO_TEST_CASE(bad_due_date_names_the_value) {
  std::string text = kValid;
  text.replace(text.find("due: 2022-12-15"), 15, "due: 2022-02-30");
  BOOST_TEST(Load(text) ==
             "rules/x.yaml:7:10: error [plan-2023]: due must be an ISO date YYYY-MM-DD that "
             "exists, not '2022-02-30'\n"
             "        due: 2022-02-30\n"
             "             ^\n");
}

BOOST_AUTO_TEST_CASE(columns_count_characters_not_bytes) {
  // "tiêu đề" has multi-byte letters; the caret must sit under the key.
  const std::string text = "obligations:\n  - id: a\n    tiêu_đề: x\n";
  const std::string all = Load(text);
  BOOST_TEST(all.find("rules/x.yaml:3:5: error [a]: unknown key 'tiêu_đề' in an obligation") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(malformed_yaml_points_at_the_problem) {
  BOOST_TEST(Load("obligations:\n  - id: a\n    applies_to: {kinds: [province\n") ==
             "rules/x.yaml:4:1: error: invalid YAML: end of sequence flow not found\n");
}

BOOST_AUTO_TEST_CASE(reports_every_problem_not_just_the_first) {
  const std::string text = R"(obligations:
  - id: a
    title: A
    source: {document: D}
    applies_to: {kinds: [provinces]}
    due: 30/09/2022
    check: {kind: coverage, table: t, satisfied: [{column: c, op: gte, value: 1}], target: 150%}
)";
  const std::string all = Load(text);
  BOOST_TEST(all.find("unknown agency kind 'provinces'") != std::string::npos);
  BOOST_TEST(all.find("due must be an ISO date YYYY-MM-DD that exists, not '30/09/2022'") !=
             std::string::npos);
  BOOST_TEST(all.find("unknown operator 'gte' (expected: ge)") != std::string::npos);
  BOOST_TEST(all.find("target must be a share above 0% and at most 100%") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(keys_that_do_not_fit_the_check_kind_are_errors) {
  const std::string text = R"(obligations:
  - id: a
    title: A
    source: {document: D}
    applies_to: {kinds: [province]}
    due: 2022-09-30
    check: {kind: count, table: security_staff, at_least: 5, target: 100%}
)";
  BOOST_TEST(Load(text).find("error [a]: 'target' does not apply to a count check (it takes: "
                             "kind, table, where, at_least)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_required_keys_are_named) {
  const std::string all = Load("obligations:\n  - id: a\n    title: A\n");
  for (const char* key :
       {"missing 'source'", "missing 'applies_to'", "missing 'due'", "missing 'check'"}) {
    BOOST_TEST_CONTEXT(key) { BOOST_TEST(all.find(key) != std::string::npos); }
  }
}

// lead_time reads as warn_before does; `complete` takes all or any, and a
// target contradicts any; a column may be optional.
BOOST_AUTO_TEST_CASE(lead_time_complete_and_optional_columns) {
  const std::string rule = R"(obligations:
  - id: a
    title: A
    source: {document: D}
    applies_to: {kinds: [province]}
    due: 2022-09-30
    lead_time: LEAD
    check: {kind: task, complete: COMPLETE}
tables:
  - name: task
    columns:
      - {name: planned_days, type: integer, optional: true}
)";
  const auto with = [&](const std::string& lead, const std::string& complete) {
    std::string text = rule;
    text.replace(text.find("LEAD"), 4, lead);
    text.replace(text.find("COMPLETE"), 8, complete);
    return text;
  };
  RuleSet rules;
  BOOST_TEST(Load(with("20 working days", "any"), &rules) == "");
  BOOST_TEST_REQUIRE(rules.obligations.size() == 1u);
  const Obligation& o = rules.obligations[0];
  BOOST_TEST_REQUIRE(o.lead_time.has_value());
  BOOST_TEST(o.lead_time->days == 20);
  BOOST_TEST((o.lead_time->unit == DayUnit::kWorking));
  BOOST_TEST((o.check.complete == TaskRowsNeeded::kAny));
  BOOST_TEST_REQUIRE(rules.tables.size() == 1u);
  BOOST_TEST(rules.tables[0].columns.at(0).optional);
  BOOST_TEST(Load(with("30", "all"), &rules) == "");
  BOOST_TEST((rules.obligations[0].check.complete == TaskRowsNeeded::kAll));

  BOOST_TEST(Load(with("a month", "all")) ==
             "rules/x.yaml:7:16: error [a]: lead_time must be a number of days: 14, \"14 days\" "
             "or \"10 working days\"\n"
             "        lead_time: a month\n"
             "                   ^\n");
  BOOST_TEST(Load(with("30", "some")).find("error [a]: complete must be all or any, not 'some'") !=
             std::string::npos);
  std::string targeted = with("30", "any");
  targeted.replace(targeted.find("complete: any"), 13, "complete: any, target: 50%");
  BOOST_TEST(Load(targeted).find("error [a]: complete: any takes no target (one completed task "
                                 "row reaches it)") != std::string::npos);
  std::string coverage = with("30", "any");
  coverage.replace(coverage.find("kind: task"), 10, "kind: coverage, table: t, satisfied: []");
  BOOST_TEST(Load(coverage).find("'complete' does not apply to a coverage check") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(duties_over_time_keys) {
  std::string text = kValid;
  text.replace(text.find("    due: 2022-12-15\n"), 19,
               "    due: {date: 2022-12-15, assumed: true}\n    issued_on: 2022-07-01\n"
               "    until: 2024-03-03\n    on_succession: every\n");
  const std::string passage = "passage: \"trước ngày 15/12/2022\"}";
  text.replace(text.find(passage), passage.size(),
               "passage: \"trước ngày 15/12/2022\", basis: \"Quyết định số 1\", "
               "basis_date: 2022-07-01}");
  RuleSet rules;
  BOOST_TEST(Load(text, &rules) == "");
  BOOST_TEST_REQUIRE(rules.obligations.size() == 1u);
  const Obligation& o = rules.obligations[0];
  BOOST_TEST(o.due.assumed);
  BOOST_TEST((o.until == Date(2024, 3, 3)));
  BOOST_TEST((o.on_succession == OnSuccession::kEvery));
  BOOST_TEST(o.source.basis == "Quyết định số 1");
  BOOST_TEST((o.source.basis_date == Date(2022, 7, 1)));
}

BOOST_AUTO_TEST_CASE(until_not_after_issued_on_and_bad_on_succession_are_errors) {
  std::string text = kValid;
  text.replace(text.find("    due: 2022-12-15\n"), 19,
               "    due: 2022-12-15\n    issued_on: 2022-07-01\n    until: 2022-07-01\n"
               "    on_succession: lapses\n");
  BOOST_TEST(Load(text) ==
             "rules/x.yaml:9:12: error [plan-2023]: until is not after issued_on: the duty would "
             "never be in force\n"
             "        until: 2022-07-01\n"
             "               ^\n"
             "rules/x.yaml:10:20: error [plan-2023]: on_succession must be main, every or lapse, "
             "not 'lapses' (did you mean 'lapse'?)\n"
             "        on_succession: lapses\n"
             "                       ^\n");
}

BOOST_AUTO_TEST_CASE(authorities_load_and_must_follow_each_other) {
  const std::string entry = R"(  - {FROM body: B, head: H, standing_body: {agency: A, name: N},
     letterhead: [L], signing_title: [S1, S2], source: D}
)";
  const auto with = [&](const std::string& dates) {
    std::string text = entry;
    text.replace(text.find("FROM"), 4, dates);
    return text;
  };
  RuleSet rules;
  BOOST_TEST(Load("authorities:\n" + with("until: 2025-03-13,") +
                      with("from: 2025-03-13, reply_to: R, escalation_tiers: {3: T3}, "
                           "escalation_tiers_en: {3: T3 en},"),
                  &rules) == "");
  BOOST_TEST_REQUIRE(rules.authorities.size() == 2u);
  BOOST_TEST(rules.authorities[1].reply_to_name == "R");
  BOOST_TEST(rules.authorities[0].reply_to_name == "N");  // the standing body by default
  BOOST_TEST(rules.authorities[1].signing_title == (std::vector<std::string>{"S1", "S2"}));
  BOOST_TEST(rules.authorities[1].escalation_tiers.at(3) == "T3");

  // The escalation tiers take the names of the authority in force.
  rules.escalation = {EscalationTier{3, "Báo cáo Ủy ban", "Report to the Committee", {}, {}}};
  BOOST_TEST(rules.EscalationOn(Date(2025, 3, 12))[0].name == "Báo cáo Ủy ban");
  BOOST_TEST(rules.EscalationOn(Date(2025, 3, 12))[0].name_en == "Report to the Committee");
  BOOST_TEST(rules.EscalationOn(Date(2025, 3, 13))[0].name == "T3");
  // In English too: the authority's English name, never the old body's.
  BOOST_TEST(rules.EscalationOn(Date(2025, 3, 13))[0].name_en == "T3 en");
  rules.authorities[1].escalation_tiers_en.clear();
  BOOST_TEST(rules.EscalationOn(Date(2025, 3, 13))[0].name_en == "");
  BOOST_TEST(rules.AuthorityOn(Date(2026, 12, 1)) == &rules.authorities[1]);

  // Checked once every file is read: a gap, an overlap.
  for (const auto& [second, message] :
       {std::pair<std::string, std::string>{
            "from: 2025-03-20,",
            "no authority from 2025-03-13 to 2025-03-19: a letter dated "
            "then would have no issuer"},
        {"from: 2025-03-01,",
         "in force from 2025-03-01 while the authority at rules/x.yaml:2:5 "
         "is, until 2025-03-13: two authorities on one day"}}) {
    RuleSet loaded;
    Diagnostics diagnostics;
    LoadRuleText("rules/x.yaml", "authorities:\n" + with("until: 2025-03-13,") + with(second),
                 loaded, diagnostics);
    BOOST_TEST(!diagnostics.HasErrors());
    CheckAuthorities(loaded, diagnostics);
    BOOST_TEST_REQUIRE(diagnostics.error_count() == 1u);
    BOOST_TEST(diagnostics.Sorted()[0].message == message);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
