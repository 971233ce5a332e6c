// The Excel workbook (libxlsxwriter): a summary sheet (counts per status per
// obligation and per agency kind), an overdue sheet, an at-risk sheet and a
// data-quality sheet, one row per finding with the CSV's columns
// (report/finding_rows.hpp), frozen header row, filters, dates as real Excel
// dates, Vietnamese text intact.
#pragma once

#include "dxcomply/finding.hpp"

#include "report/summary.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace dxcomply {

// Excel's limit for the text of one cell, in UTF-16 units.
inline constexpr std::size_t kMaxCellUnits = 32767;

// `text` as a cell can hold it: record values come from SQLite as whatever
// bytes were stored, and one invalid UTF-8 byte makes the whole file
// unreadable, so invalid bytes become U+FFFD. Text longer than
// kMaxCellUnits (counted as Excel counts: a character outside the Basic
// Multilingual Plane, such as an emoji, is two) is cut to end in "…".
std::string CellText(std::string_view text);

// Writes the workbook to `path` (its folder must exist; an existing file is
// replaced). Returns "" on success, otherwise what went wrong.
std::string WriteWorkbook(const Report& report, const Summary& summary, const std::string& path);

}  // namespace dxcomply
