// The dashboard is templates/dashboard.html, embedded at build time
// (src/report/embed_template.cmake), with the national data in place of its
// one marker as a JSON object; the page's JavaScript renders everything from
// that object and, for an agency's page, from the agency's file. This file
// chooses what goes in; figures, labels and reasons are in the run's
// language as in every output (report/finding_format.hpp, base/labels.hpp).
//
// The national data is sized for a large country: the overdue and at-risk
// findings by column (numbers, shared texts once), one object per agency
// with its counts and a one-character-per-obligation row of the agencies x
// obligations table, and what every instance of an obligation shares
// (title, theme, target, legal source) once per obligation.
#include "report/dashboard_writer.hpp"

#include "base/labels.hpp"
#include "base/shown_format.hpp"
#include "eval/exception_grants.hpp"
#include "report/dashboard_parts.hpp"
#include "report/dashboard_texts.hpp"
#include "report/finding_format.hpp"
#include "report/json_parts.hpp"
#include "report/json_stream.hpp"
#include "report/source_display.hpp"
#include "report/summary_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace dxcomply {

extern const std::string_view kDashboardTemplate;  // generated from templates/dashboard.html

namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view kDataMarker = "{{DXCOMPLY_DATA}}";
constexpr int kFormatVersion = 2;
constexpr int kTimelineDays = 90;
constexpr const char* kAgencyFolder = "dashboard/";
// One character per obligation in an agency's row of the table: the worst
// status of its instances ('0' overdue ... '7' not applicable), or not owed.
constexpr char kNotOwed = '.';

bool Listed(const Finding& f) {
  return f.status == Status::kOverdue || f.status == Status::kAtRisk;
}

struct Indexes {
  std::unordered_map<std::string, int> agency;      // id -> position in "agencies"
  std::unordered_map<std::string, int> obligation;  // id -> position in "obligations"
};

// The names the page shows for the codes, from the message catalogue.
void WriteLabels(JsonStream& out) {
  out.Newline().Key("labels").BeginObject();
  out.Key("statuses").BeginObject();
  for (int i = 0; i < kStatusCount; ++i) {
    out.Key(StatusName(static_cast<Status>(i))).String(StatusLabel(static_cast<Status>(i)));
  }
  out.EndObject();
  out.Key("agency_kinds").BeginObject();
  for (const char* kind : {"ministry", "gov_agency", "province", "national"}) {
    out.Key(kind).String(AgencyKindLabel(kind));
  }
  out.EndObject();
  out.Key("day_units").BeginObject();
  out.Key("calendar").String(DayUnitLabel(DayUnit::kCalendar));
  out.Key("working").String(DayUnitLabel(DayUnit::kWorking));
  out.EndObject();
  out.EndObject();
}

// One entry per obligation, in the summary's order, from its first finding,
// with the earliest due date of its instances (the table's column order).
void WriteObligations(JsonStream& out, const Report& report, const Summary& summary,
                      Indexes& indexes) {
  std::unordered_map<std::string, const Finding*> first;
  std::unordered_map<std::string, Date> first_due;
  for (const Finding& f : report.findings) {
    first.emplace(f.obligation->id, &f);
    if (!f.due) continue;
    const auto [it, added] = first_due.emplace(f.obligation->id, *f.due);
    if (!added && *f.due < it->second) it->second = *f.due;
  }
  std::vector<std::string> themes;
  out.Newline().Key("obligations").BeginArray();
  for (const ObligationSummary& o : summary.obligations) {
    const Finding& f = *first.at(o.obligation_id);
    const LegalSource& source = f.obligation->source;
    indexes.obligation.emplace(o.obligation_id, static_cast<int>(indexes.obligation.size()));
    out.Newline().BeginObject();
    out.Key("id").String(o.obligation_id);
    out.Key("title").String(f.obligation->title);
    out.Key("theme").String(f.obligation->theme);
    out.Key("check").String(CheckKindLabel(f.obligation->check_kind));
    out.Key("target").String(TargetText(f));
    const auto due = first_due.find(o.obligation_id);
    if (due != first_due.end()) out.Key("first_due").String(FormatIsoDate(due->second));
    out.Key("document").String(DocumentName(source));
    out.Key("citation").String(CitationText(source));
    out.Key("passage").String(source.passage);
    out.Key("assumed").String(WithoutInternalReferences(source.assumed));
    out.Key("counts").BeginArray();
    for (int count : o.statuses) out.Int(count);
    out.EndArray();
    out.Key("national_total").String(NationalTotalText(o));
    out.EndObject();
  }
  out.Newline().EndArray();
}

void WriteAgencies(JsonStream& out, const Report& report,
                   const std::vector<DashboardAgency>& agencies, Indexes& indexes) {
  out.Newline().Key("agencies").BeginArray();
  std::string cells;
  for (const DashboardAgency& entry : agencies) {
    const Agency& agency = entry.agency;
    indexes.agency.emplace(agency.id, static_cast<int>(indexes.agency.size()));
    StatusCounts counts{};
    cells.assign(indexes.obligation.size(), kNotOwed);
    for (std::size_t i : entry.findings) {
      const Finding& f = report.findings[i];
      const int status = static_cast<int>(f.status);
      ++counts[status];
      char& cell = cells[static_cast<std::size_t>(indexes.obligation.at(f.obligation->id))];
      if (cell == kNotOwed || cell > '0' + status) cell = static_cast<char>('0' + status);
    }
    out.Newline().BeginObject();
    out.Key("id").String(agency.id);
    out.Key("name").String(agency.name);
    out.Key("kind").String(agency.kind);
    const std::string stem = DashboardAgencyStem(agency.id);
    if (stem != agency.id) out.Key("file").String(stem);
    out.Key("counts").BeginArray();
    for (int count : counts) out.Int(count);
    out.EndArray();
    out.Key("cells").String(cells);
    if (!entry.data_issues.empty()) {
      out.Key("data_issues").Int(static_cast<std::int64_t>(entry.data_issues.size()));
    }
    out.EndObject();
  }
  out.Newline().EndArray();
}

// Texts that many rows share, each written once: a row holds its number.
class Dictionary {
 public:
  int Of(const std::string& text) {
    const auto [it, added] = numbers_.try_emplace(text, static_cast<int>(texts_.size()));
    if (added) texts_.push_back(text);
    return it->second;
  }
  void Write(JsonStream& out) const {
    out.BeginArray();
    for (const std::string& text : texts_) out.String(text);
    out.EndArray();
  }

 private:
  std::unordered_map<std::string, int> numbers_;
  std::vector<std::string> texts_;
};

// The overdue and at-risk findings, worst first, by column: an array per
// field, the periods, due dates and figures as numbers into the
// dictionaries that follow (a large country lists 200,000 of them, and
// arrays of numbers are what a browser parses fastest).
void WriteList(JsonStream& out, const Report& report, const Indexes& indexes) {
  std::vector<const Finding*> listed;
  for (const Finding& f : report.findings) {
    if (Listed(f)) listed.push_back(&f);
  }
  const bool reasons = listed.size() <= kDashboardInlineReasons;
  Dictionary periods, dates, texts;
  const auto column = [&](const char* name, const auto& value) {
    out.Newline().Key(std::string_view(name)).BeginArray();
    for (const Finding* f : listed) out.Int(value(*f));
    out.EndArray();
  };
  out.Newline().Key("list_reasons").Bool(reasons);
  out.Newline().Key("list").BeginObject();
  column("agency", [&](const Finding& f) { return indexes.agency.at(f.agency->id); });
  column("obligation", [&](const Finding& f) { return indexes.obligation.at(f.obligation->id); });
  column("period", [&](const Finding& f) { return periods.Of(f.period); });
  column("status", [](const Finding& f) { return static_cast<int>(f.status); });
  column("days", [](const Finding& f) {
    return f.status == Status::kOverdue ? f.days_overdue : f.days_left;
  });
  column("working_days", [](const Finding& f) { return f.day_unit == DayUnit::kWorking ? 1 : 0; });
  column("due", [&](const Finding& f) { return dates.Of(f.due ? FormatIsoDate(*f.due) : ""); });
  // Only where some due date is assumed (most countries have none).
  if (std::any_of(listed.begin(), listed.end(),
                  [](const Finding* f) { return f->due && f->due_assumed; })) {
    column("due_assumed", [](const Finding& f) { return f.due && f.due_assumed ? 1 : 0; });
  }
  // Only where some due date is extended: the date it replaced, and the
  // document that granted the extension.
  if (std::any_of(listed.begin(), listed.end(),
                  [](const Finding* f) { return f->original_due.has_value(); })) {
    column("original_due", [&](const Finding& f) {
      return dates.Of(f.original_due ? FormatIsoDate(*f.original_due) : "");
    });
    column("exception_document", [&](const Finding& f) {
      return texts.Of(f.original_due && f.exception ? DocumentText(*f.exception) : "");
    });
  }
  column("now", [&](const Finding& f) { return texts.Of(MeasureText(f, f.at_as_of)); });
  // The at-risk list's priority (README "Which risks first"): the rank (0
  // when overdue) and the tier it is heading for.
  column("priority", [](const Finding& f) { return f.priority_rank; });
  column("heading_tier", [](const Finding& f) { return static_cast<int>(f.heading_tier); });
  column("holds_back", [](const Finding& f) { return f.holds_back; });
  column("holds_back_agencies", [](const Finding& f) { return f.holds_back_agencies; });
  if (reasons) {
    out.Newline().Key("reason").BeginArray();
    for (const Finding* f : listed) out.String(f->reason);
    out.EndArray();
  }
  out.Newline().EndObject();
  out.Newline().Key("list_periods");
  periods.Write(out);
  out.Newline().Key("list_dates");
  dates.Write(out);
  out.Newline().Key("list_texts");
  texts.Write(out);
}

// The deadlines of the next kTimelineDays days: per due date, obligation
// and period, the instances due by status.
void WriteTimeline(JsonStream& out, const Report& report, const Indexes& indexes) {
  const Date end = report.as_of + boost::gregorian::days(kTimelineDays);
  std::map<std::tuple<Date, std::string, std::string>, StatusCounts> groups;
  for (const Finding& f : report.findings) {
    if (!f.due || *f.due < report.as_of || *f.due > end) continue;
    ++groups[{*f.due, f.obligation->id, f.period}][static_cast<int>(f.status)];
  }
  out.Newline().Key("timeline_days").Int(kTimelineDays);
  out.Newline().Key("timeline").BeginArray();
  for (const auto& [key, counts] : groups) {
    out.Newline().BeginArray();
    out.String(FormatIsoDate(std::get<0>(key)));
    out.Int(indexes.obligation.at(std::get<1>(key)));
    out.String(std::get<2>(key));
    out.BeginArray();
    for (int count : counts) out.Int(count);
    out.EndArray();
    out.EndArray();
  }
  out.Newline().EndArray();
}

json DashboardSummaryJson(const Summary& summary) {
  json obligations = json::array();
  for (const ObligationSummary& o : summary.obligations) {
    obligations.push_back({{"obligation_id", o.obligation_id},
                           {"statuses", StatusCountsJson(o.statuses)},
                           {"national_total", NationalTotalText(o)}});
  }
  return SummaryJson(summary, std::move(obligations));
}

// The data object, streamed. It is written inside <script
// type="application/json">: every '<' (only ever inside strings) is escaped
// as \u003c, so no record can close the element early ("</script>") or open
// an HTML comment ("<!--"); JSON.parse restores the text unchanged.
void WriteData(const Report& report, const Summary& summary,
               const std::vector<DashboardAgency>& agencies, std::ostream& stream) {
  Indexes indexes;
  JsonStream out(stream);
  out.ScriptSafe().BeginObject();
  out.Key("format").String("dxcomply-dashboard");
  out.Key("version").Int(kFormatVersion);
  out.Key("as_of").String(FormatIsoDate(report.as_of));
  out.Key("as_of_shown").String(ShownDate(report.as_of));
  out.Key("agency_folder").String(kAgencyFolder);
  if (const std::string notice = SampleDataNotice(report.dataset); !notice.empty()) {
    out.Key("sample_notice").String(notice);
  }
  out.Newline().Key("statuses").BeginArray();
  for (int i = 0; i < kStatusCount; ++i) out.String(StatusName(static_cast<Status>(i)));
  out.EndArray();
  WriteLabels(out);
  WriteDashboardTexts(out);
  WriteObligations(out, report, summary, indexes);
  WriteAgencies(out, report, agencies, indexes);
  WriteList(out, report, indexes);
  WriteTimeline(out, report, indexes);
  // The national indicators: the findings of the country as a whole, in full.
  out.Newline().Key("national").BeginArray();
  for (const DashboardAgency& entry : agencies) {
    if (entry.agency.kind != "national") continue;
    for (std::size_t i : entry.findings) {
      out.Newline();
      WriteDashboardFinding(out, report.findings[i]);
    }
  }
  out.Newline().EndArray();
  out.Newline().Key("data_issues").BeginArray();
  for (const DataIssue& issue : report.data_issues) {
    out.Newline();
    WriteDashboardDataIssue(out, issue);
  }
  out.Newline().EndArray();
  out.Newline().Key("summary").Raw(DumpJson(DashboardSummaryJson(summary)));
  out.EndObject();
}

}  // namespace

void WriteDashboard(const Report& report, const Summary& summary,
                    const std::vector<DashboardAgency>& agencies, std::ostream& out) {
  // The build checks that the marker occurs exactly once; a page without
  // its data would be worse than no page.
  const std::size_t marker = kDashboardTemplate.find(kDataMarker);
  if (marker == std::string_view::npos) {
    throw std::logic_error("the built-in dashboard template has no data marker");
  }
  out << kDashboardTemplate.substr(0, marker);
  WriteData(report, summary, agencies, out);
  out << kDashboardTemplate.substr(marker + kDataMarker.size());
}

std::string DashboardAgencyPath(const std::string& agency_id) {
  return kAgencyFolder + DashboardAgencyStem(agency_id) + ".js";
}

void ForEachDashboardAgency(
    const Report& report, const std::vector<DashboardAgency>& agencies,
    const std::function<void(const Agency& agency, const std::string& script)>& visit) {
  const std::string as_of = FormatIsoDate(report.as_of);
  std::ostringstream text;
  for (const DashboardAgency& entry : agencies) {
    text.str("");
    text << "dxcomplyAgency(";
    {
      JsonStream out(text);
      out.BeginObject();
      out.Key("format").String("dxcomply-dashboard-agency");
      out.Key("version").Int(kFormatVersion);
      out.Key("as_of").String(as_of);
      out.Key("agency").BeginObject();
      out.Key("id").String(entry.agency.id);
      out.Key("name").String(entry.agency.name);
      out.Key("kind").String(entry.agency.kind);
      out.EndObject();
      out.Newline().Key("findings").BeginArray();
      for (std::size_t i : entry.findings) {
        out.Newline();
        WriteDashboardFinding(out, report.findings[i]);
      }
      out.Newline().EndArray();
      out.Newline().Key("data_issues").BeginArray();
      for (std::size_t i : entry.data_issues) {
        out.Newline();
        WriteDashboardDataIssue(out, report.data_issues[i]);
      }
      out.Newline().EndArray();
      out.EndObject();
    }
    text << ");\n";
    visit(entry.agency, text.str());
  }
}

}  // namespace dxcomply
