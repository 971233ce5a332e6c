// Summary counts as JSON, shared by the findings JSON and the dashboard.
#pragma once

#include "report/summary.hpp"

#include <nlohmann/json.hpp>

namespace dxcomply {

// {"overdue": 255, "at_risk": 908, ...}, in the order of Status.
nlohmann::ordered_json StatusCountsJson(const StatusCounts& counts);

// {"statuses", "obligations", "agency_kinds", "agencies", "data_issues"}:
// each format gives its own per-obligation entries.
nlohmann::ordered_json SummaryJson(const Summary& summary, nlohmann::ordered_json obligations);

}  // namespace dxcomply
