// The graph of what waits for what, as of T: obligation instances and the
// open tasks that wait on each other.
//
// Nodes are obligation instances (obligation x agency [x period]), then one
// node per open task (not completed on T) that a task_dependency row links
// to another open task. Links point upstream, from the waiting node to what
// it waits for, and are of three kinds:
//
//   - rule links, instance -> instance: every depends_on of a rule, for
//     every instance of it (with the dependency's lead_time);
//   - own-task links, instance -> task: an instance waits on each of its
//     open tasks that has a node (it is done when they are);
//   - task links, task -> task: every task_dependency row between two open
//     tasks. A completed task waits for nothing and holds nothing back, so a
//     chain of waiting stops at it.
//
// A task never waits on an instance: it does not inherit its obligation's
// depends_on (a rule holds the instance as a whole back; where a task waits
// on another, a task_dependency row says so). So the graph has a cycle only
// where task_dependency rows form one: each such cycle, among all rows,
// completed or not, is a data issue naming its tasks, and only the links on
// it are dropped. Rule cycles never reach here: validation refuses them.
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

// 8 bytes: there are millions. The kind of a link follows from its two ends
// (DependencyGraph::IsInstance of each).
struct DependencyLink {
  NodeId to = 0;                    // the upstream node
  std::int32_t lead_time_days = 0;  // rule links: the dependency's lead_time
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
    // read: the instances and the nodes upstream of them.
    bool order_all_nodes = false;
  };

  // Builds the graph. Unknown task ids and task cycles go to `issues`.
  static DependencyGraph Build(const Inputs& inputs, std::vector<DataIssue>& issues);

  NodeId node_count() const { return static_cast<NodeId>(offsets_.size() - 1); }
  bool IsInstance(NodeId node) const { return node < instance_count_; }
  // Instances are nodes [0, instance_count()), task nodes the rest.
  NodeId instance_count() const { return instance_count_; }
  // The TaskRecords index of a task node.
  std::size_t TaskOf(NodeId node) const { return task_of_node_[node - instance_count_]; }
  // The instance a task node's task serves, or -1 for a task of no
  // instance (a "free" task).
  std::int32_t InstanceOfTask(NodeId node) const {
    return instance_of_task_node_[node - instance_count_];
  }
  // The task row's id of a task node.
  std::int64_t TaskId(NodeId node) const { return tasks_->ids[TaskOf(node)]; }
  // "task 812 -> task 77" for the task link from task node `from` to `to`.
  std::string ViaTasks(NodeId from, NodeId to) const;
  // The same for task ids, in the run's language.
  static std::string ViaTasks(std::int64_t from_id, std::string_view to_id);

  // The instances and every node upstream of one (every node with
  // Inputs::order_all_nodes), each after all the nodes it depends on: the
  // task nodes first, then the instances. The nodes left out are tasks of
  // no instance that nothing in the findings waits on: their slack and
  // blocking would be read by no one.
  const std::vector<NodeId>& upstream_first() const { return order_; }

  // A node's links, by ascending upstream node: for an instance its rule
  // links, then its own-task links.
  const DependencyLink* UpstreamBegin(NodeId node) const { return links_.data() + offsets_[node]; }
  const DependencyLink* UpstreamEnd(NodeId node) const {
    return links_.data() + offsets_[node + 1];
  }
  std::size_t link_count() const { return links_.size(); }

  // Whether every task link goes to a lower task node (task rows each
  // depending on a lower task index), so that descending task nodes are
  // downstream first.
  bool tasks_wait_on_lower() const { return tasks_wait_on_lower_; }

  // What Build found and left out, for the stage log.
  std::size_t cycle_count() const { return cycle_count_; }
  std::size_t dropped_link_count() const { return dropped_link_count_; }

  // Indexes the nodes waiting on each node (the reverse of the links), each
  // node's in ascending order. Apart from Build, so that it can run beside
  // the schedule and blocking, which do not read it; before Downstream*.
  // A task's instance is among the nodes waiting on it.
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
  std::vector<std::uint32_t> task_of_node_;  // node - instance_count_ -> task index, ascending
  std::vector<std::int32_t> instance_of_task_node_;  // node - instance_count_ -> its instance
  std::vector<std::uint32_t> offsets_;  // CSR: links of node n are [offsets_[n], offsets_[n+1])
  std::vector<DependencyLink> links_;
  std::vector<std::uint32_t> downstream_offsets_;  // CSR of the reversed links
  std::vector<NodeId> downstream_;
  std::vector<NodeId> order_;
  bool tasks_wait_on_lower_ = false;
  std::size_t cycle_count_ = 0;
  std::size_t dropped_link_count_ = 0;
};

}  // namespace dxcomply
