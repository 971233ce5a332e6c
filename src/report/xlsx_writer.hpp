// The Excel workbook (libxlsxwriter): a summary sheet (counts per status per
// obligation and per agency kind), an overdue sheet, an at-risk sheet and a
// data-quality sheet, one row per finding with the CSV's columns
// (report/finding_rows.hpp), frozen header row, filters, dates as real Excel
// dates, Vietnamese text intact.
#pragma once

#include "dxcomply/finding.hpp"

#include "report/summary.hpp"

#include <string>

namespace dxcomply {

// Writes the workbook to `path` (its folder must exist; an existing file is
// replaced). Returns "" on success, otherwise what went wrong.
std::string WriteWorkbook(const Report& report, const Summary& summary, const std::string& path);

}  // namespace dxcomply
