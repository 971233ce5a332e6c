// The workbook: the sheets (report/xlsx_sheets.hpp) written through XlsxBook
// (report/xlsx_book.hpp), which keeps the first libxlsxwriter error, so that
// one check at the end covers them all and workbook_close (which also frees
// the workbook) runs on every path.
#include "report/xlsx_writer.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "base/utf8.hpp"
#include "report/xlsx_book.hpp"
#include "report/xlsx_labels.hpp"
#include "report/xlsx_sheets.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <map>
#include <string_view>
#include <vector>

namespace dxcomply {

std::string CellText(std::string_view text) {
  std::string clean;
  clean.reserve(std::min(text.size(), kMaxCellUnits * 4));
  std::size_t units = 0;
  // The bytes of the longest prefix that leaves room for the "…".
  std::size_t room_for_ellipsis = std::string::npos;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = Utf8SequenceLength(text, i);
    const std::string_view piece =
        length == 0 ? std::string_view("\uFFFD") : text.substr(i, length);
    i += length == 0 ? 1 : length;
    const std::size_t piece_units = length == 4 ? 2 : 1;  // UTF-16: a surrogate pair
    if (room_for_ellipsis == std::string::npos && units + piece_units > kMaxCellUnits - 1) {
      room_for_ellipsis = clean.size();
    }
    units += piece_units;
    if (units > kMaxCellUnits) {
      clean.resize(room_for_ellipsis);
      return clean + "\u2026";
    }
    clean += piece;
  }
  return clean;
}

std::string WriteWorkbook(const Report& report, const Summary& summary, const std::string& path,
                          bool constant_memory, int max_sheet_rows) {
  // constant_memory: each row goes to a temporary file as soon as the next
  // one starts (rows are written in order), instead of every cell and
  // string being held until the end. Strings are then stored in their cells
  // rather than in a shared table, which Excel and LibreOffice read alike.
  // The temporary files go beside the workbook, on its disk rather than in
  // /tmp, which may be memory.
  const std::string folder = std::filesystem::path(path).parent_path().string();
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  options.tmpdir = const_cast<char*>(folder.empty() ? "." : folder.c_str());
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (workbook == nullptr) return path + ": " + lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED);

  XlsxBook book(workbook);
  // Without `created`, libxlsxwriter stamps the current time and two runs
  // differ: the as-of date (midnight UTC) is the report's own time.
  const std::string title = Format(Tr("dxcomply report as of {0}"), {ShownDate(report.as_of)});
  lxw_doc_properties properties = {};
  properties.title = const_cast<char*>(title.c_str());
  properties.author = const_cast<char*>("dxcomply");
  properties.created = static_cast<std::time_t>(ToDayNumber(report.as_of)) * 86400;
  book.Check(workbook_set_properties(workbook, &properties));

  // Every sheet is added before any is written: a list that needs more than
  // one sheet has its sheets side by side.
  std::size_t overdue = 0;
  std::size_t at_risk = 0;
  for (const Finding& f : report.findings) {
    overdue += f.status == Status::kOverdue;
    at_risk += f.status == Status::kAtRisk;
  }
  const auto list_sheets = [&](const char* name, std::size_t rows) {
    std::vector<XlsxSheet> sheets;
    const std::size_t count = ListSheetCount(rows, max_sheet_rows);
    for (std::size_t i = 0; i < count; ++i) {
      const std::string shown = Tr(name);
      sheets.push_back(
          book.AddSheet((i == 0 ? shown : shown + " (" + std::to_string(i + 1) + ")").c_str()));
    }
    return sheets;
  };
  XlsxSheet summary_sheet = book.AddSheet(Tr(kSummarySheet));
  std::vector<XlsxSheet> overdue_sheets = list_sheets(kOverdueSheet, overdue);
  std::vector<XlsxSheet> at_risk_sheets = list_sheets(kAtRiskSheet, at_risk);
  std::vector<XlsxSheet> data_sheets = list_sheets(kDataSheet, report.data_issues.size());
  if (book.error() == LXW_NO_ERROR) {
    if (report.dataset.sample) {
      // On every printed page too: a sheet printed alone still says it.
      const std::string header = std::string("&C&\"-,Bold\"") + Tr("SAMPLE DATA");
      book.Check(worksheet_set_header(summary_sheet.worksheet, header.c_str()));
      for (auto* sheets : {&overdue_sheets, &at_risk_sheets, &data_sheets}) {
        for (XlsxSheet& sheet : *sheets) {
          book.Check(worksheet_set_header(sheet.worksheet, header.c_str()));
        }
      }
    }
    WriteSummarySheet(book, summary_sheet, report, summary);
    WriteFindingSheets(book, overdue_sheets, report, Status::kOverdue, max_sheet_rows);
    WriteFindingSheets(book, at_risk_sheets, report, Status::kAtRisk, max_sheet_rows);
    WriteDataSheets(book, data_sheets, report, max_sheet_rows);
  }
  const lxw_error closed = workbook_close(workbook);
  const lxw_error error = book.error() != LXW_NO_ERROR ? book.error() : closed;
  if (error == LXW_NO_ERROR) return "";
  return path + ": " + lxw_strerror(error);
}

}  // namespace dxcomply
