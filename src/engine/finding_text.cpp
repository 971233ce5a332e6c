#include "engine/finding_text.hpp"

#include "base/labels.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace dxcomply {

namespace {

// Free tasks looked up per query: well under SQLite's bound-parameter limit.
constexpr std::size_t kLookUpBatch = 500;

}  // namespace

FindingText::FindingText(RecordStore& store, const RuleSet& rules, const AgencyDirectory& agencies,
                         const TaskRecords& tasks, const DependencyGraph& graph,
                         const std::vector<Finding>& findings)
    : store_(store), agencies_(agencies), tasks_(tasks), graph_(graph), findings_(findings) {
  const TableSpec* table = rules.FindTable(kTaskTable);
  const std::string id = QuoteIdentifier(table != nullptr ? table->id_column : "id");
  task_query_head_ = "SELECT " + id + ", obligation_id, period, title FROM " +
                     QuoteIdentifier(kTaskTable) + " WHERE " + id + " IN (";
}

InstanceRef RefOf(const Finding& finding) {
  InstanceRef ref;
  ref.obligation_id = finding.obligation->id;
  ref.agency_id = finding.agency->id;
  ref.agency_name = finding.agency->name;
  ref.period = finding.period;
  ref.status = finding.status;
  ref.days = finding.status == Status::kOverdue ? finding.days_overdue : finding.days_left;
  return ref;
}

std::string FindingText::TaskQuery(std::size_t count) const {
  std::string sql = task_query_head_;
  sql.reserve(sql.size() + 3 * count);
  for (std::size_t i = 0; i < count; ++i) sql += i == 0 ? "?" : ", ?";
  return sql + ")";
}

InstanceRef FindingText::Ref(NodeId node) const {
  if (graph_.IsInstance(node)) return RefOf(findings_[node]);
  const auto found = free_tasks_.find(node);
  if (found == free_tasks_.end()) {
    throw std::logic_error("free task node " + std::to_string(node) + " was not looked up");
  }
  return found->second;
}

void FindingText::LookUpFreeTasks(const std::vector<NodeId>& nodes) {
  // Only the free tasks not looked up yet, once each, in task id order.
  std::vector<std::pair<std::size_t, InstanceRef*>> pending;  // task index, its ref
  for (NodeId node : nodes) {
    if (graph_.IsInstance(node)) continue;
    const auto [entry, added] = free_tasks_.try_emplace(node);
    if (added) pending.emplace_back(graph_.TaskOf(node), &entry->second);
  }
  // In task id order, so that each batch's ids are sorted.
  std::sort(pending.begin(), pending.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });

  std::vector<std::int64_t> ids;
  for (std::size_t begin = 0; begin < pending.size(); begin += kLookUpBatch) {
    const std::size_t end = std::min(pending.size(), begin + kLookUpBatch);
    ids.clear();
    for (std::size_t i = begin; i < end; ++i) {
      const std::size_t task = pending[i].first;
      InstanceRef& ref = *pending[i].second;
      ref.task_id = std::to_string(tasks_.ids[task]);
      ref.status = Status::kAtRisk;  // In a chain, so not completed and held back.
      if (tasks_.agency[task] >= 0) {
        ref.agency_id = agencies_.at(tasks_.agency[task]).id;
        ref.agency_name = agencies_.at(tasks_.agency[task]).name;
      }
      ids.push_back(tasks_.ids[task]);
    }
    // Prepared once for full batches (chains name tens of thousands of free
    // tasks in a large run) and for single tasks; a last, shorter batch gets
    // its own statement.
    std::optional<Statement> partial;
    Statement* statement = nullptr;
    if (ids.size() == kLookUpBatch) {
      if (!batch_query_) batch_query_.emplace(store_.Prepare(TaskQuery(kLookUpBatch)));
      statement = &*batch_query_;
    } else if (ids.size() == 1) {
      if (!task_query_) task_query_.emplace(store_.Prepare(TaskQuery(1)));
      statement = &*task_query_;
    } else {
      partial.emplace(store_.Prepare(TaskQuery(ids.size())));
      statement = &*partial;
    }
    for (std::size_t i = 0; i < ids.size(); ++i) statement->Bind(static_cast<int>(i + 1), ids[i]);
    while (statement->Step()) {
      // ids ascending (task index order), and id is the primary key.
      const auto found = std::lower_bound(ids.begin(), ids.end(), statement->Int64(0));
      if (found == ids.end() || *found != statement->Int64(0)) continue;
      InstanceRef& ref = *pending[begin + static_cast<std::size_t>(found - ids.begin())].second;
      ref.obligation_id = statement->String(1);
      ref.period = statement->String(2);
      ref.title = statement->String(3);
    }
    statement->Reset();  // no read left open
  }
}

namespace {

// The words of chains, translated and parsed once per run: a large report
// names a blocker in tens of thousands of reasons.
struct ChainPhrases {
  Phrase free_task_titled{Tr("task {0} '{1}' of {2} (not completed)")};
  Phrase free_task{Tr("task {0} of {1} (not completed)")};
  Phrase overdue{Tr(" (overdue {0})")};
  Phrase at_risk{Tr(" (at risk, {0} left)")};
  Phrase blocked_by{Tr("blocked by {0}")};
  Phrase via{Tr(" via {0}")};
  Phrase more{Tr(" and {0} more")};
};

// DescribeRef, appended to `text`.
void AppendRef(std::string& text, const InstanceRef& ref) {
  const ChainPhrases& words = Translated<ChainPhrases>();
  const std::string& agency = ref.agency_name.empty() ? ref.agency_id : ref.agency_name;
  if (!ref.task_id.empty()) {
    if (ref.title.empty()) {
      words.free_task.AppendTo(text, {ref.task_id, agency});
    } else {
      words.free_task_titled.AppendTo(text, {ref.task_id, ref.title, agency});
    }
    return;
  }
  text += agency;
  text += " · ";
  text += ref.obligation_id;
  if (ref.status == Status::kOverdue) {
    words.overdue.AppendTo(text, {DaysCount(ref.days, DayUnit::kCalendar)});
  } else if (ref.status == Status::kAtRisk) {
    words.at_risk.AppendTo(text, {DaysCount(ref.days, DayUnit::kCalendar)});
  }
}

}  // namespace

std::string DescribeRef(const InstanceRef& ref) {
  std::string text;
  AppendRef(text, ref);
  return text;
}

std::string DescribeBlockers(const std::vector<BlockerChain>& blockers) {
  if (blockers.empty()) return "";
  const ChainPhrases& words = Translated<ChainPhrases>();
  const std::vector<InstanceRef>& chain = blockers.front().chain;
  std::string root;
  AppendRef(root, chain.back());
  std::string text = words.blocked_by({root});
  if (chain.size() > 1) {
    std::string links;
    for (std::size_t i = chain.size() - 1; i-- > 0;) {
      AppendRef(links, chain[i]);
      if (i > 0) links += ", ";
    }
    words.via.AppendTo(text, {links});
  }
  if (blockers.size() > 1) words.more.AppendTo(text, {std::to_string(blockers.size() - 1)});
  return text;
}

}  // namespace dxcomply
