#include "engine/finding_text.hpp"

#include "store/record_store.hpp"

namespace dxcomply {

FindingText::FindingText(RecordStore& store, const RuleSet& /*rules*/,
                         const InstanceTable& /*instances*/, const AgencyDirectory& agencies,
                         const TaskRecords& tasks, const DependencyGraph& graph,
                         const std::vector<Finding>& findings)
    : store_(store), agencies_(agencies), tasks_(tasks), graph_(graph), findings_(findings) {}

InstanceRef FindingText::Ref(NodeId node) {
  if (graph_.IsInstance(node)) {
    const Finding& finding = findings_[node];
    InstanceRef ref;
    ref.obligation_id = finding.obligation->id;
    ref.agency_id = finding.agency->id;
    ref.agency_name = finding.agency->name;
    ref.period = finding.period;
    ref.status = finding.status;
    ref.days = finding.status == Status::kOverdue ? finding.days_overdue : finding.days_left;
    return ref;
  }
  const auto cached = free_tasks_.find(node);
  if (cached != free_tasks_.end()) return cached->second;

  const std::size_t task = graph_.TaskOf(node);
  InstanceRef ref;
  ref.task_id = std::to_string(tasks_.ids[task]);
  ref.status = Status::kAtRisk;  // In a chain, so not completed and held back.
  if (tasks_.agency[task] >= 0) {
    ref.agency_id = agencies_.at(tasks_.agency[task]).id;
    ref.agency_name = agencies_.at(tasks_.agency[task]).name;
  }
  // Prepared once: chains name tens of thousands of free tasks in a large run.
  if (!task_query_) {
    task_query_.emplace(
        store_.Prepare("SELECT obligation_id, period, title FROM task WHERE id = ?"));
  }
  Statement& statement = *task_query_;
  statement.Bind(1, tasks_.ids[task]);
  if (statement.Step()) {
    ref.obligation_id = statement.String(0);
    ref.period = statement.String(1);
    ref.title = statement.String(2);
  }
  statement.Reset();  // no read left open
  free_tasks_.emplace(node, ref);
  return ref;
}

std::string DescribeRef(const InstanceRef& ref) {
  const std::string agency = ref.agency_name.empty() ? ref.agency_id : ref.agency_name;
  if (!ref.task_id.empty()) {
    return "task " + ref.task_id + (ref.title.empty() ? "" : " '" + ref.title + "'") + " of " +
           agency + " (not completed)";
  }
  std::string text = agency + " · " + ref.obligation_id;
  if (ref.status == Status::kOverdue) {
    text += " (overdue " + std::to_string(ref.days) + (ref.days == 1 ? " day)" : " days)");
  } else if (ref.status == Status::kAtRisk) {
    text +=
        " (at risk, " + std::to_string(ref.days) + (ref.days == 1 ? " day left)" : " days left)");
  }
  return text;
}

std::string DescribeBlockers(const std::vector<BlockerChain>& blockers) {
  if (blockers.empty()) return "";
  const std::vector<InstanceRef>& chain = blockers.front().chain;
  std::string text = "blocked by " + DescribeRef(chain.back());
  if (chain.size() > 1) {
    text += " via ";
    for (std::size_t i = chain.size() - 1; i-- > 0;) {
      text += DescribeRef(chain[i]);
      if (i > 0) text += ", ";
    }
  }
  if (blockers.size() > 1) {
    text += " and " + std::to_string(blockers.size() - 1) + " more";
  }
  return text;
}

}  // namespace dxcomply
