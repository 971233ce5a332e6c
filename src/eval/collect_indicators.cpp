#include "eval/collectors.hpp"
#include "records/scan_plan.hpp"
#include "records/schema_check.hpp"
#include "records/table_scan.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

#include <string>
#include <unordered_map>

namespace dxcomply {

void CollectIndicatorMeasures(const CollectContext& context, int national_agency) {
  std::unordered_map<std::string, std::vector<int>> rules_of_indicator;
  for (std::size_t i = 0; i < context.rules.obligations.size(); ++i) {
    const Check& check = context.rules.obligations[i].check;
    if (check.kind == CheckKind::kIndicator) {
      rules_of_indicator[check.indicator].push_back(static_cast<int>(i));
    }
  }
  if (rules_of_indicator.empty()) return;
  const TableSpec* table = context.rules.FindTable(kMeasurementTable);
  if (table == nullptr) return;  // schema_check refuses to run without it.

  TableScanPlan plan =
      PlanTableScan(*table, {}, context.as_of);
  plan.order_by_id = true;  // Ties on the same date: the later row wins, deterministically.
  const int indicator_column = plan.ColumnIndex("indicator_id");
  const int value_column = plan.ColumnIndex("value");
  const int as_of_slot =
      plan.date_slot_of_column[static_cast<std::size_t>(plan.ColumnIndex("as_of") - 2)];
  std::string key;

  const ScanResult result = ScanTable(
      context.store, plan, context.agencies, true, context.issues, [&](const ScanRow& row) {
        const int agency = row.agency == kNullAgency ? national_agency : row.agency;
        if (agency < 0) return;
        const DayNumber day = row.dates[static_cast<std::size_t>(as_of_slot)];
        if (day == kPlusInfinity || !row.fits[static_cast<std::size_t>(value_column - 2)]) return;
        const std::string_view indicator = row.values.Text(indicator_column);
        key.assign(indicator.data(), indicator.size());
        const auto found = rules_of_indicator.find(key);
        if (found == rules_of_indicator.end()) return;
        const double value = row.values.Double(value_column);
        for (int rule : found->second) {
          const int instance = context.instances.Find(rule, agency);
          if (instance < 0) continue;
          InstanceCounts& counts = context.book.counts(instance);
          const auto& days = context.book.Days(instance);
          for (std::size_t k = 0; k < kMeasureDates; ++k) {
            if (day <= days[k] && day >= counts.value_day[k]) {
              counts.value_day[k] = day;
              counts.value[k] = value;
            }
          }
        }
      });
  for (const auto& [indicator, rules] : rules_of_indicator) {
    for (int rule : rules) {
      for (std::size_t agency = 0; agency < result.rows_with_issues.size(); ++agency) {
        const int instance = context.instances.Find(rule, static_cast<int>(agency));
        if (instance >= 0)
          context.book.counts(instance).issue_rows += result.rows_with_issues[agency];
      }
    }
  }
}

}  // namespace dxcomply
