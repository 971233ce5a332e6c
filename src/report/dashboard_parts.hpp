// What the dashboard's national page and its agency files share: the
// agencies it names, each with its findings and data issues, and a finding
// in full as the agency page shows it.
#pragma once

#include "dxcomply/finding.hpp"

#include "report/json_stream.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace dxcomply {

struct DashboardAgency {
  Agency agency;
  std::vector<std::size_t> findings;     // indices into Report::findings, in its order
  std::vector<std::size_t> data_issues;  // indices into Report::data_issues
};

// The database's agencies (report.agencies), then those only findings or
// blocker chains name (the national pseudo-agency "VN"; a blocker's agency
// gets an empty kind), each once.
std::vector<DashboardAgency> DashboardAgencies(const Report& report);

// The agency's file name without extension: A-Z a-z 0-9 _ - kept, every
// other byte percent-encoded, never empty (as calendars/<agency>.ics).
std::string DashboardAgencyStem(const std::string& agency_id);

// A finding in full, as the agency page shows it: {"obligation", "period"?,
// "status", "days"?, "working_days"?, "due"?, "now", "projection"?,
// "reason", "grounds"? (in the run's language), "priority"?: {"rank",
// "heading_tier", "spare_days"?}, "latest_start"?, "blocked_by"?: [{"chain": [{"agency", "name",
// "obligation", "period"?, "status", "days", "task"?, "title"?}],
// "via_tasks"?}], "holds_back"?: {"instances", "agencies"},
// "latest_finish"?, "slack_days"?, "data_issues"?}. Members at their
// default are left out.
void WriteDashboardFinding(JsonStream& out, const Finding& finding);

// [table, row_id, column, value, problem, agency_id]
void WriteDashboardDataIssue(JsonStream& out, const DataIssue& issue);

}  // namespace dxcomply
