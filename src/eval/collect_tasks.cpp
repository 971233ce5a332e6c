#include "base/string_index.hpp"
#include "eval/collectors.hpp"
#include "records/scan_plan.hpp"
#include "records/table_scan.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace dxcomply {
namespace {

// A task rule's own predicates plus the implicit "completed by t".
Obligation WithCompletion(const Obligation& rule) {
  Obligation augmented = rule;
  Condition completed;
  completed.column = "completed_on";
  completed.op = CompareOp::kNotNull;
  augmented.check.satisfied.push_back(completed);
  return augmented;
}

}  // namespace

TaskRecords CollectTaskMeasures(const CollectContext& context) {
  TaskRecords records;
  const TableSpec* table = context.rules.FindTable(kTaskTable);
  if (table == nullptr) return records;  // schema_check refuses to run without it.

  std::vector<Obligation> task_rules;
  std::vector<int> task_rule_index;
  for (const Obligation& rule : context.rules.obligations) {
    if (rule.check.kind != CheckKind::kTask) continue;
    task_rules.push_back(WithCompletion(rule));
    task_rule_index.push_back(RuleIndex(context.rules, &rule));
  }
  std::vector<const Obligation*> plan_rules;
  for (const Obligation& rule : task_rules) plan_rules.push_back(&rule);
  TableScanPlan plan = PlanTableScan(*table, plan_rules, context.as_of);
  plan.order_by_id = true;

  // obligation_id -> the task rules measuring it, and the rule of that id.
  struct ObligationEntry {
    std::vector<int> measured_by;
    int rule = -1;
  };
  std::vector<ObligationEntry> entries;
  StringIndex entry_of_id;
  const auto entry = [&](const std::string& id) -> ObligationEntry& {
    int found = entry_of_id.Find(id);
    if (found < 0) {
      found = static_cast<int>(entries.size());
      entry_of_id.Insert(id, found);
      entries.emplace_back();
    }
    return entries[static_cast<std::size_t>(found)];
  };
  for (std::size_t i = 0; i < task_rules.size(); ++i) {
    entry(task_rules[i].check.task_obligation).measured_by.push_back(static_cast<int>(i));
  }
  for (std::size_t i = 0; i < context.rules.obligations.size(); ++i) {
    ObligationEntry& of_id = entry(context.rules.obligations[i].id);
    if (of_id.rule < 0) of_id.rule = static_cast<int>(i);
  }

  const int obligation_column = plan.ColumnIndex("obligation_id");
  const int period_column = plan.ColumnIndex("period");
  const int progress_column = plan.ColumnIndex("progress");
  const auto slot_of = [&](const char* name) {
    const int column = plan.ColumnIndex(name);
    return column < 0 ? -1 : plan.date_slot_of_column[static_cast<std::size_t>(column - 2)];
  };
  const int started_slot = slot_of("started_on");
  const int completed_slot = slot_of("completed_on");
  const DayNumber as_of = context.book.as_of_day();

  const ScanResult result = ScanTable(
      context.store, plan, context.agencies, false, context.issues, [&](const ScanRow& row) {
        const Statement& statement = row.statement;
        const auto agency_id = [&] {
          return row.agency >= 0 ? context.agencies.at(row.agency).id : std::string();
        };
        if (statement.Type(0) != SqlType::kInteger) {
          context.issues.push_back(
              {kTaskTable, statement.String(0), plan.table->id_column, statement.String(0),
               "task id must be an integer (task left out of the graph)", agency_id()});
        } else if (!records.ids.empty() && statement.Int64(0) == records.ids.back()) {
          context.issues.push_back({kTaskTable, statement.String(0), plan.table->id_column,
                                    statement.String(0), "duplicate task id (later row ignored)",
                                    agency_id()});
          return;
        }

        const DayNumber completed = row.dates[static_cast<std::size_t>(completed_slot)];
        std::int32_t node_instance = -1;
        const int found =
            row.agency >= 0 ? entry_of_id.Find(statement.Text(obligation_column)) : -1;
        if (found >= 0) {
          const ObligationEntry& of_id = entries[static_cast<std::size_t>(found)];
          const std::string_view period = statement.Text(period_column);
          for (int i : of_id.measured_by) {
            const Obligation& rule = task_rules[static_cast<std::size_t>(i)];
            const int rule_index = task_rule_index[static_cast<std::size_t>(i)];
            int instance;
            if (rule.due.kind == Due::Kind::kRecurring) {
              instance = context.instances.FindPeriod(rule_index, row.agency, period);
            } else if (rule.period.empty() || rule.period == period) {
              instance = context.instances.Find(rule_index, row.agency);
            } else {
              continue;
            }
            if (instance < 0) continue;
            if (node_instance < 0) node_instance = instance;
            const RuleScanPlan& rule_plan = plan.rules[static_cast<std::size_t>(i)];
            if (!row.AtomsHold(rule_plan.where)) continue;
            TaskSnapshot snapshot;
            row.Interval(plan, rule_plan.where, &snapshot.from, &snapshot.until);
            if (row.AtomsHold(rule_plan.satisfied)) {
              row.Interval(plan, rule_plan.satisfied, &snapshot.satisfied_from,
                           &snapshot.satisfied_until);
            }
            snapshot.started = row.dates[static_cast<std::size_t>(started_slot)];
            snapshot.completed = completed;
            if (!statement.IsNull(progress_column) &&
                row.fits[static_cast<std::size_t>(progress_column - 2)] != 0) {
              snapshot.progress = static_cast<float>(statement.Double(progress_column));
            }
            context.book.AddTask(instance, snapshot);
          }
          if (node_instance < 0 && of_id.rule >= 0) {
            const bool recurring =
                context.rules.obligations[static_cast<std::size_t>(of_id.rule)].due.kind ==
                Due::Kind::kRecurring;
            node_instance = recurring ? context.instances.FindPeriod(of_id.rule, row.agency, period)
                                      : context.instances.Find(of_id.rule, row.agency);
          }
        }

        if (statement.Type(0) != SqlType::kInteger) return;
        records.ids.push_back(statement.Int64(0));
        records.instance.push_back(node_instance);
        records.agency.push_back(row.agency);
        records.done.push_back(completed <= as_of ? 1 : 0);
      });

  context.book.GroupTasks();

  for (std::size_t i = 0; i < task_rules.size(); ++i) {
    for (std::size_t agency = 0; agency < result.rows_with_issues.size(); ++agency) {
      const int first = context.instances.Find(task_rule_index[i], static_cast<int>(agency));
      if (first < 0) continue;
      const std::size_t periods =
          std::max<std::size_t>(1, context.instances.Periods(task_rule_index[i]).size());
      for (std::size_t p = 0; p < periods; ++p) {
        context.book.counts(first + static_cast<int>(p)).issue_rows +=
            result.rows_with_issues[agency];
      }
    }
  }
  return records;
}

}  // namespace dxcomply
