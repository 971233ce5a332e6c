// The static HTML dashboard: one self-contained file (no server, no
// network): the national summary, a table of agencies x obligations coloured
// by status, the overdue and at-risk lists, a timeline of upcoming deadlines,
// and a page per agency.
#pragma once

#include "dxcomply/finding.hpp"

#include "report/summary.hpp"

#include <ostream>

namespace dxcomply {

void WriteDashboard(const Report& report, const Summary& summary, std::ostream& out);

}  // namespace dxcomply
