// What the dependency graph needs to know about each task row, kept in
// compact parallel arrays (a few bytes per task) rather than as objects.
#pragma once

#include <cstdint>
#include <vector>

namespace dxcomply {

struct TaskRecords {
  std::vector<std::int64_t> ids;       // ascending (the scan reads in id order)
  std::vector<std::int32_t> instance;  // the obligation instance it serves, or -1
  std::vector<std::int32_t> agency;    // AgencyDirectory index, or < 0 if unknown
  std::vector<std::uint8_t> done;      // 1 when completed on or before T

  std::size_t size() const { return ids.size(); }
  // Index of the task with this id, or -1.
  std::int64_t Find(std::int64_t id) const;
};

}  // namespace dxcomply
