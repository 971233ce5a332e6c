// Blocking through Evaluate(): an instance whose upstream (by depends_on or
// by task_dependency rows) is overdue or at risk is at risk itself, and its
// reason names the chain. Task-dependency cycles are data issues. The cases
// are set up as blocking_support.hpp says; task_graph_test.cpp tests the task
// graph against a brute-force search, and its cycles.
#include "blocking_support.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>  // prints Date in failures
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace dxcomply::blocking_support {
namespace {

BOOST_AUTO_TEST_SUITE(blocking)

BOOST_AUTO_TEST_CASE(a_chain_blocks_everything_downstream_and_is_named) {
  // a depends on b depends on c; c is overdue.
  const Report report = Evaluate(LateRule("c", "{agencies: [HA-NOI]}") +
                                     Rule("b", "{agencies: [HA-NOI]}", "2022-12-31", "[c]") +
                                     Rule("a", "{agencies: [HA-NOI]}", "2022-12-31", "[b]"),
                                 OnPaceTask(1, "HA-NOI", "b") + OnPaceTask(2, "HA-NOI", "a"));
  BOOST_TEST(Says(report, "c", "HA-NOI") ==
             "overdue: no task recorded, 15 days past the due date 2022-06-15");
  BOOST_TEST(Says(report, "b", "HA-NOI") == "at_risk: blocked by Hà Nội · c (overdue 15 days)");
  BOOST_TEST(Says(report, "a", "HA-NOI") ==
             "at_risk: blocked by Hà Nội · c (overdue 15 days) via Hà Nội · b (at risk, 184 "
             "days left)");
  BOOST_TEST(Chains(Find(report, "a", "HA-NOI")) ==
                 std::vector<std::string>{"HA-NOI·b (at_risk 184) <- HA-NOI·c (overdue 15)"},
             boost::test_tools::per_element());
  BOOST_TEST(Find(report, "a", "HA-NOI").days_left == 184);
  BOOST_TEST(Find(report, "c", "HA-NOI").blocked_by.empty());
  // The root cause holds back both, one directly.
  BOOST_TEST(Find(report, "c", "HA-NOI").holds_back_direct == 1);
  BOOST_TEST(Find(report, "c", "HA-NOI").holds_back == 2);
}

BOOST_AUTO_TEST_CASE(without_a_problem_upstream_nothing_is_blocked) {
  const Report report = Evaluate(Rule("c", "{agencies: [HA-NOI]}", "2022-06-15") +
                                     Rule("b", "{agencies: [HA-NOI]}", "2022-12-31", "[c]") +
                                     Rule("a", "{agencies: [HA-NOI]}", "2022-12-31", "[b]"),
                                 DoneTask(1, "HA-NOI", "c", "2022-06-01") +
                                     OnPaceTask(2, "HA-NOI", "b") + OnPaceTask(3, "HA-NOI", "a"));
  BOOST_TEST(Says(report, "c", "HA-NOI") == "met: completed, reached by the due date 2022-06-15");
  BOOST_TEST(Says(report, "b", "HA-NOI") ==
             "on_track: not completed, due 2022-12-31 in 184 days, on pace");
  BOOST_TEST(Says(report, "a", "HA-NOI") ==
             "on_track: not completed, due 2022-12-31 in 184 days, on pace");
}

BOOST_AUTO_TEST_CASE(a_diamond_gives_two_chains) {
  const Report report = Evaluate(
      LateRule("d", "{agencies: [HA-NOI]}") +
          Rule("b", "{agencies: [HA-NOI]}", "2022-12-31", "[d]") +
          Rule("c", "{agencies: [HA-NOI]}", "2022-12-31", "[d]") +
          Rule("a", "{agencies: [HA-NOI]}", "2022-12-31", "[b, c]"),
      OnPaceTask(1, "HA-NOI", "a") + OnPaceTask(2, "HA-NOI", "b") + OnPaceTask(3, "HA-NOI", "c"));
  BOOST_TEST(Says(report, "b", "HA-NOI") == "at_risk: blocked by Hà Nội · d (overdue 15 days)");
  BOOST_TEST(Says(report, "c", "HA-NOI") == "at_risk: blocked by Hà Nội · d (overdue 15 days)");
  BOOST_TEST(Says(report, "a", "HA-NOI") ==
             "at_risk: blocked by Hà Nội · d (overdue 15 days) via Hà Nội · b (at risk, 184 "
             "days left) and 1 more");
  BOOST_TEST(Chains(Find(report, "a", "HA-NOI")) ==
                 (std::vector<std::string>{"HA-NOI·b (at_risk 184) <- HA-NOI·d (overdue 15)",
                                           "HA-NOI·c (at_risk 184) <- HA-NOI·d (overdue 15)"}),
             boost::test_tools::per_element());
  BOOST_TEST(Find(report, "d", "HA-NOI").holds_back == 3);
}

BOOST_AUTO_TEST_CASE(the_worst_root_cause_comes_first) {
  // a waits on x (at risk: 5 days left) and on y (overdue): y is named.
  const Report report = Evaluate(Rule("x", "{agencies: [HA-NOI]}", "2022-07-05") +
                                     LateRule("y", "{agencies: [HA-NOI]}") +
                                     Rule("a", "{agencies: [HA-NOI]}", "2022-12-31", "[x, y]"),
                                 OnPaceTask(1, "HA-NOI", "x") + OnPaceTask(2, "HA-NOI", "a"));
  BOOST_TEST(Says(report, "x", "HA-NOI") ==
             "at_risk: not completed; due in 5 days (2022-07-05); at the progress reported it "
             "would be 58.6% done by 2022-07-05");
  BOOST_TEST(Says(report, "a", "HA-NOI") ==
             "at_risk: blocked by Hà Nội · y (overdue 15 days) and 1 more");
  BOOST_TEST(Chains(Find(report, "a", "HA-NOI")) ==
                 (std::vector<std::string>{"HA-NOI·y (overdue 15)", "HA-NOI·x (at_risk 5)"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_overdue_instance_keeps_its_status_and_adds_its_blocker) {
  const Report report = Evaluate(LateRule("c", "{agencies: [HA-NOI]}") +
                                     Rule("b", "{agencies: [HA-NOI]}", "2022-06-20", "[c]"),
                                 OnPaceTask(1, "HA-NOI", "b"));
  BOOST_TEST(Says(report, "b", "HA-NOI") ==
             "overdue: not completed, 10 days past the due date 2022-06-20; blocked by Hà Nội · c "
             "(overdue 15 days)");
}

BOOST_AUTO_TEST_CASE(cross_agency_dependencies) {
  const std::string rules =
      LateRule("popdb", "{agencies: [BCA]}") + LateRule("fix", "{kinds: [ministry]}") +
      Rule("connect", "{kinds: [province]}", "2022-12-31", "[{obligation: popdb, agency: BCA}]") +
      Rule("use", "{agencies: [HA-NOI]}", "2022-12-31",
           "[{obligation: fix, agencies: [BCA, BTP]}]") +
      Rule("use-kind", "{agencies: [HUE]}", "2022-12-31", "[{obligation: fix, kinds: [ministry]}]");
  const Report report =
      Evaluate(rules, DoneTask(1, "BTP", "fix", "2022-06-01") + OnPaceTask(2, "HA-NOI", "connect") +
                          OnPaceTask(3, "HUE", "connect") + OnPaceTask(4, "HA-NOI", "use") +
                          OnPaceTask(5, "HUE", "use-kind"));
  BOOST_TEST(Says(report, "fix", "BTP") == "met: completed, reached by the due date 2022-06-15");
  BOOST_TEST(Says(report, "connect", "HA-NOI") ==
             "at_risk: blocked by Bộ Công an · popdb (overdue 15 days)");
  BOOST_TEST(Says(report, "connect", "HUE") ==
             "at_risk: blocked by Bộ Công an · popdb (overdue 15 days)");
  // Of the listed agencies only BCA's instance holds it back.
  BOOST_TEST(Says(report, "use", "HA-NOI") ==
             "at_risk: blocked by Bộ Công an · fix (overdue 15 days)");
  BOOST_TEST(
      Chains(Find(report, "use", "HA-NOI")) == std::vector<std::string>{"BCA·fix (overdue 15)"},
      boost::test_tools::per_element());
  BOOST_TEST(Says(report, "use-kind", "HUE") ==
             "at_risk: blocked by Bộ Công an · fix (overdue 15 days)");
  BOOST_TEST(Find(report, "popdb", "BCA").holds_back == 2);
  BOOST_TEST(Find(report, "popdb", "BCA").holds_back_agencies == 2);
}

BOOST_AUTO_TEST_CASE(a_not_applicable_upstream_blocks_nothing) {
  // popdb has no instance for BTP's kind... and coverage with an empty base
  // is not applicable: neither holds anything back.
  const Report report = Evaluate(
      "  - id: approve\n    title: T\n    source: {document: D}\n    applies_to: {agencies: "
      "[BCA]}\n    due: 2022-06-15\n    check: {kind: coverage, table: information_system, "
      "satisfied: [{column: level_approved_on, op: not_null}]}\n" +
          Rule("connect", "{agencies: [HA-NOI]}", "2022-12-31",
               "[{obligation: approve, agency: BCA}]"),
      OnPaceTask(1, "HA-NOI", "connect"));
  BOOST_TEST(StatusName(Find(report, "approve", "BCA").status) == "not_applicable");
  BOOST_TEST(Says(report, "connect", "HA-NOI") ==
             "on_track: not completed, due 2022-12-31 in 184 days, on pace");
}

BOOST_AUTO_TEST_CASE(task_dependencies_link_instances_of_different_agencies) {
  const std::string rules =
      LateRule("guide", "{agencies: [BTP]}") + Rule("plan", "{kinds: [province]}", "2022-12-31");
  const Report report =
      Evaluate(rules, OpenTask(10, "BTP", "guide") + OnPaceTask(1, "HA-NOI", "plan") +
                          OnPaceTask(2, "HUE", "plan") + Waits(1, 10));
  BOOST_TEST(Says(report, "guide", "BTP") ==
             "overdue: not completed, 15 days past the due date 2022-06-15");
  // The chain names the task that holds it back, with its agency and duty.
  BOOST_TEST(Says(report, "plan", "HA-NOI") ==
             "at_risk: blocked by task 10 'Task 10' of Bộ Tư pháp · guide (overdue 15 days)");
  BOOST_TEST(Chains(Find(report, "plan", "HA-NOI")) ==
                 std::vector<std::string>{"task 10 of BTP·guide (overdue 15) [task 1 -> task 10]"},
             boost::test_tools::per_element());
  BOOST_TEST(Says(report, "plan", "HUE") ==
             "on_track: not completed, due 2022-12-31 in 184 days, on pace");
  BOOST_TEST(report.data_issues.empty());
}

BOOST_AUTO_TEST_CASE(completed_tasks_neither_wait_nor_hold_back) {
  // BTP's guide is overdue (1 of 2 done). HA-NOI's task waits on the done
  // one; HUE's done task waits on the open one.
  const std::string rules =
      LateRule("guide", "{agencies: [BTP]}") + Rule("plan", "{kinds: [province]}", "2022-12-31");
  const Report report = Evaluate(
      rules, DoneTask(10, "BTP", "guide", "2022-05-01") + OpenTask(11, "BTP", "guide") +
                 OnPaceTask(1, "HA-NOI", "plan") + DoneTask(2, "HUE", "plan", "2022-06-20") +
                 OnPaceTask(3, "HUE", "plan") + Waits(1, 10) + Waits(2, 11));
  BOOST_TEST(Says(report, "guide", "BTP") ==
             "overdue: 1 of 2 tasks completed, 15 days past the due date 2022-06-15");
  BOOST_TEST(Says(report, "plan", "HA-NOI") ==
             "on_track: not completed, due 2022-12-31 in 184 days, on pace");
  BOOST_TEST(StatusName(Find(report, "plan", "HUE").status) == "on_track");
  BOOST_TEST(Find(report, "plan", "HUE").blocked_by.empty());

  // Completed after T: still open on T, so it waits.
  const Report later = Evaluate(rules, DoneTask(10, "BTP", "guide", "2022-07-15") +
                                           OnPaceTask(1, "HA-NOI", "plan") + Waits(1, 10));
  BOOST_TEST(Says(later, "plan", "HA-NOI") ==
             "at_risk: blocked by task 10 'Task 10' of Bộ Tư pháp · guide (overdue 15 days)");
}

BOOST_AUTO_TEST_CASE(a_chain_through_a_task_of_no_rule) {
  // HA-NOI's task 1 waits on BCA's internal task 20, which waits on BTP's
  // overdue guide.
  const std::string rules =
      LateRule("guide", "{agencies: [BTP]}") + Rule("plan", "{kinds: [province]}", "2022-12-31");
  const Report report = Evaluate(
      rules, OpenTask(10, "BTP", "guide") + OnPaceTask(1, "HA-NOI", "plan") +
                 OpenTask(20, "BCA", "internal-prep", "Chuẩn bị") + Waits(1, 20) + Waits(20, 10));
  BOOST_TEST(Says(report, "plan", "HA-NOI") ==
             "at_risk: blocked by task 10 'Task 10' of Bộ Tư pháp · guide (overdue 15 days) via "
             "task 20 'Chuẩn bị' of Bộ Công an (not completed)");
  BOOST_TEST(
      Chains(Find(report, "plan", "HA-NOI")) ==
          std::vector<std::string>{
              "task 20 (at_risk 0) <- task 10 of BTP·guide (overdue 15) [task 1 -> task 20]"},
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(many_tasks_of_no_rule_are_each_named) {
  // More free tasks than one look-up query takes (500): HA-NOI's task 1 waits
  // on 1,201 internal tasks of BCA, each waiting on BTP's overdue guide.
  const std::string rules =
      LateRule("guide", "{agencies: [BTP]}") + Rule("plan", "{kinds: [province]}", "2022-12-31");
  std::string records = OpenTask(10, "BTP", "guide") + OnPaceTask(1, "HA-NOI", "plan");
  const int count = 1201;
  for (int id = 100; id < 100 + count; ++id) {
    records += OpenTask(id, "BCA", "internal-" + std::to_string(id), "Việc " + std::to_string(id)) +
               Waits(1, id) + Waits(id, 10);
  }
  const Report report = Evaluate(rules, records);
  const Finding& plan = Find(report, "plan", "HA-NOI");
  BOOST_TEST_REQUIRE(plan.blocked_by.size() == static_cast<std::size_t>(count));
  std::vector<std::string> named;
  for (const BlockerChain& chain : plan.blocked_by) {
    BOOST_TEST_REQUIRE(chain.chain.size() == 2u);
    const InstanceRef& task = chain.chain[0];
    BOOST_TEST(task.obligation_id == "internal-" + task.task_id);
    BOOST_TEST(task.title == "Việc " + task.task_id);
    BOOST_TEST(task.agency_name == "Bộ Công an");
    BOOST_TEST(chain.chain[1].obligation_id == "guide");
    named.push_back(task.task_id);
  }
  std::sort(named.begin(), named.end());
  BOOST_TEST((std::adjacent_find(named.begin(), named.end()) == named.end()));
  BOOST_TEST(Says(report, "plan", "HA-NOI").find(" and 1200 more") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(task_dependency_cycles_are_data_issues_naming_the_tasks) {
  // Cycles of length 1, 2 and 3 among tasks of overdue and on-pace
  // instances: each reported once, none used for blocking.
  const std::string rules =
      LateRule("guide", "{agencies: [BTP]}") + Rule("plan", "{kinds: [province]}", "2022-12-31");
  const Report report = Evaluate(
      rules, OpenTask(10, "BTP", "guide") + OnPaceTask(5, "HA-NOI", "plan") +
                 OnPaceTask(6, "HUE", "plan") + OpenTask(7, "BTP", "guide") +
                 OnPaceTask(8, "HA-NOI", "plan") + OpenTask(9, "BCA", "internal") + Waits(5, 5) +
                 Waits(6, 7) + Waits(7, 6) + Waits(8, 9) + Waits(9, 10) + Waits(10, 8));
  BOOST_TEST(Issues(report) ==
                 (std::vector<std::string>{
                     "task_dependency 10->8 depends_on '8': dependency cycle: task 8 -> task 9 "
                     "-> task 10 -> task 8 (ignored for blocking) [HA-NOI]",
                     "task_dependency 5->5 depends_on '5': dependency cycle: task 5 -> task 5 "
                     "(ignored for blocking) [HA-NOI]",
                     "task_dependency 7->6 depends_on '6': dependency cycle: task 6 -> task 7 "
                     "-> task 6 (ignored for blocking) [HUE]"}),
             boost::test_tools::per_element());
  // Evaluation still completes, and the cycles block no one.
  BOOST_TEST(report.findings.size() == 3u);
  BOOST_TEST(Says(report, "guide", "BTP") ==
             "overdue: 0 of 2 tasks completed, 15 days past the due date 2022-06-15");
  BOOST_TEST(StatusName(Find(report, "plan", "HA-NOI").status) == "on_track");
  BOOST_TEST(StatusName(Find(report, "plan", "HUE").status) == "on_track");
}

BOOST_AUTO_TEST_CASE(a_cycle_leaves_the_other_links_in_place) {
  // 1 <-> 2 is a cycle; 3 -> 10 is an ordinary link to an overdue instance.
  const std::string rules =
      LateRule("guide", "{agencies: [BTP]}") + Rule("plan", "{kinds: [province]}", "2022-12-31");
  const Report report =
      Evaluate(rules, OpenTask(10, "BTP", "guide") + OnPaceTask(1, "HA-NOI", "plan") +
                          OnPaceTask(2, "HA-NOI", "plan") + OnPaceTask(3, "HUE", "plan") +
                          Waits(1, 2) + Waits(2, 1) + Waits(3, 10));
  BOOST_TEST(Issues(report) == std::vector<std::string>{"task_dependency 2->1 depends_on '1': "
                                                        "dependency cycle: task 1 -> task 2 -> "
                                                        "task 1 (ignored for blocking) [HA-NOI]"},
             boost::test_tools::per_element());
  BOOST_TEST(Says(report, "plan", "HUE") ==
             "at_risk: blocked by task 10 'Task 10' of Bộ Tư pháp · guide (overdue 15 days)");
  BOOST_TEST(StatusName(Find(report, "plan", "HA-NOI").status) == "on_track");
}

BOOST_AUTO_TEST_CASE(instances_waiting_on_each_other_through_tasks) {
  // No task waits on itself, but HA-NOI's plan waits on BTP's guide (1 ->
  // 10) and BTP's guide on HA-NOI's plan (11 -> 3), whose task 3 waits on
  // BCA's overdue popdb (3 -> 20). Not a cycle: nothing is reported, no link
  // is left out, and the guide is held back through the plan's task 3.
  const std::string rules = LateRule("popdb", "{agencies: [BCA]}") +
                            Rule("guide", "{agencies: [BTP]}", "2022-12-31") +
                            Rule("plan", "{kinds: [province]}", "2022-12-31");
  const std::string records = OpenTask(20, "BCA", "popdb") + OnPaceTask(10, "BTP", "guide") +
                              OnPaceTask(11, "BTP", "guide") + OnPaceTask(1, "HA-NOI", "plan") +
                              OnPaceTask(3, "HA-NOI", "plan") + Waits(1, 10) + Waits(11, 3) +
                              Waits(3, 20);
  const Report report = Evaluate(rules, records, true);
  BOOST_TEST(Issues(report).empty());
  BOOST_TEST(Says(report, "plan", "HA-NOI") ==
             "at_risk: blocked by task 20 'Task 20' of Bộ Công an · popdb (overdue 15 days)");
  BOOST_TEST(Says(report, "guide", "BTP") ==
             "at_risk: blocked by task 20 'Task 20' of Bộ Công an · popdb (overdue 15 days) via "
             "task 3 'Task 3' of Hà Nội · plan (at risk, 184 days left)");
  BOOST_TEST(Chains(Find(report, "guide", "BTP")) ==
                 std::vector<std::string>{"task 3 of HA-NOI·plan (at_risk 184) <- task 20 of "
                                          "BCA·popdb (overdue 15) [task 11 -> task 3]"},
             boost::test_tools::per_element());
  // The plan's task 1 waits on the guide's task 10, which nothing holds back.
  BOOST_TEST(Find(report, "plan", "HA-NOI").blocked_by.size() == 1u);
  // popdb holds back both, through tasks.
  BOOST_TEST(Find(report, "popdb", "BCA").holds_back == 2);
  BOOST_TEST(Find(report, "popdb", "BCA").holds_back_direct == 1);
  // The graph shows both directions.
  BOOST_TEST_REQUIRE(report.graph.has_value());
  std::vector<std::string> links;
  for (const GraphView::Link& link : report.graph->links) {
    const auto name = [&](int node) {
      const Finding& f = report.findings[static_cast<std::size_t>(
          report.graph->nodes[static_cast<std::size_t>(node)].finding)];
      return f.agency->id + "·" + f.obligation->id;
    };
    links.push_back(name(link.waiting) + " -> " + name(link.upstream) + " [" + link.via_tasks +
                    "]");
  }
  std::sort(links.begin(), links.end());
  BOOST_TEST(links == (std::vector<std::string>{"BTP·guide -> HA-NOI·plan [task 11 -> task 3]",
                                                "HA-NOI·plan -> BCA·popdb [task 3 -> task 20]",
                                                "HA-NOI·plan -> BTP·guide [task 1 -> task 10]"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bad_task_dependency_rows_are_reported_and_skipped) {
  const std::string rules =
      LateRule("guide", "{agencies: [BTP]}") + Rule("plan", "{kinds: [province]}", "2022-12-31");
  const Report report = Evaluate(
      rules, OpenTask(10, "BTP", "guide") + OnPaceTask(1, "HA-NOI", "plan") + Waits(1, 999) +
                 Waits(998, 10) + "INSERT INTO task_dependency VALUES ('a', 10), (1, 2.5);\n");
  BOOST_TEST(Issues(report) ==
                 (std::vector<std::string>{
                     "task_dependency 1->2.5 depends_on '2.5': not a task id (row ignored) []",
                     "task_dependency 1->999 depends_on '999': unknown task (row ignored) []",
                     "task_dependency 998->10 task_id '998': unknown task (row ignored) []",
                     "task_dependency a->10 task_id 'a': not a task id (row ignored) []"}),
             boost::test_tools::per_element());
  BOOST_TEST(StatusName(Find(report, "plan", "HA-NOI").status) == "on_track");
}

BOOST_AUTO_TEST_CASE(free_tasks_nothing_reported_waits_on_change_no_finding) {
  // Without the graph's view, the order leaves out free tasks that no
  // instance waits on (21, 22, 23 below): the findings must not change.
  // BTP's guide is overdue; HA-NOI's plan waits on it through BCA's task 20;
  // HUE's tasks 21 and 22 and BCA's 23 wait on the plan or the guide, and
  // nothing waits on them; tasks 1 (HA-NOI's plan) and 30 (BTP's check)
  // wait on each other.
  const std::string rules = LateRule("guide", "{agencies: [BTP]}") +
                            Rule("plan", "{kinds: [province]}", "2022-12-31") +
                            Rule("check", "{agencies: [BTP]}", "2022-12-31");
  const std::string records =
      OpenTask(10, "BTP", "guide") + OnPaceTask(1, "HA-NOI", "plan") +
      OnPaceTask(2, "HUE", "plan") + OnPaceTask(30, "BTP", "check") +
      OpenTask(20, "BCA", "internal-prep") + OpenTask(21, "HUE", "internal-a") +
      OpenTask(22, "HUE", "internal-b") + OpenTask(23, "BCA", "internal-c") + Waits(1, 20) +
      Waits(20, 10) + Waits(21, 1) + Waits(22, 21) + Waits(23, 10) + Waits(30, 1) + Waits(1, 30);
  const Report reported = Evaluate(rules, records);
  const Report whole = Evaluate(rules, records, true);
  const auto describe = [](const Report& report) {
    std::vector<std::string> lines;
    for (const Finding& f : report.findings) {
      std::string line = f.obligation->id + " " + f.agency->id + " " + StatusName(f.status) + ": " +
                         f.reason + " | slack " +
                         (f.slack_days ? std::to_string(*f.slack_days) : "-") + " | holds back " +
                         std::to_string(f.holds_back) + "/" + std::to_string(f.holds_back_direct) +
                         " instances, " + std::to_string(f.holds_back_agencies) + "/" +
                         std::to_string(f.holds_back_agencies_direct) + " agencies";
      for (const std::string& chain : Chains(f)) line += " | " + chain;
      lines.push_back(line);
    }
    for (const std::string& issue : Issues(report)) lines.push_back(issue);
    return lines;
  };
  BOOST_TEST(describe(reported) == describe(whole), boost::test_tools::per_element());
  // The guide holds back BCA (tasks 20 and 23), HA-NOI's plan, and HUE
  // through tasks 21 and 22, which wait on that plan; BTP's check only
  // through the cycle of tasks 1 and 30, whose links are left out.
  BOOST_TEST(Find(reported, "guide", "BTP").holds_back_agencies == 3);
  BOOST_TEST(Issues(reported).size() == 1u);  // the cycle
  BOOST_TEST_REQUIRE(whole.graph.has_value());
  BOOST_TEST(!reported.graph.has_value());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply::blocking_support
