#include "graph/dependency_graph.hpp"

#include "base/grouping.hpp"
#include "base/run_beside.hpp"
#include "eval/dependency_owners.hpp"
#include "rules/rule_vocabulary.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <tuple>

namespace dxcomply {
namespace {

struct PendingLink {
  NodeId from;
  DependencyLink link;
};

// Per task, what the graph builder needs in one place: kDoneTask, a node
// (the task's instance, or its free-task node once made), or kNoNodeYet.
constexpr std::int32_t kDoneTask = -2;
constexpr std::int32_t kNoNodeYet = -1;

class GraphBuilder {
 public:
  GraphBuilder(const DependencyGraph::Inputs& inputs, std::vector<DataIssue>& issues)
      : in_(inputs),
        issues_(issues),
        instance_count_(static_cast<NodeId>(inputs.instances.size())),
        node_of_task_(inputs.tasks.size()) {
    for (std::size_t task = 0; task < node_of_task_.size(); ++task) {
      node_of_task_[task] = inputs.tasks.done[task] ? kDoneTask : inputs.tasks.instance[task];
    }
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
            const int agency = in_.agencies.Find(id);
            if (agency >= 0) fixed_owners.push_back(agency);
          }
        }
        for (std::size_t a = 0; a < in_.agencies.size(); ++a) {
          const int instance = in_.instances.Find(static_cast<int>(r), static_cast<int>(a));
          if (instance < 0) continue;
          const std::vector<int> own = {static_cast<int>(a)};
          for (int owner : same_agency ? own : fixed_owners) {
            const int upstream = in_.instances.Find(upstream_rule->second, owner);
            if (upstream < 0 || upstream == instance) continue;
            DependencyLink link;
            link.to = static_cast<NodeId>(upstream);
            link.lead_time_days = dependency.lead_time_days;
            pending_.push_back({static_cast<NodeId>(instance), link});
          }
        }
      }
    }
  }

  void AddTaskLinks() {
    const TaskRecords& tasks = in_.tasks;
    pending_.reserve(pending_.size() + in_.dependency_rows.size());
    // The rows name tasks in no order, so each row's two node_of_task_
    // entries would be cache misses: the rows kAhead further on are looked
    // up (Find is arithmetic for dense ids, a search otherwise: done once,
    // kept in a ring) and their entries fetched ahead.
    constexpr std::size_t kAhead = 16;
    std::array<std::pair<std::int64_t, std::int64_t>, kAhead> found{};
    const auto look_up = [&](std::size_t slot, const std::pair<std::int64_t, std::int64_t>& row) {
      found[slot] = {tasks.Find(row.first), tasks.Find(row.second)};
      for (const std::int64_t task : {found[slot].first, found[slot].second}) {
        if (task >= 0) __builtin_prefetch(&node_of_task_[static_cast<std::size_t>(task)]);
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
                           "unknown task (row ignored)", ""});
        continue;
      }
      if (to >= from) tasks_descending_ = false;
      if (from == to) continue;  // Reported with the other cycles.
      if (node_of_task_[static_cast<std::size_t>(from)] == kDoneTask ||
          node_of_task_[static_cast<std::size_t>(to)] == kDoneTask) {
        continue;
      }
      const NodeId from_node = NodeOfTask(static_cast<std::size_t>(from));
      const NodeId to_node = NodeOfTask(static_cast<std::size_t>(to));
      if (from_node == to_node) continue;
      DependencyLink link;
      link.to = to_node;
      link.from_task = static_cast<std::uint32_t>(from);
      link.to_task = static_cast<std::uint32_t>(to);
      pending_.push_back({from_node, link});
    }
  }

  // Cycles among task rows, whatever their completion: each is reported,
  // and links whose rows lie on one are dropped. When every row depends on
  // a task with a lower id there is none, and the rows need not be kept:
  // only otherwise are they read again, as edges.
  void DropTaskCycles() {
    if (tasks_descending_) return;
    const TaskRecords& tasks = in_.tasks;
    std::vector<Edge> task_edges;
    ForEachDependency([&](std::int64_t task_id, std::int64_t depends_on) {
      const std::int64_t from = tasks.Find(task_id);
      const std::int64_t to = tasks.Find(depends_on);
      if (from >= 0 && to >= 0) {
        task_edges.push_back({static_cast<NodeId>(from), static_cast<NodeId>(to)});
      }
    });
    // One pass finds the cycles and the components whose links go.
    const NodeId count = static_cast<NodeId>(tasks.size());
    const std::vector<NodeId> component = StrongComponents(count, task_edges);
    const std::vector<std::vector<NodeId>> cycles = FindCycles(count, task_edges, component);
    if (cycles.empty()) return;
    for (const std::vector<NodeId>& cycle : cycles) {
      // A long cycle is named by its first and last links and its length,
      // not by a line of megabytes.
      constexpr std::size_t kShownAtEachEnd = 5;
      std::string path;
      const bool long_cycle = cycle.size() > 2 * kShownAtEachEnd + 2;
      for (std::size_t i = 0; i < cycle.size(); ++i) {
        if (long_cycle && i == kShownAtEachEnd) path += " -> …";
        if (long_cycle && i >= kShownAtEachEnd && i + kShownAtEachEnd < cycle.size()) continue;
        path += (path.empty() ? "task " : " -> task ") + TaskId(cycle[i]);
      }
      const std::string length =
          long_cycle ? " of " + std::to_string(cycle.size() - 1) + " tasks" : "";
      const std::string row = TaskId(cycle[cycle.size() - 2]) + "->" + TaskId(cycle.back());
      issues_.push_back({kTaskDependencyTable, row, "depends_on", TaskId(cycle.back()),
                         "dependency cycle" + length + ": " + path + " (ignored for blocking)",
                         AgencyOfTask(cycle[0])});
    }
    pending_.erase(std::remove_if(pending_.begin(), pending_.end(),
                                  [&](const PendingLink& p) {
                                    return p.link.from_tasks() &&
                                           component[p.link.from_task] == component[p.link.to_task];
                                  }),
                   pending_.end());
  }

  struct Parts {
    NodeId instance_count;
    std::vector<std::uint32_t> free_tasks;
    std::vector<std::size_t> offsets;
    std::vector<DependencyLink> links;
    std::vector<NodeId> order;
  };

  Parts Finish() {
    // One link per (from, to); a rule link wins over task links, then the
    // lowest task row, so the output does not depend on scan order. Task
    // indices ascend with task ids.
    // Grouped by `from` with a counting sort, then each node's few links
    // sorted: the same order as one sort of all of them, for less.
    const NodeId node_count = instance_count_ + static_cast<NodeId>(free_tasks_.size());
    {
      const auto from = [](const PendingLink& p) { return p.from; };
      const std::vector<std::size_t> start = GroupStarts(pending_, node_count, from);
      std::vector<PendingLink> grouped =
          Grouped<PendingLink>(pending_, start, from, [](const PendingLink& p) { return p; });
      std::vector<PendingLink>().swap(pending_);
      for (NodeId node = 0; node < node_count; ++node) {
        if (start[node + 1] - start[node] < 2) continue;
        std::sort(grouped.begin() + static_cast<std::ptrdiff_t>(start[node]),
                  grouped.begin() + static_cast<std::ptrdiff_t>(start[node + 1]),
                  [](const PendingLink& a, const PendingLink& b) {
                    const bool a_tasks = a.link.from_tasks();
                    const bool b_tasks = b.link.from_tasks();
                    return std::tie(a.link.to, a_tasks, a.link.from_task, a.link.to_task) <
                           std::tie(b.link.to, b_tasks, b.link.from_task, b.link.to_task);
                  });
      }
      pending_ = std::move(grouped);
    }
    pending_.erase(std::unique(pending_.begin(), pending_.end(),
                               [](const PendingLink& a, const PendingLink& b) {
                                 return a.from == b.from && a.link.to == b.link.to;
                               }),
                   pending_.end());
    // The order covers the nodes findings read (all of them for the graph's
    // own view), numbered among themselves in ascending order: Boost's
    // search starts from nodes in index order, so the order is the one the
    // whole graph would give, less the nodes left out.
    const auto from = [](const PendingLink& p) { return p.from; };
    std::vector<std::size_t> start = GroupStarts(pending_, node_count, from);
    const std::vector<bool> ordered = in_.order_all_nodes ? std::vector<bool>(node_count, true)
                                                          : InstancesAndUpstream(node_count, start);
    std::vector<NodeId> ordered_nodes;
    std::vector<NodeId> local(node_count, kNotOrdered);
    for (NodeId node = 0; node < node_count; ++node) {
      if (!ordered[node]) continue;
      local[node] = static_cast<NodeId>(ordered_nodes.size());
      ordered_nodes.push_back(node);
    }
    const auto ordered_count = static_cast<NodeId>(ordered_nodes.size());
    // One pass finds the order, or the circular waits to drop first.
    std::vector<NodeId> order;
    std::vector<Edge> edges = OrderedEdges(local);
    ComponentsAndOrder first_pass = StrongComponentsAndOrder(ordered_count, edges);
    if (first_pass.order) {
      order = std::move(*first_pass.order);
    } else {
      // The cycles' texts are written beside the rest, which no longer
      // needs them: dropping their links and ordering what is left.
      const std::vector<CircularWait> waits =
          FindCircularWaits(ordered_nodes, edges, first_pass.component, start);
      std::vector<DataIssue> wait_issues;
      RunBeside([&] { wait_issues = DescribeCircularWaits(waits); },
                [&] {
                  DropLinksWithin(local, first_pass.component);
                  std::vector<Edge>().swap(edges);
                  start = GroupStarts(pending_, node_count, from);  // links went
                  order =
                      UpstreamFirstOrder(ordered_count, OrderedEdges(local)).value();  // none left
                });
      issues_.insert(issues_.end(), std::make_move_iterator(wait_issues.begin()),
                     std::make_move_iterator(wait_issues.end()));
    }
    for (NodeId& node : order) node = ordered_nodes[node];

    Parts parts;
    parts.instance_count = instance_count_;
    parts.free_tasks = std::move(free_tasks_);
    parts.order = std::move(order);
    parts.offsets = std::move(start);
    parts.links.reserve(pending_.size());
    for (const PendingLink& p : pending_) parts.links.push_back(p.link);
    return parts;
  }

 private:
  static constexpr NodeId kNotOrdered = UINT32_MAX;

  // The instances and every node upstream of one: all that the statuses,
  // slack and blocking of findings read. The other nodes are free tasks
  // that wait on something but that nothing reported waits on; impact still
  // counts them, through the downstream links, which keep every node.
  // `start`: where each node's links begin in pending_, grouped by `from`.
  std::vector<bool> InstancesAndUpstream(NodeId node_count,
                                         const std::vector<std::size_t>& start) const {
    std::vector<bool> reached(node_count, false);
    std::vector<NodeId> stack;
    for (NodeId node = 0; node < instance_count_; ++node) {
      reached[node] = true;
      stack.push_back(node);
    }
    while (!stack.empty()) {
      const NodeId node = stack.back();
      stack.pop_back();
      for (std::size_t i = start[node]; i < start[node + 1]; ++i) {
        const NodeId upstream = pending_[i].link.to;
        if (!reached[upstream]) {
          reached[upstream] = true;
          stack.push_back(upstream);
        }
      }
    }
    return reached;
  }

  // The links between ordered nodes, in their local numbers. (A node
  // upstream of an ordered node is ordered.)
  std::vector<Edge> OrderedEdges(const std::vector<NodeId>& local) const {
    std::vector<Edge> edges;
    edges.reserve(pending_.size());
    for (const PendingLink& p : pending_) {
      if (local[p.from] != kNotOrdered) edges.emplace_back(local[p.from], local[p.link.to]);
    }
    return edges;
  }

  // Instances waiting on each other through links that form no task-level
  // cycle: reported once per cycle, and the links inside it dropped. Every
  // node of such a cycle is upstream of an instance, so among the ordered.
  struct CircularWait {
    struct Step {
      bool via_tasks = false;  // the link cycle[i] -> cycle[i + 1] comes from task rows
      std::uint32_t from_task = 0;
      std::uint32_t to_task = 0;
    };
    std::vector<NodeId> cycle;  // nodes, the first again at the end
    std::vector<Step> steps;    // by cycle[i]
  };

  // `edges`: OrderedEdges(local), and `component` their strong components;
  // `start`: where each node's links begin in pending_, grouped by `from`.
  std::vector<CircularWait> FindCircularWaits(const std::vector<NodeId>& ordered_nodes,
                                              const std::vector<Edge>& edges,
                                              const std::vector<NodeId>& component,
                                              const std::vector<std::size_t>& start) const {
    const auto count = static_cast<NodeId>(ordered_nodes.size());
    std::vector<CircularWait> waits;
    for (std::vector<NodeId> cycle : FindCycles(count, edges, component)) {
      for (NodeId& node : cycle) node = ordered_nodes[node];
      CircularWait wait;
      for (std::size_t i = 0; i + 1 < cycle.size(); ++i) {
        const PendingLink* link = FindPending(start, cycle[i], cycle[i + 1]);
        CircularWait::Step step;
        if (link != nullptr && link->link.from_tasks()) {
          step = {true, link->link.from_task, link->link.to_task};
        }
        wait.steps.push_back(step);
      }
      wait.cycle = std::move(cycle);
      waits.push_back(std::move(wait));
    }
    return waits;
  }

  // Reads no link (`waits` holds what it needs of them), so that it can run
  // while DropLinksWithin changes pending_.
  std::vector<DataIssue> DescribeCircularWaits(const std::vector<CircularWait>& waits) const {
    std::vector<DataIssue> issues;
    for (const CircularWait& wait : waits) {
      const std::vector<NodeId>& cycle = wait.cycle;
      std::string path;
      std::string row;
      for (std::size_t i = 0; i + 1 < cycle.size(); ++i) {
        path += NodeName(cycle[i]) + " -> ";
        const CircularWait::Step& step = wait.steps[i];
        if (step.via_tasks) {
          const std::string via = TaskId(step.from_task) + "->" + TaskId(step.to_task);
          path += "(task " + via + ") ";
          if (row.empty()) row = via;
        }
      }
      path += NodeName(cycle.back());
      issues.push_back({kTaskDependencyTable, row, "depends_on", "",
                        "circular wait between obligations: " + path + " (ignored for blocking)",
                        ""});
    }
    return issues;
  }

  // Drops the links inside the strong components of the ordered nodes.
  void DropLinksWithin(const std::vector<NodeId>& local, const std::vector<NodeId>& component) {
    pending_.erase(std::remove_if(pending_.begin(), pending_.end(),
                                  [&](const PendingLink& p) {
                                    return local[p.from] != kNotOrdered &&
                                           component[local[p.from]] == component[local[p.link.to]];
                                  }),
                   pending_.end());
  }

  // The link from `from` to `to`, among from's few; `start` as GroupStarts of
  // pending_ by `from` gives it.
  const PendingLink* FindPending(const std::vector<std::size_t>& start, NodeId from,
                                 NodeId to) const {
    for (std::size_t i = start[from]; i < start[from + 1]; ++i) {
      if (pending_[i].link.to == to) return &pending_[i];
    }
    return nullptr;
  }

  template <typename Visit>
  void ForEachDependency(Visit visit) const {
    for (const auto& [task_id, depends_on] : in_.dependency_rows) visit(task_id, depends_on);
  }

  // The node of a task not completed: its instance, or its own free node.
  NodeId NodeOfTask(std::size_t task) {
    std::int32_t& node = node_of_task_[task];
    if (node == kNoNodeYet) {
      node = static_cast<std::int32_t>(instance_count_ + free_tasks_.size());
      free_tasks_.push_back(static_cast<std::uint32_t>(task));
    }
    return static_cast<NodeId>(node);
  }

  std::string TaskId(NodeId task) const { return std::to_string(in_.tasks.ids[task]); }

  std::string AgencyOfTask(NodeId task) const {
    const std::int32_t agency = in_.tasks.agency[task];
    return agency >= 0 ? in_.agencies.at(agency).id : "";
  }

  std::string NodeName(NodeId node) const {
    if (node < instance_count_) {
      const Instance& instance = in_.instances.at(static_cast<int>(node));
      return in_.agencies.at(instance.agency).id + " · " +
             in_.rules.obligations[static_cast<std::size_t>(instance.rule)].id;
    }
    return "task " + TaskId(static_cast<NodeId>(free_tasks_[node - instance_count_]));
  }

  const DependencyGraph::Inputs& in_;
  std::vector<DataIssue>& issues_;
  NodeId instance_count_;
  std::vector<std::int32_t> node_of_task_;
  std::vector<std::uint32_t> free_tasks_;
  std::vector<PendingLink> pending_;
  bool tasks_descending_ = true;  // every task row depends on a lower task index
};

}  // namespace

DependencyGraph DependencyGraph::Build(const Inputs& inputs, std::vector<DataIssue>& issues) {
  DependencyGraph graph;
  GraphBuilder builder(inputs, issues);
  graph.tasks_ = &inputs.tasks;
  builder.AddRuleLinks();
  builder.AddTaskLinks();
  builder.DropTaskCycles();
  TaskDependencyRows().swap(inputs.dependency_rows);
  GraphBuilder::Parts parts = builder.Finish();
  graph.instance_count_ = parts.instance_count;
  graph.free_tasks_ = std::move(parts.free_tasks);
  graph.offsets_ = std::move(parts.offsets);
  graph.links_ = std::move(parts.links);
  graph.order_ = std::move(parts.order);
  return graph;
}

void DependencyGraph::IndexDownstream() {
  // The links grouped by upstream node; nodes are visited in ascending
  // order, so each group's waiting nodes ascend.
  const NodeId count = node_count();
  downstream_offsets_ =
      GroupStarts(links_, count, [](const DependencyLink& link) { return link.to; });
  downstream_.resize(links_.size());
  std::vector<std::size_t> next(downstream_offsets_.begin(), downstream_offsets_.end() - 1);
  for (NodeId node = 0; node < count; ++node) {
    for (const DependencyLink* link = UpstreamBegin(node); link != UpstreamEnd(node); ++link) {
      downstream_[next[link->to]++] = node;
    }
  }
}

std::string DependencyGraph::ViaTasks(const DependencyLink& link) const {
  std::string text = "task ";
  text += std::to_string(tasks_->ids[link.from_task]);
  text += " -> task ";
  text += std::to_string(tasks_->ids[link.to_task]);
  return text;
}

}  // namespace dxcomply
