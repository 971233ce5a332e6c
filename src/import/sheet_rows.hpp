// A sheet read as rows of one record table, before the database is asked
// anything: the header row names the fields (by Vietnamese label or column
// name), the template's line of notes under it is skipped, and every cell is
// read as its column's type. Problems name the cell.
#pragma once

#include "dxcomply/rule_set.hpp"

#include "import/cell_value.hpp"
#include "import/sheet.hpp"
#include "import/table_fields.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

// What is wrong with one cell (or a header), for the person fixing the file.
struct CellProblem {
  int sheet_index = 0;  // for sorting: sheets in file order
  std::string sheet;
  int row = 0;     // 1-based
  int column = 0;  // 0-based
  std::string message;

  std::string ToString() const { return CellName(sheet, column, row) + ": " + message; }
};

// One data row of a sheet.
struct ImportRow {
  int row = 0;              // the sheet's row number
  std::optional<Value> id;  // the row id typed in the sheet; none: a new row
  std::string agency;       // as typed; empty: the workbook's agency
  // Per column of the table (TableSpec::columns order): the cell's value,
  // or none when the sheet has no such column (then the stored value stays).
  std::vector<std::optional<Value>> values;
  // Per column: the cell could not be read (its problem is reported; no
  // other check looks at it).
  std::vector<bool> unreadable;
};

struct SheetRows {
  const TableSpec* table = nullptr;
  std::string sheet;
  int sheet_index = 0;
  std::vector<Field> fields;    // TableFields(*table)
  std::vector<int> field_cell;  // per field: its sheet column, or -1
  int header_row = 0;
  std::vector<ImportRow> rows;
  std::vector<int> blank_rows;  // new rows with nothing filled beyond their key

  // The sheet column of table column `index` (-1 when absent).
  int ColumnCell(std::size_t index) const { return field_cell[index + 2]; }
  int IdCell() const { return field_cell[0]; }
  int AgencyCell() const { return field_cell[1]; }
};

SheetRows ReadSheetRows(const Sheet& sheet, int sheet_index, const TableSpec& table,
                        std::vector<CellProblem>& problems);

}  // namespace dxcomply
