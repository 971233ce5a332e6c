#include "import/import_plan.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "import/messages.hpp"

#include <algorithm>
#include <map>

namespace dxcomply {
namespace {

class SheetPlanner {
 public:
  SheetPlanner(const SheetRows& sheet, const RuleSet& rules, const std::string& file_agency,
               const std::set<std::string>& agencies, ImportDatabase& database,
               std::vector<CellProblem>& problems)
      : sheet_(sheet),
        table_(*sheet.table),
        rules_(rules),
        file_agency_(file_agency),
        agencies_(agencies),
        database_(database),
        problems_(problems) {
    for (const ColumnSpec& column : table_.columns) columns_.push_back(column.name);
  }

  TablePlan Plan() {
    TablePlan plan;
    plan.table = &table_;
    if (!CheckTable()) return plan;
    agency_required_ = database_.IsNotNull(table_.name, table_.agency_column);

    // Rows named by id first: they claim their stored row.
    std::vector<const ImportRow*> new_rows;
    std::vector<Value> new_agencies;
    for (const ImportRow& row : sheet_.rows) {
      std::optional<Value> agency = RowAgency(row);
      if (!agency) continue;
      if (row.id) {
        PlanNamedRow(row, *agency, plan);
      } else {
        new_rows.push_back(&row);
        new_agencies.push_back(*agency);
      }
    }
    PlanNewRows(new_rows, new_agencies, plan);
    return plan;
  }

 private:
  void Problem(int row, int column, std::string message) {
    problems_.push_back(
        {sheet_.sheet_index, sheet_.sheet, row, std::max(column, 0), std::move(message)});
  }

  // The first cell of the row with something in it, for problems of a whole row.
  int RowCell(int preferred) const {
    if (preferred >= 0) return preferred;
    for (int cell : sheet_.field_cell) {
      if (cell >= 0) return cell;
    }
    return 0;
  }

  bool CheckTable() {
    if (!database_.HasTable(table_.name)) {
      Problem(sheet_.header_row, 0,
              Format(Tr("the database has no table '{0}' (create it as data/schema.sql does, "
                        "then import again)"),
                     {table_.name}));
      return false;
    }
    const std::vector<std::string> stored = database_.Columns(table_.name);
    bool ok = true;
    for (std::size_t i = 0; i < sheet_.fields.size(); ++i) {
      const std::string& name = sheet_.fields[i].name;
      if (sheet_.field_cell[i] < 0 || name == "rowid") continue;
      if (std::find(stored.begin(), stored.end(), name) == stored.end()) {
        Problem(sheet_.header_row, sheet_.field_cell[i],
                Format(Tr("table '{0}' of the database has no column '{1}'"), {table_.name, name}));
        ok = false;
      }
    }
    return ok;
  }

  // The row's agency (NULL for a national row), or none after a problem.
  std::optional<Value> RowAgency(const ImportRow& row) {
    const int cell = RowCell(sheet_.AgencyCell());
    if (!row.agency.empty() && !file_agency_.empty() && row.agency != file_agency_) {
      Problem(row.row, cell, msg::OtherAgency(row.agency, file_agency_));
      return std::nullopt;
    }
    const std::string agency = row.agency.empty() ? file_agency_ : row.agency;
    if (agency.empty()) {
      if (agency_required_) {
        Problem(row.row, cell, msg::MissingAgency());
        return std::nullopt;
      }
      return Value::Null();
    }
    if (agencies_.count(agency) == 0) {
      Problem(row.row, cell, msg::UnknownAgency(agency));
      return std::nullopt;
    }
    return Value::Text(agency);
  }

  // Cross-column checks and references on the row as it would be stored.
  void CheckRow(const ImportRow& row, const std::vector<Value>& merged, bool is_new) {
    for (std::size_t i = 0; i < table_.columns.size(); ++i) {
      if (row.unreadable[i]) continue;
      const ColumnSpec& column = table_.columns[i];
      const int cell = sheet_.ColumnCell(i);
      const Value& value = merged[i];
      if (value.is_null()) {
        if (!column.nullable && (cell >= 0 || is_new)) {
          Problem(row.row, RowCell(cell),
                  column.label.empty() ? msg::Required() : column.label + ": " + msg::Required());
        }
        if (!column.required_when_column.empty()) CheckRequiredWhen(row, merged, i);
        continue;
      }
      if (column.references == "obligation" && rules_.FindObligation(value.text) == nullptr) {
        Problem(row.row, RowCell(cell), msg::UnknownObligation(value.ToString()));
      }
      if (column.references == "agency" && agencies_.count(value.ToString()) == 0) {
        Problem(row.row, RowCell(cell), msg::UnknownAgency(value.ToString()));
      }
      if (!column.not_before.empty()) CheckNotBefore(row, merged, i);
    }
  }

  std::size_t ColumnIndex(const std::string& name) const {
    for (std::size_t i = 0; i < table_.columns.size(); ++i) {
      if (table_.columns[i].name == name) return i;
    }
    return table_.columns.size();
  }

  std::string Label(std::size_t i) const { return sheet_.fields[i + 2].label; }

  void CheckNotBefore(const ImportRow& row, const std::vector<Value>& merged, std::size_t i) {
    const std::size_t earlier = ColumnIndex(table_.columns[i].not_before);
    if (earlier >= merged.size() || merged[earlier].is_null()) return;
    const std::string& date = merged[i].text;
    const std::string& before = merged[earlier].text;
    if (date >= before) return;
    const int cell = sheet_.ColumnCell(i) >= 0 ? sheet_.ColumnCell(i) : sheet_.ColumnCell(earlier);
    Problem(row.row, RowCell(cell),
            msg::Before(Label(i), VnDateText(date), Label(earlier), VnDateText(before)));
  }

  void CheckRequiredWhen(const ImportRow& row, const std::vector<Value>& merged, std::size_t i) {
    const ColumnSpec& column = table_.columns[i];
    const std::size_t condition = ColumnIndex(column.required_when_column);
    if (condition >= merged.size() || merged[condition].ToString() != column.required_when_value) {
      return;
    }
    const int cell =
        sheet_.ColumnCell(i) >= 0 ? sheet_.ColumnCell(i) : sheet_.ColumnCell(condition);
    Problem(row.row, RowCell(cell),
            Label(i) + ": " +
                msg::RequiredWhen(Label(condition),
                                  Labelled(table_.columns[condition], merged[condition])));
  }

  void PlanNamedRow(const ImportRow& row, const Value& agency, TablePlan& plan) {
    const std::string id = row.id->ToString();
    const std::string cell_name = CellName(sheet_.sheet, sheet_.IdCell(), row.row);
    const auto [first, inserted] = named_ids_.emplace(id, cell_name);
    if (!inserted) {
      Problem(row.row, sheet_.IdCell(), msg::RowIdTwice(id, first->second));
      return;
    }
    const std::optional<ImportDatabase::StoredRow> stored =
        database_.RowById(table_.name, table_.id_column, table_.agency_column, columns_, *row.id);
    if (!stored) {
      Problem(row.row, sheet_.IdCell(), msg::UnknownRowId(id));
      return;
    }
    if (stored->agency != agency) {
      Problem(row.row, sheet_.IdCell(), msg::RowIdOfOtherAgency(id, stored->agency.ToString()));
      return;
    }
    claimed_.insert(stored->id.ToString());
    std::vector<Value> merged = stored->values;
    PlannedWrite write;
    write.id = stored->id;
    for (std::size_t i = 0; i < row.values.size(); ++i) {
      if (!row.values[i]) continue;
      merged[i] = *row.values[i];
      if (*row.values[i] != stored->values[i]) {
        write.columns.push_back(columns_[i]);
        write.values.push_back(*row.values[i]);
      }
    }
    CheckRow(row, merged, false);
    if (write.columns.empty()) {
      ++plan.counts.unchanged;
    } else {
      ++plan.counts.changed;
      plan.writes.push_back(std::move(write));
    }
  }

  const std::vector<ImportDatabase::StoredRow>& StoredRowsOf(const Value& agency) {
    const std::string key = agency.is_null() ? std::string("\x01") : agency.text;
    auto found = stored_by_agency_.find(key);
    if (found == stored_by_agency_.end()) {
      found = stored_by_agency_
                  .emplace(key, database_.RowsOfAgency(table_.name, table_.id_column,
                                                       table_.agency_column, columns_, agency))
                  .first;
    }
    return found->second;
  }

  // Whether the stored row holds every value the file carries for it (all
  // of them, or only the key's).
  bool Matches(const ImportRow& row, const ImportDatabase::StoredRow& stored, bool key_only) const {
    if (key_only && table_.key.empty()) return false;
    for (std::size_t i = 0; i < row.values.size(); ++i) {
      const bool in_key =
          std::find(table_.key.begin(), table_.key.end(), columns_[i]) != table_.key.end();
      if (key_only && !in_key) continue;
      if (!row.values[i]) {
        if (key_only) return false;  // the key is not all in the file
        continue;
      }
      if (*row.values[i] != stored.values[i]) return false;
    }
    return true;
  }

  void PlanNewRows(const std::vector<const ImportRow*>& rows, const std::vector<Value>& agencies,
                   TablePlan& plan) {
    std::vector<const ImportDatabase::StoredRow*> match(rows.size(), nullptr);
    for (const bool key_only : {false, true}) {
      for (std::size_t r = 0; r < rows.size(); ++r) {
        if (match[r] != nullptr) continue;
        for (const ImportDatabase::StoredRow& stored : StoredRowsOf(agencies[r])) {
          if (claimed_.count(stored.id.ToString()) != 0) continue;
          if (!Matches(*rows[r], stored, key_only)) continue;
          claimed_.insert(stored.id.ToString());
          match[r] = &stored;
          break;
        }
      }
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const ImportRow& row = *rows[r];
      PlannedWrite write;
      std::vector<Value> merged(columns_.size());
      if (match[r] != nullptr) {
        merged = match[r]->values;
        write.id = match[r]->id;
      } else {
        write.insert = true;
        write.columns.push_back(table_.agency_column);
        write.values.push_back(agencies[r]);
      }
      for (std::size_t i = 0; i < row.values.size(); ++i) {
        if (!row.values[i]) continue;
        const bool differs = match[r] == nullptr || *row.values[i] != merged[i];
        merged[i] = *row.values[i];
        if (differs) {
          write.columns.push_back(columns_[i]);
          write.values.push_back(*row.values[i]);
        }
      }
      CheckRow(row, merged, match[r] == nullptr);
      if (write.insert) {
        ++plan.counts.added;
        plan.writes.push_back(std::move(write));
      } else if (write.columns.empty()) {
        ++plan.counts.unchanged;
      } else {
        ++plan.counts.changed;
        plan.writes.push_back(std::move(write));
      }
    }
  }

  const SheetRows& sheet_;
  const TableSpec& table_;
  const RuleSet& rules_;
  const std::string& file_agency_;
  const std::set<std::string>& agencies_;
  ImportDatabase& database_;
  std::vector<CellProblem>& problems_;
  std::vector<std::string> columns_;
  bool agency_required_ = true;
  std::map<std::string, std::string> named_ids_;  // id -> the cell naming it first
  std::set<std::string> claimed_;                 // stored ids a file row stands for
  std::map<std::string, std::vector<ImportDatabase::StoredRow>> stored_by_agency_;
};

}  // namespace

TablePlan PlanSheet(const SheetRows& sheet, const RuleSet& rules, const std::string& file_agency,
                    const std::set<std::string>& agencies, ImportDatabase& database,
                    std::vector<CellProblem>& problems) {
  return SheetPlanner(sheet, rules, file_agency, agencies, database, problems).Plan();
}

}  // namespace dxcomply
