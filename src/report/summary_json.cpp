#include "report/summary_json.hpp"

namespace dxcomply {

nlohmann::ordered_json StatusCountsJson(const StatusCounts& counts) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (int i = 0; i < kStatusCount; ++i) object[StatusName(static_cast<Status>(i))] = counts[i];
  return object;
}

nlohmann::ordered_json SummaryJson(const Summary& summary, nlohmann::ordered_json obligations) {
  nlohmann::ordered_json kinds = nlohmann::ordered_json::object();
  for (const auto& [kind, counts] : summary.kinds) kinds[kind] = StatusCountsJson(counts);
  return {{"statuses", StatusCountsJson(summary.statuses)},
          {"obligations", std::move(obligations)},
          {"agency_kinds", std::move(kinds)},
          {"agencies", summary.agencies},
          {"data_issues", summary.data_issues}};
}

}  // namespace dxcomply
