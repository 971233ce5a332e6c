#include <algorithm>
#include <string>
#include <unordered_map>

#include "eval/collectors.hpp"
#include "records/scan_plan.hpp"
#include "records/table_scan.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

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

// A task's share of progress on T, projected linearly to the due date from
// its progress since started_on. A task completed after T is assumed to have
// progressed evenly from its start to its completion.
double ProjectedProgress(DayNumber as_of, DayNumber due, DayNumber started, DayNumber completed,
                         bool progress_known, double progress) {
  if (started == kPlusInfinity || started > as_of) return 0;
  const double elapsed = std::max(1, as_of - started);
  double now = progress_known ? progress : 0;
  if (completed != kPlusInfinity && completed > as_of) {
    now = completed > started ? static_cast<double>(as_of - started) / (completed - started) : 0;
  }
  const double projected = now + now / elapsed * std::max(0, due - as_of);
  return std::clamp(projected, 0.0, 1.0);
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

  // obligation_id -> task rules measuring it, and -> the rule of that id.
  std::unordered_map<std::string, std::vector<int>> measured_by;
  for (std::size_t i = 0; i < task_rules.size(); ++i) {
    measured_by[task_rules[i].check.task_obligation].push_back(static_cast<int>(i));
  }
  std::unordered_map<std::string, int> rule_of_id;
  for (std::size_t i = 0; i < context.rules.obligations.size(); ++i) {
    rule_of_id.emplace(context.rules.obligations[i].id, static_cast<int>(i));
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
  std::string key;

  const ScanResult result = ScanTable(
      context.store, plan, context.agencies, false, context.issues, [&](const ScanRow& row) {
        const Statement& statement = row.statement;
        const DayNumber completed = row.dates[static_cast<std::size_t>(completed_slot)];
        std::int32_t node_instance = -1;
        if (statement.Type(0) != SqlType::kInteger) {
          context.issues.push_back({kTaskTable, statement.String(0), plan.table->id_column,
                                    statement.String(0),
                                    "task id must be an integer (task left out of the graph)",
                                    row.agency >= 0 ? context.agencies.at(row.agency).id : ""});
        } else if (!records.ids.empty() && statement.Int64(0) == records.ids.back()) {
          context.issues.push_back({kTaskTable, statement.String(0), plan.table->id_column,
                                    statement.String(0), "duplicate task id (later row ignored)",
                                    row.agency >= 0 ? context.agencies.at(row.agency).id : ""});
          return;
        }

        const std::string_view obligation_id = statement.Text(obligation_column);
        const std::string_view period = statement.Text(period_column);
        key.assign(obligation_id.data(), obligation_id.size());
        if (row.agency >= 0) {
          if (const auto found = measured_by.find(key); found != measured_by.end()) {
            for (int i : found->second) {
              const Obligation& rule = task_rules[static_cast<std::size_t>(i)];
              if (!rule.period.empty() && rule.period != period) continue;
              const int rule_index = task_rule_index[static_cast<std::size_t>(i)];
              const int instance = context.instances.Find(rule_index, row.agency);
              if (instance < 0) continue;
              if (node_instance < 0) node_instance = instance;
              const RuleScanPlan& rule_plan = plan.rules[static_cast<std::size_t>(i)];
              if (!row.AtomsHold(rule_plan.where)) continue;
              DayNumber from, until;
              row.Interval(plan, rule_plan.where, &from, &until);
              const bool satisfiable = row.AtomsHold(rule_plan.satisfied);
              DayNumber sat_from = kPlusInfinity, sat_until = kPlusInfinity;
              if (satisfiable) row.Interval(plan, rule_plan.satisfied, &sat_from, &sat_until);
              InstanceCounts& counts = context.book.counts(instance);
              const auto& days = context.book.Days(rule_index);
              for (int k = 0; k < kMeasureDates; ++k) {
                const DayNumber t = days[static_cast<std::size_t>(k)];
                if (t < from || t >= until) continue;
                ++counts.base[static_cast<std::size_t>(k)];
                if (satisfiable && t >= std::max(from, sat_from) && t < std::min(until, sat_until)) {
                  ++counts.hits[static_cast<std::size_t>(k)];
                }
              }
              const bool progress_known =
                  !statement.IsNull(progress_column) &&
                  row.fits[static_cast<std::size_t>(progress_column - 2)] != 0;
              if (as_of >= from && as_of < until) {
                const DayNumber started = row.dates[static_cast<std::size_t>(started_slot)];
                if (started <= as_of) ++counts.started;
                const bool done = satisfiable && as_of >= sat_from && as_of < sat_until;
                counts.projected_progress +=
                    done ? 1.0
                         : ProjectedProgress(as_of, ToDayNumber(rule.due.date),
                                             row.dates[static_cast<std::size_t>(started_slot)],
                                             completed, progress_known, statement.Double(progress_column));
              }
            }
          }
          if (node_instance < 0) {
            if (const auto found = rule_of_id.find(key); found != rule_of_id.end()) {
              node_instance = context.instances.Find(found->second, row.agency);
            }
          }
        }

        if (statement.Type(0) != SqlType::kInteger) return;
        records.ids.push_back(statement.Int64(0));
        records.instance.push_back(node_instance);
        records.agency.push_back(row.agency);
        records.done.push_back(completed <= as_of ? 1 : 0);
      });

  for (std::size_t i = 0; i < task_rules.size(); ++i) {
    for (std::size_t agency = 0; agency < result.rows_with_issues.size(); ++agency) {
      const int instance = context.instances.Find(task_rule_index[i], static_cast<int>(agency));
      if (instance >= 0) context.book.counts(instance).issue_rows += result.rows_with_issues[agency];
    }
  }
  return records;
}

}  // namespace dxcomply
