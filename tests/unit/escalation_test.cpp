// Escalation tiers: loaded from YAML with pinned messages, and the tier a
// finding reaches, counted in working days of the statutory calendar.
#include "engine/escalation.hpp"

#include "rules/yaml_loader.hpp"

#include <boost/test/unit_test.hpp>

namespace dxcomply {
namespace {

const char* const kTiers = R"(escalation:
  - tier: 1
    name: Nhắc đầu mối
    when: {status: [at_risk], due_within_warn_before: true}
  - tier: 2
    name: Công văn cảnh báo
    when: {status: [overdue], overdue_at_least: 1 working day}
  - tier: 3
    name: Báo cáo Ủy ban
    when_any:
      - {status: [overdue], overdue_at_least: 10 working days}
      - {status: [overdue, at_risk], blocks_other_agencies: true}
)";

RuleSet LoadTiers(const std::string& text, std::string* messages = nullptr) {
  RuleSet rules;
  Diagnostics diagnostics;
  LoadRuleText("rules/escalation.yaml", text, rules, diagnostics);
  if (messages != nullptr) {
    for (const Diagnostic& d : diagnostics.Sorted()) *messages += d.ToString() + "\n";
  }
  return rules;
}

// 2022-11-15 is a Tuesday.
Finding Late(const Date& as_of, Status status = Status::kOverdue) {
  Finding finding;
  finding.status = status;
  finding.due = Date(2022, 11, 15);
  finding.warn_from = Date(2022, 11, 1);
  finding.as_of = as_of;
  return finding;
}

int TierOf(const Finding& finding) {
  static const RuleSet rules = LoadTiers(kTiers);
  static const WorkCalendar calendar = WorkCalendar::Statutory();
  const EscalationTier* tier = EscalationTierOf(finding, rules.escalation, calendar);
  return tier == nullptr ? 0 : tier->level;
}

BOOST_AUTO_TEST_SUITE(escalation)

BOOST_AUTO_TEST_CASE(loads_tiers_in_order) {
  std::string messages;
  const RuleSet rules = LoadTiers(kTiers, &messages);
  BOOST_TEST(messages == "");
  BOOST_REQUIRE(rules.escalation.size() == 3u);
  BOOST_TEST(rules.escalation[2].name == "Báo cáo Ủy ban");
  BOOST_TEST(rules.escalation[2].when_any.size() == 2u);
  BOOST_TEST(rules.escalation[1].when_any[0].overdue_at_least->days == 1);
}

BOOST_AUTO_TEST_CASE(at_risk_inside_the_warning_window_is_tier_1) {
  BOOST_TEST(TierOf(Late(Date(2022, 11, 10), Status::kAtRisk)) == 1);
  BOOST_TEST(TierOf(Late(Date(2022, 10, 20), Status::kAtRisk)) == 0);  // window not open
  BOOST_TEST(TierOf(Late(Date(2022, 11, 10), Status::kOnTrack)) == 0);
}

BOOST_AUTO_TEST_CASE(overdue_counts_working_days) {
  BOOST_TEST(TierOf(Late(Date(2022, 11, 16))) == 2);  // Wednesday: 1 working day
  BOOST_TEST(TierOf(Late(Date(2022, 11, 28))) == 2);  // 9 working days
  BOOST_TEST(TierOf(Late(Date(2022, 11, 29))) == 3);  // 10 working days
}

BOOST_AUTO_TEST_CASE(a_weekend_is_not_a_working_day_overdue) {
  Finding finding = Late(Date(2022, 11, 19));  // Saturday after a Friday deadline
  finding.due = Date(2022, 11, 18);
  BOOST_TEST(TierOf(finding) == 0);
  finding.as_of = Date(2022, 11, 21);  // Monday
  BOOST_TEST(TierOf(finding) == 2);
}

BOOST_AUTO_TEST_CASE(holding_back_another_agency_is_tier_3) {
  Finding finding = Late(Date(2022, 11, 10), Status::kAtRisk);
  finding.holds_back_other_agencies = 1;
  BOOST_TEST(TierOf(finding) == 3);
}

BOOST_AUTO_TEST_CASE(errors_name_the_place) {
  std::string messages;
  LoadTiers(R"(escalation:
  - tier: 1
    name: A
    when: {status: [at_risk], overdue_atleast: 2}
  - tier: 1
    name: B
    when: {status: [overdue]}
)",
            &messages);
  BOOST_TEST(messages.find("rules/escalation.yaml:4:") != std::string::npos, messages);
  BOOST_TEST(messages.find("overdue_atleast") != std::string::npos, messages);
  BOOST_TEST(messages.find("tier 1 is declared twice") != std::string::npos, messages);
}

BOOST_AUTO_TEST_CASE(a_tier_must_say_when_it_applies) {
  std::string messages;
  const RuleSet rules = LoadTiers(R"(escalation:
  - tier: 1
    name: A
    when: {}
  - tier: 2
    name: B
    when_any: []
  - tier: 0
    name: C
    when: {status: [met]}
)",
                                  &messages);
  BOOST_TEST(messages.find("rules/escalation.yaml:4:") != std::string::npos, messages);
  BOOST_TEST(messages.find("an escalation condition needs at least one of") != std::string::npos,
             messages);
  BOOST_TEST(messages.find("when_any must be a non-empty list") != std::string::npos, messages);
  BOOST_TEST(messages.find("tier must be between 1 and 9") != std::string::npos, messages);
  BOOST_TEST(messages.find("not 'met'") == std::string::npos, messages);  // the tier was dropped
  BOOST_TEST(rules.escalation.size() == 2u);
  BOOST_TEST(rules.escalation[0].when_any.empty());  // tier 1 never applies: its error says why
}

BOOST_AUTO_TEST_CASE(a_condition_that_says_nothing_by_its_values_is_refused) {
  // Keys present, yet none narrows the findings: each would match them all.
  std::string messages;
  const RuleSet rules = LoadTiers(R"(escalation:
  - tier: 1
    name: A
    when: {status: []}
  - tier: 2
    name: B
    when: {due_within_warn_before: false}
  - tier: 3
    name: C
    when: {blocks_other_agencies: false}
  - tier: 3
    name: D
    when: {status: [overdue]}
)",
                                  &messages);
  for (const char* line :
       {"rules/escalation.yaml:4:", "rules/escalation.yaml:7:", "rules/escalation.yaml:10:"}) {
    BOOST_TEST(messages.find(std::string(line) + "11: error") != std::string::npos, messages);
  }
  // The duplicate names where the first one is, file included.
  BOOST_TEST(messages.find("(first at rules/escalation.yaml:8:") != std::string::npos, messages);
  for (const EscalationTier& tier : rules.escalation) {
    BOOST_TEST(tier.when_any.size() == (tier.name == "D" ? 1u : 0u), tier.name);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
