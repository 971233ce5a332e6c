#include "graph/graph_algorithms.hpp"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <deque>
#include <map>

namespace dxcomply {
namespace {

using CsrGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                       boost::no_property, NodeId, NodeId>;

CsrGraph BuildGraph(NodeId node_count, const std::vector<Edge>& edges) {
  std::vector<Edge> sorted = edges;
  std::sort(sorted.begin(), sorted.end());
  return CsrGraph(boost::edges_are_sorted, sorted.begin(), sorted.end(), node_count);
}

}  // namespace

std::optional<std::vector<NodeId>> UpstreamFirstOrder(NodeId node_count,
                                                      const std::vector<Edge>& edges) {
  const CsrGraph graph = BuildGraph(node_count, edges);
  std::vector<NodeId> order;
  order.reserve(node_count);
  try {
    // BGL emits a node after everything reachable from it, and edges point
    // upstream, so this is upstream-first already.
    boost::topological_sort(graph, std::back_inserter(order));
  } catch (const boost::not_a_dag&) {
    return std::nullopt;
  }
  return order;
}

std::vector<NodeId> StrongComponents(NodeId node_count, const std::vector<Edge>& edges) {
  const CsrGraph graph = BuildGraph(node_count, edges);
  std::vector<NodeId> component(node_count);
  boost::strong_components(
      graph, boost::make_iterator_property_map(component.begin(), get(boost::vertex_index, graph)));
  return component;
}

std::vector<std::vector<NodeId>> FindCycles(NodeId node_count, const std::vector<Edge>& edges) {
  const std::vector<NodeId> component = StrongComponents(node_count, edges);
  std::vector<NodeId> size(node_count, 0);
  for (NodeId node = 0; node < node_count; ++node) ++size[component[node]];

  // Only nodes on cycles matter: members of components larger than one, and
  // self-loops. Maps keep this proportional to them, not to the graph.
  std::map<NodeId, NodeId> start_of;            // component -> its smallest node
  std::map<NodeId, std::vector<NodeId>> inner;  // edges inside a component
  for (const Edge& edge : edges) {
    const NodeId c = component[edge.first];
    if (c != component[edge.second] || (size[c] == 1 && edge.first != edge.second)) continue;
    inner[edge.first].push_back(edge.second);
    for (NodeId node : {edge.first, edge.second}) {
      auto [it, inserted] = start_of.emplace(c, node);
      if (!inserted) it->second = std::min(it->second, node);
    }
  }
  for (auto& [node, next] : inner) std::sort(next.begin(), next.end());

  std::vector<std::vector<NodeId>> cycles;
  for (const auto& [c, start] : start_of) {
    // Shortest path from start back to start, breadth first.
    std::map<NodeId, NodeId> parent;
    std::deque<NodeId> queue{start};
    NodeId closing = start;
    bool found = false;
    while (!queue.empty() && !found) {
      const NodeId node = queue.front();
      queue.pop_front();
      for (NodeId next : inner[node]) {
        if (next == start) {
          closing = node;
          found = true;
          break;
        }
        if (parent.emplace(next, node).second) queue.push_back(next);
      }
    }
    std::vector<NodeId> cycle{start};
    for (NodeId node = closing; node != start; node = parent[node]) cycle.push_back(node);
    std::reverse(cycle.begin() + 1, cycle.end());
    cycle.push_back(start);
    cycles.push_back(std::move(cycle));
  }
  std::sort(cycles.begin(), cycles.end());
  return cycles;
}

}  // namespace dxcomply
