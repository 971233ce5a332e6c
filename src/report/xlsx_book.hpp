// The workbook as the sheets write it, over libxlsxwriter: the formats, the
// cells (each remembered for its column's width), tables with a hidden row
// of English codes above their Vietnamese headings, and widths that fit.
// Every call keeps the first libxlsxwriter error, so one check at the end
// covers them all.
//
// The workbook is written in constant_memory mode (a country of 100,000
// agencies must not be held in memory): each sheet is written row after row,
// top to bottom, and a row's options are set before its first cell.
#pragma once

#include "dxcomply/date.hpp"

#include "report/finding_rows.hpp"

#include <xlsxwriter.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dxcomply {

// A sheet being written, with the widest cell of each column so far and
// the room its headings need on two lines (in characters).
struct XlsxSheet {
  lxw_worksheet* worksheet = nullptr;
  std::vector<std::size_t> widths;
  std::vector<std::size_t> words;
};

class XlsxBook {
 public:
  explicit XlsxBook(lxw_workbook* workbook);

  lxw_error error() const { return error_; }
  void Check(lxw_error error) {
    if (error_ == LXW_NO_ERROR) error_ = error;
  }

  // Null (and the error kept) when libxlsxwriter fails.
  XlsxSheet AddSheet(const char* name);
  lxw_chart* AddChart(std::uint8_t type);

  lxw_format* title() const { return title_; }
  lxw_format* percent() const { return percent_; }
  lxw_format* thousands() const { return thousands_; }
  lxw_format* wrap() const { return wrap_; }
  lxw_format* bold() const { return bold_; }
  lxw_format* warning() const { return warning_; }  // bold, red

  void Text(XlsxSheet& sheet, int row, int col, std::string_view text,
            lxw_format* format = nullptr);
  void Number(XlsxSheet& sheet, int row, int col, double value, lxw_format* format = nullptr);
  // A date cell shown dd/mm/yyyy.
  void Day(XlsxSheet& sheet, int row, int col, const Date& date);
  void Write(XlsxSheet& sheet, int row, int col, const Cell& cell, lxw_format* format = nullptr);

  // A table's heading at `row`: the codes in a hidden row, the Vietnamese
  // headings (bold, wrapped, filled) in the next. Returns the row after.
  int TableHead(XlsxSheet& sheet, int row, const std::vector<std::string_view>& codes,
                const std::vector<std::string>& headings);
  // Hides `row` (before anything is written in it).
  void HideRow(XlsxSheet& sheet, int row);

  // Each column as wide as its widest cell plus a margin, at most
  // `caps[col]` (wider text wraps where the cell's format says so), and at
  // least as wide as its headings need on two lines.
  void FitColumns(XlsxSheet& sheet, const std::vector<double>& caps);

 private:
  lxw_format* AddFormat();
  static void Remember(std::vector<std::size_t>& widths, int col, std::size_t width);

  lxw_workbook* workbook_;
  lxw_format* header_ = nullptr;
  lxw_format* title_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_format* percent_ = nullptr;
  lxw_format* thousands_ = nullptr;
  lxw_format* wrap_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* warning_ = nullptr;
  lxw_error error_ = LXW_NO_ERROR;
};

}  // namespace dxcomply
