#include "eval/task_records.hpp"

#include <algorithm>

namespace dxcomply {

std::int64_t TaskRecords::Find(std::int64_t id) const {
  if (ids.empty()) return -1;
  // Ids are usually 1..n or another dense run: index directly.
  const std::int64_t offset = id - ids.front();
  if (offset >= 0 && offset < static_cast<std::int64_t>(ids.size()) &&
      ids[static_cast<std::size_t>(offset)] == id) {
    return offset;
  }
  const auto found = std::lower_bound(ids.begin(), ids.end(), id);
  if (found == ids.end() || *found != id) return -1;
  return found - ids.begin();
}

}  // namespace dxcomply
