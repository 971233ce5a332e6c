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

// For every instance that holds something back (blocking.holds_back), the
// not-done instances downstream of it; zero for the others. `agency_of`
// gives each node's agency index (< 0 when unknown). Cost: the sum of the
// downstream sets' sizes, each walked once with a visit stamp.
std::vector<Impact> ComputeImpact(const DependencyGraph& graph, const Blocking& blocking,
                                  const std::vector<OwnStatus>& own,
                                  const std::vector<std::int32_t>& agency_of,
                                  std::size_t agency_count);

}  // namespace dxcomply
