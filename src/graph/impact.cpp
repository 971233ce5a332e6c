#include "graph/impact.hpp"

namespace dxcomply {
namespace {

bool Waits(const DependencyGraph& graph, const std::vector<OwnStatus>& own, NodeId node) {
  if (!graph.IsInstance(node)) return true;
  const Status status = own[node].status;
  return !NothingOwed(status);
}

}  // namespace

std::vector<Impact> ComputeImpact(const DependencyGraph& graph, const Blocking& blocking,
                                  const std::vector<OwnStatus>& own,
                                  const std::vector<std::int32_t>& agency_of,
                                  std::size_t agency_count) {
  std::vector<Impact> impact(own.size());
  // Stamps instead of clearing: node_seen[n] == stamp means visited in the
  // current walk, so each walk costs only what it visits.
  std::vector<std::uint32_t> node_seen(graph.node_count(), 0);
  std::vector<std::uint32_t> agency_seen(agency_count, 0);
  std::vector<NodeId> frontier;
  std::uint32_t stamp = 0;

  for (NodeId source = 0; source < static_cast<NodeId>(own.size()); ++source) {
    if (!blocking.holds_back[source]) continue;
    Impact& result = impact[source];
    const std::int32_t own_agency = agency_of[source];
    ++stamp;
    node_seen[source] = stamp;
    frontier.clear();
    for (const NodeId* it = graph.DownstreamBegin(source); it != graph.DownstreamEnd(source);
         ++it) {
      if (node_seen[*it] == stamp || !Waits(graph, own, *it)) continue;
      node_seen[*it] = stamp;
      frontier.push_back(*it);
    }
    // Direct neighbours first, then everything reached through them.
    for (NodeId node : frontier) {
      if (graph.IsInstance(node)) ++result.direct_instances;
      const std::int32_t agency = agency_of[node];
      if (agency >= 0 && agency_seen[static_cast<std::size_t>(agency)] != stamp) {
        agency_seen[static_cast<std::size_t>(agency)] = stamp;
        ++result.direct_agencies;
        if (agency != own_agency) ++result.other_agencies;
      }
    }
    result.agencies = result.direct_agencies;
    for (std::size_t i = 0; i < frontier.size(); ++i) {
      const NodeId node = frontier[i];
      if (graph.IsInstance(node)) ++result.instances;
      for (const NodeId* it = graph.DownstreamBegin(node); it != graph.DownstreamEnd(node); ++it) {
        if (node_seen[*it] == stamp || !Waits(graph, own, *it)) continue;
        node_seen[*it] = stamp;
        frontier.push_back(*it);
        const std::int32_t agency = agency_of[*it];
        if (agency >= 0 && agency_seen[static_cast<std::size_t>(agency)] != stamp) {
          agency_seen[static_cast<std::size_t>(agency)] = stamp;
          ++result.agencies;
          if (agency != own_agency) ++result.other_agencies;
        }
      }
    }
  }
  return impact;
}

}  // namespace dxcomply
