// What the blocking and task-graph tests share: task rules and task rows as
// text, and Evaluate() run as the CLI runs it.
//
// Every case is evaluated as of 2022-06-30. Downstream rules are due
// 2022-12-31 and their tasks are on pace (started 2022-06-01, half done), so
// that anything but "on_track" comes from blocking.
#pragma once

#include "dxcomply/engine.hpp"

#include "cli/run_inputs.hpp"
#include "store/record_store.hpp"
#include "support/test_files.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace dxcomply::blocking_support {

inline const Date kAsOf(2022, 6, 30);

inline const std::string kAgencies =
    "INSERT INTO agency (id, name, kind, parent_id) VALUES ('BCA', 'Bộ Công an', 'ministry', "
    "NULL),\n"
    " ('BTP', 'Bộ Tư pháp', 'ministry', NULL), ('HA-NOI', 'Hà Nội', 'province', NULL),\n"
    " ('HUE', 'Huế', 'province', NULL);\n";

// A task rule; `depends_on` is YAML flow text.
inline std::string Rule(const std::string& id, const std::string& applies_to,
                        const std::string& due, const std::string& depends_on = "[]") {
  return "  - id: " + id + "\n    title: Title of " + id +
         "\n    source: {document: D}\n    applies_to: " + applies_to + "\n    due: " + due +
         "\n    check: {kind: task}\n    depends_on: " + depends_on + "\n";
}

// Due before T with nothing done: overdue 15 days.
inline std::string LateRule(const std::string& id, const std::string& applies_to) {
  return Rule(id, applies_to, "2022-06-15");
}

// A task on pace for a 2022-12-31 due date.
inline std::string OnPaceTask(int id, const std::string& agency, const std::string& obligation) {
  return "INSERT INTO task (id, agency_id, obligation_id, title, started_on, progress) VALUES (" +
         std::to_string(id) + ", '" + agency + "', '" + obligation + "', 'Task " +
         std::to_string(id) + "', '2022-06-01', 0.5);\n";
}

inline std::string OpenTask(int id, const std::string& agency, const std::string& obligation,
                            const std::string& title = "") {
  return "INSERT INTO task (id, agency_id, obligation_id, title, started_on) VALUES (" +
         std::to_string(id) + ", '" + agency + "', '" + obligation + "', '" +
         (title.empty() ? "Task " + std::to_string(id) : title) + "', '2022-01-01');\n";
}

inline std::string DoneTask(int id, const std::string& agency, const std::string& obligation,
                            const std::string& completed) {
  return "INSERT INTO task (id, agency_id, obligation_id, title, started_on, completed_on) "
         "VALUES (" +
         std::to_string(id) + ", '" + agency + "', '" + obligation + "', 'Task " +
         std::to_string(id) + "', '2022-01-01', '" + completed + "');\n";
}

inline std::string Waits(int task, int depends_on) {
  return "INSERT INTO task_dependency VALUES (" + std::to_string(task) + ", " +
         std::to_string(depends_on) + ");\n";
}

// Loads, checks and evaluates as the CLI does (`graph` keeps the graph's
// view, as `dxcomply graph` does). `agencies` inserts the agency rows.
inline Report Evaluate(const std::string& obligations, const std::string& records,
                       bool graph = false, const std::string& agencies = kAgencies) {
  const testing::TestDatabase database(testing::SchemaSql() + agencies + records);
  const testing::TestRules folder({{"test.yaml", "obligations:\n" + obligations}});
  Diagnostics diagnostics;
  const RuleSet rules = LoadCheckedRules(folder.path(), diagnostics);
  RecordStore store = RecordStore::Open(database.path());
  if (!diagnostics.HasErrors()) CheckAgainstDatabase(rules, store, diagnostics);
  std::string all;
  for (const Diagnostic& diagnostic : diagnostics.Sorted()) all += diagnostic.ToString() + "\n";
  BOOST_TEST_REQUIRE(all == "");
  EngineOptions options;
  options.as_of = kAsOf;
  options.keep_graph = graph;
  return dxcomply::Evaluate(rules, store, options);
}

inline const Finding& Find(const Report& report, const std::string& obligation,
                           const std::string& agency) {
  for (const Finding& finding : report.findings) {
    if (finding.obligation->id == obligation && finding.agency->id == agency) return finding;
  }
  BOOST_FAIL("no finding for " + obligation + " x " + agency);
  static const Finding none;
  return none;
}

// "status: reason" of one finding.
inline std::string Says(const Report& report, const std::string& obligation,
                        const std::string& agency) {
  const Finding& finding = Find(report, obligation, agency);
  return std::string(StatusName(finding.status)) + ": " + finding.reason;
}

// Each chain as "agency·obligation <- ..." from the direct upstream to the
// root, a task as "task N" (of its instance: "task N of agency·obligation"),
// with the task link when there is one.
inline std::vector<std::string> Chains(const Finding& finding) {
  std::vector<std::string> chains;
  for (const BlockerChain& blocker : finding.blocked_by) {
    std::string text;
    for (const InstanceRef& ref : blocker.chain) {
      if (!text.empty()) text += " <- ";
      const std::string instance = ref.agency_id + "·" + ref.obligation_id;
      if (ref.task_id.empty()) {
        text += instance;
      } else {
        text += "task " + ref.task_id + (ref.free_task ? "" : " of " + instance);
      }
      text += std::string(" (") + StatusName(ref.status) + " " + std::to_string(ref.days) + ")";
    }
    if (!blocker.via_tasks.empty()) text += " [" + blocker.via_tasks + "]";
    chains.push_back(text);
  }
  return chains;
}

inline std::vector<std::string> Issues(const Report& report) {
  std::vector<std::string> lines;
  for (const DataIssue& issue : report.data_issues) {
    lines.push_back(issue.table + " " + issue.row_id + " " + issue.column + " '" + issue.value +
                    "': " + issue.problem + " [" + issue.agency_id + "]");
  }
  return lines;
}

}  // namespace dxcomply::blocking_support
