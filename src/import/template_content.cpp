#include "import/template_content.hpp"

#include "import/table_fields.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

#include <algorithm>
#include <set>

namespace dxcomply {
namespace {

Value StoredValue(const Statement& statement, int column) {
  switch (statement.Type(column)) {
    case SqlType::kInteger:
      return Value::Integer(statement.Int64(column));
    case SqlType::kReal:
      return Value::Real(statement.Double(column));
    case SqlType::kNull:
      return Value::Null();
    default:
      return Value::Text(statement.String(column));
  }
}

std::vector<std::vector<Value>> AgencyRows(const TableSpec& table, RecordStore& store,
                                           const std::string& agency) {
  std::string sql =
      "SELECT " + QuoteIdentifier(table.id_column) + ", " + QuoteIdentifier(table.agency_column);
  for (const ColumnSpec& column : table.columns) sql += ", " + QuoteIdentifier(column.name);
  sql += " FROM " + QuoteIdentifier(table.name) + " WHERE " + QuoteIdentifier(table.agency_column) +
         " = ? ORDER BY " + QuoteIdentifier(table.id_column);
  Statement statement = store.Prepare(sql);
  statement.Bind(1, std::string_view(agency));
  std::vector<std::vector<Value>> rows;
  while (statement.Step()) {
    std::vector<Value> row;
    for (int i = 0; i < statement.ColumnCount(); ++i) row.push_back(StoredValue(statement, i));
    rows.push_back(std::move(row));
  }
  return rows;
}

int FieldOf(const TableSpec& table, const std::string& column) {
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].name == column) return static_cast<int>(i) + 2;
  }
  return -1;
}

// A row with only the agency and the given columns filled.
std::vector<Value> NewRow(const TableSpec& table, const std::string& agency,
                          const std::vector<std::pair<std::string, std::string>>& values) {
  std::vector<Value> row(table.columns.size() + 2);
  row[1] = Value::Text(agency);
  for (const auto& [column, value] : values) {
    const int field = FieldOf(table, column);
    if (field >= 0 && !value.empty()) row[static_cast<std::size_t>(field)] = Value::Text(value);
  }
  return row;
}

std::string TextAt(const std::vector<Value>& row, int field) {
  return field < 0 ? "" : row[static_cast<std::size_t>(field)].ToString();
}

TemplateSheet TaskSheet(const TableSpec& table, const TemplateRequest& request,
                        std::vector<std::vector<Value>> stored) {
  TemplateSheet sheet{&table, {}};
  const int obligation = FieldOf(table, "obligation_id");
  const int period = FieldOf(table, "period");
  for (const OpenDuty& duty : request.open_duties) {
    bool any = false;
    for (const std::vector<Value>& row : stored) {
      if (TextAt(row, obligation) != duty.task_obligation) continue;
      if (!duty.period.empty() && TextAt(row, period) != duty.period) continue;
      sheet.rows.push_back(row);
      any = true;
    }
    if (!any) {
      sheet.rows.push_back(NewRow(table, request.agency.id,
                                  {{"obligation_id", duty.task_obligation},
                                   {"period", duty.period},
                                   {"title", duty.title}}));
    }
  }
  return sheet;
}

TemplateSheet MeasurementSheet(const TableSpec& table, const TemplateRequest& request,
                               const std::vector<std::vector<Value>>& stored) {
  TemplateSheet sheet{&table, {}};
  const int indicator = FieldOf(table, "indicator_id");
  for (const std::string& id : request.indicators) {
    for (const std::vector<Value>& row : stored) {
      if (TextAt(row, indicator) == id) sheet.rows.push_back(row);
    }
    sheet.rows.push_back(NewRow(table, request.agency.id, {{"indicator_id", id}}));
  }
  return sheet;
}

}  // namespace

TemplateContent ReadTemplateContent(const TemplateRequest& request, const RuleSet& rules,
                                    RecordStore& store) {
  TemplateContent content;
  content.agency = request.agency;
  content.as_of = request.as_of;
  for (const Obligation& rule : rules.obligations) content.obligation_ids.push_back(rule.id);
  std::sort(content.obligation_ids.begin(), content.obligation_ids.end());
  {
    Statement agencies = store.Prepare("SELECT id FROM agency ORDER BY id");
    while (agencies.Step()) content.agency_ids.push_back(agencies.String(0));
  }
  // In tables.yaml's order.
  for (const TableSpec& table : rules.tables) {
    if (std::find(request.tables.begin(), request.tables.end(), &table) == request.tables.end()) {
      continue;
    }
    std::vector<std::vector<Value>> stored = AgencyRows(table, store, request.agency.id);
    if (table.name == kTaskTable) {
      content.sheets.push_back(TaskSheet(table, request, std::move(stored)));
    } else if (table.name == kMeasurementTable) {
      content.sheets.push_back(MeasurementSheet(table, request, stored));
    } else {
      content.sheets.push_back({&table, std::move(stored)});
    }
  }
  return content;
}

}  // namespace dxcomply
