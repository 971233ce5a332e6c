#include "import/sheet_rows.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "import/messages.hpp"

#include <algorithm>

namespace dxcomply {
namespace {

const SheetCell kEmptyCell;

const SheetCell& CellAt(const SheetRow& row, int column) {
  return column >= 0 && static_cast<std::size_t>(column) < row.cells.size()
             ? row.cells[static_cast<std::size_t>(column)]
             : kEmptyCell;
}

bool IsEmpty(const SheetCell& cell) {
  return cell.kind == SheetCell::Kind::kEmpty ||
         (cell.kind == SheetCell::Kind::kText && Trimmed(cell.text).empty());
}

// Whether `row` is the template's line of notes under the header: each of
// its cells is its field's note.
bool IsNotesRow(const SheetRow& row, const SheetRows& out) {
  bool any = false;
  for (std::size_t column = 0; column < row.cells.size(); ++column) {
    const SheetCell& cell = row.cells[column];
    if (IsEmpty(cell)) continue;
    const auto field =
        std::find(out.field_cell.begin(), out.field_cell.end(), static_cast<int>(column));
    if (field == out.field_cell.end() || cell.kind != SheetCell::Kind::kText) return false;
    const std::size_t index = static_cast<std::size_t>(field - out.field_cell.begin());
    if (Trimmed(cell.text) != Trimmed(out.fields[index].note)) return false;
    any = true;
  }
  return any;
}

bool IsKeyColumn(const TableSpec& table, const std::string& column) {
  return std::find(table.key.begin(), table.key.end(), column) != table.key.end();
}

}  // namespace

SheetRows ReadSheetRows(const Sheet& sheet, int sheet_index, const TableSpec& table,
                        std::vector<CellProblem>& problems) {
  SheetRows out;
  out.table = &table;
  out.sheet = sheet.name;
  out.sheet_index = sheet_index;
  out.fields = TableFields(table);
  out.field_cell.assign(out.fields.size(), -1);
  const auto problem = [&](int row, int column, std::string message) {
    problems.push_back({sheet_index, sheet.name, row, column, std::move(message)});
  };
  if (sheet.rows.empty()) return out;

  // The header.
  const SheetRow& header = sheet.rows.front();
  out.header_row = header.number;
  for (std::size_t column = 0; column < header.cells.size(); ++column) {
    const SheetCell& cell = header.cells[column];
    if (IsEmpty(cell)) continue;
    const std::string text = Shown(cell);
    const int field = FindField(out.fields, text);
    if (field < 0) {
      problem(header.number, static_cast<int>(column), msg::UnknownHeader(text, SheetName(table)));
    } else if (out.field_cell[static_cast<std::size_t>(field)] >= 0) {
      problem(header.number, static_cast<int>(column),
              msg::HeaderTwice(text,
                               CellName(sheet.name, out.field_cell[static_cast<std::size_t>(field)],
                                        header.number)));
    } else {
      out.field_cell[static_cast<std::size_t>(field)] = static_cast<int>(column);
    }
  }
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (!table.columns[i].nullable && out.ColumnCell(i) < 0) {
      problem(header.number, 0, msg::MissingColumn(out.fields[i + 2].label));
    }
  }

  std::size_t first = 1;
  if (sheet.rows.size() > 1 && IsNotesRow(sheet.rows[1], out)) first = 2;
  for (std::size_t r = first; r < sheet.rows.size(); ++r) {
    const SheetRow& row = sheet.rows[r];
    bool any = false;
    for (std::size_t column = 0; column < row.cells.size(); ++column) {
      if (IsEmpty(row.cells[column])) continue;
      if (std::find(out.field_cell.begin(), out.field_cell.end(), static_cast<int>(column)) ==
          out.field_cell.end()) {
        problem(row.number, static_cast<int>(column),
                Format(Tr("the cell is in no column (the column has no header in row {0})"),
                       {std::to_string(header.number)}));
      }
      any = true;
    }
    if (!any) continue;

    ImportRow item;
    item.row = row.number;
    if (const SheetCell& cell = CellAt(row, out.IdCell()); !IsEmpty(cell)) {
      const std::optional<std::string> text = CellText(cell);
      if (!text) {
        problem(row.number, out.IdCell(), msg::NotWholeNumber(Shown(cell)));
      } else {
        const bool digits =
            !text->empty() && text->size() < 19 &&
            std::all_of(text->begin(), text->end(), [](char c) { return c >= '0' && c <= '9'; });
        item.id = digits ? Value::Integer(std::stoll(*text)) : Value::Text(*text);
      }
    }
    if (const SheetCell& cell = CellAt(row, out.AgencyCell()); !IsEmpty(cell)) {
      const std::optional<std::string> text = CellText(cell);
      if (!text) {
        problem(row.number, out.AgencyCell(), msg::UnknownAgency(Shown(cell)));
      } else {
        item.agency = *text;
      }
    }
    bool filled = false;  // beyond the key
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      const int column = out.ColumnCell(i);
      item.unreadable.push_back(false);
      if (column < 0) {
        item.values.emplace_back();
        continue;
      }
      CellReading reading = ReadCellAs(CellAt(row, column), table.columns[i]);
      if (!reading.problem.empty()) {
        problem(row.number, column, reading.problem);
        item.unreadable.back() = true;
        item.values.emplace_back();
        filled = true;
        continue;
      }
      if (!reading.value.is_null() && !IsKeyColumn(table, table.columns[i].name)) filled = true;
      item.values.emplace_back(std::move(reading.value));
    }
    if (!item.id && !filled) {
      out.blank_rows.push_back(row.number);
      continue;
    }
    out.rows.push_back(std::move(item));
  }
  return out;
}

}  // namespace dxcomply
