// The list sheets: the overdue and at-risk findings, and the data issues.
// A column is kept on a sheet when it can be filled there (days_left never
// is on the overdue sheet) and when some row of this run fills it (no period
// at all, nothing blocked): a first pass over the sheet's findings decides,
// before the first row is written.
#include "base/labels.hpp"
#include "base/messages.hpp"
#include "engine/finding_text.hpp"
#include "eval/exception_grants.hpp"
#include "report/finding_format.hpp"
#include "report/source_display.hpp"
#include "report/xlsx_labels.hpp"
#include "report/xlsx_sheets.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

namespace dxcomply {
namespace {

// What the cells of one run share: each obligation's document as shown,
// computed once per obligation.
struct Context {
  std::unordered_map<const ObligationText*, std::string> documents;

  const std::string& DocumentOf(const Finding& f) {
    const auto [it, added] = documents.try_emplace(f.obligation.get());
    if (added) it->second = DocumentName(f.obligation->source);
    return it->second;
  }
};

enum class Shown { kText, kWrapped, kCount, kNumber, kShare, kDate };
enum class On { kBoth, kOverdue, kAtRisk };

struct Column {
  std::string_view code;
  On on;
  Shown shown;
  double cap;                                // widest, in characters
  bool (*filled)(const Finding&, Context&);  // null: every row fills it
  Cell (*cell)(const Finding&, Context&);
};

Cell Share(const Measure& measure) { return measure.known ? Cell::Number(measure.value) : Cell(); }

bool Counted(const Finding& f) {
  const std::string& check = f.obligation->check_kind;
  return f.at_as_of.known && (check == "coverage" || check == "task" || check == "count");
}

bool HasDenominator(const Finding& f) {
  const std::string& check = f.obligation->check_kind;
  return f.at_as_of.known && (check == "coverage" || check == "task");
}

// The people's columns first (the first two frozen), the codes last. What
// is the obligation's own (its check, what its rule assumed, in a paragraph)
// is said once on the summary sheet's per-obligation table, not on each of
// its rows: a row keeps the "dự kiến" mark and its reason says the due date
// is assumed.
const Column kColumns[] = {
    {"agency_name", On::kBoth, Shown::kWrapped, 30, nullptr,
     [](const Finding& f, Context&) { return Cell::Text(f.agency->name); }},
    {"obligation_title", On::kBoth, Shown::kWrapped, 46, nullptr,
     [](const Finding& f, Context&) { return Cell::Text(f.obligation->title); }},
    {"period", On::kBoth, Shown::kText, 12,
     [](const Finding& f, Context&) { return !f.period.empty(); },
     [](const Finding& f, Context&) { return Cell::Text(f.period); }},
    {"status", On::kBoth, Shown::kText, 18, nullptr,
     [](const Finding& f, Context&) { return Cell::Text(StatusLabel(f.status)); }},
    // The at-risk list's priority (README "Which risks first").
    {"priority", On::kAtRisk, Shown::kNumber, 10,
     [](const Finding& f, Context&) { return f.priority_rank > 0; },
     [](const Finding& f, Context&) {
       return f.priority_rank > 0 ? Cell::Integer(f.priority_rank) : Cell();
     }},
    {"heading_tier", On::kAtRisk, Shown::kNumber, 10,
     [](const Finding& f, Context&) { return f.heading_tier > 0; },
     [](const Finding& f, Context&) {
       return f.priority_rank > 0 ? Cell::Integer(f.heading_tier) : Cell();
     }},
    {"days_overdue", On::kOverdue, Shown::kNumber, 10, nullptr,
     [](const Finding& f, Context&) { return Cell::Integer(f.days_overdue); }},
    {"days_left", On::kAtRisk, Shown::kNumber, 10, nullptr,
     [](const Finding& f, Context&) { return Cell::Integer(f.days_left); }},
    {"day_unit", On::kBoth, Shown::kText, 16,
     [](const Finding& f, Context&) { return f.day_unit == DayUnit::kWorking; },
     [](const Finding& f, Context&) { return Cell::Text(DayUnitLabel(f.day_unit)); }},
    {"due", On::kBoth, Shown::kDate, 12,
     [](const Finding& f, Context&) { return f.due.has_value(); },
     [](const Finding& f, Context&) { return Cell::Day(f.due); }},
    // An assumed due date never reads as law (the reason says it too).
    {"due_assumed", On::kBoth, Shown::kText, 10,
     [](const Finding& f, Context&) { return f.due_assumed && f.due.has_value(); },
     [](const Finding& f, Context&) {
       return f.due_assumed && f.due ? Cell::Text(TrC("due date", "assumed")) : Cell();
     }},
    // An extended due date: the one it replaced, and the document that
    // granted the extension (a waived finding is never on these sheets).
    {"original_due", On::kBoth, Shown::kDate, 12,
     [](const Finding& f, Context&) { return f.original_due.has_value(); },
     [](const Finding& f, Context&) { return Cell::Day(f.original_due); }},
    {"exception_document", On::kBoth, Shown::kWrapped, 40,
     [](const Finding& f, Context&) { return f.exception != nullptr; },
     [](const Finding& f, Context&) {
       return f.exception ? Cell::Text(DocumentText(*f.exception)) : Cell();
     }},
    {"value", On::kBoth, Shown::kShare, 10,
     [](const Finding& f, Context&) { return f.at_as_of.known; },
     [](const Finding& f, Context&) { return Share(f.at_as_of); }},
    {"numerator", On::kBoth, Shown::kCount, 10,
     [](const Finding& f, Context&) { return Counted(f); },
     [](const Finding& f, Context&) {
       return Counted(f) ? Cell::Integer(f.at_as_of.numerator) : Cell();
     }},
    {"denominator", On::kBoth, Shown::kCount, 10,
     [](const Finding& f, Context&) { return HasDenominator(f); },
     [](const Finding& f, Context&) {
       return HasDenominator(f) ? Cell::Integer(f.at_as_of.denominator) : Cell();
     }},
    {"target", On::kBoth, Shown::kShare, 10, nullptr,
     [](const Finding& f, Context&) { return Cell::Number(f.target); }},
    {"value_due", On::kOverdue, Shown::kShare, 10,
     [](const Finding& f, Context&) { return f.at_due.known; },
     [](const Finding& f, Context&) { return Share(f.at_due); }},
    {"projection", On::kAtRisk, Shown::kShare, 10,
     [](const Finding& f, Context&) { return f.projection.has_value(); },
     [](const Finding& f, Context&) {
       return f.projection ? Cell::Number(*f.projection) : Cell();
     }},
    {"reason", On::kBoth, Shown::kWrapped, 60, nullptr,
     [](const Finding& f, Context&) { return Cell::Text(f.reason); }},
    {"grounds", On::kAtRisk, Shown::kWrapped, 30,
     [](const Finding& f, Context&) { return f.grounds != 0; },
     [](const Finding& f, Context&) { return Cell::Text(GroundsText(f)); }},
    {"blocked_by", On::kBoth, Shown::kWrapped, 50,
     [](const Finding& f, Context&) { return !f.blocked_by.empty(); },
     [](const Finding& f, Context&) { return Cell::Text(BlockersText(f)); }},
    {"holds_back", On::kBoth, Shown::kCount, 10,
     [](const Finding& f, Context&) { return f.holds_back > 0; },
     [](const Finding& f, Context&) { return Cell::Integer(f.holds_back); }},
    {"holds_back_agencies", On::kBoth, Shown::kCount, 10,
     [](const Finding& f, Context&) { return f.holds_back_agencies > 0; },
     [](const Finding& f, Context&) { return Cell::Integer(f.holds_back_agencies); }},
    {"latest_finish", On::kBoth, Shown::kDate, 12,
     [](const Finding& f, Context&) { return f.latest_finish.has_value(); },
     [](const Finding& f, Context&) { return Cell::Day(f.latest_finish); }},
    {"slack_days", On::kBoth, Shown::kNumber, 10,
     [](const Finding& f, Context&) { return f.slack_days.has_value(); },
     [](const Finding& f, Context&) {
       return f.slack_days ? Cell::Integer(*f.slack_days) : Cell();
     }},
    {"latest_start", On::kAtRisk, Shown::kDate, 12,
     [](const Finding& f, Context&) { return f.latest_start.has_value(); },
     [](const Finding& f, Context&) { return Cell::Day(f.latest_start); }},
    {"spare_days", On::kAtRisk, Shown::kNumber, 10,
     [](const Finding& f, Context&) { return f.spare_days.has_value(); },
     [](const Finding& f, Context&) {
       return f.spare_days ? Cell::Integer(*f.spare_days) : Cell();
     }},
    {"data_issues", On::kBoth, Shown::kCount, 10,
     [](const Finding& f, Context&) { return f.data_issues > 0; },
     [](const Finding& f, Context&) { return Cell::Integer(f.data_issues); }},
    {"source_document", On::kBoth, Shown::kWrapped, 40,
     [](const Finding& f, Context& context) { return !context.DocumentOf(f).empty(); },
     [](const Finding& f, Context& context) { return Cell::Text(context.DocumentOf(f)); }},
    {"inherited_from", On::kBoth, Shown::kWrapped, 40,
     [](const Finding& f, Context&) { return !f.inherited_from.empty(); },
     [](const Finding& f, Context&) { return Cell::Text(OriginsText(f.inherited_from)); }},
    {"agency_kind", On::kBoth, Shown::kText, 40, nullptr,
     [](const Finding& f, Context&) { return Cell::Text(AgencyKindLabel(f.agency->kind)); }},
    {"agency_id", On::kBoth, Shown::kText, 16, nullptr,
     [](const Finding& f, Context&) { return Cell::Text(f.agency->id); }},
    {"obligation_id", On::kBoth, Shown::kText, 40, nullptr,
     [](const Finding& f, Context&) { return Cell::Text(f.obligation->id); }},
};

constexpr int kFrozenColumns = 2;  // agency, obligation

bool Applies(const Column& column, Status status) {
  return column.on == On::kBoth || (column.on == On::kOverdue) == (status == Status::kOverdue);
}

lxw_format* FormatFor(XlsxBook& book, const Column& column, const Finding& f) {
  switch (column.shown) {
    case Shown::kWrapped:
      return book.wrap();
    case Shown::kCount:
      return book.thousands();
    case Shown::kShare:
      // A count check's value and target are numbers of rows.
      return f.obligation->check_kind == "count" ? nullptr : book.percent();
    default:
      return nullptr;
  }
}

// A list's hidden code row and its headings.
constexpr int kListHeadRows = 2;

bool AllOpen(const std::vector<XlsxSheet>& sheets) {
  return !sheets.empty() && std::all_of(sheets.begin(), sheets.end(), [](const XlsxSheet& sheet) {
    return sheet.worksheet != nullptr;
  });
}

// Writes a list's rows down its sheets: the headings at the top of each,
// the next sheet when one is full, and the panes, filter and widths of each
// once its rows are written.
class ListWriter {
 public:
  ListWriter(XlsxBook& book, std::vector<XlsxSheet>& sheets,
             const std::vector<std::string_view>& codes, const std::vector<std::string>& headings,
             const std::vector<double>& caps, int frozen, int max_sheet_rows)
      : book_(book),
        sheets_(sheets),
        codes_(codes),
        headings_(headings),
        caps_(caps),
        frozen_(frozen),
        max_sheet_rows_(max_sheet_rows) {
    row_ = book_.TableHead(sheets_[0], 0, codes_, headings_);
  }

  // The sheet and row of the next row; a null sheet (and the error kept)
  // when the sheets counted for the list are full.
  std::pair<XlsxSheet*, int> NextRow() {
    if (row_ == max_sheet_rows_) {
      FinishSheet();
      if (++sheet_ == sheets_.size()) {
        book_.Check(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
        return {nullptr, 0};
      }
      row_ = book_.TableHead(sheets_[sheet_], 0, codes_, headings_);
    }
    return {&sheets_[sheet_], row_++};
  }

  void Finish() {
    if (sheet_ < sheets_.size()) FinishSheet();
  }

 private:
  // Headings, freeze, filter and widths once the rows are written.
  void FinishSheet() {
    XlsxSheet& sheet = sheets_[sheet_];
    worksheet_freeze_panes(sheet.worksheet, kListHeadRows, static_cast<lxw_col_t>(frozen_));
    book_.Check(worksheet_autofilter(sheet.worksheet, 1, 0, static_cast<lxw_row_t>(row_ - 1),
                                     static_cast<lxw_col_t>(codes_.size() - 1)));
    book_.FitColumns(sheet, caps_);
  }

  XlsxBook& book_;
  std::vector<XlsxSheet>& sheets_;
  const std::vector<std::string_view>& codes_;
  const std::vector<std::string>& headings_;
  const std::vector<double>& caps_;
  int frozen_;
  int max_sheet_rows_;
  std::size_t sheet_ = 0;
  int row_ = 0;
};

}  // namespace

std::size_t ListSheetCount(std::size_t rows, int max_sheet_rows) {
  const auto per_sheet = static_cast<std::size_t>(max_sheet_rows - kListHeadRows);
  return std::max<std::size_t>(1, (rows + per_sheet - 1) / per_sheet);
}

void WriteFindingSheets(XlsxBook& book, std::vector<XlsxSheet>& sheets, const Report& report,
                        Status status, int max_sheet_rows) {
  if (!AllOpen(sheets)) return;
  Context context;
  // Which columns this run fills on this list.
  std::vector<const Column*> columns;
  for (const Column& column : kColumns) {
    if (!Applies(column, status)) continue;
    bool filled = column.filled == nullptr;
    for (const Finding& f : report.findings) {
      if (filled) break;
      filled = f.status == status && column.filled(f, context);
    }
    if (filled) columns.push_back(&column);
  }
  std::vector<std::string_view> codes;
  std::vector<std::string> headings;
  std::vector<double> caps;
  for (const Column* column : columns) {
    codes.push_back(column->code);
    headings.emplace_back(WorkbookLabel(column->code));
    caps.push_back(column->cap);
  }
  ListWriter list(book, sheets, codes, headings, caps, kFrozenColumns, max_sheet_rows);
  for (const Finding& f : report.findings) {
    if (f.status != status) continue;
    const auto [sheet, row] = list.NextRow();
    if (sheet == nullptr) return;
    for (std::size_t col = 0; col < columns.size(); ++col) {
      book.Write(*sheet, row, static_cast<int>(col), columns[col]->cell(f, context),
                 FormatFor(book, *columns[col], f));
    }
  }
  list.Finish();
}

void WriteDataSheets(XlsxBook& book, std::vector<XlsxSheet>& sheets, const Report& report,
                     int max_sheet_rows) {
  if (!AllOpen(sheets)) return;
  std::map<std::string, std::string> names;
  for (const Agency& agency : report.agencies) names[agency.id] = agency.name;
  // The agency first (frozen), when some issue has one.
  bool agencies = report.data_issues.empty();
  for (const DataIssue& issue : report.data_issues) agencies = agencies || !issue.agency_id.empty();
  std::vector<std::string_view> codes;
  if (agencies) codes.push_back("agency_name");
  for (std::string_view code :
       {"issue_table", "issue_row_id", "issue_column", "issue_value", "issue_problem"}) {
    codes.push_back(code);
  }
  if (agencies) codes.push_back("agency_id");
  std::vector<std::string> headings;
  for (std::string_view code : codes) headings.emplace_back(WorkbookLabel(code));
  std::vector<double> caps(codes.size(), 40);
  if (agencies) caps.front() = 30;
  ListWriter list(book, sheets, codes, headings, caps, 1, max_sheet_rows);
  for (const DataIssue& issue : report.data_issues) {
    const auto [sheet, row] = list.NextRow();
    if (sheet == nullptr) return;
    const auto name = names.find(issue.agency_id);
    int col = 0;
    if (agencies) {
      book.Text(*sheet, row, col++, name != names.end() ? std::string_view(name->second) : "",
                book.wrap());
    }
    for (const std::string* value : {&issue.table, &issue.row_id, &issue.column}) {
      book.Text(*sheet, row, col++, *value);
    }
    // Values and problems may be long: they wrap.
    book.Text(*sheet, row, col++, issue.value, book.wrap());
    book.Text(*sheet, row, col++, issue.problem, book.wrap());
    if (agencies) book.Text(*sheet, row, col++, issue.agency_id);
  }
  list.Finish();
}

}  // namespace dxcomply
