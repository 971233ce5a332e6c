// Latest allowed finish and slack, the backward pass of the critical path
// method over the dependency graph.
//
// An instance must be done by its own due date and early enough for every
// instance waiting on it: latest_finish(n) = min(due(n), min over waiting w
// of latest_finish(w) - lead_time(w on n)). Free tasks have no due date of
// their own. Done nodes (met, met late, not applicable) constrain nothing.
// Slack is latest_finish - T in days; negative slack means the dates of
// what waits can no longer all be kept.
#pragma once

#include "dxcomply/date.hpp"

#include "graph/blocking.hpp"
#include "graph/dependency_graph.hpp"

#include <cstdint>
#include <vector>

namespace dxcomply {

struct Schedule {
  std::vector<DayNumber> latest_finish;  // per node; kPlusInfinity when unconstrained
  // Per node: the waiting node that sets its latest finish (itself when its
  // own due date does), for the reason "to leave 30 days for ...".
  std::vector<NodeId> constrained_by;
};

// `due` is indexed by instance (kPlusInfinity for none); `own` tells which
// instances are done.
Schedule ComputeSchedule(const DependencyGraph& graph, const std::vector<DayNumber>& due,
                         const std::vector<OwnStatus>& own);

}  // namespace dxcomply
