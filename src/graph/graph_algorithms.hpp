// The graph algorithms dxcomply needs, on plain edge lists, through
// Boost.Graph: each builds a Boost compressed sparse row graph of the edges
// (a few bytes per node and edge, so millions of task dependencies fit) and
// runs Boost's topological sort or strongly connected components (Tarjan).
//
// Nodes are 0..node_count-1. An edge {u, v} means "u depends on v": v is
// upstream of u.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace dxcomply {

using NodeId = std::uint32_t;
using Edge = std::pair<NodeId, NodeId>;

// Upstream-first order (every node after all the nodes it depends on), or
// nullopt when the graph has a cycle.
std::optional<std::vector<NodeId>> UpstreamFirstOrder(NodeId node_count,
                                                      const std::vector<Edge>& edges);

// One cycle per cycle-bearing strongly connected component, as the node
// sequence [a, b, ..., a] following dependencies (a depends on b ...). A
// self-loop is [a, a]. Cycles are ordered by their smallest node, each
// starting at its smallest node, so output is deterministic.
std::vector<std::vector<NodeId>> FindCycles(NodeId node_count, const std::vector<Edge>& edges);
// The same, with the graph's StrongComponents already computed.
std::vector<std::vector<NodeId>> FindCycles(NodeId node_count, const std::vector<Edge>& edges,
                                            const std::vector<NodeId>& component);

// For each node, the id of its strongly connected component; nodes on a
// common cycle share one. Components of a single node without a self-loop
// are "trivial".
std::vector<NodeId> StrongComponents(NodeId node_count, const std::vector<Edge>& edges);

// Both from one depth-first pass: the strong components, and the order
// UpstreamFirstOrder gives when the graph has no cycle (every component a
// single node, no self-loop), else nullopt. Boost numbers components as
// their roots finish; without cycles every node is a root, so component k
// is the k-th node to finish, as in the pass topological_sort makes.
struct ComponentsAndOrder {
  std::vector<NodeId> component;
  std::optional<std::vector<NodeId>> order;
};
ComponentsAndOrder StrongComponentsAndOrder(NodeId node_count, const std::vector<Edge>& edges);

}  // namespace dxcomply
