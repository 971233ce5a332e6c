// The Excel workbook (libxlsxwriter) for officials: a summary sheet (the
// figures per agency kind with a chart, per obligation and per agency), the
// overdue and at-risk findings and the data issues, in Vietnamese, dates
// dd/mm/yyyy (report/xlsx_sheets.hpp).
#pragma once

#include "dxcomply/finding.hpp"

#include "report/summary.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace dxcomply {

// Excel's limit for the text of one cell, in UTF-16 units.
inline constexpr std::size_t kMaxCellUnits = 32767;

// Excel's rows per sheet. A list longer than a sheet holds goes on, under
// the same headings, in "Quá hạn (2)", "Quá hạn (3)"... after its first
// sheet: a country of 100,000 agencies has more overdue findings than one
// sheet's million rows, and none may be left out.
inline constexpr int kMaxSheetRows = 1048576;

// `text` as a cell can hold it: record values come from SQLite as whatever
// bytes were stored, and one invalid UTF-8 byte makes the whole file
// unreadable, so invalid bytes become U+FFFD. Text longer than
// kMaxCellUnits (counted as Excel counts: a character outside the Basic
// Multilingual Plane, such as an emoji, is two) is cut to end in "…".
std::string CellText(std::string_view text);

// Writes the workbook to `path` (its folder must exist; an existing file is
// replaced). Returns "" on success, otherwise what went wrong.
// `constant_memory`: libxlsxwriter's mode that writes each row out as it
// comes (strings inline, not shared) instead of holding every cell until
// the end: the same sheets in about 500 MB less on the benchmark's country
// (the nightly batch, which writes other files at the same time).
// `max_sheet_rows`: kMaxSheetRows, or fewer for tests.
std::string WriteWorkbook(const Report& report, const Summary& summary, const std::string& path,
                          bool constant_memory = false, int max_sheet_rows = kMaxSheetRows);

}  // namespace dxcomply
