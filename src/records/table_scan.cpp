#include "records/table_scan.hpp"

#include "base/messages.hpp"
#include "records/value_check.hpp"
#include "store/record_store.hpp"

#include <spdlog/spdlog.h>

namespace dxcomply {

ScanResult ScanTable(RecordStore& store, const TableScanPlan& plan, const AgencyDirectory& agencies,
                     bool agency_may_be_null, std::vector<DataIssue>& issues,
                     const std::function<void(const ScanRow&)>& visit,
                     const std::function<void(int agency)>& agency_known) {
  ScanResult result;
  result.rows_with_issues.assign(agencies.size(), 0);
  // SQLite hands a function at most so many arguments (127 by default): a
  // plan with more values per row is read as result rows instead.
  const int arguments = plan.FirstAtomColumn() + static_cast<int>(plan.atoms.size());
  const bool through_visitor = arguments <= store.FunctionArgumentLimit();
  const std::string sql = through_visitor ? plan.VisitSql() : plan.Sql();
  Statement statement = store.Prepare(sql);
  spdlog::debug("scan: {}", sql);
  int parameter = 1;
  for (const SqlValue& value : plan.Parameters()) {
    switch (value.kind) {
      case SqlValue::Kind::kInteger:
        statement.Bind(parameter++, value.integer);
        break;
      case SqlValue::Kind::kReal:
        statement.Bind(parameter++, value.real);
        break;
      case SqlValue::Kind::kText:
        statement.Bind(parameter++, std::string_view(value.text));
        break;
    }
  }

  const std::string& table = plan.table->name;
  std::vector<DayNumber> dates(static_cast<std::size_t>(plan.date_slots), kPlusInfinity);
  std::vector<std::uint8_t> atoms(plan.atoms.size(), 0);
  std::vector<std::uint8_t> fits(plan.columns.size(), 1);
  const int first_atom = plan.FirstAtomColumn();
  const auto read_row = [&](const RowValues& row) {
    ++result.rows;
    bool has_issue = false;
    int agency = kNullAgency;
    if (row.IsNull(1)) {
      if (!agency_may_be_null) {
        issues.push_back({table, ValueText(row, 0), plan.table->agency_column, "NULL",
                          Tr("missing agency (not counted for any agency)"), ""});
        agency = kUnknownAgency;
        has_issue = true;
      }
    } else {
      // Looked up for every row, with no memory of the last row's: a lookup
      // reads one slot (cached when rows come grouped by agency), and
      // copying the last id to compare cost as much when they do not.
      const std::string_view agency_id = row.Text(1);
      agency = agencies.FindRecordHolder(agency_id);
      if (agency < 0) {
        issues.push_back({table, ValueText(row, 0), plan.table->agency_column,
                          std::string(agency_id), Tr("unknown agency (not counted for any agency)"),
                          ""});
        agency = kUnknownAgency;
        has_issue = true;
      }
    }
    if (agency >= 0 && agency_known) agency_known(agency);

    for (std::size_t i = 0; i < plan.columns.size(); ++i) {
      const int index = static_cast<int>(i) + 2;
      const int slot = plan.date_slot_of_column[i];
      DayNumber day = kPlusInfinity;
      const bool value_fits = ValueFits(*plan.columns[i], row, index, &day);
      if (slot >= 0) dates[static_cast<std::size_t>(slot)] = day;
      fits[i] = value_fits ? 1 : 0;
      if (!value_fits) {
        has_issue = true;
        issues.push_back({table, ValueText(row, 0), plan.columns[i]->name, ValueText(row, index),
                          ValueProblem(*plan.columns[i], row, index, &day),
                          agency >= 0 ? agencies.at(agency).id : ""});
      }
    }
    for (std::size_t i = 0; i < atoms.size(); ++i) {
      const bool holds = row.Int64(first_atom + static_cast<int>(i)) != 0;
      // On an invalid value the atom reads as on NULL: `is_null` holds, the
      // rest do not.
      const StaticAtom& atom = plan.atoms[i];
      const bool valid = fits[static_cast<std::size_t>(atom.column)] != 0;
      atoms[i] = (valid ? holds : atom.is_null) ? 1 : 0;
    }
    if (has_issue && agency >= 0) ++result.rows_with_issues[static_cast<std::size_t>(agency)];
    visit(ScanRow{row, agency, dates, atoms, fits, has_issue});
  };
  if (through_visitor) {
    store.Visit(statement, read_row);
  } else {
    while (statement.Step()) read_row(statement.Row());
  }
  return result;
}

}  // namespace dxcomply
