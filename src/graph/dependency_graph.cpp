#include "graph/dependency_graph.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "eval/dependency_owners.hpp"
#include "rules/rule_vocabulary.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <tuple>

namespace dxcomply {
namespace {

// Translated once per run: every blocking chain through task rows names its
// link, and a task cycle its tasks.
struct TaskLinkPhrases {
  Phrase via{Tr("task {0} -> task {1}")};
  Phrase task{Tr("task {0}")};
};

constexpr std::uint32_t kNoNode = UINT32_MAX;

struct RuleLink {
  NodeId from;
  NodeId to;
  std::int32_t lead_time_days;
};

// Task indices while the links are read; task nodes once numbered.
struct TaskLink {
  std::uint32_t from;
  std::uint32_t to;
};

// The CSR offsets are 32-bit: a graph with more links is refused rather
// than wrapped.
std::uint32_t Offset(std::size_t count) {
  if (count > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("dependency graph: more than 4,294,967,295 links");
  }
  return static_cast<std::uint32_t>(count);
}

class GraphBuilder {
 public:
  GraphBuilder(const DependencyGraph::Inputs& inputs, std::vector<DataIssue>& issues)
      : in_(inputs),
        issues_(issues),
        instance_count_(static_cast<NodeId>(inputs.instances.size())) {}

  // The rows between two open tasks, as task indices; unknown ids are
  // reported. A row of a completed task is left out: it neither waits nor
  // holds anything back.
  void ReadTaskLinks() {
    const TaskRecords& tasks = in_.tasks;
    task_links_.reserve(in_.dependency_rows.size());
    // The rows name tasks in no order, so each row's two `done` entries
    // would be cache misses: the rows kAhead further on are looked up (Find
    // is arithmetic for dense ids, a search otherwise: done once, kept in a
    // ring) and their entries fetched ahead.
    constexpr std::size_t kAhead = 16;
    std::array<std::pair<std::int64_t, std::int64_t>, kAhead> found{};
    const auto look_up = [&](std::size_t slot, const std::pair<std::int64_t, std::int64_t>& row) {
      found[slot] = {tasks.Find(row.first), tasks.Find(row.second)};
      for (const std::int64_t task : {found[slot].first, found[slot].second}) {
        if (task >= 0) __builtin_prefetch(&tasks.done[static_cast<std::size_t>(task)]);
      }
    };
    const TaskDependencyRows& rows = in_.dependency_rows;
    auto ahead = rows.begin();
    for (std::size_t k = 0; k < kAhead && ahead != rows.end(); ++k, ++ahead) look_up(k, *ahead);
    std::size_t slot = 0;
    for (const auto& [task_id, depends_on] : rows) {
      const auto [from, to] = found[slot];
      if (ahead != rows.end()) look_up(slot, *ahead++);
      slot = (slot + 1) % kAhead;
      if (from < 0 || to < 0) {
        const bool task_unknown = from < 0;
        const std::string row = std::to_string(task_id) + "->" + std::to_string(depends_on);
        issues_.push_back({kTaskDependencyTable, row, task_unknown ? "task_id" : "depends_on",
                           std::to_string(task_unknown ? task_id : depends_on),
                           Tr("unknown task (row ignored)"), ""});
        continue;
      }
      if (to >= from) tasks_descending_ = false;
      if (from == to) continue;  // Reported with the other cycles.
      if (tasks.done[static_cast<std::size_t>(from)] || tasks.done[static_cast<std::size_t>(to)]) {
        continue;
      }
      task_links_.push_back({static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to)});
    }
  }

  // Cycles among task rows, whatever their completion: each is reported,
  // and the links on it are dropped. A strong component may hold more than
  // one cycle: what is left of it is searched again until none is left.
  // When every row depends on a task with a lower index there is none, and
  // the rows need not be read again.
  void DropTaskCycles() {
    if (tasks_descending_) return;
    const TaskRecords& tasks = in_.tasks;
    std::vector<Edge> edges;
    ForEachDependency([&](std::int64_t task_id, std::int64_t depends_on) {
      const std::int64_t from = tasks.Find(task_id);
      const std::int64_t to = tasks.Find(depends_on);
      if (from >= 0 && to >= 0)
        edges.emplace_back(static_cast<NodeId>(from), static_cast<NodeId>(to));
    });
    std::vector<Edge> on_cycles;  // task index pairs, sorted
    for (bool first_round = true;; first_round = false) {
      // After the first round, numbered among the tasks the edges left
      // name, in task order: each round costs what is left, and cycles
      // still start at their smallest task.
      std::vector<NodeId> named;
      std::vector<Edge> local_edges;
      if (first_round) {
        named.resize(tasks.size());
        std::iota(named.begin(), named.end(), NodeId{0});
      } else {
        for (const Edge& edge : edges) {
          named.push_back(edge.first);
          named.push_back(edge.second);
        }
        std::sort(named.begin(), named.end());
        named.erase(std::unique(named.begin(), named.end()), named.end());
        const auto local = [&](NodeId task) {
          return static_cast<NodeId>(std::lower_bound(named.begin(), named.end(), task) -
                                     named.begin());
        };
        for (const Edge& edge : edges) {
          local_edges.emplace_back(local(edge.first), local(edge.second));
        }
      }
      const std::vector<Edge>& numbered = first_round ? edges : local_edges;
      const auto count = static_cast<NodeId>(named.size());
      const std::vector<NodeId> component = StrongComponents(count, numbered);
      const std::vector<std::vector<NodeId>> cycles = FindCycles(count, numbered, component);
      if (cycles.empty()) break;
      const std::size_t first_new = on_cycles.size();
      for (std::vector<NodeId> cycle : cycles) {
        for (NodeId& node : cycle) node = named[node];
        ReportCycle(cycle);
        for (std::size_t i = 0; i + 1 < cycle.size(); ++i)
          on_cycles.emplace_back(cycle[i], cycle[i + 1]);
      }
      cycle_count_ += cycles.size();
      std::sort(on_cycles.begin() + static_cast<std::ptrdiff_t>(first_new), on_cycles.end());
      std::inplace_merge(on_cycles.begin(),
                         on_cycles.begin() + static_cast<std::ptrdiff_t>(first_new),
                         on_cycles.end());
      // Only the rest of a component's edges can lie on another cycle.
      std::vector<Edge> rest;
      for (std::size_t i = 0; i < edges.size(); ++i) {
        const Edge& edge = numbered[i];
        if (component[edge.first] != component[edge.second]) continue;
        if (std::binary_search(on_cycles.begin(), on_cycles.end(), edges[i])) continue;
        rest.push_back(edges[i]);
      }
      edges = std::move(rest);
    }
    if (on_cycles.empty()) return;
    const std::size_t before = task_links_.size();
    task_links_.erase(std::remove_if(task_links_.begin(), task_links_.end(),
                                     [&](const TaskLink& link) {
                                       return std::binary_search(on_cycles.begin(), on_cycles.end(),
                                                                 Edge{link.from, link.to});
                                     }),
                      task_links_.end());
    dropped_link_count_ = before - task_links_.size();
  }

  // One node per open task a link names, in task order; the links then
  // name nodes.
  void NumberTaskNodes() {
    std::vector<std::uint32_t> node_of_task(in_.tasks.size(), kNoNode);
    std::size_t count = 0;
    for (const TaskLink& link : task_links_) {
      for (const std::uint32_t task : {link.from, link.to}) {
        if (node_of_task[task] == kNoNode) ++count;
        node_of_task[task] = 0;
      }
    }
    task_of_node_.reserve(count);
    instance_of_task_node_.reserve(count);
    for (std::size_t task = 0; task < node_of_task.size(); ++task) {
      if (node_of_task[task] == kNoNode) continue;
      node_of_task[task] = instance_count_ + static_cast<NodeId>(task_of_node_.size());
      task_of_node_.push_back(static_cast<std::uint32_t>(task));
      instance_of_task_node_.push_back(in_.tasks.instance[task]);
    }
    for (TaskLink& link : task_links_) link = {node_of_task[link.from], node_of_task[link.to]};
  }

  void AddRuleLinks() {
    std::map<std::string, int> rule_of_id;
    for (std::size_t i = 0; i < in_.rules.obligations.size(); ++i) {
      rule_of_id.emplace(in_.rules.obligations[i].id, static_cast<int>(i));
    }
    for (std::size_t r = 0; r < in_.rules.obligations.size(); ++r) {
      const Obligation& rule = in_.rules.obligations[r];
      for (const Dependency& dependency : rule.depends_on) {
        const auto upstream_rule = rule_of_id.find(dependency.obligation);
        if (upstream_rule == rule_of_id.end()) continue;  // Refused by validation.
        // Named agencies and kinds do not depend on who waits: resolve once.
        const bool same_agency = dependency.agencies.empty() && dependency.kinds.empty();
        std::vector<int> fixed_owners;
        if (!same_agency) {
          for (const std::string& id : DependencyOwners(dependency, "", in_.agencies.agencies())) {
            // An agency that has ceased: its successor's instance.
            const int agency = in_.agencies.FindRecordHolder(id);
            if (agency >= 0 &&
                std::find(fixed_owners.begin(), fixed_owners.end(), agency) == fixed_owners.end()) {
              fixed_owners.push_back(agency);
            }
          }
        }
        for (std::size_t a = 0; a < in_.agencies.size(); ++a) {
          const int instance = in_.instances.Find(static_cast<int>(r), static_cast<int>(a));
          if (instance < 0) continue;
          const std::vector<int> own = {static_cast<int>(a)};
          for (int owner : same_agency ? own : fixed_owners) {
            const int upstream = in_.instances.Find(upstream_rule->second, owner);
            if (upstream < 0 || upstream == instance) continue;
            rule_links_.push_back({static_cast<NodeId>(instance), static_cast<NodeId>(upstream),
                                   dependency.lead_time_days});
          }
        }
      }
    }
  }

  struct Parts {
    std::vector<std::uint32_t> task_of_node;
    std::vector<std::int32_t> instance_of_task_node;
    std::vector<std::uint32_t> offsets;
    std::vector<DependencyLink> links;
    std::vector<NodeId> order;
    bool tasks_wait_on_lower;
    std::size_t cycle_count;
    std::size_t dropped_link_count;
  };

  Parts Finish() {
    const NodeId node_count = instance_count_ + static_cast<NodeId>(task_of_node_.size());
    // One rule link per pair of instances, with the longest lead time when
    // two depends_on entries name the same one.
    std::sort(rule_links_.begin(), rule_links_.end(), [](const RuleLink& a, const RuleLink& b) {
      return std::tie(a.from, a.to, b.lead_time_days) < std::tie(b.from, b.to, a.lead_time_days);
    });
    rule_links_.erase(std::unique(rule_links_.begin(), rule_links_.end(),
                                  [](const RuleLink& a, const RuleLink& b) {
                                    return a.from == b.from && a.to == b.to;
                                  }),
                      rule_links_.end());
    std::vector<std::size_t> count(node_count + 1, 0);
    for (const RuleLink& link : rule_links_) ++count[link.from + 1];
    for (const std::int32_t instance : instance_of_task_node_) {
      if (instance >= 0) ++count[static_cast<std::size_t>(instance) + 1];
    }
    for (const TaskLink& link : task_links_) ++count[link.from + 1];
    for (std::size_t n = 1; n < count.size(); ++n) count[n] += count[n - 1];

    // Each node's links in place: an instance's rule links (sorted), then
    // its own tasks (ascending); a task's links, sorted below.
    Parts parts;
    parts.links.resize(count.back());
    std::vector<std::size_t> next(count.begin(), count.end() - 1);
    for (const RuleLink& link : rule_links_)
      parts.links[next[link.from]++] = {link.to, link.lead_time_days};
    std::vector<RuleLink>().swap(rule_links_);
    for (std::size_t k = 0; k < task_of_node_.size(); ++k) {
      const std::int32_t instance = instance_of_task_node_[k];
      if (instance < 0) continue;
      parts.links[next[static_cast<std::size_t>(instance)]++] = {
          instance_count_ + static_cast<NodeId>(k), 0};
    }
    for (const TaskLink& link : task_links_) parts.links[next[link.from]++] = {link.to, 0};
    std::vector<TaskLink>().swap(task_links_);
    std::vector<std::size_t>().swap(next);

    // Task rows sorted and without repeats (a row given twice), moved down
    // over the repeats.
    parts.offsets.resize(node_count + 1);
    std::size_t kept = 0;
    const auto by_node = [](const DependencyLink& a, const DependencyLink& b) {
      return a.to < b.to;
    };
    const auto same_node = [](const DependencyLink& a, const DependencyLink& b) {
      return a.to == b.to;
    };
    for (NodeId node = 0; node < node_count; ++node) {
      parts.offsets[node] = Offset(kept);
      auto first = parts.links.begin() + static_cast<std::ptrdiff_t>(count[node]);
      auto last = parts.links.begin() + static_cast<std::ptrdiff_t>(count[node + 1]);
      if (node >= instance_count_ && last - first > 1) {
        std::sort(first, last, by_node);
        last = std::unique(first, last, same_node);
      }
      const auto length = static_cast<std::size_t>(last - first);
      if (kept != count[node]) {
        std::move(first, last, parts.links.begin() + static_cast<std::ptrdiff_t>(kept));
      }
      kept += length;
    }
    parts.offsets[node_count] = Offset(kept);
    parts.links.resize(kept);
    parts.links.shrink_to_fit();
    std::vector<std::size_t>().swap(count);

    parts.order = Order(parts.offsets, parts.links);
    parts.task_of_node = std::move(task_of_node_);
    parts.instance_of_task_node = std::move(instance_of_task_node_);
    parts.tasks_wait_on_lower = tasks_descending_;
    parts.cycle_count = cycle_count_;
    parts.dropped_link_count = dropped_link_count_;
    return parts;
  }

 private:
  // Tasks first (they wait on tasks only), then instances (on instances
  // and on their own tasks). The task nodes left out are those no instance
  // waits on, directly or through other tasks.
  std::vector<NodeId> Order(const std::vector<std::uint32_t>& offsets,
                            const std::vector<DependencyLink>& links) const {
    const auto task_count = static_cast<NodeId>(task_of_node_.size());
    std::vector<std::uint8_t> reached(task_count, in_.order_all_nodes ? 1 : 0);
    if (!in_.order_all_nodes) {
      std::vector<NodeId> stack;
      for (NodeId k = 0; k < task_count; ++k) {
        if (instance_of_task_node_[k] < 0) continue;
        reached[k] = 1;
        stack.push_back(k);
      }
      while (!stack.empty()) {
        const NodeId node = instance_count_ + stack.back();
        stack.pop_back();
        for (std::uint32_t i = offsets[node]; i < offsets[node + 1]; ++i) {
          const NodeId upstream = links[i].to - instance_count_;
          if (!reached[upstream]) {
            reached[upstream] = 1;
            stack.push_back(upstream);
          }
        }
      }
    }
    std::vector<NodeId> order;
    order.reserve(task_count + instance_count_);
    if (tasks_descending_) {
      // Every link goes to a lower task, so to a lower node.
      for (NodeId k = 0; k < task_count; ++k) {
        if (reached[k]) order.push_back(instance_count_ + k);
      }
    } else {
      std::vector<Edge> edges;
      for (NodeId k = 0; k < task_count; ++k) {
        const NodeId node = instance_count_ + k;
        for (std::uint32_t i = offsets[node]; i < offsets[node + 1]; ++i) {
          edges.emplace_back(k, links[i].to - instance_count_);
        }
      }
      for (NodeId k : Acyclic(UpstreamFirstOrder(task_count, edges))) {
        if (reached[k]) order.push_back(instance_count_ + k);
      }
    }
    std::vector<Edge> rule_edges;
    for (NodeId node = 0; node < instance_count_; ++node) {
      for (std::uint32_t i = offsets[node]; i < offsets[node + 1] && links[i].to < instance_count_;
           ++i) {
        rule_edges.emplace_back(node, links[i].to);
      }
    }
    const std::vector<NodeId> instances = Acyclic(UpstreamFirstOrder(instance_count_, rule_edges));
    order.insert(order.end(), instances.begin(), instances.end());
    return order;
  }

  static std::vector<NodeId> Acyclic(std::optional<std::vector<NodeId>> order) {
    if (!order) throw std::logic_error("dependency graph: a cycle was left in");
    return std::move(*order);
  }

  void ReportCycle(const std::vector<NodeId>& cycle) {
    std::string path;
    const Phrase& named = Translated<TaskLinkPhrases>().task;
    for (NodeId task : cycle) {
      if (!path.empty()) path += " -> ";
      named.AppendTo(path, {TaskId(task)});
    }
    const std::string row = TaskId(cycle[cycle.size() - 2]) + "->" + TaskId(cycle.back());
    issues_.push_back({kTaskDependencyTable, row, "depends_on", TaskId(cycle.back()),
                       Format(Tr("dependency cycle: {0} (ignored for blocking)"), {path}),
                       AgencyOfTask(cycle[0])});
  }

  template <typename Visit>
  void ForEachDependency(Visit visit) const {
    for (const auto& [task_id, depends_on] : in_.dependency_rows) visit(task_id, depends_on);
  }

  std::string TaskId(NodeId task) const { return std::to_string(in_.tasks.ids[task]); }

  std::string AgencyOfTask(NodeId task) const {
    const std::int32_t agency = in_.tasks.agency[task];
    return agency >= 0 ? in_.agencies.at(agency).id : "";
  }

  const DependencyGraph::Inputs& in_;
  std::vector<DataIssue>& issues_;
  NodeId instance_count_;
  std::vector<TaskLink> task_links_;
  std::vector<RuleLink> rule_links_;
  std::vector<std::uint32_t> task_of_node_;
  std::vector<std::int32_t> instance_of_task_node_;
  bool tasks_descending_ = true;  // every task row depends on a lower task index
  std::size_t cycle_count_ = 0;
  std::size_t dropped_link_count_ = 0;
};

}  // namespace

DependencyGraph DependencyGraph::Build(const Inputs& inputs, std::vector<DataIssue>& issues) {
  DependencyGraph graph;
  GraphBuilder builder(inputs, issues);
  graph.tasks_ = &inputs.tasks;
  graph.instance_count_ = static_cast<NodeId>(inputs.instances.size());
  builder.ReadTaskLinks();
  builder.DropTaskCycles();
  TaskDependencyRows().swap(inputs.dependency_rows);
  builder.NumberTaskNodes();
  builder.AddRuleLinks();
  GraphBuilder::Parts parts = builder.Finish();
  graph.task_of_node_ = std::move(parts.task_of_node);
  graph.instance_of_task_node_ = std::move(parts.instance_of_task_node);
  graph.offsets_ = std::move(parts.offsets);
  graph.links_ = std::move(parts.links);
  graph.order_ = std::move(parts.order);
  graph.tasks_wait_on_lower_ = parts.tasks_wait_on_lower;
  graph.cycle_count_ = parts.cycle_count;
  graph.dropped_link_count_ = parts.dropped_link_count;
  return graph;
}

void DependencyGraph::IndexDownstream() {
  // The links grouped by upstream node; nodes are visited in ascending
  // order, so each group's waiting nodes ascend.
  const NodeId count = node_count();
  downstream_offsets_.assign(count + 1, 0);
  for (const DependencyLink& link : links_) ++downstream_offsets_[link.to + 1];
  for (NodeId node = 1; node <= count; ++node) {
    downstream_offsets_[node] += downstream_offsets_[node - 1];
  }
  downstream_.resize(links_.size());
  std::vector<std::uint32_t> next(downstream_offsets_.begin(), downstream_offsets_.end() - 1);
  for (NodeId node = 0; node < count; ++node) {
    for (const DependencyLink* link = UpstreamBegin(node); link != UpstreamEnd(node); ++link) {
      downstream_[next[link->to]++] = node;
    }
  }
}

std::string DependencyGraph::ViaTasks(NodeId from, NodeId to) const {
  return ViaTasks(TaskId(from), std::to_string(TaskId(to)));
}

std::string DependencyGraph::ViaTasks(std::int64_t from_id, std::string_view to_id) {
  return Translated<TaskLinkPhrases>().via({std::to_string(from_id), to_id});
}

}  // namespace dxcomply
