// The workbook through libxlsxwriter. Every write goes through Book, which
// keeps the first libxlsxwriter error, so one check at the end covers them
// all and workbook_close (which also frees the workbook) runs on every path.
#include "report/xlsx_writer.hpp"

#include "base/labels.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "report/finding_format.hpp"
#include "report/finding_rows.hpp"
#include "report/utf8.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <string_view>
#include <vector>

namespace dxcomply {
namespace {

// Sheet names, in the run's language (Vietnamese by default).
constexpr const char* kSummarySheet = TrNoop("Summary");
constexpr const char* kOverdueSheet = TrNoop("Overdue");
constexpr const char* kAtRiskSheet = TrNoop("At risk");
constexpr const char* kDataSheet = TrNoop("Data quality");

// Finding columns holding v or the target: shares, except for count checks.
constexpr std::string_view kShareColumns[] = {"value", "value_lookback", "value_due", "target",
                                              "projection"};

const std::vector<std::string> kDataIssueColumns = {"issue_table", "issue_row_id",  "issue_column",
                                                    "issue_value", "issue_problem", "agency_id",
                                                    "agency_name"};

lxw_datetime ExcelDay(const Date& date) { return {date.year(), date.month(), date.day(), 0, 0, 0}; }

class Book {
 public:
  explicit Book(lxw_workbook* workbook) : workbook_(workbook) {
    header_ = AddFormat();
    title_ = AddFormat();
    date_ = AddFormat();
    percent_ = AddFormat();
    thousands_ = AddFormat();
    if (error_ != LXW_NO_ERROR) return;
    format_set_bold(header_);
    format_set_bottom(header_, LXW_BORDER_THIN);
    format_set_bg_color(header_, 0xDDEBF7);
    format_set_bold(title_);
    format_set_font_size(title_, 14);
    format_set_num_format(date_, "yyyy-mm-dd");
    format_set_num_format(percent_, "0.0%");
    format_set_num_format(thousands_, "#,##0");
  }

  lxw_format* header() const { return header_; }
  lxw_format* title() const { return title_; }
  lxw_format* percent() const { return percent_; }
  lxw_format* thousands() const { return thousands_; }
  lxw_error error() const { return error_; }

  lxw_worksheet* AddSheet(const char* name) {
    if (error_ != LXW_NO_ERROR) return nullptr;
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name);
    if (sheet == nullptr) error_ = LXW_ERROR_MEMORY_MALLOC_FAILED;
    return sheet;
  }

  void Check(lxw_error error) {
    if (error_ == LXW_NO_ERROR) error_ = error;
  }

  void Text(lxw_worksheet* sheet, int row, int col, std::string_view text,
            lxw_format* format = nullptr) {
    if (text.empty()) return;
    Check(worksheet_write_string(sheet, Row(row), Col(col), CellText(text).c_str(), format));
  }

  void Number(lxw_worksheet* sheet, int row, int col, double value, lxw_format* format = nullptr) {
    // "nan" or "inf" in the sheet's XML would make the file unreadable.
    if (!std::isfinite(value)) return Text(sheet, row, col, std::to_string(value));
    Check(worksheet_write_number(sheet, Row(row), Col(col), value, format));
  }

  void Day(lxw_worksheet* sheet, int row, int col, const Date& date) {
    // Excel has no dates before 1900: those stay ISO text.
    if (date.is_special() || date.year() < 1900) {
      return Text(sheet, row, col, date.is_special() ? "" : FormatIsoDate(date));
    }
    lxw_datetime day = ExcelDay(date);
    Check(worksheet_write_datetime(sheet, Row(row), Col(col), &day, date_));
  }

  void Write(lxw_worksheet* sheet, int row, int col, const Cell& cell,
             lxw_format* number_format = nullptr) {
    switch (cell.kind) {
      case Cell::Kind::kText:
        return Text(sheet, row, col, cell.text);
      case Cell::Kind::kNumber:
        return Number(sheet, row, col, cell.number, number_format);
      case Cell::Kind::kDate:
        return Day(sheet, row, col, cell.date);
      case Cell::Kind::kEmpty:
        return;
    }
  }

  void Header(lxw_worksheet* sheet, int row, const std::vector<std::string>& names) {
    for (std::size_t col = 0; col < names.size(); ++col) {
      Text(sheet, row, static_cast<int>(col), names[col], header_);
    }
  }
  // A table's header: the columns' labels (ColumnLabel), not their names.
  void LabelledHeader(lxw_worksheet* sheet, const std::vector<std::string>& columns) {
    std::vector<std::string> labels;
    for (const std::string& column : columns) labels.push_back(ColumnLabel(column));
    Header(sheet, 0, labels);
  }

  // Header row frozen, an autofilter over header and data, columns wide
  // enough for their header plus the filter button, or `widths[name]`.
  void Table(lxw_worksheet* sheet, const std::vector<std::string>& names, int data_rows,
             const std::map<std::string_view, double>& widths) {
    worksheet_freeze_panes(sheet, 1, 0);
    const int last_col = static_cast<int>(names.size()) - 1;
    Check(worksheet_autofilter(sheet, 0, 0, Row(data_rows), Col(last_col)));
    for (int col = 0; col <= last_col; ++col) {
      const auto it = widths.find(names[col]);
      const double width = it != widths.end()
                               ? it->second
                               : std::max(11.0, Characters(ColumnLabel(names[col])) + 4.0);
      Check(worksheet_set_column(sheet, Col(col), Col(col), width, nullptr));
    }
  }

 private:
  lxw_format* AddFormat() {
    lxw_format* format = workbook_add_format(workbook_);
    if (format == nullptr) Check(LXW_ERROR_MEMORY_MALLOC_FAILED);
    return format;
  }

  static lxw_row_t Row(int row) { return static_cast<lxw_row_t>(row); }
  static double Characters(const std::string& text) {
    return static_cast<double>(std::count_if(text.begin(), text.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a UTF-8 continuation
    }));
  }
  static lxw_col_t Col(int col) { return static_cast<lxw_col_t>(col); }

  lxw_workbook* workbook_;
  lxw_format* header_ = nullptr;
  lxw_format* title_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_format* percent_ = nullptr;
  lxw_format* thousands_ = nullptr;
  lxw_error error_ = LXW_NO_ERROR;
};

const std::map<std::string_view, double> kWideColumns = {
    {"agency_name", 26},   {"obligation_id", 26},   {"obligation_title", 50}, {"reason", 60},
    {"blocked_by", 40},    {"source_document", 40}, {"source_assumed", 40},   {"issue_value", 20},
    {"issue_problem", 40}, {"issue_row_id", 14},    {"issue_column", 18},     {"issue_table", 18}};

void WriteFindingSheet(Book& book, lxw_worksheet* sheet, const Report& report, Status status) {
  const std::vector<std::string>& columns = FindingColumns();
  std::vector<bool> share(columns.size(), false);
  for (std::size_t col = 0; col < columns.size(); ++col) {
    share[col] = std::find(std::begin(kShareColumns), std::end(kShareColumns), columns[col]) !=
                 std::end(kShareColumns);
  }
  book.LabelledHeader(sheet, columns);
  int row = 0;
  for (const Finding& finding : report.findings) {
    if (finding.status != status) continue;
    ++row;
    const std::vector<Cell> cells = FindingRow(finding);
    const bool shares = finding.obligation->check_kind != "count";
    for (std::size_t col = 0; col < cells.size(); ++col) {
      book.Write(sheet, row, static_cast<int>(col), cells[col],
                 shares && share[col] ? book.percent() : nullptr);
    }
  }
  book.Table(sheet, columns, row, kWideColumns);
}

void WriteDataSheet(Book& book, lxw_worksheet* sheet, const Report& report) {
  std::map<std::string, std::string> names;
  for (const Agency& agency : report.agencies) names[agency.id] = agency.name;
  book.LabelledHeader(sheet, kDataIssueColumns);
  int row = 0;
  for (const DataIssue& issue : report.data_issues) {
    ++row;
    const auto name = names.find(issue.agency_id);
    const std::string_view values[] = {issue.table,
                                       issue.row_id,
                                       issue.column,
                                       issue.value,
                                       issue.problem,
                                       issue.agency_id,
                                       name != names.end() ? std::string_view(name->second) : ""};
    for (std::size_t col = 0; col < std::size(values); ++col) {
      book.Text(sheet, row, static_cast<int>(col), values[col]);
    }
  }
  book.Table(sheet, kDataIssueColumns, row, kWideColumns);
}

// Column A names the row; B.. the statuses in enum order, then the total.
int WriteCounts(Book& book, lxw_worksheet* sheet, int row, std::string_view label,
                const StatusCounts& counts) {
  book.Text(sheet, row, 0, label);
  int total = 0;
  for (int status = 0; status < kStatusCount; ++status) {
    book.Number(sheet, row, 1 + status, counts[status]);
    total += counts[status];
  }
  book.Number(sheet, row, 1 + kStatusCount, total);
  return 2 + kStatusCount;  // the next free column
}

void WriteCountsHeader(Book& book, lxw_worksheet* sheet, int row, const std::string& first,
                       const std::vector<std::string>& more = {}) {
  std::vector<std::string> names = {first};
  for (int status = 0; status < kStatusCount; ++status) {
    names.push_back(StatusLabel(static_cast<Status>(status)));
  }
  names.push_back(Tr("total"));
  names.insert(names.end(), more.begin(), more.end());
  book.Header(sheet, row, names);
}

void WriteSummarySheet(Book& book, lxw_worksheet* sheet, const Report& report,
                       const Summary& summary) {
  book.Text(sheet, 0, 0,
            Format(Tr("dxcomply · {0} · as of {1}"), {Tr(kSummarySheet), ShownDate(report.as_of)}),
            book.title());
  book.Text(sheet, 1, 0, ColumnLabel("as_of"));
  book.Day(sheet, 1, 1, report.as_of);
  book.Text(sheet, 2, 0, Tr("agencies"));
  book.Number(sheet, 2, 1, summary.agencies);
  book.Text(sheet, 3, 0, ColumnLabel("data_issues"));
  book.Number(sheet, 3, 1, summary.data_issues);
  if (const std::string notice = SampleDataNotice(report.dataset); !notice.empty()) {
    book.Text(sheet, 4, 0, notice, book.title());
  }

  int row = 5;
  WriteCountsHeader(book, sheet, row++, TrC("summary", "findings"));
  WriteCounts(book, sheet, row++, TrC("summary", "all"), summary.statuses);

  ++row;
  WriteCountsHeader(book, sheet, row++, ColumnLabel("obligation_id"),
                    {ColumnLabel("check"), ColumnLabel("numerator"), ColumnLabel("denominator"),
                     Tr("share"), Tr("title")});
  for (const ObligationSummary& o : summary.obligations) {
    int col = WriteCounts(book, sheet, row, o.obligation_id, o.statuses);
    book.Text(sheet, row, col++, CheckKindLabel(o.check_kind));
    // The national total as the text report gives it: n of d for coverage
    // and task checks, n for count checks, nothing for indicators.
    const bool fraction = (o.check_kind == "coverage" || o.check_kind == "task") && o.denominator;
    if (fraction || o.check_kind == "count") {
      book.Number(sheet, row, col, static_cast<double>(o.numerator), book.thousands());
    }
    if (fraction) {
      book.Number(sheet, row, col + 1, static_cast<double>(o.denominator), book.thousands());
      book.Number(sheet, row, col + 2, static_cast<double>(o.numerator) / o.denominator,
                  book.percent());
    }
    book.Text(sheet, row++, col + 3, o.title);
  }

  ++row;
  WriteCountsHeader(book, sheet, row++, ColumnLabel("agency_kind_label"));
  for (const auto& [kind, counts] : summary.kinds) {
    WriteCounts(book, sheet, row++, AgencyKindLabel(kind), counts);
  }

  book.Check(worksheet_set_column(sheet, 0, 0, 30, nullptr));
  book.Check(worksheet_set_column(sheet, 1, 1 + kStatusCount + 4, 14, nullptr));
  book.Check(worksheet_set_column(sheet, 2 + kStatusCount + 4, 2 + kStatusCount + 4, 80, nullptr));
}

}  // namespace

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

std::string WriteWorkbook(const Report& report, const Summary& summary, const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return path + ": " + lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED);

  Book book(workbook);
  // Without `created`, libxlsxwriter stamps the current time and two runs
  // differ: the as-of date (midnight UTC) is the report's own time.
  const std::string title = Format(Tr("dxcomply report as of {0}"), {ShownDate(report.as_of)});
  lxw_doc_properties properties = {};
  properties.title = const_cast<char*>(title.c_str());
  properties.author = const_cast<char*>("dxcomply");
  properties.created = static_cast<std::time_t>(ToDayNumber(report.as_of)) * 86400;
  book.Check(workbook_set_properties(workbook, &properties));

  lxw_worksheet* summary_sheet = book.AddSheet(Tr(kSummarySheet));
  lxw_worksheet* overdue_sheet = book.AddSheet(Tr(kOverdueSheet));
  lxw_worksheet* at_risk_sheet = book.AddSheet(Tr(kAtRiskSheet));
  lxw_worksheet* data_sheet = book.AddSheet(Tr(kDataSheet));
  if (book.error() == LXW_NO_ERROR) {
    WriteSummarySheet(book, summary_sheet, report, summary);
    WriteFindingSheet(book, overdue_sheet, report, Status::kOverdue);
    WriteFindingSheet(book, at_risk_sheet, report, Status::kAtRisk);
    WriteDataSheet(book, data_sheet, report);
  }
  const lxw_error closed = workbook_close(workbook);
  const lxw_error error = book.error() != LXW_NO_ERROR ? book.error() : closed;
  if (error == LXW_NO_ERROR) return "";
  return path + ": " + lxw_strerror(error);
}

}  // namespace dxcomply
