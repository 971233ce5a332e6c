// Streams task_dependency rows (task_id depends on depends_on).
#pragma once

#include "dxcomply/finding.hpp"

#include <cstdint>
#include <deque>
#include <functional>
#include <utility>
#include <vector>

namespace dxcomply {

class RecordStore;

// Calls `visit(task_id, depends_on)` per row whose two ids are integers;
// reports the others as data issues.
// Rows read ahead (on another thread), in table order. A deque: no copy of
// millions of rows when it grows.
using TaskDependencyRows = std::deque<std::pair<std::int64_t, std::int64_t>>;

void ReadTaskDependencies(RecordStore& store, std::vector<DataIssue>& issues,
                          const std::function<void(std::int64_t, std::int64_t)>& visit);

}  // namespace dxcomply
