// How findings name other instances and explain blocking, in one voice:
//   "blocked by Bộ Công an · dvc-software-fixed (overdue 40 days)"
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"

#include "eval/task_records.hpp"
#include "graph/dependency_graph.hpp"
#include "records/agency_directory.hpp"
#include "store/record_store.hpp"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace dxcomply {

class FindingText {
 public:
  // `findings` is indexed by instance and must hold final statuses.
  FindingText(RecordStore& store, const RuleSet& rules, const AgencyDirectory& agencies,
              const TaskRecords& tasks, const DependencyGraph& graph,
              const std::vector<Finding>& findings);

  // The node as named in chains. Free tasks must have been looked up
  // (LookUpFreeTasks); then it only reads, and threads may share it.
  InstanceRef Ref(NodeId node) const;
  // Looks up the free tasks among `nodes` not looked up yet, a few hundred
  // per query, so that Ref finds them ready. Instances are skipped.
  void LookUpFreeTasks(const std::vector<NodeId>& nodes);
  std::string ViaTasks(const DependencyLink& link) const { return graph_.ViaTasks(link); }

 private:
  std::string TaskQuery(std::size_t count) const;  // `count` ids bound

  RecordStore& store_;
  const AgencyDirectory& agencies_;
  const TaskRecords& tasks_;
  const DependencyGraph& graph_;
  const std::vector<Finding>& findings_;
  // The free tasks looked up so far (a small share of the free tasks).
  std::unordered_map<NodeId, InstanceRef> free_tasks_;
  std::string task_query_head_;           // "SELECT id, ... WHERE id IN ("
  std::optional<Statement> task_query_;   // one task
  std::optional<Statement> batch_query_;  // kLookUpBatch tasks
};

// How a finding names its instance in chains and in explain's upstream.
InstanceRef RefOf(const Finding& finding);

// "Bộ Công an · dvc-software-fixed (overdue 40 days)"; a free task reads
// "task 812 'Nâng cấp phần mềm' of Bộ Công an (not completed)".
std::string DescribeRef(const InstanceRef& ref);

// Where an inherited duty comes from: "Bình Thuận (BINH-THUAN) từ
// 01/07/2025, Đắk Nông (DAK-NONG) từ 01/07/2025"; "" for an own duty.
std::string OriginsText(const std::vector<DutyOrigin>& origins);

// "blocked by <root of the worst chain> via <links between>", plus
// " and N more" when several upstream instances hold it back.
std::string DescribeBlockers(const std::vector<BlockerChain>& blockers);

}  // namespace dxcomply
