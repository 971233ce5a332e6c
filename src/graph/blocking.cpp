#include "graph/blocking.hpp"

#include <algorithm>
#include <numeric>

namespace dxcomply {
namespace {

bool IsDone(Status status) { return NothingOwed(status); }

bool IsProblem(Status status) { return status == Status::kOverdue || status == Status::kAtRisk; }

// Larger is worse: any overdue beats any at-risk; more days overdue, or
// fewer days left, is worse.
std::int32_t BlockSeverity(const OwnStatus& own) {
  if (own.status == Status::kOverdue) return 1000000 + std::min(own.days, 999999);
  if (own.status == Status::kAtRisk) return 100000 - std::clamp(own.days, 0, 99999);
  return 0;
}

}  // namespace

Blocking PropagateBlocking(const DependencyGraph& graph, const std::vector<OwnStatus>& own) {
  const NodeId node_count = graph.node_count();
  Blocking result;
  result.holds_back.assign(node_count, 0);
  // Every node its own chain's end, also the nodes the order leaves out.
  result.next.resize(node_count);
  std::iota(result.next.begin(), result.next.end(), NodeId{0});
  result.blockers.resize(own.size());
  // Of the root cause each node's chain ends at: how bad, and whose (the
  // instance, for a task of one).
  std::vector<std::int32_t> severity(node_count, 0);
  std::vector<NodeId> root_instance(node_count, 0);

  // The worst of the nodes offered, the first of equals.
  NodeId worst = 0;
  NodeId none = 0;
  const auto offer = [&](NodeId upstream) {
    if (worst == none || severity[upstream] > severity[worst]) worst = upstream;
  };
  const auto hold = [&](NodeId node) {
    result.holds_back[node] = 1;
    result.next[node] = worst;
    severity[node] = severity[worst];
    root_instance[node] = root_instance[worst];
  };
  std::vector<Blocker> by_rule;
  std::vector<Blocker> by_task;
  // Per task node: whether a task of another instance (or of none) that it
  // waits on holds back, so that its instance looks at its links only then.
  std::vector<std::uint8_t> waits_on_other(node_count, 0);

  for (NodeId node : graph.upstream_first()) {
    worst = none = node;
    if (!graph.IsInstance(node)) {
      const std::int32_t instance = graph.InstanceOfTask(node);
      const bool root = instance >= 0 && IsProblem(own[static_cast<std::size_t>(instance)].status);
      for (const DependencyLink* link = graph.UpstreamBegin(node); link != graph.UpstreamEnd(node);
           ++link) {
        if (!result.holds_back[link->to]) continue;
        offer(link->to);
        if (instance < 0 || graph.InstanceOfTask(link->to) != instance) waits_on_other[node] = 1;
      }
      if (root) {
        result.holds_back[node] = 1;
        result.next[node] = node;
        severity[node] = BlockSeverity(own[static_cast<std::size_t>(instance)]);
        root_instance[node] = static_cast<NodeId>(instance);
      } else if (worst != none) {
        hold(node);
      }
      continue;
    }

    if (IsDone(own[node].status)) continue;
    const bool root = IsProblem(own[node].status);
    if (root) {
      result.holds_back[node] = 1;
      severity[node] = BlockSeverity(own[node]);
      root_instance[node] = node;
    }
    by_rule.clear();
    by_task.clear();
    for (const DependencyLink* link = graph.UpstreamBegin(node); link != graph.UpstreamEnd(node);
         ++link) {
      const NodeId upstream = link->to;
      if (graph.IsInstance(upstream)) {
        if (!result.holds_back[upstream]) continue;
        by_rule.push_back({node, upstream});
        offer(upstream);
        continue;
      }
      // One of its own tasks: what that task waits on, outside the instance.
      if (!root && result.holds_back[upstream]) offer(upstream);
      if (!waits_on_other[upstream]) continue;
      for (const DependencyLink* task_link = graph.UpstreamBegin(upstream);
           task_link != graph.UpstreamEnd(upstream); ++task_link) {
        if (!result.holds_back[task_link->to]) continue;
        if (graph.InstanceOfTask(task_link->to) == static_cast<std::int32_t>(node)) continue;
        by_task.push_back({upstream, task_link->to});
      }
    }
    if (!root && worst != none) hold(node);
    if (by_rule.empty() && by_task.empty()) continue;

    // A root cause is not blocked by a chain that comes back to itself
    // (its task waited on by one of another's that it waits on).
    const auto comes_back = [&](const Blocker& blocker) {
      return root && root_instance[blocker.to] == node;
    };
    // One chain per instance waited on through tasks (its worst task's, the
    // first of equals) or task of none, and none for an instance it also
    // waits on by rule, whose chain already names it.
    const auto owner = [&](NodeId task) {
      const std::int32_t instance = graph.InstanceOfTask(task);
      return instance >= 0 ? static_cast<NodeId>(instance) : task;
    };
    by_task.erase(std::remove_if(by_task.begin(), by_task.end(), comes_back), by_task.end());
    std::stable_sort(by_task.begin(), by_task.end(), [&](const Blocker& a, const Blocker& b) {
      const NodeId a_owner = owner(a.to);
      const NodeId b_owner = owner(b.to);
      return a_owner != b_owner ? a_owner < b_owner : severity[a.to] > severity[b.to];
    });
    by_task.erase(std::unique(by_task.begin(), by_task.end(),
                              [&](const Blocker& a, const Blocker& b) {
                                return owner(a.to) == owner(b.to);
                              }),
                  by_task.end());
    std::vector<Blocker> blockers;
    blockers.reserve(by_rule.size() + by_task.size());
    for (const Blocker& blocker : by_rule) {
      if (!comes_back(blocker)) blockers.push_back(blocker);
    }
    for (const Blocker& blocker : by_task) {
      const NodeId upstream = owner(blocker.to);
      const bool named_by_rule = std::any_of(by_rule.begin(), by_rule.end(),
                                             [&](const Blocker& rule) { return rule.to == upstream; });
      if (!named_by_rule) blockers.push_back(blocker);
    }
    if (blockers.empty()) continue;
    std::stable_sort(blockers.begin(), blockers.end(), [&](const Blocker& a, const Blocker& b) {
      return severity[a.to] > severity[b.to];
    });
    result.blockers[node] = std::move(blockers);
  }
  return result;
}

}  // namespace dxcomply
