// Who is held back by whom: blocking propagated through the dependency
// graph, upstream first.
//
// A node "holds back" the nodes that wait on it when it is a root cause or
// is itself held back. Root causes: an instance overdue or at risk on its
// own figures, and each open task of such an instance. A task is held back
// by a task it waits on that holds back; an instance (not done: met, met
// late, waived or not applicable) by an instance its rule depends on, or by
// what one of its own open tasks waits on, that holds back. An instance is
// never held back by its own tasks' links to each other: that lateness is
// its own.
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

// What holds an instance back directly: the link from `from` (the instance
// itself, for a rule link; one of its own tasks, for a task link) to `to`.
struct Blocker {
  NodeId from = 0;
  NodeId to = 0;
};

struct Blocking {
  std::vector<std::uint8_t> holds_back;  // per node
  // Per node: the upstream node on its worst chain, or itself when it is a
  // root cause. Meaningful only where holds_back is set. An instance held
  // back through its own task goes on to that task. A chain [direct, ...,
  // root cause] follows it from the direct node to a node that is its own.
  std::vector<NodeId> next;
  // Per instance: what holds it back directly, worst root cause first: one
  // entry per instance waited on (by rule; else through its tasks, the
  // worst of them, the first of equals) and per task of no instance; none
  // whose chain ends at the instance itself or one of its tasks (a root
  // cause waiting, through others, on its own lateness). Empty when the
  // instance is done or nothing blocks it.
  std::vector<std::vector<Blocker>> blockers;
};

// `own` is indexed by instance (= node for instances).
Blocking PropagateBlocking(const DependencyGraph& graph, const std::vector<OwnStatus>& own);

}  // namespace dxcomply
