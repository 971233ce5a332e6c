// The summary sheet, top to bottom:
//
//   title, as-of date, counts of agencies and findings
//   per agency kind: the seven statuses and the total, then "Tất cả"
//     (a stacked bar chart of the statuses per kind beside it)
//   per obligation: the statuses, the total, the national figure, theme,
//     check, id, and the legal source in full
//   per agency: the statuses, the total, kind and id (filtered)
//
// Every table's first column names its rows, its statuses are in columns
// B to H, worst first, and its total in I.
#include "base/labels.hpp"
#include "report/finding_format.hpp"
#include "report/source_display.hpp"
#include "report/xlsx_labels.hpp"
#include "report/xlsx_sheets.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace dxcomply {
namespace {

constexpr int kFirstStatusColumn = 1;
constexpr int kTotalColumn = kFirstStatusColumn + kStatusCount;
// The dashboard's colours, one per status, worst first.
constexpr lxw_color_t kStatusColours[kStatusCount] = {0xC62828, 0xEF6C00, 0x1E88E5, 0x7E57C2,
                                                      0x9E9D24, 0x2E7D32, 0x00897B, 0xB0B0B0};
constexpr const char* kKindOrder[] = {"ministry", "gov_agency", "province", "national"};

// The heading of a counts table: its first column, the statuses, the total,
// then `more`.
int CountsHead(XlsxBook& book, XlsxSheet& sheet, int row, std::string_view first,
               const std::vector<std::string_view>& more = {}) {
  std::vector<std::string_view> codes = {first};
  std::vector<std::string> headings = {WorkbookLabel(first)};
  for (int status = 0; status < kStatusCount; ++status) {
    codes.push_back(StatusName(static_cast<Status>(status)));
    headings.emplace_back(StatusLabel(static_cast<Status>(status)));
  }
  codes.push_back("total");
  headings.emplace_back(WorkbookLabel("total"));
  for (std::string_view code : more) {
    codes.push_back(code);
    headings.emplace_back(WorkbookLabel(code));
  }
  return book.TableHead(sheet, row, codes, headings);
}

void Counts(XlsxBook& book, XlsxSheet& sheet, int row, std::string_view label,
            const StatusCounts& counts, lxw_format* label_format = nullptr) {
  book.Text(sheet, row, 0, label, label_format);
  int total = 0;
  for (int status = 0; status < kStatusCount; ++status) {
    book.Number(sheet, row, kFirstStatusColumn + status, counts[status], book.thousands());
    total += counts[status];
  }
  book.Number(sheet, row, kTotalColumn, total, book.thousands());
}

// The kinds in the dashboard's order, then any other.
std::vector<std::string> KindsInOrder(const Summary& summary) {
  std::vector<std::string> kinds;
  for (const char* kind : kKindOrder) {
    if (summary.kinds.count(kind) != 0) kinds.emplace_back(kind);
  }
  for (const auto& [kind, counts] : summary.kinds) {
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
  }
  return kinds;
}

// Stacked bars, one per agency kind, one colour per status.
void InsertChart(XlsxBook& book, XlsxSheet& sheet, int heading_row, int first_row, int last_row,
                 int at_row) {
  lxw_chart* chart = book.AddChart(LXW_CHART_BAR_STACKED);
  if (chart == nullptr) return;
  const std::string summary_sheet = Tr(kSummarySheet);
  for (int status = 0; status < kStatusCount; ++status) {
    const int col = kFirstStatusColumn + status;
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    if (series == nullptr) return book.Check(LXW_ERROR_MEMORY_MALLOC_FAILED);
    const auto r = [](int value) { return static_cast<lxw_row_t>(value); };
    const auto c = [](int value) { return static_cast<lxw_col_t>(value); };
    chart_series_set_categories(series, summary_sheet.c_str(), r(first_row), 0, r(last_row), 0);
    chart_series_set_values(series, summary_sheet.c_str(), r(first_row), c(col), r(last_row),
                            c(col));
    chart_series_set_name_range(series, summary_sheet.c_str(), r(heading_row), c(col));
    lxw_chart_fill fill = {};
    fill.color = kStatusColours[status];
    chart_series_set_fill(series, &fill);
  }
  chart_title_set_name(chart, WorkbookLabel("chart").c_str());
  chart_axis_set_name(chart->x_axis, WorkbookLabel("chart_axis").c_str());
  chart_axis_set_reverse(chart->y_axis);  // kinds top to bottom as in the table
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  lxw_chart_options options = {};
  options.x_scale = 1.6;
  options.y_scale = 1.1;
  book.Check(worksheet_insert_chart_opt(sheet.worksheet, static_cast<lxw_row_t>(at_row),
                                        static_cast<lxw_col_t>(kTotalColumn + 2), chart, &options));
}

}  // namespace

void WriteSummarySheet(XlsxBook& book, XlsxSheet& sheet, const Report& report,
                       const Summary& summary) {
  if (sheet.worksheet == nullptr) return;
  int row = 0;
  book.Text(sheet, row++, 0, std::string(WorkbookLabel("title")), book.title());
  // Invented records must not pass for an agency's real figures.
  const std::string sample_notice = SampleDataNotice(report.dataset);
  if (!sample_notice.empty()) book.Text(sheet, row++, 0, sample_notice, book.warning());
  book.Text(sheet, row, 0, WorkbookLabel("as_of"), book.bold());
  book.Day(sheet, row++, 1, report.as_of);
  book.Text(sheet, row, 0, WorkbookLabel("agencies"), book.bold());
  book.Number(sheet, row++, 1, summary.agencies, book.thousands());
  int findings = 0;
  for (int count : summary.statuses) findings += count;
  book.Text(sheet, row, 0, WorkbookLabel("findings"), book.bold());
  book.Number(sheet, row++, 1, findings, book.thousands());
  book.Text(sheet, row, 0, WorkbookLabel("data_issue_count"), book.bold());
  book.Number(sheet, row++, 1, summary.data_issues, book.thousands());
  ++row;

  // Per agency kind, and the chart beside it.
  book.Text(sheet, row++, 0, WorkbookLabel("by_kind"), book.bold());
  const int kind_heading = row + 1;
  row = CountsHead(book, sheet, row, "agency_kind");
  const int first_kind = row;
  for (const std::string& kind : KindsInOrder(summary)) {
    Counts(book, sheet, row++, AgencyKindLabel(kind), summary.kinds.at(kind));
  }
  const int last_kind = row - 1;
  Counts(book, sheet, row++, WorkbookLabel("all_kinds"), summary.statuses, book.bold());
  InsertChart(book, sheet, kind_heading, first_kind, last_kind, 1);
  // Room for the chart (about 18 rows) before the next table.
  row = std::max(row + 1, 22);

  // Per obligation, with the national figure.
  std::map<std::string, const ObligationText*> texts;
  for (const Finding& f : report.findings) texts.emplace(f.obligation->id, f.obligation.get());
  book.Text(sheet, row++, 0, WorkbookLabel("by_obligation"), book.bold());
  row =
      CountsHead(book, sheet, row, "obligation_title",
                 {"national_numerator", "national_denominator", "national_share", "theme", "check",
                  "obligation_id", "source_document", "source_citation", "source_assumed"});
  for (const ObligationSummary& o : summary.obligations) {
    const ObligationText* text = texts.at(o.obligation_id);
    Counts(book, sheet, row, text->title, o.statuses, book.wrap());
    int col = kTotalColumn + 1;
    // As the text report gives it: n of d for coverage and task checks, n
    // for count checks, nothing for indicators.
    const bool fraction = (o.check_kind == "coverage" || o.check_kind == "task") && o.denominator;
    if (fraction || o.check_kind == "count") {
      book.Number(sheet, row, col, static_cast<double>(o.numerator), book.thousands());
    }
    if (fraction) {
      book.Number(sheet, row, col + 1, static_cast<double>(o.denominator), book.thousands());
      book.Number(sheet, row, col + 2, static_cast<double>(o.numerator) / o.denominator,
                  book.percent());
    }
    book.Text(sheet, row, col + 3, text->theme, book.wrap());
    book.Text(sheet, row, col + 4, CheckKindLabel(o.check_kind));
    book.Text(sheet, row, col + 5, o.obligation_id);
    // The legal source in full, once per obligation (the lists give the
    // document's name only).
    book.Text(sheet, row, col + 6, DocumentName(text->source), book.wrap());
    book.Text(sheet, row, col + 7, CitationText(text->source), book.wrap());
    book.Text(sheet, row++, col + 8, WithoutInternalReferences(text->source.assumed), book.wrap());
  }
  ++row;

  // Per agency, filtered: the long table last.
  book.Text(sheet, row++, 0, WorkbookLabel("by_agency"), book.bold());
  const int agency_heading = row + 1;
  row = CountsHead(book, sheet, row, "agency_name", {"agency_kind", "agency_id"});
  std::map<std::string, StatusCounts> per_agency;
  for (const Finding& f : report.findings) ++per_agency[f.agency->id][static_cast<int>(f.status)];
  // The database's agencies, then those only findings name (the national
  // pseudo-agency).
  std::vector<Agency> agencies = report.agencies;
  std::unordered_set<std::string> listed;
  for (const Agency& agency : agencies) listed.insert(agency.id);
  for (const Finding& f : report.findings) {
    if (listed.insert(f.agency->id).second) agencies.push_back(*f.agency);
  }
  for (const Agency& agency : agencies) {
    Counts(book, sheet, row, agency.name, per_agency[agency.id]);
    book.Text(sheet, row, kTotalColumn + 1, AgencyKindLabel(agency.kind));
    book.Text(sheet, row++, kTotalColumn + 2, agency.id);
  }
  book.Check(worksheet_autofilter(sheet.worksheet, static_cast<lxw_row_t>(agency_heading), 0,
                                  static_cast<lxw_row_t>(row - 1), kTotalColumn + 2));
  std::vector<double> caps(kTotalColumn + 10, 14);
  caps[0] = 60;
  caps[kTotalColumn + 4] = 30;
  caps[kTotalColumn + 6] = 24;
  for (int col = kTotalColumn + 7; col < kTotalColumn + 10; ++col) caps[col] = 50;
  book.FitColumns(sheet, caps);
}

}  // namespace dxcomply
