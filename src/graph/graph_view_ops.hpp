// Questions asked of a finished GraphView: which part of the graph to show,
// and the critical path to a target.
#pragma once

#include "dxcomply/finding.hpp"

#include <string>
#include <vector>

namespace dxcomply {

struct GraphSelection {
  std::string agency;      // only around this agency's instances ("" = any)
  std::string obligation;  // only around this obligation's instances ("" = any)
  bool upstream = true;    // include what they wait on, transitively
  bool downstream = true;  // include what waits on them, transitively
};

// Node indices to show, ascending. Without agency or obligation: every node
// with at least one link. With them: the matching instances and their
// upstream and/or downstream closure.
std::vector<int> SelectNodes(const Report& report, const GraphSelection& selection);

// Whether a node is done (met, met late, not applicable); tasks never are.
bool IsDoneNode(const Report& report, int node);

// The critical path to `obligation` (at `agency`, or at whichever of its
// instances has the least slack): from the target upstream, each step to the
// not-done node with the least slack. Empty when no instance matches or all
// are done.
std::vector<int> CriticalPathTo(const Report& report, const std::string& obligation,
                                const std::string& agency);

// The finding of an instance node, or nullptr for a task node.
const Finding* NodeFinding(const Report& report, int node);

}  // namespace dxcomply
