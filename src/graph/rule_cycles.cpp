#include "graph/rule_cycles.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "graph/graph_algorithms.hpp"

#include <map>

namespace dxcomply {

void CheckRuleCycles(const RuleSet& rules, Diagnostics& diagnostics) {
  std::map<std::string, NodeId> node_of;
  for (const Obligation& rule : rules.obligations) {
    node_of.emplace(rule.id, static_cast<NodeId>(node_of.size()));
  }
  std::vector<const Obligation*> rule_of(node_of.size());
  for (const Obligation& rule : rules.obligations) rule_of[node_of[rule.id]] = &rule;

  std::vector<Edge> edges;
  for (const Obligation& rule : rules.obligations) {
    for (const Dependency& dependency : rule.depends_on) {
      const auto upstream = node_of.find(dependency.obligation);
      if (upstream != node_of.end()) edges.push_back({node_of[rule.id], upstream->second});
    }
  }
  const NodeId count = static_cast<NodeId>(node_of.size());
  if (UpstreamFirstOrder(count, edges)) return;

  for (const std::vector<NodeId>& cycle : FindCycles(count, edges)) {
    std::string path;
    for (NodeId node : cycle) path += (path.empty() ? "" : " -> ") + rule_of[node]->id;
    // Point at the entry of the first rule that leads into the cycle.
    const Obligation& first = *rule_of[cycle[0]];
    SourceLocation location = first.location;
    for (const Dependency& dependency : first.depends_on) {
      if (dependency.obligation == rule_of[cycle[1]]->id) location = dependency.location;
    }
    diagnostics.Error(location, first.id, Format(Tr("dependency cycle: {0}"), {path}));
  }
}

}  // namespace dxcomply
