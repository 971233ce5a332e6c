// The set of files `export` and `nightly` write for one evaluation: findings
// as JSON and CSV (every status), the Excel workbook, one iCalendar file per
// agency and the HTML dashboard. Each file is written atomically.
#pragma once

#include "dxcomply/finding.hpp"

#include "report/summary.hpp"

#include <string>
#include <vector>

namespace dxcomply {

struct OutputSelection {
  bool json = true;
  bool csv = true;
  bool workbook = true;
  bool calendars = true;
  bool dashboard = true;
};

// Writes into `folder` (created if needed): findings.json, findings.csv,
// workbook.xlsx, dashboard.html with dashboard/agencies/<agency>.js,
// calendars/<agency>.ics. Returns the paths
// written, relative to `folder`, in writing order. Throws OutputError.
std::vector<std::string> WriteOutputSet(const Report& report, const Summary& summary,
                                        const std::string& folder,
                                        const OutputSelection& selection);

}  // namespace dxcomply
