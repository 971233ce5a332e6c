#include "eval/collectors.hpp"
#include "records/scan_plan.hpp"
#include "records/table_scan.hpp"

#include <algorithm>
#include <map>

namespace dxcomply {

int RuleIndex(const RuleSet& rules, const Obligation* rule) {
  return static_cast<int>(rule - rules.obligations.data());
}

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
    const TableScanPlan plan = PlanTableScan(*table, rules, context.as_of);
    std::vector<int> rule_index;
    for (const RuleScanPlan& rule_plan : plan.rules) {
      rule_index.push_back(RuleIndex(context.rules, rule_plan.rule));
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

    const ScanResult result = ScanTable(
        context.store, plan, context.agencies, false, context.issues, [&](const ScanRow& row) {
          if (row.agency < 0) return;
          for (std::size_t r = 0; r < plan.rules.size(); ++r) {
            const int instance = context.instances.Find(rule_index[r], row.agency);
            if (instance < 0) continue;
            const RuleScanPlan& rule_plan = plan.rules[r];
            if (!row.AtomsHold(rule_plan.where)) continue;
            DayNumber from, until;
            row.Interval(plan, rule_plan.where, &from, &until);
            if (from >= until) continue;
            const bool coverage = rule_plan.rule->check.kind == CheckKind::kCoverage;
            const bool counts_as_satisfied = coverage && row.AtomsHold(rule_plan.satisfied);
            DayNumber satisfied_from = kPlusInfinity, satisfied_until = kPlusInfinity;
            if (counts_as_satisfied) {
              DayNumber sat_from, sat_until;
              row.Interval(plan, rule_plan.satisfied, &sat_from, &sat_until);
              satisfied_from = std::max(from, sat_from);
              satisfied_until = std::min(until, sat_until);
            }
            InstanceCounts& counts = context.book.counts(instance);
            const auto& days = context.book.Days(instance);
            for (std::size_t k = 0; k < kMeasureDates; ++k) {
              const DayNumber t = days[k];
              if (t < from || t >= until) continue;
              ++counts.base[k];
              if (!coverage || (t >= satisfied_from && t < satisfied_until)) ++counts.hits[k];
            }
            if (!coverage || as_of < from || as_of >= until) continue;
            const bool satisfied_now = as_of >= satisfied_from && as_of < satisfied_until;
            if (satisfied_now)
              counts.last_satisfied = std::max(counts.last_satisfied, satisfied_from);
            if (event_slot[r] < 0) continue;
            const DayNumber event = row.dates[static_cast<std::size_t>(event_slot[r])];
            if (event == kPlusInfinity || event > as_of) {
              ++counts.without_event;
              continue;
            }
            const DayNumber own_due = context.deadlines.After(rule_plan.rule->due, event);
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
        });

    for (std::size_t r = 0; r < plan.rules.size(); ++r) {
      for (std::size_t agency = 0; agency < result.rows_with_issues.size(); ++agency) {
        const int instance = context.instances.Find(rule_index[r], static_cast<int>(agency));
        if (instance >= 0)
          context.book.counts(instance).issue_rows += result.rows_with_issues[agency];
      }
    }
  }
}

}  // namespace dxcomply
