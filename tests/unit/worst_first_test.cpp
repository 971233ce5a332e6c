// MoveToPositions: every finding ends at its position, whatever the shape
// of the permutation (the large country's is one cycle through nearly every
// finding, which the two threads share by cutting it in two).
#include "engine/worst_first.hpp"

#include "eval/deadlines.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace dxcomply {
namespace {

// Findings told apart by their reason, "finding <i>" (long enough to live
// on the heap, so a moved-from finding shows as an empty reason).
std::vector<Finding> Numbered(std::size_t count) {
  std::vector<Finding> findings(count);
  for (std::size_t i = 0; i < count; ++i) {
    findings[i].reason = "finding number " + std::to_string(i) + " of the test";
    findings[i].days_left = static_cast<int>(i);
  }
  return findings;
}

void CheckMoved(const std::vector<int>& position) {
  std::vector<Finding> findings = Numbered(position.size());
  MoveToPositions(findings, position);
  for (std::size_t i = 0; i < position.size(); ++i) {
    const Finding& landed = findings[static_cast<std::size_t>(position[i])];
    BOOST_TEST_CONTEXT("finding " << i << " to " << position[i]) {
      BOOST_TEST(landed.reason == "finding number " + std::to_string(i) + " of the test");
      BOOST_TEST(landed.days_left == static_cast<int>(i));
    }
  }
}

// One cycle through all of them: i goes to i + 1, the last to 0.
std::vector<int> OneCycle(std::size_t count) {
  std::vector<int> position(count);
  for (std::size_t i = 0; i < count; ++i) position[i] = static_cast<int>((i + 1) % count);
  return position;
}

BOOST_AUTO_TEST_SUITE(worst_first)

BOOST_AUTO_TEST_CASE(nothing_and_identity_stay) {
  CheckMoved({});
  CheckMoved({0});
  CheckMoved({0, 1, 2, 3});
}

BOOST_AUTO_TEST_CASE(one_cycle_cut_between_the_threads) {
  for (std::size_t count : {2u, 3u, 4u, 5u, 101u, 1000u}) {
    BOOST_TEST_CONTEXT("cycle of " << count) { CheckMoved(OneCycle(count)); }
  }
}

BOOST_AUTO_TEST_CASE(swaps_and_fixed_points) {
  CheckMoved({1, 0, 2, 4, 3, 5, 7, 6});
  CheckMoved({1, 0});
}

BOOST_AUTO_TEST_CASE(a_cycle_ending_at_the_halfway_mark) {
  // Cycles of 4 and 4: the cut falls between them, no cycle is cut.
  CheckMoved({1, 2, 3, 0, 5, 6, 7, 4});
  // Cycles of 3, 2 and 5 (10 moves): the halfway mark is inside the third.
  CheckMoved({1, 2, 0, 4, 3, 6, 7, 8, 9, 5});
}

BOOST_AUTO_TEST_CASE(random_permutations) {
  std::mt19937 random(20221101);
  for (std::size_t count : {7u, 64u, 1000u, 4096u}) {
    std::vector<int> position(count);
    std::iota(position.begin(), position.end(), 0);
    for (int round = 0; round < 5; ++round) {
      std::shuffle(position.begin(), position.end(), random);
      BOOST_TEST_CONTEXT("permutation of " << count << ", round " << round) {
        CheckMoved(position);
      }
    }
  }
}

// The at-risk list's key: tier heading for, then latest start, then
// agencies and instances held back; days left only after them. Overdue
// findings keep their order by days overdue whatever those say.
BOOST_AUTO_TEST_CASE(at_risk_findings_go_by_their_priority) {
  const WorkCalendar calendar = WorkCalendar::Statutory();
  const Deadlines deadlines(calendar);
  const std::vector<Agency> listed = {{"A", "A", "province"}, {"B", "B", "province"},
                                      {"C", "C", "province"}, {"D", "D", "province"},
                                      {"E", "E", "province"}, {"F", "F", "province"}};
  const AgencyDirectory agencies(listed);
  RuleSet rules;
  Obligation rule;
  rule.id = "x";
  rule.applies_to.kinds = {"province"};
  rule.due.date = Date(2023, 1, 31);
  rules.obligations.push_back(rule);
  const InstanceTable instances(rules, agencies, -1, deadlines, Date(2023, 1, 1));
  BOOST_TEST_REQUIRE(instances.size() == 6);
  const auto at_risk = [](int tier, DayNumber latest_start, int agencies_held, int held,
                          int days_left) {
    OrderFacts facts;
    facts.status = Status::kAtRisk;
    facts.heading_tier = tier;
    facts.latest_start = latest_start;
    facts.holds_back_agencies = agencies_held;
    facts.holds_back = held;
    facts.days_left = days_left;
    return facts;
  };
  OrderFacts overdue;
  overdue.status = Status::kOverdue;
  overdue.days_overdue = 3;
  overdue.heading_tier = 0;
  const std::vector<OrderFacts> facts = {
      at_risk(2, 100, 0, 0, 1),   // A: 4th, tier 2, latest start 100
      at_risk(2, 90, 1, 5, 30),   // B: 3rd: the earlier latest start
      at_risk(3, 200, 0, 0, 60),  // C: 1st: tier 3 whatever else
      at_risk(2, 90, 2, 1, 40),   // D: 2nd: more agencies held back than B
      overdue,                    // E: overdue, before every at-risk one
      at_risk(2, 100, 0, 0, 2),   // F: 5th: ties A but for days left
  };
  const std::vector<int> position = WorstFirstPositions(facts, instances, rules, agencies);
  BOOST_TEST(position == (std::vector<int>{4, 3, 1, 2, 0, 5}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
