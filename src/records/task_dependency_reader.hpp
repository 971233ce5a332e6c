// Streams task_dependency rows (task_id depends on depends_on).
#pragma once

#include "dxcomply/finding.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace dxcomply {

class RecordStore;

// Calls `visit(task_id, depends_on)` per row whose two ids are integers;
// reports the others as data issues.
void ReadTaskDependencies(RecordStore& store, std::vector<DataIssue>& issues,
                          const std::function<void(std::int64_t, std::int64_t)>& visit);

}  // namespace dxcomply
