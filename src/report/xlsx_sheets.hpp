// The workbook's sheets, each written top to bottom (constant_memory mode):
//
//   Tổng hợp            the figures per agency kind (with a chart of the
//                       statuses per kind), per obligation and per agency
//   Quá hạn             one row per overdue finding, worst first
//   Có nguy cơ chậm     one row per at-risk finding, worst first
//   Chất lượng dữ liệu  one row per record value that breaks the contract
//
// A list longer than a sheet holds goes on in "Quá hạn (2)"... right after
// its sheet, with the same columns and headings (ListSheetCount).
//
// Each table has its English codes in a hidden row above its Vietnamese
// headings; a list sheet keeps only the columns that have something to say
// on it, freezes its headings and first columns and filters.
// docs/outputs.md lists every column.
#pragma once

#include "dxcomply/finding.hpp"

#include "report/summary.hpp"
#include "report/xlsx_book.hpp"

#include <cstddef>
#include <vector>

namespace dxcomply {

// The sheets a list of `rows` rows needs, `max_sheet_rows` rows a sheet
// (its hidden code row and headings included); at least one.
std::size_t ListSheetCount(std::size_t rows, int max_sheet_rows);

void WriteSummarySheet(XlsxBook& book, XlsxSheet& sheet, const Report& report,
                       const Summary& summary);
// `status`: kOverdue or kAtRisk; `sheets`: ListSheetCount of its findings.
void WriteFindingSheets(XlsxBook& book, std::vector<XlsxSheet>& sheets, const Report& report,
                        Status status, int max_sheet_rows);
void WriteDataSheets(XlsxBook& book, std::vector<XlsxSheet>& sheets, const Report& report,
                     int max_sheet_rows);

}  // namespace dxcomply
