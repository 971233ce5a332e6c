// The graph of what waits for what, as of T.
//
// Nodes are obligation instances (obligation x agency) and "free" tasks:
// task rows whose obligation has no rule instance for their agency. A task
// whose obligation has an instance for its agency is that instance in the
// graph. Links point upstream, from the waiting node to what it waits for:
//
//   - every depends_on of a rule, for every instance of it;
//   - every task_dependency row between two tasks not yet completed on T
//     (a completed task waits for nothing and holds nothing back), unless
//     both tasks are the same instance.
//
// Cycles in task_dependency rows are data-quality findings naming the task
// ids; their links are left out so that blocking can still be computed for
// everything else. Instances that wait on each other through tasks without a
// task-level cycle ("circular waits") are reported and left out the same way.
// Rule cycles never reach here: validation refuses them.
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"

#include "eval/instance_table.hpp"
#include "eval/task_records.hpp"
#include "graph/graph_algorithms.hpp"
#include "records/agency_directory.hpp"
#include "records/task_dependency_reader.hpp"

#include <cassert>
#include <cstdint>
#include <string>
#include <vector>

namespace dxcomply {

inline constexpr std::uint32_t kNoTask = UINT32_MAX;

// 16 bytes: there are millions. Task-record links name their row by
// TaskRecords indices; DependencyGraph::TaskId gives the ids.
struct DependencyLink {
  NodeId to = 0;                      // the upstream node
  std::uint32_t from_task = kNoTask;  // task-record links: the row "from_task depends on
  std::uint32_t to_task = kNoTask;    // to_task" (kNoTask for links from rules)
  std::int32_t lead_time_days = 0;    // rule links: the dependency's lead_time

  bool from_tasks() const { return from_task != kNoTask; }
};

class DependencyGraph {
 public:
  struct Inputs {
    const RuleSet& rules;
    const InstanceTable& instances;
    const AgencyDirectory& agencies;
    const TaskRecords& tasks;
    // The task_dependency rows (read with the record scans, their unreadable
    // rows already reported); Build empties it once used.
    TaskDependencyRows& dependency_rows;
    // Whether upstream_first() lists every node, or only what findings
    // read: the instances and the nodes upstream of them (in a large
    // country, a tenth of the free tasks).
    bool order_all_nodes = false;
  };

  // Builds the graph. Unknown task ids, self dependencies, cycles and
  // circular waits go to `issues`.
  static DependencyGraph Build(const Inputs& inputs, std::vector<DataIssue>& issues);

  NodeId node_count() const { return static_cast<NodeId>(offsets_.size() - 1); }
  bool IsInstance(NodeId node) const { return node < instance_count_; }
  // Instances are nodes [0, instance_count()), free tasks the rest.
  NodeId instance_count() const { return instance_count_; }
  // The TaskRecords index of a free-task node.
  std::size_t TaskOf(NodeId node) const { return free_tasks_[node - instance_count_]; }
  // "task 812 -> task 77" for a link from task records.
  std::string ViaTasks(const DependencyLink& link) const;

  // The instances and every node upstream of one (every node with
  // Inputs::order_all_nodes), each after all the nodes it depends on. The
  // nodes left out are free tasks nothing in the findings waits on: their
  // slack and blocking would be read by no one.
  const std::vector<NodeId>& upstream_first() const { return order_; }

  const DependencyLink* UpstreamBegin(NodeId node) const { return links_.data() + offsets_[node]; }
  const DependencyLink* UpstreamEnd(NodeId node) const {
    return links_.data() + offsets_[node + 1];
  }
  std::size_t link_count() const { return links_.size(); }

  // Indexes the nodes waiting on each node (the reverse of the links), each
  // node's in ascending order. Apart from Build, so that it can run beside
  // the schedule and blocking, which do not read it; before Downstream*.
  void IndexDownstream();
  // The nodes waiting on `node`, for impact.
  const NodeId* DownstreamBegin(NodeId node) const {
    assert(!downstream_offsets_.empty());
    return downstream_.data() + downstream_offsets_[node];
  }
  const NodeId* DownstreamEnd(NodeId node) const {
    return downstream_.data() + downstream_offsets_[node + 1];
  }

 private:
  const TaskRecords* tasks_ = nullptr;
  NodeId instance_count_ = 0;
  std::vector<std::uint32_t> free_tasks_;  // node - instance_count_ -> task index
  std::vector<std::size_t> offsets_;       // CSR: links of node n are [offsets_[n], offsets_[n+1])
  std::vector<DependencyLink> links_;
  std::vector<std::size_t> downstream_offsets_;  // CSR of the reversed links
  std::vector<NodeId> downstream_;
  std::vector<NodeId> order_;
};

}  // namespace dxcomply
