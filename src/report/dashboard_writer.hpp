// The static HTML dashboard, for a browser with no server and no network:
//
//   dashboard.html                   the national page: summary, agencies x
//                                    obligations, the overdue and at-risk
//                                    list, upcoming deadlines, obligations,
//                                    national indicators, data quality
//   dashboard/<stem>.js     one per agency: its findings in full
//                                    (reason, blockers, figures) and its data
//                                    issues, loaded by the page with a
//                                    <script> tag when the agency is opened
//
// so that a country of 10,000 agencies opens as fast as one of 93: the
// national page carries one short row per overdue or at-risk finding and
// one line per agency, never every finding's details. docs/outputs.md
// describes both files' data.
#pragma once

#include "dxcomply/finding.hpp"

#include "report/dashboard_parts.hpp"
#include "report/summary.hpp"

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace dxcomply {

// The national list carries every row's reason while it has at most this
// many rows; a longer one leaves them to the agencies' files (a row's
// reason is then shown when the row is opened).
inline constexpr std::size_t kDashboardInlineReasons = 5000;

// Writes dashboard.html. `agencies`: DashboardAgencies(report), computed
// once by the caller for the page and its agency files.
void WriteDashboard(const Report& report, const Summary& summary,
                    const std::vector<DashboardAgency>& agencies, std::ostream& out);

// The agency file's path relative to the folder holding dashboard.html:
// "dashboard/<stem>.js", the stem being the id as a file name
// (A-Z a-z 0-9 _ - kept, other bytes percent-encoded).
std::string DashboardAgencyPath(const std::string& agency_id);

// Each agency file's content, for every agency the national page names, in
// the page's order: a script calling dxcomplyAgency({...}).
void ForEachDashboardAgency(
    const Report& report, const std::vector<DashboardAgency>& agencies,
    const std::function<void(const Agency& agency, const std::string& script)>& visit);

}  // namespace dxcomply
