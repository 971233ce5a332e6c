// Latest allowed finish and slack, the backward pass of the critical path
// method over the dependency graph.
//
// A node must be done early enough for every node waiting on it:
// latest_finish(n) = min(its own due date, min over waiting w of
// latest_finish(w) - lead_time(w on n)). Only instances have due dates;
// lead times are the rule links'. So an instance's tasks must be done by
// its due date and by what its rule waiters need (it waits on them), and
// each task also before the tasks waiting on it; the rule waiters do not
// reach the instance's rule upstream through its tasks, since a task does
// not inherit its obligation's depends_on. Then an instance's own latest
// finish is also the earliest of its tasks': what its work must meet.
// Done instances (met, met late, not applicable) constrain nothing. Slack is
// latest_finish - T in days; negative slack means the dates of what waits
// can no longer all be kept.
#pragma once

#include "dxcomply/date.hpp"

#include "graph/blocking.hpp"
#include "graph/dependency_graph.hpp"

#include <cstdint>
#include <vector>

namespace dxcomply {

struct Schedule {
  std::vector<DayNumber> latest_finish;  // per node; kPlusInfinity when unconstrained
  // Per node: the instance whose due date sets its latest finish (itself
  // when its own does), for the reason "to leave 30 days for ...".
  std::vector<NodeId> constrained_by;
};

// `due` is indexed by instance (kPlusInfinity for none); `own` tells which
// instances are done.
Schedule ComputeSchedule(const DependencyGraph& graph, const std::vector<DayNumber>& due,
                         const std::vector<OwnStatus>& own);

}  // namespace dxcomply
