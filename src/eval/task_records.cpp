#include "eval/task_records.hpp"

#include <algorithm>

namespace dxcomply {

std::int64_t TaskRecords::Find(std::int64_t id) const {
  if (ids.empty()) return -1;
  // Ids are usually 1..n or another dense run: index directly. Ids ascend
  // strictly, so when the run is dense the offset is the index without
  // looking (a random read per lookup, millions of them, otherwise).
  const std::int64_t offset = id - ids.front();
  const auto count = static_cast<std::int64_t>(ids.size());
  if (ids.back() - ids.front() + 1 == count) return offset >= 0 && offset < count ? offset : -1;
  if (offset >= 0 && offset < count && ids[static_cast<std::size_t>(offset)] == id) {
    return offset;
  }
  const auto found = std::lower_bound(ids.begin(), ids.end(), id);
  if (found == ids.end() || *found != id) return -1;
  return found - ids.begin();
}

}  // namespace dxcomply
