#include "graph/schedule.hpp"

#include <algorithm>

namespace dxcomply {
namespace {

bool IsDone(const DependencyGraph& graph, const std::vector<OwnStatus>& own, NodeId node) {
  if (!graph.IsInstance(node)) return false;  // Task nodes are open tasks.
  const Status status = own[node].status;
  return NothingOwed(status);
}

}  // namespace

Schedule ComputeSchedule(const DependencyGraph& graph, const std::vector<DayNumber>& due,
                         const std::vector<OwnStatus>& own) {
  const NodeId node_count = graph.node_count();
  Schedule schedule;
  schedule.latest_finish.assign(node_count, kPlusInfinity);
  schedule.constrained_by.resize(node_count);
  for (NodeId node = 0; node < node_count; ++node) {
    schedule.constrained_by[node] = node;
    if (graph.IsInstance(node)) schedule.latest_finish[node] = due[node];
  }
  // Downstream first: a node's latest finish is final before its upstream
  // nodes read it.
  const std::vector<NodeId>& order = graph.upstream_first();
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const NodeId node = *it;
    if (IsDone(graph, own, node) || schedule.latest_finish[node] == kPlusInfinity) continue;
    for (const DependencyLink* link = graph.UpstreamBegin(node); link != graph.UpstreamEnd(node);
         ++link) {
      if (IsDone(graph, own, link->to)) continue;
      const DayNumber needed = schedule.latest_finish[node] - link->lead_time_days;
      if (needed < schedule.latest_finish[link->to]) {
        schedule.latest_finish[link->to] = needed;
        schedule.constrained_by[link->to] = schedule.constrained_by[node];
      }
    }
  }
  // An instance's own latest finish: the earliest of its own and its
  // tasks' (which are not later than its own, or earlier for the tasks
  // others wait on). Read after the pass: its rule upstream waits on the
  // instance, not on each of its tasks.
  for (NodeId node = 0; node < graph.instance_count(); ++node) {
    if (IsDone(graph, own, node)) continue;
    for (const DependencyLink* link = graph.UpstreamBegin(node); link != graph.UpstreamEnd(node);
         ++link) {
      if (graph.IsInstance(link->to)) continue;
      if (schedule.latest_finish[link->to] < schedule.latest_finish[node]) {
        schedule.latest_finish[node] = schedule.latest_finish[link->to];
        schedule.constrained_by[node] = schedule.constrained_by[link->to];
      }
    }
  }
  return schedule;
}

}  // namespace dxcomply
