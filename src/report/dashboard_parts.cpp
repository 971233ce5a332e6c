#include "report/dashboard_parts.hpp"

#include "base/file_name.hpp"

#include "base/percent_encoding.hpp"
#include "eval/exception_grants.hpp"
#include "report/finding_format.hpp"

#include <unordered_map>

namespace dxcomply {
namespace {

void WriteRef(JsonStream& out, const InstanceRef& ref) {
  out.BeginObject();
  out.Key("agency").String(ref.agency_id);
  out.Key("name").String(ref.agency_name);
  out.Key("obligation").String(ref.obligation_id);
  if (!ref.period.empty()) out.Key("period").String(ref.period);
  out.Key("status").String(StatusName(ref.status));
  out.Key("days").Int(ref.days);
  if (!ref.task_id.empty()) {
    out.Key("task").String(ref.task_id);
    out.Key("title").String(ref.title);
  }
  out.EndObject();
}

}  // namespace

std::vector<DashboardAgency> DashboardAgencies(const Report& report) {
  std::vector<DashboardAgency> agencies;
  std::unordered_map<std::string, std::size_t> index;
  const auto add = [&](const std::string& id, const std::string& name, const std::string& kind) {
    const auto [it, added] = index.emplace(id, agencies.size());
    if (added) agencies.push_back({Agency{id, name, kind}, {}, {}});
    return it->second;
  };
  for (const Agency& agency : report.agencies) add(agency.id, agency.name, agency.kind);
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    agencies[add(f.agency->id, f.agency->name, f.agency->kind)].findings.push_back(i);
    for (const BlockerChain& chain : f.blocked_by) {
      for (const InstanceRef& ref : chain.chain) {
        if (!ref.agency_id.empty()) add(ref.agency_id, ref.agency_name, "");
      }
    }
  }
  for (std::size_t i = 0; i < report.data_issues.size(); ++i) {
    const auto found = index.find(report.data_issues[i].agency_id);
    if (found != index.end()) agencies[found->second].data_issues.push_back(i);
  }
  return agencies;
}

void WriteDashboardFinding(JsonStream& out, const Finding& f) {
  out.BeginObject();
  out.Key("obligation").String(f.obligation->id);
  if (!f.period.empty()) out.Key("period").String(f.period);
  out.Key("status").String(StatusName(f.status));
  const int days = f.status == Status::kOverdue ? f.days_overdue : f.days_left;
  if (days != 0) out.Key("days").Int(days);
  if (f.day_unit == DayUnit::kWorking) out.Key("working_days").Bool(true);
  if (f.due) out.Key("due").String(FormatIsoDate(*f.due));
  if (f.due && f.due_assumed) out.Key("due_assumed").Bool(true);
  // An extended due date is shown with the one it replaced and the document
  // that moved it; a waiver names its document beside the status.
  if (f.original_due) out.Key("original_due").String(FormatIsoDate(*f.original_due));
  if (f.exception) out.Key("exception_document").String(DocumentText(*f.exception));
  out.Key("now").String(MeasureText(f, f.at_as_of));
  if (f.projection) out.Key("projection").String(ProjectionText(f));
  out.Key("reason").String(f.reason);
  if (f.grounds != 0) out.Key("grounds").String(GroundsText(f));
  if (f.priority_rank > 0) {
    out.Key("priority").BeginObject();
    out.Key("rank").Int(f.priority_rank);
    out.Key("heading_tier").Int(f.heading_tier);
    if (f.spare_days) out.Key("spare_days").Int(*f.spare_days);
    out.EndObject();
  }
  if (f.latest_start && f.status != Status::kOverdue) {
    out.Key("latest_start").String(FormatIsoDate(*f.latest_start));
  }
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
  if (f.latest_finish) out.Key("latest_finish").String(FormatIsoDate(*f.latest_finish));
  if (f.slack_days) out.Key("slack_days").Int(*f.slack_days);
  if (f.data_issues != 0) out.Key("data_issues").Int(f.data_issues);
  out.EndObject();
}

void WriteDashboardDataIssue(JsonStream& out, const DataIssue& issue) {
  out.BeginArray();
  out.String(issue.table).String(issue.row_id).String(issue.column);
  out.String(issue.value).String(issue.problem).String(issue.agency_id);
  out.EndArray();
}

std::string DashboardAgencyStem(const std::string& agency_id) { return FileStemOf(agency_id); }

}  // namespace dxcomply
