#include "eval/task_records.hpp"

#include <algorithm>

namespace dxcomply {

std::int64_t TaskRecords::Find(std::int64_t id) const {
  if (ids.empty()) return -1;
  // Ids are usually 1..n or another dense run: index directly. Ids ascend
  // strictly, so when the run is dense the offset is the index without
  // looking (a random read per lookup, millions of them, otherwise).
  // In unsigned arithmetic: ids may span the whole int64 range.
  const std::uint64_t offset =
      static_cast<std::uint64_t>(id) - static_cast<std::uint64_t>(ids.front());
  const std::uint64_t span =
      static_cast<std::uint64_t>(ids.back()) - static_cast<std::uint64_t>(ids.front());
  const std::uint64_t count = ids.size();
  if (span == count - 1) {
    return id >= ids.front() && offset < count ? static_cast<std::int64_t>(offset) : -1;
  }
  if (id >= ids.front() && offset < count && ids[static_cast<std::size_t>(offset)] == id) {
    return static_cast<std::int64_t>(offset);
  }
  const auto found = std::lower_bound(ids.begin(), ids.end(), id);
  if (found == ids.end() || *found != id) return -1;
  return found - ids.begin();
}

}  // namespace dxcomply
