#include "graph/graph_view_ops.hpp"

#include <climits>

#include <algorithm>

namespace dxcomply {
namespace {

// Adjacency of the view's links, in both directions.
struct Adjacency {
  std::vector<std::vector<int>> upstream;    // node -> nodes it waits on
  std::vector<std::vector<int>> downstream;  // node -> nodes waiting on it

  explicit Adjacency(const GraphView& view)
      : upstream(view.nodes.size()), downstream(view.nodes.size()) {
    for (const GraphView::Link& link : view.links) {
      upstream[static_cast<std::size_t>(link.waiting)].push_back(link.upstream);
      downstream[static_cast<std::size_t>(link.upstream)].push_back(link.waiting);
    }
  }
};

void Close(const std::vector<std::vector<int>>& next, std::vector<bool>& keep,
           std::vector<int> frontier) {
  while (!frontier.empty()) {
    const int node = frontier.back();
    frontier.pop_back();
    for (int other : next[static_cast<std::size_t>(node)]) {
      if (keep[static_cast<std::size_t>(other)]) continue;
      keep[static_cast<std::size_t>(other)] = true;
      frontier.push_back(other);
    }
  }
}

int Slack(const GraphView::Node& node) { return node.slack_days.value_or(INT_MAX); }

}  // namespace

const Finding* NodeFinding(const Report& report, int node) {
  const GraphView::Node& n = report.graph->nodes[static_cast<std::size_t>(node)];
  return n.finding >= 0 ? &report.findings[static_cast<std::size_t>(n.finding)] : nullptr;
}

bool IsDoneNode(const Report& report, int node) {
  const Finding* finding = NodeFinding(report, node);
  return finding != nullptr && NothingOwed(finding->status);
}

std::vector<int> SelectNodes(const Report& report, const GraphSelection& selection) {
  const GraphView& view = *report.graph;
  const Adjacency adjacency(view);
  std::vector<bool> keep(view.nodes.size(), false);
  const bool filtered = !selection.agency.empty() || !selection.obligation.empty();
  std::vector<int> seeds;
  for (std::size_t i = 0; i < view.nodes.size(); ++i) {
    const int node = static_cast<int>(i);
    if (!filtered) {
      keep[i] = !adjacency.upstream[i].empty() || !adjacency.downstream[i].empty();
      continue;
    }
    const Finding* finding = NodeFinding(report, node);
    const std::string& agency = finding ? finding->agency->id : view.nodes[i].task.agency_id;
    const std::string& obligation =
        finding ? finding->obligation->id : view.nodes[i].task.obligation_id;
    if ((selection.agency.empty() || agency == selection.agency) &&
        (selection.obligation.empty() || obligation == selection.obligation)) {
      keep[i] = true;
      seeds.push_back(node);
    }
  }
  if (filtered) {
    if (selection.upstream) Close(adjacency.upstream, keep, seeds);
    if (selection.downstream) Close(adjacency.downstream, keep, seeds);
  }
  std::vector<int> nodes;
  for (std::size_t i = 0; i < keep.size(); ++i) {
    if (keep[i]) nodes.push_back(static_cast<int>(i));
  }
  return nodes;
}

std::vector<int> CriticalPathTo(const Report& report, const std::string& obligation,
                                const std::string& agency) {
  const GraphView& view = *report.graph;
  int target = -1;
  for (std::size_t i = 0; i < view.nodes.size(); ++i) {
    const int node = static_cast<int>(i);
    const Finding* finding = NodeFinding(report, node);
    if (finding == nullptr || finding->obligation->id != obligation) continue;
    if (!agency.empty() && finding->agency->id != agency) continue;
    if (IsDoneNode(report, node)) continue;
    if (target < 0 || Slack(view.nodes[i]) < Slack(view.nodes[static_cast<std::size_t>(target)])) {
      target = node;
    }
  }
  if (target < 0) return {};
  const Adjacency adjacency(view);
  std::vector<int> path{target};
  std::vector<bool> seen(view.nodes.size(), false);
  seen[static_cast<std::size_t>(target)] = true;
  while (true) {
    int best = -1;
    for (int upstream : adjacency.upstream[static_cast<std::size_t>(path.back())]) {
      if (seen[static_cast<std::size_t>(upstream)] || IsDoneNode(report, upstream)) continue;
      const int slack = Slack(view.nodes[static_cast<std::size_t>(upstream)]);
      if (best < 0 || slack < Slack(view.nodes[static_cast<std::size_t>(best)]) ||
          (slack == Slack(view.nodes[static_cast<std::size_t>(best)]) && upstream < best)) {
        best = upstream;
      }
    }
    if (best < 0) break;
    seen[static_cast<std::size_t>(best)] = true;
    path.push_back(best);
  }
  return path;
}

}  // namespace dxcomply
