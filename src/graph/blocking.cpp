#include "graph/blocking.hpp"

#include <algorithm>
#include <numeric>

namespace dxcomply {
namespace {

bool IsDone(Status status) { return NothingOwed(status); }

bool IsProblem(Status status) { return status == Status::kOverdue || status == Status::kAtRisk; }

// Larger is worse: any overdue beats any at-risk; more days overdue, or
// fewer days left, is worse.
long BlockSeverity(const OwnStatus& own) {
  if (own.status == Status::kOverdue) return 1000000L + own.days;
  if (own.status == Status::kAtRisk) return 100000L - own.days;
  return 0;
}

}  // namespace

std::vector<NodeId> Blocking::ChainFrom(NodeId direct) const {
  std::vector<NodeId> chain{direct};
  while (next[chain.back()] != chain.back()) chain.push_back(next[chain.back()]);
  return chain;
}

Blocking PropagateBlocking(const DependencyGraph& graph, const std::vector<OwnStatus>& own) {
  const NodeId node_count = graph.node_count();
  Blocking result;
  result.holds_back.assign(node_count, 0);
  // Every node its own chain's end, also the nodes the order leaves out.
  result.next.resize(node_count);
  std::iota(result.next.begin(), result.next.end(), NodeId{0});
  result.blockers.resize(own.size());
  std::vector<long> root_severity(node_count, 0);

  for (NodeId node : graph.upstream_first()) {
    const bool instance = graph.IsInstance(node);
    if (instance && IsDone(own[node].status)) continue;
    if (instance && IsProblem(own[node].status)) {
      result.holds_back[node] = 1;
      root_severity[node] = BlockSeverity(own[node]);
    }

    std::vector<const DependencyLink*> holding;
    for (const DependencyLink* link = graph.UpstreamBegin(node); link != graph.UpstreamEnd(node);
         ++link) {
      if (result.holds_back[link->to]) holding.push_back(link);
    }
    if (holding.empty()) continue;
    std::stable_sort(holding.begin(), holding.end(),
                     [&](const DependencyLink* a, const DependencyLink* b) {
                       return root_severity[a->to] > root_severity[b->to];
                     });
    if (!result.holds_back[node]) {
      // Held back only by others: its chain goes through the worst of them.
      result.holds_back[node] = 1;
      result.next[node] = holding.front()->to;
      root_severity[node] = root_severity[holding.front()->to];
    }
    if (instance) result.blockers[node] = std::move(holding);
  }
  return result;
}

}  // namespace dxcomply
