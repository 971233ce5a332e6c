// A spreadsheet as the import reads it, whatever the file was (XLSX or
// CSV): sheets of rows of cells, each cell with the row and column it came
// from, so that every problem can name it ("Hệ thống!F12").
#pragma once

#include <string>
#include <vector>

namespace dxcomply {

struct SheetCell {
  enum class Kind { kEmpty, kText, kNumber, kBoolean, kError };
  Kind kind = Kind::kEmpty;
  std::string text;          // kText; kError: the error as shown ("#REF!")
  double number = 0;         // kNumber; kBoolean: 0 or 1
  bool date_format = false;  // kNumber in a cell formatted as a date (an XLSX serial day)
};

struct SheetRow {
  int number = 0;                // 1-based, as the spreadsheet shows it
  std::vector<SheetCell> cells;  // by column, 0-based; missing trailing cells are empty
};

struct Sheet {
  std::string name;            // the sheet's name, or the CSV file's name
  std::vector<SheetRow> rows;  // only rows with at least one cell, in order
};

// "A", "Z", "AA": the letters of a 0-based column.
std::string ColumnLetters(int column);

// "Hệ thống!F12": where a cell is, as spreadsheets name it.
std::string CellName(const std::string& sheet, int column, int row);

// The 0-based column of letters "F" ("AA" is 26), or -1.
int ColumnIndex(const std::string& letters);

}  // namespace dxcomply
