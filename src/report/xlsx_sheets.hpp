// The workbook's sheets, each written top to bottom (constant_memory mode):
//
//   Tổng hợp            the figures per agency kind (with a chart of the
//                       statuses per kind), per obligation and per agency
//   Quá hạn             one row per overdue finding, worst first
//   Có nguy cơ chậm     one row per at-risk finding, worst first
//   Chất lượng dữ liệu  one row per record value that breaks the contract
//
// Each table has its English codes in a hidden row above its Vietnamese
// headings; a list sheet keeps only the columns that have something to say
// on it, freezes its headings and first columns and filters.
// docs/outputs.md lists every column.
#pragma once

#include "dxcomply/finding.hpp"

#include "report/summary.hpp"
#include "report/xlsx_book.hpp"

namespace dxcomply {

void WriteSummarySheet(XlsxBook& book, XlsxSheet& sheet, const Report& report,
                       const Summary& summary);
// `status`: kOverdue or kAtRisk.
void WriteFindingSheet(XlsxBook& book, XlsxSheet& sheet, const Report& report, Status status);
void WriteDataSheet(XlsxBook& book, XlsxSheet& sheet, const Report& report);

}  // namespace dxcomply
