#include "base/prefetch.hpp"
#include "eval/collectors.hpp"
#include "eval/exception_grants.hpp"
#include "records/scan_plan.hpp"
#include "records/schema_check.hpp"
#include "records/table_scan.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>

namespace dxcomply {

int RuleIndex(const RuleSet& rules, const Obligation* rule) {
  return static_cast<int>(rule - rules.obligations.data());
}

namespace {

// What one table's scan adds to an instance. Rows come in no agency order,
// so the instance records (InstanceCounts, far apart: one per rule and
// agency) would each be a cache miss per row and rule; these are kept per
// agency, the table's rules side by side, and added to the book at the end.
struct ScanCounts {
  int instance = -1;  // -1: the agency is outside the rule's scope
  DayNumber due_floor = kMinusInfinity;  // per-record: no row due before (an extension)
  std::array<DayNumber, kMeasureDates> days{};
  std::array<std::int64_t, kMeasureDates> base{};
  std::array<std::int64_t, kMeasureDates> hits{};
  DayNumber last_satisfied = kMinusInfinity;
  std::int64_t late_open = 0;
  DayNumber oldest_late_due = kPlusInfinity;
  std::int64_t pending = 0;
  DayNumber next_due = kPlusInfinity;
  std::int64_t satisfied_late = 0;
  std::int64_t without_event = 0;

  void AddTo(InstanceCounts& counts) const {
    for (std::size_t k = 0; k < kMeasureDates; ++k) {
      counts.base[k] += base[k];
      counts.hits[k] += hits[k];
    }
    counts.last_satisfied = std::max(counts.last_satisfied, last_satisfied);
    counts.late_open += late_open;
    counts.oldest_late_due = std::min(counts.oldest_late_due, oldest_late_due);
    counts.pending += pending;
    counts.next_due = std::min(counts.next_due, next_due);
    counts.satisfied_late += satisfied_late;
    counts.without_event += without_event;
  }
};

}  // namespace

void CollectTableMeasures(const CollectContext& context) {
  // Every table once, for all the rules that read it.
  std::map<std::string, std::vector<const Obligation*>> rules_by_table;
  for (const Obligation& rule : context.rules.obligations) {
    if (rule.check.kind == CheckKind::kCoverage || rule.check.kind == CheckKind::kCount) {
      rules_by_table[rule.check.table].push_back(&rule);
    }
  }
  for (const auto& [table_name, rules] : rules_by_table) {
    const TableSpec* table = context.rules.FindTable(table_name);
    if (table == nullptr) continue;  // The rule checker has refused these rules.
    const TableScanPlan plan =
        PlanTableScan(*table, rules, context.as_of);
    const std::size_t rule_count = plan.rules.size();
    std::vector<int> rule_index;
    std::vector<bool> coverage;
    for (const RuleScanPlan& rule_plan : plan.rules) {
      rule_index.push_back(RuleIndex(context.rules, rule_plan.rule));
      coverage.push_back(rule_plan.rule->check.kind == CheckKind::kCoverage);
    }

    // Per-record due dates: the date slot each row's own deadline counts from.
    std::vector<int> event_slot;
    for (const RuleScanPlan& rule_plan : plan.rules) {
      const Due& due = rule_plan.rule->due;
      const int column =
          due.kind == Due::Kind::kPerRecord ? plan.ColumnIndex(due.after_column) : -1;
      event_slot.push_back(
          column < 0 ? -1 : plan.date_slot_of_column[static_cast<std::size_t>(column - 2)]);
    }
    const DayNumber as_of = ToDayNumber(context.as_of);

    // cells[agency * rule_count + r]: what rule r's instance for that agency gets.
    std::vector<ScanCounts> cells(context.agencies.size() * rule_count);
    for (std::size_t agency = 0; agency < context.agencies.size(); ++agency) {
      for (std::size_t r = 0; r < rule_count; ++r) {
        ScanCounts& cell = cells[agency * rule_count + r];
        cell.instance = context.instances.Find(rule_index[r], static_cast<int>(agency));
        if (cell.instance < 0) continue;
        cell.days = context.book.Days(cell.instance);
        if (event_slot[r] >= 0) cell.due_floor = RowDueFloor(context.instances, cell.instance);
      }
    }

    const ScanResult result = ScanTable(
        context.store, plan, context.agencies, false, context.issues,
        [&](const ScanRow& row) {
          if (row.agency < 0) return;
          ScanCounts* agency_cells = &cells[static_cast<std::size_t>(row.agency) * rule_count];
          for (std::size_t r = 0; r < rule_count; ++r) {
            ScanCounts& counts = agency_cells[r];
            if (counts.instance < 0) continue;
            const RuleScanPlan& rule_plan = plan.rules[r];
            if (!row.AtomsHold(rule_plan.where)) continue;
            DayNumber from, until;
            row.Interval(plan, rule_plan.where, &from, &until);
            if (from >= until) continue;
            const bool counts_as_satisfied = coverage[r] && row.AtomsHold(rule_plan.satisfied);
            DayNumber satisfied_from = kPlusInfinity, satisfied_until = kPlusInfinity;
            if (counts_as_satisfied) {
              DayNumber sat_from, sat_until;
              row.Interval(plan, rule_plan.satisfied, &sat_from, &sat_until);
              satisfied_from = std::max(from, sat_from);
              satisfied_until = std::min(until, sat_until);
            }
            for (std::size_t k = 0; k < kMeasureDates; ++k) {
              const DayNumber t = counts.days[k];
              if (t < from || t >= until) continue;
              ++counts.base[k];
              if (!coverage[r] || (t >= satisfied_from && t < satisfied_until)) ++counts.hits[k];
            }
            if (!coverage[r] || as_of < from || as_of >= until) continue;
            const bool satisfied_now = as_of >= satisfied_from && as_of < satisfied_until;
            if (satisfied_now)
              counts.last_satisfied = std::max(counts.last_satisfied, satisfied_from);
            if (event_slot[r] < 0) continue;
            const DayNumber event = row.dates[static_cast<std::size_t>(event_slot[r])];
            if (event == kPlusInfinity || event > as_of) {
              ++counts.without_event;
              continue;
            }
            const DayNumber own_due =
                std::max(context.deadlines.After(rule_plan.rule->due, event), counts.due_floor);
            if (satisfied_now) {
              if (satisfied_from > own_due) ++counts.satisfied_late;
            } else if (own_due < as_of) {
              ++counts.late_open;
              counts.oldest_late_due = std::min(counts.oldest_late_due, own_due);
            } else {
              ++counts.pending;
              counts.next_due = std::min(counts.next_due, own_due);
            }
          }
        },
        [&](int agency) {
          // The agency's cells, while the row's values are checked.
          PrefetchBytes(&cells[static_cast<std::size_t>(agency) * rule_count],
                        rule_count * sizeof(ScanCounts), true);
        });

    for (std::size_t agency = 0; agency < context.agencies.size(); ++agency) {
      for (std::size_t r = 0; r < rule_count; ++r) {
        const ScanCounts& cell = cells[agency * rule_count + r];
        if (cell.instance < 0) continue;
        InstanceCounts& counts = context.book.counts(cell.instance);
        cell.AddTo(counts);
        counts.issue_rows += result.rows_with_issues[agency];
      }
    }
  }
}

}  // namespace dxcomply
