// `report --status --kind --theme --obligation --agency`: which findings a
// report keeps. Each option is repeatable; a finding is kept when it
// matches one value of every option given.
#pragma once

#include "dxcomply/finding.hpp"

#include "cli/commands.hpp"
#include "cli/prepared_run.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace dxcomply {

struct FindingFilter {
  std::vector<Status> statuses;
  std::vector<std::string> kinds;
  std::vector<std::string> themes;  // as the rules write them
  std::vector<std::string> obligations;
  std::vector<std::string> agencies;

  bool empty() const {
    return statuses.empty() && kinds.empty() && themes.empty() && obligations.empty() &&
           agencies.empty();
  }
};

// Checks every value against the statuses, the agency kinds, the rules'
// themes and obligations and the database's agencies; nullopt after saying
// which one is unknown and what it might have meant. A theme may be typed
// without its diacritics.
std::optional<FindingFilter> MakeFindingFilter(const ReportOptions& options, Prepared& prepared,
                                               std::ostream& err);

// Keeps the findings the filter selects, in their order, and, with
// --agency, only those agencies' data issues.
void ApplyFindingFilter(const FindingFilter& filter, Report& report);

}  // namespace dxcomply
