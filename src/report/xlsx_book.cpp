#include "report/xlsx_book.hpp"

#include "report/text_layout.hpp"
#include "report/xlsx_writer.hpp"

#include <algorithm>
#include <cmath>

namespace dxcomply {
namespace {

lxw_row_t Row(int row) { return static_cast<lxw_row_t>(row); }
lxw_col_t Col(int col) { return static_cast<lxw_col_t>(col); }

constexpr double kHeadingHeight = 32;  // two lines of wrapped heading
constexpr double kMargin = 2;          // characters beside the widest cell
constexpr double kNarrowest = 6;

// The narrowest a heading fits in on two lines: its longest word, or half
// of it.
std::size_t HeadingWidth(std::string_view text) {
  std::size_t longest = (DisplayWidth(std::string(text)) + 1) / 2;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    longest = std::max(longest, DisplayWidth(std::string(text.substr(start, end - start))));
    start = end + 1;
  }
  return longest;
}

}  // namespace

XlsxBook::XlsxBook(lxw_workbook* workbook) : workbook_(workbook) {
  header_ = AddFormat();
  title_ = AddFormat();
  date_ = AddFormat();
  percent_ = AddFormat();
  thousands_ = AddFormat();
  wrap_ = AddFormat();
  bold_ = AddFormat();
  warning_ = AddFormat();
  if (error_ != LXW_NO_ERROR) return;
  format_set_bold(header_);
  format_set_text_wrap(header_);
  format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
  format_set_bottom(header_, LXW_BORDER_THIN);
  format_set_bg_color(header_, 0xDDEBF7);
  format_set_bold(title_);
  format_set_font_size(title_, 14);
  format_set_num_format(date_, "dd/mm/yyyy");
  format_set_num_format(percent_, "0.0%");
  format_set_num_format(thousands_, "#,##0");
  format_set_text_wrap(wrap_);
  format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
  format_set_bold(bold_);
  format_set_bold(warning_);
  format_set_font_color(warning_, 0xA40000);
}

lxw_format* XlsxBook::AddFormat() {
  lxw_format* format = workbook_add_format(workbook_);
  if (format == nullptr) Check(LXW_ERROR_MEMORY_MALLOC_FAILED);
  return format;
}

XlsxSheet XlsxBook::AddSheet(const char* name) {
  XlsxSheet sheet;
  if (error_ != LXW_NO_ERROR) return sheet;
  sheet.worksheet = workbook_add_worksheet(workbook_, name);
  if (sheet.worksheet == nullptr) Check(LXW_ERROR_MEMORY_MALLOC_FAILED);
  return sheet;
}

lxw_chart* XlsxBook::AddChart(std::uint8_t type) {
  if (error_ != LXW_NO_ERROR) return nullptr;
  lxw_chart* chart = workbook_add_chart(workbook_, type);
  if (chart == nullptr) Check(LXW_ERROR_MEMORY_MALLOC_FAILED);
  return chart;
}

void XlsxBook::Remember(std::vector<std::size_t>& widths, int col, std::size_t width) {
  const auto at = static_cast<std::size_t>(col);
  if (widths.size() <= at) widths.resize(at + 1, 0);
  widths[at] = std::max(widths[at], width);
}

void XlsxBook::Text(XlsxSheet& sheet, int row, int col, std::string_view text, lxw_format* format) {
  if (text.empty() || sheet.worksheet == nullptr) return;
  const std::string clean = CellText(text);
  Remember(sheet.widths, col, DisplayWidth(clean));
  Check(worksheet_write_string(sheet.worksheet, Row(row), Col(col), clean.c_str(), format));
}

void XlsxBook::Number(XlsxSheet& sheet, int row, int col, double value, lxw_format* format) {
  if (sheet.worksheet == nullptr) return;
  // "nan" or "inf" in the sheet's XML would make the file unreadable.
  if (!std::isfinite(value)) return Text(sheet, row, col, std::to_string(value));
  const double digits = std::floor(std::log10(std::max(1.0, std::fabs(value)))) + 1;
  Remember(sheet.widths, col, static_cast<std::size_t>(digits + (format == percent_ ? 5 : 2)));
  Check(worksheet_write_number(sheet.worksheet, Row(row), Col(col), value, format));
}

void XlsxBook::Day(XlsxSheet& sheet, int row, int col, const Date& date) {
  if (sheet.worksheet == nullptr) return;
  // Excel has no dates before 1900: those stay ISO text.
  if (date.is_special() || date.year() < 1900) {
    return Text(sheet, row, col, date.is_special() ? "" : FormatIsoDate(date));
  }
  lxw_datetime day = {date.year(), date.month(), date.day(), 0, 0, 0};
  Remember(sheet.widths, col, 10);
  Check(worksheet_write_datetime(sheet.worksheet, Row(row), Col(col), &day, date_));
}

void XlsxBook::Write(XlsxSheet& sheet, int row, int col, const Cell& cell, lxw_format* format) {
  switch (cell.kind) {
    case Cell::Kind::kText:
      return Text(sheet, row, col, cell.text, format);
    case Cell::Kind::kNumber:
      return Number(sheet, row, col, cell.number, format);
    case Cell::Kind::kDate:
      return Day(sheet, row, col, cell.date);
    case Cell::Kind::kEmpty:
      return;
  }
}

void XlsxBook::HideRow(XlsxSheet& sheet, int row) {
  if (sheet.worksheet == nullptr) return;
  lxw_row_col_options hidden = {};
  hidden.hidden = 1;
  Check(worksheet_set_row_opt(sheet.worksheet, Row(row), LXW_DEF_ROW_HEIGHT, nullptr, &hidden));
}

int XlsxBook::TableHead(XlsxSheet& sheet, int row, const std::vector<std::string_view>& codes,
                        const std::vector<std::string>& headings) {
  if (sheet.worksheet == nullptr) return row + 2;
  HideRow(sheet, row);
  for (std::size_t col = 0; col < codes.size(); ++col) {
    Check(worksheet_write_string(sheet.worksheet, Row(row), Col(static_cast<int>(col)),
                                 std::string(codes[col]).c_str(), nullptr));
  }
  Check(worksheet_set_row(sheet.worksheet, Row(row + 1), kHeadingHeight, nullptr));
  for (std::size_t col = 0; col < headings.size(); ++col) {
    const int at = static_cast<int>(col);
    Remember(sheet.words, at, HeadingWidth(headings[col]));
    Check(worksheet_write_string(sheet.worksheet, Row(row + 1), Col(at),
                                 CellText(headings[col]).c_str(), header_));
  }
  return row + 2;
}

void XlsxBook::FitColumns(XlsxSheet& sheet, const std::vector<double>& caps) {
  if (sheet.worksheet == nullptr) return;
  const std::size_t columns = std::max(sheet.widths.size(), sheet.words.size());
  for (std::size_t col = 0; col < columns; ++col) {
    const double content = col < sheet.widths.size() ? sheet.widths[col] + kMargin : 0;
    const double word = col < sheet.words.size() ? sheet.words[col] + kMargin : 0;
    const double cap = col < caps.size() ? caps[col] : 40;
    const double width = std::max({kNarrowest, word, std::min(content, cap)});
    Check(worksheet_set_column(sheet.worksheet, Col(static_cast<int>(col)),
                               Col(static_cast<int>(col)), width, nullptr));
  }
}

}  // namespace dxcomply
