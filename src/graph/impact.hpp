// How much each problem holds back: the instances (and their agencies)
// waiting on it, directly and through others, each counted once.
#pragma once

#include "graph/blocking.hpp"
#include "graph/dependency_graph.hpp"

#include <cstdint>
#include <vector>

namespace dxcomply {

struct Impact {
  int direct_instances = 0;  // waiting on it directly
  int direct_agencies = 0;
  int instances = 0;  // waiting on it directly or through others
  int agencies = 0;
  int other_agencies = 0;  // of those agencies, the ones other than its own
};

// For every instance that holds something back (blocking.holds_back), what
// waits on it and is not done: the instances whose rule depends on it, the
// open tasks waiting on those of its own open tasks that hold back (all of
// them when it is a root cause; its other tasks are not held back), and on
// from each of those, a task's instance among them (an instance waits on
// its tasks) but not the other tasks of an instance reached (a task does
// not wait on its instance). "Directly": the first step, with the instances
// of the tasks it reaches. Agencies count every node reached, tasks of no
// instance too. `agency_of` gives each node's agency index (< 0 when
// unknown). Cost: the sum of the downstream sets' sizes, each walked once
// with a visit stamp.
//
// `tails` (SameAgencyTails) marks the tasks where a walk can stop.
std::vector<Impact> ComputeImpact(const DependencyGraph& graph, const Blocking& blocking,
                                  const std::vector<OwnStatus>& own,
                                  std::vector<std::int32_t> agency_of,
                                  const std::vector<std::uint8_t>& tails, std::size_t agency_count);

// Per node: 1 for a task of no instance whose waiters, and theirs in turn,
// are all tasks of no instance of its agency. Reaching it adds its agency
// and nothing else, so impact's walks stop there (on the benchmark they
// then go on from 0.64 million of the nodes they reach instead of 1.56
// million). Marked only where every task waits on lower ones
// (DependencyGraph::tasks_wait_on_lower); elsewhere none is, and the walks
// go all the way. Apart from ComputeImpact so that it can be worked out
// beside blocking; after IndexDownstream.
std::vector<std::uint8_t> SameAgencyTails(const DependencyGraph& graph,
                                          const std::vector<std::int32_t>& agency_of);

}  // namespace dxcomply
