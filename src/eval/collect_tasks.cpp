#include "base/messages.hpp"
#include "eval/task_scan.hpp"
#include "records/schema_check.hpp"
#include "records/table_scan.hpp"
#include "records/value_check.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

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

// Moves the parts' vectors `member` into one, in part order, freeing each
// part's as it goes (the whole is reserved first: no growth, no copy of it).
template <typename Parts, typename Member>
auto Concatenate(Parts& parts, Member member) {
  std::size_t total = 0;
  for (auto& part : parts) total += (part.*member).size();
  std::remove_reference_t<decltype(parts.front().*member)> all;
  all.reserve(total);
  for (auto& part : parts) {
    auto& piece = part.*member;
    all.insert(all.end(), std::make_move_iterator(piece.begin()),
               std::make_move_iterator(piece.end()));
    decltype(all)().swap(piece);
  }
  return all;
}

}  // namespace

TaskScan::TaskScan(const CollectContext& context, std::int64_t ids_per_part) : context_(context) {
  const TableSpec* table = context.rules.FindTable(kTaskTable);
  if (table == nullptr) return;  // schema_check refuses to run without it.

  for (const Obligation& rule : context.rules.obligations) {
    if (rule.check.kind != CheckKind::kTask) continue;
    task_rules_.push_back(WithCompletion(rule));
    task_rule_index_.push_back(RuleIndex(context.rules, &rule));
  }
  std::vector<const Obligation*> plan_rules;
  for (const Obligation& rule : task_rules_) plan_rules.push_back(&rule);
  TableScanPlan plan =
      PlanTableScan(*table, plan_rules, context.as_of);
  plan.order_by_id = true;

  const auto entry = [&](const std::string& id) -> ObligationEntry& {
    int found = entry_of_id_.Find(id);
    if (found < 0) {
      found = static_cast<int>(entries_.size());
      entry_of_id_.Insert(id, found);
      entries_.emplace_back();
    }
    return entries_[static_cast<std::size_t>(found)];
  };
  for (std::size_t i = 0; i < task_rules_.size(); ++i) {
    entry(task_rules_[i].check.task_obligation).measured_by.push_back(static_cast<int>(i));
  }
  for (std::size_t i = 0; i < context.rules.obligations.size(); ++i) {
    ObligationEntry& of_id = entry(context.rules.obligations[i].id);
    if (of_id.rule < 0) of_id.rule = static_cast<int>(i);
  }

  obligation_column_ = plan.ColumnIndex("obligation_id");
  period_column_ = plan.ColumnIndex("period");
  progress_column_ = plan.ColumnIndex("progress");
  const auto slot_of = [&](const char* name) {
    const int column = plan.ColumnIndex(name);
    return column < 0 ? -1 : plan.date_slot_of_column[static_cast<std::size_t>(column - 2)];
  };
  started_slot_ = slot_of("started_on");
  completed_slot_ = slot_of("completed_on");
  planned_start_slot_ = slot_of("planned_start_on");  // -1 unless declared
  planned_days_column_ = plan.ColumnIndex("planned_days");

  const std::optional<std::pair<std::int64_t, std::int64_t>> span =
      plan.only_agency.empty() ? context.store.RowidSpan(table->name, table->id_column)
                               : std::nullopt;
  if (!span) {
    parts_.push_back({plan, {}, {}, {}, {}});
    return;
  }
  // Equal ranges from the lowest id to the highest, at most kMaxParts of
  // them, in unsigned arithmetic: the span of int64 ids may not fit in one.
  const auto low = static_cast<std::uint64_t>(span->first);
  const std::uint64_t span_width = static_cast<std::uint64_t>(span->second) - low;  // + 1
  const auto width = static_cast<std::uint64_t>(std::max<std::int64_t>(1, ids_per_part));
  const std::uint64_t count = span_width / width >= kMaxParts ? kMaxParts : span_width / width + 1;
  const std::uint64_t step = span_width / count + 1;  // count * step > span_width
  for (std::uint64_t k = 0; k < count; ++k) {
    if (k != 0 && span_width / k < step) break;  // k * step > span_width: past the end
    const std::uint64_t first = k * step;
    const std::uint64_t last = span_width - first < step ? span_width : first + step - 1;
    Part part{plan, {}, {}, {}, {}};
    part.plan.id_range = {static_cast<std::int64_t>(low + first),
                          static_cast<std::int64_t>(low + last)};
    parts_.push_back(std::move(part));
  }
}

void TaskScan::ReadPart(int index, RecordStore& store) {
  Part& part = parts_[static_cast<std::size_t>(index)];
  const ScanResult result = ScanTable(
      store, part.plan, context_.agencies, false, part.issues,
      [&](const ScanRow& row) { ReadRow(row, part); },
      [&](int agency) { context_.instances.PrefetchAgency(agency); });
  part.rows_with_issues = result.rows_with_issues;
}

void TaskScan::ReadRow(const ScanRow& row, Part& part) const {
  const RowValues& values = row.values;
  TaskRecords& records = part.records;
  const auto agency_id = [&] {
    return row.agency >= 0 ? context_.agencies.at(row.agency).id : std::string();
  };
  if (values.Type(0) != SqlType::kInteger) {
    part.issues.push_back(
        {kTaskTable, ValueText(values, 0), part.plan.table->id_column, ValueText(values, 0),
         Tr("task id must be an integer (task left out of the graph)"), agency_id()});
  } else if (!records.ids.empty() && values.Int64(0) < records.ids.back()) {
    // TaskRecords::Find relies on it; VisitSql asks SQLite for this order.
    throw std::runtime_error("task rows did not come in id order (task " + ValueText(values, 0) +
                             " after " + std::to_string(records.ids.back()) + ")");
  } else if (!records.ids.empty() && values.Int64(0) == records.ids.back()) {
    part.issues.push_back({kTaskTable, ValueText(values, 0), part.plan.table->id_column,
                           ValueText(values, 0), Tr("duplicate task id (later row ignored)"),
                           agency_id()});
    return;
  }

  const DayNumber completed = row.dates[static_cast<std::size_t>(completed_slot_)];
  std::int32_t node_instance = -1;
  const int found = row.agency >= 0 ? entry_of_id_.Find(values.Text(obligation_column_)) : -1;
  if (found >= 0) {
    const ObligationEntry& of_id = entries_[static_cast<std::size_t>(found)];
    const std::string_view period = values.Text(period_column_);
    for (int i : of_id.measured_by) {
      const Obligation& rule = task_rules_[static_cast<std::size_t>(i)];
      const int rule_index = task_rule_index_[static_cast<std::size_t>(i)];
      int instance;
      if (rule.due.kind == Due::Kind::kRecurring) {
        instance = context_.instances.FindPeriod(rule_index, row.agency, period);
      } else if (rule.period.empty() || rule.period == period) {
        instance = context_.instances.Find(rule_index, row.agency);
      } else {
        continue;
      }
      if (instance < 0) continue;
      if (node_instance < 0) node_instance = instance;
      const RuleScanPlan& rule_plan = part.plan.rules[static_cast<std::size_t>(i)];
      if (!row.AtomsHold(rule_plan.where)) continue;
      TaskSnapshot snapshot;
      row.Interval(part.plan, rule_plan.where, &snapshot.from, &snapshot.until);
      if (row.AtomsHold(rule_plan.satisfied)) {
        row.Interval(part.plan, rule_plan.satisfied, &snapshot.satisfied_from,
                     &snapshot.satisfied_until);
      }
      snapshot.started = row.dates[static_cast<std::size_t>(started_slot_)];
      if (!values.IsNull(progress_column_) &&
          row.fits[static_cast<std::size_t>(progress_column_ - 2)] != 0) {
        snapshot.progress = values.Double(progress_column_);
        // The 100% a completion after T brought was not known on T.
        if (completed != kPlusInfinity && completed > context_.book.as_of_day() &&
            snapshot.progress >= 1) {
          snapshot.progress = -1;
        }
      }
      if (planned_start_slot_ >= 0) {
        snapshot.plan = row.dates[static_cast<std::size_t>(planned_start_slot_)];
      }
      if (planned_days_column_ >= 0 && !values.IsNull(planned_days_column_) &&
          row.fits[static_cast<std::size_t>(planned_days_column_ - 2)] != 0) {
        // tables.yaml bounds it (0-3660); a bound-less declaration still
        // gets no negative plan, nor one past the calendar's reach.
        const std::int64_t planned = values.Int64(planned_days_column_);
        if (planned >= 0) {
          snapshot.plan =
              PlanOfDays(static_cast<std::int32_t>(std::min<std::int64_t>(planned, 3660)));
        }
      }
      part.added.push_back({instance, snapshot});
    }
    if (node_instance < 0 && of_id.rule >= 0) {
      const bool recurring =
          context_.rules.obligations[static_cast<std::size_t>(of_id.rule)].due.kind ==
          Due::Kind::kRecurring;
      node_instance = recurring ? context_.instances.FindPeriod(of_id.rule, row.agency, period)
                                : context_.instances.Find(of_id.rule, row.agency);
    }
  }

  if (values.Type(0) != SqlType::kInteger) return;
  records.ids.push_back(values.Int64(0));
  records.instance.push_back(node_instance);
  records.agency.push_back(row.agency);
  records.done.push_back(completed <= context_.book.as_of_day() ? 1 : 0);
}

std::size_t TaskScan::row_count() const {
  std::size_t rows = 0;
  for (const Part& part : parts_) rows += part.records.size();
  return rows;
}

TaskRecords TaskScan::TakeRecords() {
  // A duplicate id across two parts cannot happen: the parts are ranges of
  // an INTEGER PRIMARY KEY, and a table without one is read in one part.
  std::vector<TaskRecords> records(parts_.size());
  for (std::size_t i = 0; i < parts_.size(); ++i) records[i] = std::move(parts_[i].records);
  TaskRecords all;
  all.ids = Concatenate(records, &TaskRecords::ids);
  all.instance = Concatenate(records, &TaskRecords::instance);
  all.agency = Concatenate(records, &TaskRecords::agency);
  all.done = Concatenate(records, &TaskRecords::done);
  return all;
}

void TaskScan::FillBook() {
  for (Part& part : parts_) context_.book.AddTasks(std::move(part.added));
  std::vector<DataIssue> issues = Concatenate(parts_, &Part::issues);
  context_.issues.insert(context_.issues.end(), std::make_move_iterator(issues.begin()),
                         std::make_move_iterator(issues.end()));
  std::vector<int> rows_with_issues(context_.agencies.size(), 0);
  for (Part& part : parts_) {
    for (std::size_t agency = 0; agency < part.rows_with_issues.size(); ++agency) {
      rows_with_issues[agency] += part.rows_with_issues[agency];
    }
    std::vector<int>().swap(part.rows_with_issues);
  }
  context_.book.GroupTasks();

  for (std::size_t i = 0; i < task_rules_.size(); ++i) {
    for (std::size_t agency = 0; agency < rows_with_issues.size(); ++agency) {
      const int first = context_.instances.Find(task_rule_index_[i], static_cast<int>(agency));
      if (first < 0) continue;
      const int count = context_.instances.CountOf(task_rule_index_[i], static_cast<int>(agency));
      for (int p = 0; p < count; ++p) {
        context_.book.counts(first + p).issue_rows += rows_with_issues[agency];
      }
    }
  }
}

}  // namespace dxcomply
