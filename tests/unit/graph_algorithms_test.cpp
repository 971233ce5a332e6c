// The graph algorithms on plain edge lists: an edge {u, v} means "u depends
// on v", so v must come first in an upstream-first order.
#include "graph/graph_algorithms.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace dxcomply {
namespace {

// "0 -> 1 -> 0" for the cycle [0, 1, 0].
std::string Text(const std::vector<NodeId>& path) {
  std::string text;
  for (NodeId node : path) text += (text.empty() ? "" : " -> ") + std::to_string(node);
  return text;
}

std::vector<std::string> CycleTexts(NodeId node_count, const std::vector<Edge>& edges) {
  std::vector<std::string> texts;
  for (const std::vector<NodeId>& cycle : FindCycles(node_count, edges)) {
    texts.push_back(Text(cycle));
  }
  return texts;
}

// The ring first -> first+1 -> ... -> last -> first.
std::vector<Edge> Ring(NodeId first, NodeId last) {
  std::vector<Edge> edges;
  for (NodeId node = first; node < last; ++node) edges.push_back({node, node + 1});
  edges.push_back({last, first});
  return edges;
}

std::vector<Edge> Join(std::vector<Edge> a, const std::vector<Edge>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Every node exactly once, and every edge's upstream end before its
// downstream end.
void CheckUpstreamFirst(NodeId node_count, const std::vector<Edge>& edges,
                        const std::vector<NodeId>& order) {
  BOOST_TEST_REQUIRE(order.size() == node_count);
  std::vector<int> position(node_count, -1);
  for (std::size_t i = 0; i < order.size(); ++i) {
    BOOST_TEST_REQUIRE(order[i] < node_count);
    BOOST_TEST_REQUIRE(position[order[i]] == -1);
    position[order[i]] = static_cast<int>(i);
  }
  for (const Edge& edge : edges) {
    BOOST_TEST(position[edge.second] < position[edge.first],
               edge.first << " depends on " << edge.second << " but comes first");
  }
}

BOOST_AUTO_TEST_SUITE(graph_algorithms)

BOOST_AUTO_TEST_CASE(upstream_first_order_puts_every_node_after_what_it_depends_on) {
  struct Case {
    const char* name;
    NodeId node_count;
    std::vector<Edge> edges;
  };
  const std::vector<Case> cases = {
      {"no nodes", 0, {}},
      {"isolated nodes", 3, {}},
      {"chain a->b->c", 3, {{0, 1}, {1, 2}}},
      {"chain given backwards", 3, {{2, 1}, {1, 0}}},
      {"diamond", 4, {{0, 1}, {0, 2}, {1, 3}, {2, 3}}},
      {"parallel edges", 2, {{0, 1}, {0, 1}}},
      {"two components", 6, {{5, 4}, {4, 3}, {0, 2}, {1, 2}}},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.name) {
      const auto order = UpstreamFirstOrder(c.node_count, c.edges);
      BOOST_TEST_REQUIRE(order.has_value());
      CheckUpstreamFirst(c.node_count, c.edges, *order);
    }
  }
}

BOOST_AUTO_TEST_CASE(upstream_first_order_of_a_long_chain) {
  // 0 depends on 1, ..., 998 on 999: 999 must come first, 0 last.
  const NodeId n = 1000;
  std::vector<Edge> edges;
  for (NodeId node = 0; node + 1 < n; ++node) edges.push_back({node, node + 1});
  const auto order = UpstreamFirstOrder(n, edges);
  BOOST_TEST_REQUIRE(order.has_value());
  CheckUpstreamFirst(n, edges, *order);
  BOOST_TEST(order->front() == 999u);
  BOOST_TEST(order->back() == 0u);
}

// Where the order is free, findings depend on it (ties in the schedule):
// depth first from each node in turn, edges by ascending target, a node
// emitted once finished.
BOOST_AUTO_TEST_CASE(upstream_first_order_is_the_depth_first_finish_order) {
  const auto order = UpstreamFirstOrder(5, {{0, 2}, {0, 1}, {1, 3}, {2, 3}, {4, 0}});
  BOOST_TEST_REQUIRE(order.has_value());
  BOOST_TEST(*order == (std::vector<NodeId>{3, 1, 2, 0, 4}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(cycles_are_found_exactly_when_there_is_no_order) {
  const auto acyclic = [](NodeId count, const std::vector<Edge>& edges) {
    const bool no_cycle = FindCycles(count, edges).empty();
    BOOST_TEST(no_cycle == UpstreamFirstOrder(count, edges).has_value());
    return no_cycle;
  };
  BOOST_TEST(acyclic(4, {{3, 1}, {2, 0}, {1, 0}}));  // every edge to a lower node
  BOOST_TEST(acyclic(4, {{0, 1}, {1, 2}, {3, 2}}));  // not, but still no cycle
  BOOST_TEST(!acyclic(3, {{2, 1}, {1, 2}}));
  BOOST_TEST(!acyclic(3, {{1, 1}}));  // a self-loop
  BOOST_TEST(acyclic(3, {}));
}

// The one-pass order is the topological sort's, node for node, and the
// components are StrongComponents'; with a cycle there is no order.
BOOST_AUTO_TEST_CASE(one_pass_gives_the_same_order_and_components) {
  std::mt19937 random(20221101);
  for (int round = 0; round < 300; ++round) {
    const NodeId count = 1 + static_cast<NodeId>(random() % 60);
    const bool acyclic = round % 2 == 0;
    std::vector<Edge> edges;
    for (NodeId k = 0; k < 2 * count; ++k) {
      const NodeId a = static_cast<NodeId>(random() % count);
      const NodeId b = static_cast<NodeId>(random() % count);
      // Only towards a lower node when acyclic.
      if (acyclic && a == b) continue;
      if (acyclic && a < b) {
        edges.emplace_back(b, a);
      } else {
        edges.emplace_back(a, b);
      }
    }
    std::sort(edges.begin(), edges.end());
    BOOST_TEST_CONTEXT("round " << round << ", " << count << " nodes") {
      const ComponentsAndOrder both = StrongComponentsAndOrder(count, edges);
      const std::optional<std::vector<NodeId>> order = UpstreamFirstOrder(count, edges);
      BOOST_TEST(both.order.has_value() == order.has_value());
      if (acyclic) BOOST_TEST(order.has_value());
      if (both.order && order) BOOST_TEST(*both.order == *order, boost::test_tools::per_element());
      BOOST_TEST(both.component == StrongComponents(count, edges),
                 boost::test_tools::per_element());
    }
  }
  BOOST_TEST(!StrongComponentsAndOrder(3, {{0, 1}, {2, 2}}).order.has_value());  // self-loop
}

BOOST_AUTO_TEST_CASE(upstream_first_order_is_refused_for_any_cycle) {
  struct Case {
    const char* name;
    NodeId node_count;
    std::vector<Edge> edges;
  };
  const std::vector<Case> cases = {
      {"self-loop", 1, {{0, 0}}},
      {"self-loop among others", 3, {{0, 1}, {2, 2}}},
      {"2-cycle", 2, {{0, 1}, {1, 0}}},
      {"50-cycle", 50, Ring(0, 49)},
      {"cycle behind a tail", 5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 2}}},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.name) {
      BOOST_TEST(!UpstreamFirstOrder(c.node_count, c.edges).has_value());
    }
  }
}

BOOST_AUTO_TEST_CASE(find_cycles_gives_one_path_per_cycle_from_its_smallest_node) {
  struct Case {
    const char* name;
    NodeId node_count;
    std::vector<Edge> edges;
    std::vector<std::string> cycles;
  };
  std::string ring_50 = "0";
  for (int node = 1; node < 50; ++node) ring_50 += " -> " + std::to_string(node);
  ring_50 += " -> 0";
  const std::vector<Case> cases = {
      {"no edges", 4, {}, {}},
      {"acyclic diamond", 4, {{0, 1}, {0, 2}, {1, 3}, {2, 3}}, {}},
      {"self-loop", 3, {{1, 1}}, {"1 -> 1"}},
      {"2-cycle", 2, {{1, 0}, {0, 1}}, {"0 -> 1 -> 0"}},
      {"3-cycle entered at a larger node", 6, {{5, 3}, {3, 4}, {4, 5}}, {"3 -> 4 -> 5 -> 3"}},
      {"50-cycle", 50, Ring(0, 49), {ring_50}},
      {"two disjoint cycles, listed by smallest node",
       7,
       {{6, 5}, {5, 6}, {2, 3}, {3, 4}, {4, 2}},
       {"2 -> 3 -> 4 -> 2", "5 -> 6 -> 5"}},
      {"cycle plus a tail leading into it",
       6,
       {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 2}, {5, 0}},
       {"2 -> 3 -> 4 -> 2"}},
      {"cycle plus a tail hanging from it", 5, {{1, 2}, {2, 1}, {2, 3}, {3, 4}}, {"1 -> 2 -> 1"}},
      {"self-loop and a 2-cycle", 4, {{3, 3}, {0, 1}, {1, 0}}, {"0 -> 1 -> 0", "3 -> 3"}},
      {"shortest way back through a component with a chord",
       4,
       {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {0, 3}},
       {"0 -> 3 -> 0"}},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.name) {
      BOOST_TEST(CycleTexts(c.node_count, c.edges) == c.cycles, boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(find_cycles_does_not_depend_on_edge_order) {
  const std::vector<Edge> edges =
      Join(Join(Ring(10, 19), Ring(0, 3)), {{25, 25}, {20, 10}, {3, 21}, {21, 22}});
  const std::vector<std::string> expected = {"0 -> 1 -> 2 -> 3 -> 0",
                                             "10 -> 11 -> 12 -> 13 -> 14 -> 15 -> 16 -> 17 -> "
                                             "18 -> 19 -> 10",
                                             "25 -> 25"};
  std::vector<Edge> shuffled = edges;
  for (int round = 0; round < 5; ++round) {
    BOOST_TEST_CONTEXT("round " << round) {
      BOOST_TEST(CycleTexts(26, shuffled) == expected, boost::test_tools::per_element());
    }
    std::reverse(shuffled.begin(), shuffled.end());
    std::rotate(shuffled.begin(), shuffled.begin() + 3, shuffled.end());
  }
}

BOOST_AUTO_TEST_CASE(find_cycles_follows_real_edges) {
  // Every returned step must be an edge of the graph.
  const std::vector<Edge> edges = {{0, 4}, {4, 2}, {2, 7}, {7, 0}, {2, 0}, {7, 4}, {9, 8}, {8, 9}};
  const std::set<Edge> edge_set(edges.begin(), edges.end());
  for (const std::vector<NodeId>& cycle : FindCycles(10, edges)) {
    BOOST_TEST_REQUIRE(cycle.size() >= 2u);
    BOOST_TEST(cycle.front() == cycle.back());
    for (std::size_t i = 0; i + 1 < cycle.size(); ++i) {
      BOOST_TEST(edge_set.count({cycle[i], cycle[i + 1]}) == 1u,
                 cycle[i] << " -> " << cycle[i + 1] << " is not an edge");
    }
  }
  BOOST_TEST(CycleTexts(10, edges) == (std::vector<std::string>{"0 -> 4 -> 2 -> 0", "8 -> 9 -> 8"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(strong_components_group_exactly_the_nodes_on_a_common_cycle) {
  // 0<->1, 2 alone with a self-loop, 3->4->5->3, 6 alone, 7->3 (a tail).
  const std::vector<Edge> edges = {{0, 1}, {1, 0}, {2, 2}, {3, 4}, {4, 5}, {5, 3}, {7, 3}, {1, 6}};
  const std::vector<NodeId> component = StrongComponents(8, edges);
  BOOST_TEST_REQUIRE(component.size() == 8u);
  // Group node ids by component and compare the partition.
  std::map<NodeId, std::set<NodeId>> groups;
  for (NodeId node = 0; node < 8; ++node) groups[component[node]].insert(node);
  std::set<std::set<NodeId>> partition;
  for (const auto& [id, members] : groups) partition.insert(members);
  const std::set<std::set<NodeId>> expected = {{0, 1}, {2}, {3, 4, 5}, {6}, {7}};
  BOOST_TEST((partition == expected));
}

BOOST_AUTO_TEST_CASE(strong_components_of_a_dag_are_all_trivial) {
  const std::vector<Edge> edges = {{0, 1}, {0, 2}, {1, 3}, {2, 3}};
  const std::vector<NodeId> component = StrongComponents(4, edges);
  BOOST_TEST(std::set<NodeId>(component.begin(), component.end()).size() == 4u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
