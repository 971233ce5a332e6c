// How findings name other instances and explain blocking, in one voice:
//   "blocked by Bộ Công an · dvc-software-fixed (overdue 40 days)"
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"

#include "eval/task_records.hpp"
#include "graph/dependency_graph.hpp"
#include "records/agency_directory.hpp"
#include "store/record_store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

class FindingText {
 public:
  // `findings` is indexed by instance and must hold final statuses before
  // tasks are looked up.
  FindingText(RecordStore& store, const RuleSet& rules, const AgencyDirectory& agencies,
              const TaskRecords& tasks, const DependencyGraph& graph,
              const std::vector<Finding>& findings);

  // The node as named in chains: an instance, or a task with its title and
  // its instance's figures. Task nodes must have been looked up
  // (LookUpTasks); then it only reads, and threads may share it.
  InstanceRef Ref(NodeId node) const;
  // Looks up the task nodes among `nodes` not looked up yet, a few hundred
  // per query, so that Ref finds them ready. Instances are skipped.
  void LookUpTasks(const std::vector<NodeId>& nodes);

 private:
  std::string TaskQuery(std::size_t count) const;  // `count` ids bound

  RecordStore& store_;
  const AgencyDirectory& agencies_;
  const TaskRecords& tasks_;
  const DependencyGraph& graph_;
  const std::vector<Finding>& findings_;
  // The task nodes looked up so far (those the chains name), made whole
  // when looked up, in task order (a task of an instance with its final
  // status), and where each task node's is (kNotLookedUp before it is), by
  // node - instance_count(): Ref is then one look-up and a copy per chain
  // element, a quarter of a million of them in a large run.
  static constexpr std::uint32_t kNotLookedUp = UINT32_MAX;
  std::vector<InstanceRef> task_refs_;
  std::vector<std::uint32_t> ref_of_task_node_;
  std::string task_query_head_;           // "SELECT id, ... WHERE id IN ("
  std::optional<Statement> task_query_;   // one task
  std::optional<Statement> batch_query_;  // kLookUpBatch tasks
};

// How a finding names its instance in chains and in explain's upstream.
InstanceRef RefOf(const Finding& finding);

// "Bộ Công an · dvc-software-fixed (overdue 40 days)"; a task of it reads
// "task 77 'Nâng cấp phần mềm' of Bộ Công an · dvc-software-fixed (overdue
// 40 days)", a task of no instance "task 812 'Chuẩn bị' of Bộ Công an (not
// completed)".
std::string DescribeRef(const InstanceRef& ref);

// Where an inherited duty comes from: "Bình Thuận (BINH-THUAN) từ
// 01/07/2025, Đắk Nông (DAK-NONG) từ 01/07/2025"; "" for an own duty.
std::string OriginsText(const std::vector<DutyOrigin>& origins);

// "blocked by <root of the worst chain> via <links between>", plus
// " and N more" when several upstream instances hold it back.
std::string DescribeBlockers(const std::vector<BlockerChain>& blockers);

}  // namespace dxcomply
