#include "graph/impact.hpp"

namespace dxcomply {
namespace {

bool Done(const DependencyGraph& graph, const std::vector<OwnStatus>& own, NodeId node) {
  if (!graph.IsInstance(node)) return false;  // Task nodes are open tasks.
  const Status status = own[node].status;
  return NothingOwed(status);
}

}  // namespace

std::vector<std::uint8_t> SameAgencyTails(const DependencyGraph& graph,
                                          const std::vector<std::int32_t>& agency_of) {
  const NodeId count = graph.node_count();
  std::vector<std::uint8_t> tail(count, 0);
  // Needs the waiters of a task settled before it: when every task waits
  // only on lower ones, from the last task down. Otherwise no task is
  // marked, and the walks go all the way (the same figures, more slowly).
  if (!graph.tasks_wait_on_lower()) return tail;
  for (NodeId node = graph.instance_count(); node < count; ++node) {
    tail[node] = graph.InstanceOfTask(node) < 0 ? 1 : 0;
  }
  // A task that is not a tail, or whose agency differs, keeps what it
  // waits on from being one.
  for (NodeId waiter = count; waiter-- > graph.instance_count();) {
    for (const DependencyLink* link = graph.UpstreamBegin(waiter);
         link != graph.UpstreamEnd(waiter); ++link) {
      if (!tail[waiter] || agency_of[link->to] != agency_of[waiter]) tail[link->to] = 0;
    }
  }
  return tail;
}

std::vector<Impact> ComputeImpact(const DependencyGraph& graph, const Blocking& blocking,
                                  const std::vector<OwnStatus>& own,
                                  std::vector<std::int32_t> agency_of,
                                  const std::vector<std::uint8_t>& tails, std::size_t agency_count) {
  std::vector<Impact> impact(own.size());
  // Stamps instead of clearing: seen == stamp means visited in the current
  // walk, so each walk costs only what it visits. Each node's stamp beside
  // its agency and whether the walk stops at it: it reads them all, at
  // random, one cache miss.
  struct NodeState {
    std::uint32_t seen : 31;
    std::uint32_t tail : 1;
    std::int32_t agency;
  };
  std::vector<NodeState> nodes(graph.node_count());
  for (NodeId node = 0; node < graph.node_count(); ++node) {
    nodes[node] = {0, tails[node], agency_of[node]};
  }
  std::vector<std::int32_t>().swap(agency_of);
  std::vector<std::uint32_t> agency_seen(agency_count, 0);
  std::vector<NodeId> frontier;
  std::vector<NodeId> sources;
  std::uint32_t stamp = 0;

  for (NodeId source = 0; source < static_cast<NodeId>(own.size()); ++source) {
    if (!blocking.holds_back[source]) continue;
    Impact& result = impact[source];
    const std::int32_t own_agency = nodes[source].agency;
    ++stamp;
    const auto reach = [&](NodeId node) {
      NodeState& state = nodes[node];
      if (state.seen == stamp) return;
      state.seen = stamp;
      if (Done(graph, own, node)) return;
      if (!state.tail) frontier.push_back(node);
      const std::int32_t agency = state.agency;
      if (agency >= 0 && agency_seen[static_cast<std::size_t>(agency)] != stamp) {
        agency_seen[static_cast<std::size_t>(agency)] = stamp;
        ++result.agencies;
        if (agency != own_agency) ++result.other_agencies;
      }
    };
    // The instance and its own tasks are not counted; those of its tasks
    // that hold back are where its tasks' waiters start.
    nodes[source].seen = stamp;
    sources.clear();
    for (const DependencyLink* link = graph.UpstreamBegin(source);
         link != graph.UpstreamEnd(source); ++link) {
      if (graph.IsInstance(link->to)) continue;
      nodes[link->to].seen = stamp;
      if (blocking.holds_back[link->to]) sources.push_back(link->to);
    }
    frontier.clear();
    for (const NodeId* it = graph.DownstreamBegin(source); it != graph.DownstreamEnd(source);
         ++it) {
      reach(*it);
    }
    for (NodeId task : sources) {
      for (const NodeId* it = graph.DownstreamBegin(task); it != graph.DownstreamEnd(task); ++it) {
        reach(*it);
      }
    }
    // A task waiting directly on its tasks puts its own instance there too.
    const std::size_t direct_nodes = frontier.size();
    for (std::size_t i = 0; i < direct_nodes; ++i) {
      if (graph.IsInstance(frontier[i])) continue;
      const std::int32_t instance = graph.InstanceOfTask(frontier[i]);
      if (instance >= 0) reach(static_cast<NodeId>(instance));
    }
    result.direct_agencies = result.agencies;
    for (NodeId node : frontier) {
      if (graph.IsInstance(node)) ++result.direct_instances;
    }
    // Then everything reached through them.
    for (std::size_t i = 0; i < frontier.size(); ++i) {
      const NodeId node = frontier[i];
      if (graph.IsInstance(node)) ++result.instances;
      for (const NodeId* it = graph.DownstreamBegin(node); it != graph.DownstreamEnd(node); ++it) {
        reach(*it);
      }
    }
  }
  return impact;
}

}  // namespace dxcomply
