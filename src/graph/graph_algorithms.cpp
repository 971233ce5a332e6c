#include "graph/graph_algorithms.hpp"

#include "base/grouping.hpp"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <cstddef>
#include <deque>
#include <map>

namespace dxcomply {
namespace {

using BoostCsrGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                       boost::no_property, NodeId, NodeId>;

// Compressed sparse rows: the edges of node n are targets[start[n] ..
// start[n + 1]), by ascending target.
struct Csr {
  std::vector<std::size_t> start;
  std::vector<NodeId> targets;
};

Csr BuildCsr(NodeId node_count, const std::vector<Edge>& edges) {
  Csr csr;
  const auto from = [](const Edge& edge) { return edge.first; };
  csr.start = GroupStarts(edges, node_count, from);
  csr.targets =
      Grouped<NodeId>(edges, csr.start, from, [](const Edge& edge) { return edge.second; });
  for (NodeId node = 0; node < node_count; ++node) {
    if (csr.start[node + 1] - csr.start[node] > 1) {
      std::sort(csr.targets.begin() + static_cast<std::ptrdiff_t>(csr.start[node]),
                csr.targets.begin() + static_cast<std::ptrdiff_t>(csr.start[node + 1]));
    }
  }
  return csr;
}

// The Boost graph of the same rows: they are already sorted, so Boost need
// not sort a million edges.
BoostCsrGraph BoostGraph(const Csr& csr) {
  const NodeId node_count = static_cast<NodeId>(csr.start.size() - 1);
  std::vector<Edge> sorted;
  sorted.reserve(csr.targets.size());
  for (NodeId node = 0; node < node_count; ++node) {
    for (std::size_t i = csr.start[node]; i < csr.start[node + 1]; ++i) {
      sorted.emplace_back(node, csr.targets[i]);
    }
  }
  return BoostCsrGraph(boost::edges_are_sorted, sorted.begin(), sorted.end(), node_count);
}

// The Boost graph of `edges`. Edges already in (from, to) order, as the
// dependency graph hands them over, go to Boost as they are; others are
// grouped and sorted first. Either way each node's edges ascend by target.
BoostCsrGraph MakeBoostGraph(NodeId node_count, const std::vector<Edge>& edges) {
  if (std::is_sorted(edges.begin(), edges.end())) {
    return BoostCsrGraph(boost::edges_are_sorted, edges.begin(), edges.end(), node_count);
  }
  return BoostGraph(BuildCsr(node_count, edges));
}

}  // namespace

std::optional<std::vector<NodeId>> UpstreamFirstOrder(NodeId node_count,
                                                      const std::vector<Edge>& edges) {
  const BoostCsrGraph graph = MakeBoostGraph(node_count, edges);
  std::vector<NodeId> order;
  order.reserve(node_count);
  try {
    // Boost emits a node after everything reachable from it (depth first
    // from each node in turn, each node's edges by ascending target), and
    // edges point upstream, so this is upstream-first already. Where the
    // order is free (ties in the schedule), outputs depend on it.
    boost::topological_sort(graph, std::back_inserter(order));
  } catch (const boost::not_a_dag&) {
    return std::nullopt;
  }
  return order;
}

std::vector<NodeId> StrongComponents(NodeId node_count, const std::vector<Edge>& edges) {
  const BoostCsrGraph graph = MakeBoostGraph(node_count, edges);
  std::vector<NodeId> component(node_count);
  boost::strong_components(
      graph, boost::make_iterator_property_map(component.begin(), get(boost::vertex_index, graph)));
  return component;
}

ComponentsAndOrder StrongComponentsAndOrder(NodeId node_count, const std::vector<Edge>& edges) {
  ComponentsAndOrder result;
  result.component = StrongComponents(node_count, edges);
  const bool has_loop = std::any_of(edges.begin(), edges.end(),
                                    [](const Edge& edge) { return edge.first == edge.second; });
  // Without cycles there are node_count components, numbered 0.. in the order
  // their nodes finished; with one, fewer, and some number is missing.
  std::vector<NodeId> order(node_count, node_count);
  for (NodeId node = 0; node < node_count && !has_loop; ++node) {
    const NodeId k = result.component[node];
    if (order[k] != node_count) return result;  // two nodes in one component
    order[k] = node;
  }
  if (!has_loop) result.order = std::move(order);
  return result;
}

std::vector<std::vector<NodeId>> FindCycles(NodeId node_count, const std::vector<Edge>& edges) {
  return FindCycles(node_count, edges, StrongComponents(node_count, edges));
}

std::vector<std::vector<NodeId>> FindCycles(NodeId node_count, const std::vector<Edge>& edges,
                                            const std::vector<NodeId>& component) {
  std::vector<NodeId> size(node_count, 0);
  for (NodeId node = 0; node < node_count; ++node) ++size[component[node]];

  // Only nodes on cycles matter: members of components larger than one, and
  // self-loops. Their edges, sorted, are all the rest reads: proportional to
  // them, not to the graph.
  std::vector<Edge> inner;
  for (const Edge& edge : edges) {
    const NodeId c = component[edge.first];
    if (c != component[edge.second] || (size[c] == 1 && edge.first != edge.second)) continue;
    inner.push_back(edge);
  }
  std::sort(inner.begin(), inner.end());
  const auto next_of = [&inner](NodeId node) {  // node's edges, by ascending target
    const auto first = std::lower_bound(inner.begin(), inner.end(), Edge{node, 0});
    auto last = first;
    while (last != inner.end() && last->first == node) ++last;
    return std::make_pair(first, last);
  };
  // Each such component's smallest node, in component order.
  std::vector<std::pair<NodeId, NodeId>> starts;  // component, node
  for (const Edge& edge : inner) {
    for (NodeId node : {edge.first, edge.second}) starts.emplace_back(component[node], node);
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end(),
                           [](const auto& a, const auto& b) { return a.first == b.first; }),
               starts.end());

  std::vector<std::vector<NodeId>> cycles;
  for (const auto& [c, start] : starts) {
    // Shortest path from start back to start, breadth first.
    std::map<NodeId, NodeId> parent;
    std::deque<NodeId> queue{start};
    NodeId closing = start;
    bool found = false;
    while (!queue.empty() && !found) {
      const NodeId node = queue.front();
      queue.pop_front();
      const auto [first, last] = next_of(node);
      for (auto edge = first; edge != last; ++edge) {
        const NodeId next = edge->second;
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
