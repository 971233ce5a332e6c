// ListCounterRecords(): the rows behind one finding, for `dxcomply explain`.
// Uses the same scan plan and interval arithmetic as Evaluate, restricted to
// one agency, so the rows listed are exactly the ones the figures count.
#include "dxcomply/engine.hpp"
#include "dxcomply/finding.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "records/agency_timeline.hpp"
#include "records/scan_plan.hpp"
#include "records/schema_check.hpp"
#include "records/table_scan.hpp"
#include "records/value_check.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

#include <algorithm>
#include <set>

namespace dxcomply {
namespace {

std::string LabelColumn(const TableSpec& table) {
  for (const char* name : {"name", "title", "role", "indicator_id"}) {
    if (table.FindColumn(name) != nullptr) return name;
  }
  return "";
}

// The columns a check reads, in table order: lifetime, where, satisfied.
std::vector<std::string> ReadColumns(const TableSpec& table, const Obligation& rule,
                                     const TableScanPlan& plan) {
  std::set<std::string> used = {table.lifetime_from, table.lifetime_until};
  for (const Predicate* predicate : {&rule.check.where, &rule.check.satisfied}) {
    for (const Condition& condition : *predicate) used.insert(condition.column);
  }
  if (rule.check.kind == CheckKind::kTask) {
    used.insert({"period", "started_on", "progress", "completed_on", "evidence"});
  }
  if (rule.check.kind == CheckKind::kIndicator) used.insert({"as_of", "value", "source"});
  std::vector<std::string> columns;
  for (const ColumnSpec& column : table.columns) {
    if (used.count(column.name) != 0 && plan.ColumnIndex(column.name) >= 0) {
      columns.push_back(column.name);
    }
  }
  return columns;
}

}  // namespace

std::vector<CounterRecord> ListCounterRecords(const RuleSet& rules, RecordStore& store,
                                              const Obligation& obligation,
                                              const std::string& agency_id, const Date& as_of,
                                              int limit) {
  std::vector<CounterRecord> records;
  const TableSpec* declared = rules.FindTable(obligation.check.table);
  if (declared == nullptr || limit <= 0) return records;
  TableSpec local = *declared;
  MarkMissingColumns(local, store);
  const TableSpec* table = &local;

  Obligation rule = obligation;
  if (rule.check.kind == CheckKind::kTask) {
    Condition completed;
    completed.column = "completed_on";
    completed.op = CompareOp::kNotNull;
    rule.check.satisfied.push_back(completed);
  }
  TableScanPlan plan = PlanTableScan(*table, {&rule}, as_of);
  // National figures are the measurement rows without an agency.
  const bool national = agency_id == kNationalAgencyId && rule.applies_to.national;
  plan.only_agency = national ? "" : agency_id;
  plan.order_by_id = true;
  const DayNumber t = ToDayNumber(as_of);
  AgencyDirectory agencies({Agency{agency_id, "", ""}});
  int wanted = 0;  // the index rows must resolve to
  if (!national) {
    // An agency holding ceased agencies' records on T lists theirs too.
    std::vector<DataIssue> unused;
    AgencyDirectory all = AgencyDirectory::Read(store, unused);
    const AgencyTimeline timeline = AgencyTimeline::Read(store, all, unused);
    const int own = all.Find(agency_id);
    bool holds_others = false;
    for (std::size_t i = 0; own >= 0 && i < all.size(); ++i) {
      holds_others |=
          static_cast<int>(i) != own && timeline.HolderOn(static_cast<int>(i), t) == own;
    }
    if (holds_others) {
      timeline.ApplyTo(all, t);
      agencies = std::move(all);
      wanted = own;
      plan.only_agency.clear();
    }
  }
  const std::string label_column = LabelColumn(*table);
  const std::vector<std::string> shown = ReadColumns(*table, rule, plan);
  std::vector<DataIssue> ignored;  // Evaluate reports them; explain lists rows.

  std::vector<CounterRecord> measurements;
  const bool indicator = rule.check.kind == CheckKind::kIndicator;
  // The built-in columns a check kind reads, found once.
  const int obligation_column = plan.ColumnIndex("obligation_id");
  const int period_column = plan.ColumnIndex("period");
  const int indicator_column = plan.ColumnIndex("indicator_id");
  const int as_of_column = plan.ColumnIndex("as_of");
  ScanTable(store, plan, agencies, indicator, ignored, [&](const ScanRow& row) {
    if (national ? row.agency != kNullAgency : row.agency != wanted) return;
    const RuleScanPlan& rule_plan = plan.rules.front();
    bool listed = false;
    switch (rule.check.kind) {
      case CheckKind::kCoverage:
      case CheckKind::kCount:
      case CheckKind::kTask: {
        if (rule.check.kind == CheckKind::kTask) {
          const std::string_view obligation_id = row.values.Text(obligation_column);
          const std::string_view period = row.values.Text(period_column);
          if (obligation_id != rule.check.task_obligation) return;
          if (!rule.period.empty() && period != rule.period) return;
        }
        if (!row.AtomsHold(rule_plan.where)) return;
        DayNumber from, until;
        row.Interval(plan, rule_plan.where, &from, &until);
        if (t < from || t >= until) return;
        if (rule.check.kind == CheckKind::kCount) {
          listed = true;
          break;
        }
        DayNumber sat_from = kPlusInfinity, sat_until = kPlusInfinity;
        if (row.AtomsHold(rule_plan.satisfied)) {
          row.Interval(plan, rule_plan.satisfied, &sat_from, &sat_until);
        }
        listed = !(t >= std::max(from, sat_from) && t < std::min(until, sat_until));
        break;
      }
      case CheckKind::kIndicator: {
        const int as_of_slot = plan.date_slot_of_column[static_cast<std::size_t>(as_of_column - 2)];
        listed = row.values.Text(indicator_column) == rule.check.indicator &&
                 row.dates[static_cast<std::size_t>(as_of_slot)] <= t;
        break;
      }
    }
    if (!listed) return;
    CounterRecord record;
    record.table = table->name;
    record.id = ValueText(row.values, 0);
    if (!label_column.empty()) record.label = ValueText(row.values, plan.ColumnIndex(label_column));
    // A row of a ceased agency whose records this one holds: say whose.
    if (!national && row.values.Text(1) != agency_id) {
      record.details.push_back(table->agency_column + "=" + ValueText(row.values, 1));
    }
    for (const std::string& column : shown) {
      const int index = plan.ColumnIndex(column);
      // An optional lifetime column says nothing when empty (recorded_on).
      if (row.values.IsNull(index) && table->FindColumn(column)->optional) continue;
      std::string detail = column + "=" + ValueText(row.values, index);
      // The row as it stands today may hold later dates; say so rather than
      // let them pass for what was known on T.
      const int slot = plan.date_slot_of_column[static_cast<std::size_t>(index - 2)];
      if (slot >= 0 && row.dates[static_cast<std::size_t>(slot)] != kPlusInfinity &&
          row.dates[static_cast<std::size_t>(slot)] > t) {
        detail += Format(Tr(" (after {0})"), {ShownDate(as_of)});
      }
      record.details.push_back(detail);
    }
    if (rule.check.kind == CheckKind::kIndicator) {
      measurements.push_back(std::move(record));
    } else if (static_cast<int>(records.size()) < limit) {
      records.push_back(std::move(record));
    }
  });
  if (indicator) {
    // The latest first; details[0] is "as_of=YYYY-MM-DD", which sorts as text.
    std::stable_sort(measurements.begin(), measurements.end(),
                     [](const CounterRecord& a, const CounterRecord& b) {
                       return a.details.front() > b.details.front();
                     });
    if (measurements.size() > static_cast<std::size_t>(limit)) measurements.resize(limit);
    records = std::move(measurements);
  }
  return records;
}

}  // namespace dxcomply
