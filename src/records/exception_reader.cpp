#include "records/exception_reader.hpp"

#include "records/scan_plan.hpp"
#include "records/table_scan.hpp"
#include "records/value_check.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

namespace dxcomply {
namespace {

ColumnSpec Column(const char* name, ColumnType type, bool nullable,
                  std::vector<std::string> values = {}) {
  ColumnSpec column;
  column.name = name;
  column.type = type;
  column.nullable = nullable;
  column.values = std::move(values);
  return column;
}

TableSpec MakeExceptionTableSpec() {
  TableSpec table;
  table.name = kExceptionTable;
  table.columns = {
      Column("obligation_id", ColumnType::kText, false),
      Column("period", ColumnType::kText, true),
      Column("kind", ColumnType::kText, false, {"extension", "waiver"}),
      Column("new_due", ColumnType::kDate, true),
      Column("document_number", ColumnType::kText, false),
      Column("document_date", ColumnType::kDate, false),
      Column("granted_by", ColumnType::kText, false),
      Column("reason", ColumnType::kText, true),
      Column("expires_on", ColumnType::kDate, true),
  };
  return table;
}

}  // namespace

const TableSpec& ExceptionTableSpec() {
  static const TableSpec table = MakeExceptionTableSpec();
  return table;
}

std::vector<ExceptionRow> ReadExceptions(RecordStore& store, const AgencyDirectory& agencies,
                                         std::vector<DataIssue>& issues) {
  std::vector<ExceptionRow> rows;
  if (!store.HasTable(kExceptionTable)) return rows;
  TableScanPlan plan = PlanTableScan(ExceptionTableSpec(), {}, Date(2000, 1, 1));
  plan.order_by_id = true;
  const auto column = [&](const char* name) { return plan.ColumnIndex(name); };
  const int obligation = column("obligation_id");
  const int period = column("period");
  const int kind = column("kind");
  const int document_number = column("document_number");
  const int granted_by = column("granted_by");
  const int reason = column("reason");
  const auto slot = [&](const char* name) {
    return static_cast<std::size_t>(
        plan.date_slot_of_column[static_cast<std::size_t>(column(name) - 2)]);
  };
  const std::size_t new_due = slot("new_due");
  const std::size_t document_date = slot("document_date");
  const std::size_t expires_on = slot("expires_on");
  const auto day = [](DayNumber number) {
    return number == kPlusInfinity ? std::optional<Date>() : FromDayNumber(number);
  };

  ScanTable(store, plan, agencies, false, issues, [&](const ScanRow& scanned) {
    const RowValues& values = scanned.values;
    ExceptionRow row;
    row.id = ValueText(values, 0);
    row.agency_id = values.String(1);
    // The agency it was granted to, not the one holding that agency's
    // records on the run's day: an exception follows the duties of its own
    // agency as they pass on (eval/exception_grants.hpp), never a
    // successor's own.
    row.agency = scanned.agency < 0 ? -1 : agencies.Find(row.agency_id);
    row.values_fit = true;
    for (std::uint8_t fits : scanned.fits) row.values_fit = row.values_fit && fits != 0;
    row.obligation_id = values.String(obligation);
    row.period = values.String(period);
    GrantedException& grant = row.grant;
    grant.kind = values.Text(kind) == "waiver" ? ExceptionKind::kWaiver : ExceptionKind::kExtension;
    grant.row_id = row.id;
    grant.new_due = day(scanned.dates[new_due]);
    grant.document_number = values.String(document_number);
    if (const std::optional<Date> granted = day(scanned.dates[document_date])) {
      grant.document_date = *granted;
    }
    grant.granted_by = values.String(granted_by);
    grant.reason = values.String(reason);
    grant.expires_on = day(scanned.dates[expires_on]);
    rows.push_back(std::move(row));
  });
  return rows;
}

}  // namespace dxcomply
