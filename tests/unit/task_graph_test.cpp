// Blocking computed on the task graph, not on instances lifted from tasks:
// instances may wait on each other through tasks without any task waiting
// on itself, and that is no cycle. Checked against a brute-force search
// written here on its own, and with true task cycles of 2, 3 and 1,000
// tasks. Also how slack, impact and chains read the task graph.
#include "blocking_support.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>  // prints Date in failures
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace dxcomply::blocking_support {
namespace {

// Provinces PA, PB, ... with the ministries BCA and BTP.
std::string Agencies(int provinces) {
  std::string sql =
      "INSERT INTO agency (id, name, kind) VALUES ('BCA', 'Bộ Công an', 'ministry'),\n"
      " ('BTP', 'Bộ Tư pháp', 'ministry')";
  for (int i = 0; i < provinces; ++i) {
    const std::string letter(1, static_cast<char>('A' + i));
    sql += ",\n ('P" + letter + "', 'Tỉnh " + letter + "', 'province')";
  }
  return sql + ";\n";
}

// The task ids a "dependency cycle: task 8 -> task 9 -> task 8 ..." issue
// names.
std::set<std::string> CycleTasks(const DataIssue& issue) {
  std::set<std::string> tasks;
  std::istringstream words(issue.problem);
  std::string word;
  bool next_is_id = false;
  while (words >> word) {
    if (next_is_id) tasks.insert(word);
    next_is_id = word == "task";
  }
  return tasks;
}

std::set<std::string> Range(int first, int last) {
  std::set<std::string> ids;
  for (int id = first; id <= last; ++id) ids.insert(std::to_string(id));
  return ids;
}

// The graph view's links as "waiting -> upstream", an instance named
// "agency·obligation", a task of none "task N".
std::set<std::string> ShownLinks(const Report& report) {
  const auto name = [&](int node) {
    const GraphView::Node& n = report.graph->nodes[static_cast<std::size_t>(node)];
    if (n.finding < 0) return "task " + n.task.task_id;
    const Finding& f = report.findings[static_cast<std::size_t>(n.finding)];
    return f.agency->id + "·" + f.obligation->id;
  };
  std::set<std::string> links;
  for (const GraphView::Link& link : report.graph->links) {
    links.insert(name(link.waiting) + " -> " + name(link.upstream));
  }
  return links;
}

BOOST_AUTO_TEST_SUITE(task_graph)

// A small random country whose task rows form no cycle (each task waits
// only on tasks with lower ids) while its instances wait on each other in
// both directions. Checked: no circular wait, every link shown, and the
// blocked instances those of a plain depth-first search from each open
// task.
BOOST_AUTO_TEST_CASE(acyclic_tasks_between_instances_that_wait_on_each_other) {
  const int provinces = 6;
  // late: overdue in PA and PD; soon: at risk (5 days left) in PB; work-*:
  // on pace everywhere, so blocked only through tasks.
  const std::string rules = LateRule("late", "{agencies: [PA, PD]}") +
                            Rule("soon", "{agencies: [PB]}", "2022-07-05") +
                            Rule("work-a", "{kinds: [province]}", "2022-12-31") +
                            Rule("work-b", "{kinds: [province]}", "2022-12-31") +
                            Rule("work-c", "{kinds: [province]}", "2022-12-31");

  struct Task {
    int id;
    std::string agency;
    std::string obligation;  // a rule's id, or internal-N (a task of no instance)
    bool done;
  };
  std::vector<Task> tasks;
  std::uint32_t seed = 20261207;
  const auto random = [&seed](std::uint32_t below) {
    seed = seed * 1664525u + 1013904223u;  // the same numbers on every platform
    return (seed >> 8) % below;
  };
  const auto province = [](std::uint32_t i) {
    return "P" + std::string(1, static_cast<char>('A' + i));
  };
  // Every instance has an open task; then 240 more, some completed.
  for (const char* late : {"PA", "PD"}) tasks.push_back({0, late, "late", false});
  tasks.push_back({0, "PB", "soon", false});
  for (int p = 0; p < provinces; ++p) {
    for (const char* work : {"work-a", "work-b", "work-c"})
      tasks.push_back({0, province(p), work, false});
  }
  for (int i = 0; i < 240; ++i) {
    const std::uint32_t kind = random(100);
    if (kind < 6) {
      tasks.push_back({0, random(2) == 0 ? "PA" : "PD", "late", false});
    } else if (kind < 10) {
      tasks.push_back({0, "PB", "soon", false});
    } else if (kind < 25) {
      tasks.push_back(
          {0, province(random(provinces)), "internal-" + std::to_string(i), random(4) == 0});
    } else {
      const char* work[] = {"work-a", "work-b", "work-c"};
      tasks.push_back({0, province(random(provinces)), work[random(3)], random(6) == 0});
    }
  }
  std::string records;
  std::map<int, Task> by_id;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    Task& task = tasks[i];
    task.id = static_cast<int>(i) + 1;
    by_id[task.id] = task;
    records += task.done ? DoneTask(task.id, task.agency, task.obligation, "2022-05-01")
                         : OnPaceTask(task.id, task.agency, task.obligation);
  }
  // Each task waits on up to three earlier ones, anywhere; the late tasks
  // on none (so that no due date in the past reaches anyone's slack).
  std::map<int, std::vector<int>> waits_on;
  for (const Task& task : tasks) {
    if (task.obligation == "late" || task.id == 1) continue;
    for (std::uint32_t k = random(4); k > 0; --k) {
      const int upstream = 1 + static_cast<int>(random(static_cast<std::uint32_t>(task.id - 1)));
      std::vector<int>& upstreams = waits_on[task.id];
      if (std::find(upstreams.begin(), upstreams.end(), upstream) != upstreams.end()) continue;
      upstreams.push_back(upstream);
      records += Waits(task.id, upstream);
    }
  }

  // The brute force. An instance is "agency·obligation"; a task of none has
  // no instance.
  const auto instance_of = [&](int id) -> std::optional<std::string> {
    const Task& task = by_id.at(id);
    if (task.obligation.rfind("internal-", 0) == 0) return std::nullopt;
    return task.agency + "·" + task.obligation;
  };
  const auto late_or_soon = [&](int id) {
    const std::string& obligation = by_id.at(id).obligation;
    return obligation == "late" || obligation == "soon";
  };
  // Is anything this open task waits on, through open tasks, a task of an
  // overdue or at-risk instance?
  const std::function<bool(int, std::set<int>&)> waits_on_a_problem = [&](int id,
                                                                          std::set<int>& seen) {
    for (int upstream : waits_on[id]) {
      if (by_id.at(upstream).done || !seen.insert(upstream).second) continue;
      if (late_or_soon(upstream) || waits_on_a_problem(upstream, seen)) return true;
    }
    return false;
  };
  std::set<std::string> blocked;
  for (const Task& task : tasks) {
    if (task.done || late_or_soon(task.id) || !instance_of(task.id)) continue;
    std::set<int> seen;
    if (waits_on_a_problem(task.id, seen)) blocked.insert(*instance_of(task.id));
  }
  // The links between what the view shows, between open tasks, and a
  // check that instances do wait on each other in a circle.
  std::set<std::string> links;
  std::map<std::string, std::set<std::string>> instance_waits_on;
  for (const auto& [id, upstreams] : waits_on) {
    for (int upstream : upstreams) {
      if (by_id.at(id).done || by_id.at(upstream).done) continue;
      const auto from = instance_of(id);
      const auto to = instance_of(upstream);
      const std::string waiting = from ? *from : "task " + std::to_string(id);
      const std::string waited = to ? *to : "task " + std::to_string(upstream);
      if (waiting == waited) continue;
      links.insert(waiting + " -> " + waited);
      if (from && to) instance_waits_on[*from].insert(*to);
    }
  }
  bool instances_circle = false;
  for (const auto& [from, tos] : instance_waits_on) {
    for (const std::string& to : tos) {
      if (instance_waits_on.count(to) && instance_waits_on[to].count(from)) instances_circle = true;
    }
  }
  BOOST_TEST_REQUIRE(instances_circle);  // else the test would prove nothing
  BOOST_TEST_REQUIRE(!blocked.empty());

  const Report report = Evaluate(rules, records, true, Agencies(provinces));
  BOOST_TEST(Issues(report).empty());
  BOOST_TEST(ShownLinks(report) == links, boost::test_tools::per_element());
  std::set<std::string> found;
  for (const Finding& f : report.findings) {
    const std::string name = f.agency->id + "·" + f.obligation->id;
    if (f.obligation->id == "late") {
      BOOST_TEST(StatusName(f.status) == "overdue", name);
      continue;
    }
    if (f.obligation->id == "soon") {
      BOOST_TEST(StatusName(f.status) == "at_risk", name);
      continue;
    }
    BOOST_TEST(StatusName(f.status) == (f.blocked_by.empty() ? "on_track" : "at_risk"), name);
    if (!f.blocked_by.empty()) found.insert(name);
    // Each chain: own task -> task -> ... -> a task of a late or soon
    // instance, every step a task_dependency row between open tasks.
    for (const BlockerChain& chain : f.blocked_by) {
      BOOST_TEST_REQUIRE(!chain.via_tasks.empty());
      int waiting = std::stoi(chain.via_tasks.substr(5, chain.via_tasks.find(" ->") - 5));
      BOOST_TEST((instance_of(waiting) == std::optional<std::string>(name)));
      for (const InstanceRef& ref : chain.chain) {
        BOOST_TEST_REQUIRE(!ref.task_id.empty());
        const int upstream = std::stoi(ref.task_id);
        const std::vector<int>& named = waits_on[waiting];
        BOOST_TEST((std::find(named.begin(), named.end(), upstream) != named.end()),
                   "task " << waiting << " does not wait on " << upstream);
        BOOST_TEST(!by_id.at(upstream).done);
        BOOST_TEST(ref.title == "Task " + ref.task_id);
        waiting = upstream;
      }
      BOOST_TEST(late_or_soon(waiting), "chain of " << name << " ends at task " << waiting);
    }
  }
  BOOST_TEST(found == blocked, boost::test_tools::per_element());
}

// True cycles of 2, 3 and 1,000 tasks: each reported with exactly its
// tasks, its own links left out, and every other link in place, also those
// into and out of the cycle. BTP's guide (task 10) is overdue.
BOOST_AUTO_TEST_CASE(task_cycles_of_2_3_and_1000_tasks) {
  const std::string rules =
      LateRule("guide", "{agencies: [BTP]}") + Rule("plan", "{kinds: [province]}", "2022-12-31");
  std::string records = OpenTask(10, "BTP", "guide");
  // 2: PA's 101 and PB's 102. PB's 103 waits on 101; PA's 104 on PB's 105,
  // which waits on the guide: PA and PB wait on each other, not in a cycle.
  records += OnPaceTask(101, "PA", "plan") + OnPaceTask(102, "PB", "plan") +
             OnPaceTask(103, "PB", "plan") + OnPaceTask(104, "PA", "plan") +
             OnPaceTask(105, "PB", "plan") + Waits(101, 102) + Waits(102, 101) + Waits(103, 101) +
             Waits(104, 105) + Waits(105, 10);
  // 3: PC's 201 -> PD's 202 -> PE's 203 -> 201; 202 also waits on the
  // guide, and PE's 204 on 202.
  records += OnPaceTask(201, "PC", "plan") + OnPaceTask(202, "PD", "plan") +
             OnPaceTask(203, "PE", "plan") + OnPaceTask(204, "PE", "plan") + Waits(201, 202) +
             Waits(202, 203) + Waits(203, 201) + Waits(202, 10) + Waits(204, 202);
  // 1,000: tasks 1000-1999 of PF's and PG's plans and BCA's own work, each
  // waiting on the next, the last on the first; 1500 (BCA's) also waits on
  // the guide, and PH's 2000 on 1500.
  for (int i = 0; i < 1000; ++i) {
    const int id = 1000 + i;
    records += i % 3 == 0   ? OnPaceTask(id, "PF", "plan")
               : i % 3 == 1 ? OnPaceTask(id, "PG", "plan")
                            : OpenTask(id, "BCA", "internal-cycle");
    records += Waits(id, 1000 + (i + 1) % 1000);
  }
  records += Waits(1500, 10) + OnPaceTask(2000, "PH", "plan") + Waits(2000, 1500);

  const Report report = Evaluate(rules, records, true, Agencies(8));
  BOOST_TEST_REQUIRE(report.data_issues.size() == 3u);
  std::vector<std::set<std::string>> cycles;
  for (const DataIssue& issue : report.data_issues) {
    BOOST_TEST(issue.problem.rfind("dependency cycle: ", 0) == 0u, issue.problem);
    cycles.push_back(CycleTasks(issue));
  }
  std::sort(cycles.begin(), cycles.end(),
            [](const auto& a, const auto& b) { return a.size() < b.size(); });
  BOOST_TEST((cycles[0] == std::set<std::string>{"101", "102"}));
  BOOST_TEST((cycles[1] == std::set<std::string>{"201", "202", "203"}));
  BOOST_TEST((cycles[2] == Range(1000, 1999)));

  BOOST_TEST(Chains(Find(report, "plan", "PA")) ==
                 std::vector<std::string>{"task 105 of PB·plan (at_risk 184) <- task 10 of "
                                          "BTP·guide (overdue 15) [task 104 -> task 105]"},
             boost::test_tools::per_element());
  BOOST_TEST(
      Chains(Find(report, "plan", "PB")) ==
          std::vector<std::string>{"task 10 of BTP·guide (overdue 15) [task 105 -> task 10]"},
      boost::test_tools::per_element());
  // PC's 201 waits on the guide only through the cycle; PD's 202 directly;
  // PE's 204 through 202.
  BOOST_TEST(Says(report, "plan", "PC") ==
             "on_track: not completed, due 2022-12-31 in 184 days, on pace");
  BOOST_TEST(
      Chains(Find(report, "plan", "PD")) ==
          std::vector<std::string>{"task 10 of BTP·guide (overdue 15) [task 202 -> task 10]"},
      boost::test_tools::per_element());
  BOOST_TEST(Chains(Find(report, "plan", "PE")) ==
                 std::vector<std::string>{"task 202 of PD·plan (at_risk 184) <- task 10 of "
                                          "BTP·guide (overdue 15) [task 204 -> task 202]"},
             boost::test_tools::per_element());
  BOOST_TEST(StatusName(Find(report, "plan", "PF").status) == "on_track");
  BOOST_TEST(StatusName(Find(report, "plan", "PG").status) == "on_track");
  BOOST_TEST(Chains(Find(report, "plan", "PH")) ==
                 std::vector<std::string>{"task 1500 (at_risk 0) <- task 10 of BTP·guide (overdue "
                                          "15) [task 2000 -> task 1500]"},
             boost::test_tools::per_element());
  // The links off the cycles are all shown; those on them are not.
  const std::set<std::string> links = ShownLinks(report);
  for (const char* kept :
       {"PB·plan -> PA·plan", "PA·plan -> PB·plan", "PB·plan -> BTP·guide", "PD·plan -> BTP·guide",
        "PE·plan -> PD·plan", "task 1500 -> BTP·guide", "PH·plan -> task 1500"}) {
    BOOST_TEST(links.count(kept) == 1u, kept);
  }
  for (const char* dropped :
       {"PC·plan -> PD·plan", "PE·plan -> PC·plan", "PF·plan -> PG·plan", "task 1499 -> PF·plan"}) {
    BOOST_TEST(links.count(dropped) == 0u, dropped);
  }
  // The guide holds back PA, PB, PD, PE and PH's plans: PA and PE through
  // other provinces' tasks, PH through BCA's.
  BOOST_TEST(Find(report, "guide", "BTP").holds_back == 5);
  BOOST_TEST(Find(report, "guide", "BTP").holds_back_agencies == 6);
}

BOOST_AUTO_TEST_CASE(cycles_through_one_task_are_each_reported) {
  // 1 <-> 2 and 1 <-> 3 share task 1: two cycles, both reported. 4 -> 5 ->
  // 6 -> 4 with the chord 4 -> 6: the shortest cycle through 4 is 4 -> 6 ->
  // 4, and with its links out no cycle is left: 4 -> 5 -> 6 -> the guide
  // still holds back 4's and 5's plans.
  const std::string rules =
      LateRule("guide", "{agencies: [BTP]}") + Rule("plan", "{kinds: [province]}", "2022-12-31");
  const Report report = Evaluate(
      rules,
      OpenTask(10, "BTP", "guide") + OnPaceTask(1, "PA", "plan") + OnPaceTask(2, "PB", "plan") +
          OnPaceTask(3, "PC", "plan") + OnPaceTask(4, "PD", "plan") + OnPaceTask(5, "PE", "plan") +
          OnPaceTask(6, "PF", "plan") + Waits(1, 2) + Waits(2, 1) + Waits(1, 3) + Waits(3, 1) +
          Waits(4, 5) + Waits(5, 6) + Waits(6, 4) + Waits(4, 6) + Waits(6, 10),
      false, Agencies(6));
  BOOST_TEST(Issues(report) ==
                 (std::vector<std::string>{
                     "task_dependency 2->1 depends_on '1': dependency cycle: task 1 -> task 2 -> "
                     "task 1 (ignored for blocking) [PA]",
                     "task_dependency 3->1 depends_on '1': dependency cycle: task 1 -> task 3 -> "
                     "task 1 (ignored for blocking) [PA]",
                     "task_dependency 6->4 depends_on '4': dependency cycle: task 4 -> task 6 -> "
                     "task 4 (ignored for blocking) [PD]"}),
             boost::test_tools::per_element());
  BOOST_TEST(Chains(Find(report, "plan", "PD")) ==
                 std::vector<std::string>{"task 5 of PE·plan (at_risk 184) <- task 6 of PF·plan "
                                          "(at_risk 184) <- task 10 of BTP·guide (overdue 15) "
                                          "[task 4 -> task 5]"},
             boost::test_tools::per_element());
  BOOST_TEST(StatusName(Find(report, "plan", "PE").status) == "at_risk");
  BOOST_TEST(StatusName(Find(report, "plan", "PA").status) == "on_track");
}

BOOST_AUTO_TEST_CASE(one_chain_per_instance_waited_on) {
  // PA's tasks 1 and 2 wait on BTP's overdue guide's tasks 10 and 11, and 1
  // on BCA's task 20 (of no instance), which waits on 11: one chain for the
  // guide (the first found, from PA's first task), and one for task 20.
  const std::string rules =
      LateRule("guide", "{agencies: [BTP]}") + Rule("plan", "{kinds: [province]}", "2022-12-31");
  const Report report = Evaluate(
      rules,
      OpenTask(10, "BTP", "guide") + OpenTask(11, "BTP", "guide") + OnPaceTask(1, "PA", "plan") +
          OnPaceTask(2, "PA", "plan") + OpenTask(20, "BCA", "internal") + Waits(1, 11) +
          Waits(2, 10) + Waits(1, 20) + Waits(20, 11),
      false, Agencies(1));
  BOOST_TEST(Chains(Find(report, "plan", "PA")) ==
                 (std::vector<std::string>{
                     "task 11 of BTP·guide (overdue 15) [task 1 -> task 11]",
                     "task 20 (at_risk 0) <- task 11 of BTP·guide (overdue 15) [task 1 -> task 20]"}),
             boost::test_tools::per_element());
  BOOST_TEST(Says(report, "plan", "PA") ==
             "at_risk: blocked by task 11 'Task 11' of Bộ Tư pháp · guide (overdue 15 days) and 1 "
             "more");
}

BOOST_AUTO_TEST_CASE(a_chain_stops_at_a_completed_task) {
  // PA's 1 waits on BCA's 2, done, which waits on the overdue guide: 2 no
  // longer holds 1 back, whatever it waited for.
  const std::string rules =
      LateRule("guide", "{agencies: [BTP]}") + Rule("plan", "{kinds: [province]}", "2022-12-31");
  const Report report =
      Evaluate(rules,
               OpenTask(10, "BTP", "guide") + OnPaceTask(1, "PA", "plan") +
                   DoneTask(2, "BCA", "internal", "2022-05-01") + Waits(1, 2) + Waits(2, 10),
               false, Agencies(1));
  BOOST_TEST(Says(report, "plan", "PA") ==
             "on_track: not completed, due 2022-12-31 in 184 days, on pace");
  BOOST_TEST(Find(report, "guide", "BTP").holds_back == 0);
}

BOOST_AUTO_TEST_CASE(a_task_does_not_inherit_its_obligations_depends_on) {
  // PB's y depends on BCA's overdue z by rule; PA's task 6 waits on y's task
  // 5, which waits on nothing: y is held back as a whole, task 5 is not.
  const std::string rules =
      LateRule("z", "{agencies: [BCA]}") +
      Rule("y", "{agencies: [PB]}", "2022-12-31", "[{obligation: z, agency: BCA}]") +
      Rule("x", "{agencies: [PA]}", "2022-12-31");
  const Report report = Evaluate(
      rules, OnPaceTask(5, "PB", "y") + OnPaceTask(6, "PA", "x") + Waits(6, 5), false, Agencies(2));
  BOOST_TEST(Says(report, "y", "PB") == "at_risk: blocked by Bộ Công an · z (overdue 15 days)");
  BOOST_TEST(Says(report, "x", "PA") ==
             "on_track: not completed, due 2022-12-31 in 184 days, on pace");
  BOOST_TEST(Find(report, "z", "BCA").holds_back == 1);
}

BOOST_AUTO_TEST_CASE(an_instance_finishes_by_its_earliest_task_its_rule_upstream_by_its_own) {
  // x has tasks 2 and 3; PB's w (due 30/9) waits on task 2. x's latest
  // finish is task 2's, 30/9. z, which x depends on by rule with 10 days'
  // lead time, must be done 10 days before x's own latest finish (its due
  // date 31/12): task 2 does not wait on z.
  const std::string rules =
      Rule("z", "{agencies: [PA]}", "2022-12-31") +
      Rule("x", "{agencies: [PA]}", "2022-12-31", "[{obligation: z, lead_time: 10}]") +
      Rule("w", "{agencies: [PB]}", "2022-09-30");
  const Report report =
      Evaluate(rules,
               OnPaceTask(1, "PA", "z") + OnPaceTask(2, "PA", "x") + OnPaceTask(3, "PA", "x") +
                   OnPaceTask(4, "PB", "w") + Waits(4, 2),
               true, Agencies(2));
  const Finding& x = Find(report, "x", "PA");
  BOOST_TEST_REQUIRE(x.latest_finish.has_value());
  BOOST_TEST(*x.latest_finish == Date(2022, 9, 30));
  BOOST_TEST(*x.slack_days == 92);
  const Finding& z = Find(report, "z", "PA");
  BOOST_TEST_REQUIRE(z.latest_finish.has_value());
  BOOST_TEST(*z.latest_finish == Date(2022, 12, 21));
  BOOST_TEST(*Find(report, "w", "PB").latest_finish == Date(2022, 9, 30));
}

BOOST_AUTO_TEST_CASE(impact_counts_what_waits_through_open_tasks_once) {
  // BTP's overdue guide has tasks 10 and 11. PA's 20 waits on 10 and PA's
  // 21 on 11 (PA's plan counted once); BCA's free 30 waits on 10, and PB's
  // 40 on 30; PC's check depends on PA's plan by rule. PD's 50 waits on
  // PA's 22, which waits on nothing: not held back.
  const std::string rules =
      LateRule("guide", "{agencies: [BTP]}") + Rule("plan", "{kinds: [province]}", "2022-12-31") +
      Rule("check", "{agencies: [PC]}", "2022-12-31", "[{obligation: plan, agency: PA}]");
  const Report report = Evaluate(
      rules,
      OpenTask(10, "BTP", "guide") + OpenTask(11, "BTP", "guide") + OnPaceTask(20, "PA", "plan") +
          OnPaceTask(21, "PA", "plan") + OnPaceTask(22, "PA", "plan") +
          OpenTask(30, "BCA", "internal") + OnPaceTask(40, "PB", "plan") +
          OnPaceTask(50, "PD", "plan") + OnPaceTask(60, "PC", "check") + Waits(20, 10) +
          Waits(21, 11) + Waits(30, 10) + Waits(40, 30) + Waits(50, 22),
      false, Agencies(4));
  const Finding& guide = Find(report, "guide", "BTP");
  BOOST_TEST(guide.holds_back_direct == 1);           // PA's plan
  BOOST_TEST(guide.holds_back_agencies_direct == 2);  // PA, BCA
  BOOST_TEST(guide.holds_back == 3);                  // and PB's plan, PC's check
  BOOST_TEST(guide.holds_back_agencies == 4);
  BOOST_TEST(guide.holds_back_other_agencies == 4);
  BOOST_TEST(StatusName(Find(report, "plan", "PD").status) == "on_track");
  // PA's plan, at risk by blocking, holds back PC's check by rule; its task
  // 22 is not held back, so PD's plan is not.
  BOOST_TEST(Find(report, "plan", "PA").holds_back == 1);
}

BOOST_AUTO_TEST_CASE(impact_through_work_of_one_agency_and_of_several) {
  // The overdue guide (task 10) is waited on by BCA's own work, 30 <- 31 <-
  // 32 (impact's walk may stop at 30: all that waits on it is BCA's), and by
  // BCA's 50 <- PD's 51 <- PD's plan task 52. The same figures whether every
  // task waits on a lower id (where the walk stops early) or not (PE's task
  // 60 waits on 61, far from the rest).
  const std::string rules =
      LateRule("guide", "{agencies: [BTP]}") + Rule("plan", "{kinds: [province]}", "2022-12-31");
  const std::string records =
      OpenTask(10, "BTP", "guide") + OpenTask(30, "BCA", "internal") +
      OpenTask(31, "BCA", "internal") + OpenTask(32, "BCA", "internal") +
      OpenTask(50, "BCA", "internal") + OpenTask(51, "PD", "internal") +
      OnPaceTask(52, "PD", "plan") + Waits(30, 10) + Waits(31, 30) + Waits(32, 31) + Waits(50, 10) +
      Waits(51, 50) + Waits(52, 51);
  const std::string upward =
      OnPaceTask(60, "PE", "plan") + OnPaceTask(61, "PE", "plan") + Waits(60, 61);
  for (const std::string& all : {records, records + upward}) {
    const Report report = Evaluate(rules, all, false, Agencies(5));
    const Finding& guide = Find(report, "guide", "BTP");
    BOOST_TEST(guide.holds_back_direct == 0);
    BOOST_TEST(guide.holds_back_agencies_direct == 1);  // BCA
    BOOST_TEST(guide.holds_back == 1);                  // PD's plan
    BOOST_TEST(guide.holds_back_agencies == 2);         // BCA, PD
    BOOST_TEST(StatusName(Find(report, "plan", "PD").status) == "at_risk");
  }
}

BOOST_AUTO_TEST_CASE(a_root_cause_is_not_blocked_by_its_own_lateness) {
  // PA's soon (at risk, 5 days left) has tasks 1 and 3; 1 waits on PB's 2,
  // which waits on 3. PB's plan is held back by PA's soon; PA's soon is not
  // held back by itself through PB.
  const std::string rules = Rule("soon", "{agencies: [PA]}", "2022-07-05") +
                            Rule("plan", "{kinds: [province]}", "2022-12-31");
  const Report report = Evaluate(rules,
                                 OnPaceTask(1, "PA", "soon") + OnPaceTask(2, "PB", "plan") +
                                     OnPaceTask(3, "PA", "soon") + Waits(1, 2) + Waits(2, 3),
                                 false, Agencies(2));
  BOOST_TEST(Issues(report).empty());
  BOOST_TEST(Chains(Find(report, "plan", "PB")) ==
                 std::vector<std::string>{"task 3 of PA·soon (at_risk 5) [task 2 -> task 3]"},
             boost::test_tools::per_element());
  const Finding& soon = Find(report, "soon", "PA");
  BOOST_TEST(StatusName(soon.status) == "at_risk");
  BOOST_TEST(soon.blocked_by.empty());
  BOOST_TEST(soon.reason.find("blocked") == std::string::npos, soon.reason);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply::blocking_support
