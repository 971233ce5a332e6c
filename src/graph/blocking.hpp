// Who is held back by whom: blocking propagated through the dependency
// graph, upstream first.
//
// A node "holds back" the nodes that wait on it when it is not done and is
// either overdue or at risk on its own figures (a root cause) or itself held
// back. Done means met, met late, waived or not applicable for an instance; free
// tasks in the graph are never done (completed tasks have no links).
#pragma once

#include "dxcomply/finding.hpp"

#include "graph/dependency_graph.hpp"

#include <cstdint>
#include <vector>

namespace dxcomply {

struct OwnStatus {
  Status status = Status::kNotApplicable;
  int days = 0;  // days overdue when overdue, days left otherwise
};

struct Blocking {
  std::vector<std::uint8_t> holds_back;  // per node
  // Per node: the upstream node on its worst chain, or itself when it is a
  // root cause. Meaningful only where holds_back is set.
  std::vector<NodeId> next;
  // Per instance: the nodes it waits on directly that hold it back, worst
  // root cause first. Empty when the instance is done or nothing blocks it.
  std::vector<std::vector<const DependencyLink*>> blockers;

  // [direct, ..., root cause], following `next`.
  std::vector<NodeId> ChainFrom(NodeId direct) const;
};

// `own` is indexed by instance (= node for instances).
Blocking PropagateBlocking(const DependencyGraph& graph, const std::vector<OwnStatus>& own);

}  // namespace dxcomply
