#include "report/summary_json.hpp"

namespace dxcomply {

nlohmann::ordered_json StatusCountsJson(const StatusCounts& counts) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (int i = 0; i < kStatusCount; ++i) object[StatusName(static_cast<Status>(i))] = counts[i];
  return object;
}

}  // namespace dxcomply
