// The dashboard is templates/dashboard.html, embedded at build time
// (src/report/embed_template.cmake), with the report in place of its one
// marker as a JSON object. The page's JavaScript renders everything from that
// object; this file only chooses what goes in and spells the figures as the
// other outputs do. Field names are the JSON format's; fields at their
// default (empty period, zero days, no blockers) are left out, and what every
// instance of an obligation shares (title, theme, target, legal source) is
// written once per obligation, which keeps the sample's page near 0.5 MB.
#include "report/dashboard_writer.hpp"

#include "base/labels.hpp"
#include "eval/classify.hpp"
#include "report/finding_format.hpp"
#include "report/json_parts.hpp"
#include "report/json_stream.hpp"
#include "report/summary_json.hpp"
#include "report/text_layout.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace dxcomply {

extern const std::string_view kDashboardTemplate;  // generated from templates/dashboard.html

namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view kDataMarker = "{{DXCOMPLY_DATA}}";
constexpr int kFormatVersion = 1;

void WriteRef(JsonStream& out, const InstanceRef& ref) {
  out.BeginObject();
  out.Key("obligation_id").String(ref.obligation_id);
  out.Key("agency_id").String(ref.agency_id);
  if (!ref.period.empty()) out.Key("period").String(ref.period);
  out.Key("status").String(StatusName(ref.status));
  out.Key("days").Int(ref.days);
  if (!ref.task_id.empty()) {
    out.Key("task_id").String(ref.task_id);
    out.Key("title").String(ref.title);
  }
  out.EndObject();
}

// One finding, streamed (a dashboard of a large country has hundreds of
// thousands): only what the page shows, members with nothing to say left out.
void WriteFinding(JsonStream& out, const Finding& f) {
  out.BeginObject();
  out.Key("obligation_id").String(f.obligation->id);
  out.Key("agency_id").String(f.agency->id);
  if (!f.period.empty()) out.Key("period").String(f.period);
  out.Key("status").String(StatusName(f.status));
  out.Key("reason").String(f.reason);
  if (f.grounds != 0) {
    out.Key("grounds").BeginArray();
    for (RiskGround ground : GroundsIn(f.grounds)) out.String(RiskGroundName(ground));
    out.EndArray();
  }
  if (f.priority_rank > 0) {
    out.Key("priority").BeginObject();
    out.Key("rank").Int(f.priority_rank);
    out.Key("heading_tier").Int(f.heading_tier);
    if (f.spare_days) out.Key("spare_days").Int(*f.spare_days);
    out.EndObject();
  }
  if (f.due) out.Key("due").String(FormatIsoDate(*f.due));
  if (f.days_overdue != 0) out.Key("days_overdue").Int(f.days_overdue);
  if (f.days_left != 0) out.Key("days_left").Int(f.days_left);
  if (f.day_unit != DayUnit::kCalendar) out.Key("day_unit").String(DayUnitName(f.day_unit));
  out.Key("now").String(MeasureText(f, f.at_as_of));
  if (!f.blocked_by.empty()) {
    out.Key("blocked_by").BeginArray();
    for (const BlockerChain& chain : f.blocked_by) {
      out.BeginObject().Key("chain").BeginArray();
      for (const InstanceRef& ref : chain.chain) WriteRef(out, ref);
      out.EndArray();
      if (!chain.via_tasks.empty()) out.Key("via_tasks").String(chain.via_tasks);
      out.EndObject();
    }
    out.EndArray();
  }
  if (f.holds_back != 0) {
    out.Key("holds_back").BeginObject();
    out.Key("instances").Int(f.holds_back);
    out.Key("agencies").Int(f.holds_back_agencies);
    out.EndObject();
  }
  if (f.data_issues != 0) out.Key("data_issues").Int(f.data_issues);
  out.EndObject();
}

// Every agency the page names: the database's, then those only findings
// and blockers name (the national pseudo-agency "VN").
json AgenciesJson(const Report& report) {
  json agencies = json::array();
  std::unordered_set<std::string> seen;
  const auto add = [&](const std::string& id, const std::string& name, const std::string& kind) {
    if (seen.insert(id).second) agencies.push_back({{"id", id}, {"name", name}, {"kind", kind}});
  };
  for (const Agency& agency : report.agencies) add(agency.id, agency.name, agency.kind);
  for (const Finding& f : report.findings) {
    add(f.agency->id, f.agency->name, f.agency->kind);
    for (const BlockerChain& chain : f.blocked_by) {
      for (const InstanceRef& ref : chain.chain) add(ref.agency_id, ref.agency_name, "");
    }
  }
  return agencies;
}

// One entry per obligation, in the summary's order, from its first finding.
void WriteObligations(JsonStream& out, const Report& report, const Summary& summary) {
  std::unordered_map<std::string, const Finding*> first;
  for (const Finding& f : report.findings) first.emplace(f.obligation->id, &f);
  out.BeginArray();
  for (const ObligationSummary& o : summary.obligations) {
    const Finding& f = *first.at(o.obligation_id);
    out.BeginObject();
    out.Key("obligation_id").String(o.obligation_id);
    out.Key("title").String(f.obligation->title);
    out.Key("theme").String(f.obligation->theme);
    out.Key("check").String(f.obligation->check_kind);
    out.Key("target").String(TargetText(f));
    out.Key("source");
    WriteSource(out, f.obligation->source);
    out.EndObject();
  }
  out.EndArray();
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

// The data object, streamed: a dashboard of a large country has hundreds of
// thousands of findings. It is written inside <script type="application/json">:
// every '<' (only ever inside strings) is escaped as \u003c, so no record can
// close the element early ("</script>") or open an HTML comment ("<!--");
// JSON.parse restores the text unchanged.
void WriteData(const Report& report, const Summary& summary, std::ostream& stream) {
  JsonStream out(stream);
  out.ScriptSafe().BeginObject();
  out.Key("format").String("dxcomply-dashboard");
  out.Key("version").Int(kFormatVersion);
  out.Key("as_of").String(FormatIsoDate(report.as_of));
  out.Key("as_of_vn").String(FormatVnDate(report.as_of));
  if (const std::string notice = SampleDataNotice(report.dataset); !notice.empty()) {
    out.Key("sample_notice").String(notice);
  }
  out.Newline().Key("statuses").BeginArray();
  for (int i = 0; i < kStatusCount; ++i) out.String(StatusName(static_cast<Status>(i)));
  out.EndArray();
  // The names the page shows for the codes, from the message catalogue.
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
  out.EndObject();
  out.Newline().Key("agencies").Raw(DumpJson(AgenciesJson(report)));
  out.Newline().Key("obligations");
  WriteObligations(out, report, summary);
  out.Newline().Key("findings").BeginArray();
  for (const Finding& f : report.findings) {
    out.Newline();
    WriteFinding(out, f);
  }
  out.Newline().EndArray();
  out.Newline().Key("data_issues").BeginArray();
  for (const DataIssue& issue : report.data_issues) {
    out.Newline();
    WriteDataIssue(out, issue);
  }
  out.Newline().EndArray();
  out.Newline().Key("summary").Raw(DumpJson(DashboardSummaryJson(summary)));
  out.EndObject();
}

}  // namespace

void WriteDashboard(const Report& report, const Summary& summary, std::ostream& out) {
  // The build checks that the marker occurs exactly once; a page without
  // its data would be worse than no page.
  const std::size_t marker = kDashboardTemplate.find(kDataMarker);
  if (marker == std::string_view::npos) {
    throw std::logic_error("the built-in dashboard template has no data marker");
  }
  out << kDashboardTemplate.substr(0, marker);
  WriteData(report, summary, out);
  out << kDashboardTemplate.substr(marker + kDataMarker.size());
}

}  // namespace dxcomply
