// One row per finding and one per data issue, with typed cells: the shared
// shape of the CSV file and the Excel workbook, so both always carry the
// same columns in the same order.
#pragma once

#include "dxcomply/finding.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

struct Cell {
  enum class Kind { kText, kNumber, kDate, kEmpty };
  Kind kind = Kind::kEmpty;
  std::string text;   // kText; also the text form of every kind (CSV)
  double number = 0;  // kNumber
  Date date;          // kDate

  static Cell Text(std::string value);
  static Cell Number(double value);  // text form: up to 6 significant digits
  static Cell Integer(long long value);
  static Cell Day(const Date& value);                 // text form: ISO
  static Cell Day(const std::optional<Date>& value);  // empty when none
};

// Column names, in order.
const std::vector<std::string>& FindingColumns();

// What people read as the header of a column of FindingColumns() (or of
// the workbook's data-quality sheet), in the run's language: "số ngày quá
// hạn" for days_overdue. The CSV keeps the names, which programs read.
std::string ColumnLabel(const std::string& column);

// A finding's row (type "finding"), and a data issue's row (type
// "data_issue", only the agency and issue_* cells set).
std::vector<Cell> FindingRow(const Finding& finding);
std::vector<Cell> DataIssueRow(const DataIssue& issue);

}  // namespace dxcomply
