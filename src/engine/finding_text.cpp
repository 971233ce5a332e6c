#include "engine/finding_text.hpp"

#include "base/labels.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
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
  const std::size_t slot = node - graph_.instance_count();
  if (slot >= ref_of_task_node_.size() || ref_of_task_node_[slot] == kNotLookedUp) {
    throw std::logic_error("task node " + std::to_string(node) + " was not looked up");
  }
  return task_refs_[ref_of_task_node_[slot]];
}

void FindingText::LookUpTasks(const std::vector<NodeId>& nodes) {
  // Only the tasks not looked up yet, once each, in task id order.
  const NodeId first_task = graph_.instance_count();
  ref_of_task_node_.resize(graph_.node_count() - first_task, kNotLookedUp);
  std::vector<NodeId> pending;
  for (NodeId node : nodes) {
    if (graph_.IsInstance(node)) continue;
    std::uint32_t& ref = ref_of_task_node_[node - first_task];
    if (ref != kNotLookedUp) continue;
    ref = 0;  // pending
    pending.push_back(node);
  }
  // In task id order (task nodes ascend with their tasks), so that each
  // batch's ids are sorted, and the refs made in that order.
  std::sort(pending.begin(), pending.end());
  const std::size_t first_ref = task_refs_.size();
  task_refs_.resize(first_ref + pending.size());
  for (std::size_t i = 0; i < pending.size(); ++i) {
    ref_of_task_node_[pending[i] - first_task] = static_cast<std::uint32_t>(first_ref + i);
  }

  std::vector<std::int64_t> ids;
  for (std::size_t begin = 0; begin < pending.size(); begin += kLookUpBatch) {
    const std::size_t end = std::min(pending.size(), begin + kLookUpBatch);
    ids.clear();
    for (std::size_t i = begin; i < end; ++i) {
      const std::size_t task = graph_.TaskOf(pending[i]);
      InstanceRef& ref = task_refs_[first_ref + i];
      const std::int32_t instance = tasks_.instance[task];
      if (instance >= 0) {
        ref = RefOf(findings_[static_cast<std::size_t>(instance)]);
      } else {
        ref.free_task = true;
        ref.status = Status::kAtRisk;  // In a chain, so not completed and held back.
        if (tasks_.agency[task] >= 0) {
          ref.agency_id = agencies_.at(tasks_.agency[task]).id;
          ref.agency_name = agencies_.at(tasks_.agency[task]).name;
        }
      }
      ref.task_id = std::to_string(tasks_.ids[task]);
      ids.push_back(tasks_.ids[task]);
    }
    // Prepared once for full batches (chains name tens of thousands of
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
      InstanceRef& ref = task_refs_[first_ref + begin + static_cast<std::size_t>(found - ids.begin())];
      if (ref.free_task) {
        ref.obligation_id = statement->String(1);
        ref.period = statement->String(2);
      }
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
  // A task of an instance: {1} or {2} names the instance as chains do.
  Phrase task_titled{Tr("task {0} '{1}' of {2}")};
  Phrase task{Tr("task {0} of {1}")};
  Phrase overdue{Tr(" (overdue {0})")};
  Phrase at_risk{Tr(" (at risk, {0} left)")};
  Phrase blocked_by{Tr("blocked by {0}")};
  Phrase via{Tr(" via {0}")};
  Phrase more{Tr(" and {0} more")};
};

struct OriginPhrases {
  // "Bình Thuận (BINH-THUAN) từ 01/07/2025"
  Phrase since{Tr("{0} ({1}) since {2}")};
};

// DescribeRef, appended to `text`.
void AppendRef(std::string& text, const InstanceRef& ref) {
  const ChainPhrases& words = Translated<ChainPhrases>();
  const std::string& agency = ref.agency_name.empty() ? ref.agency_id : ref.agency_name;
  if (!ref.task_id.empty() && ref.free_task) {
    if (ref.title.empty()) {
      words.free_task.AppendTo(text, {ref.task_id, agency});
    } else {
      words.free_task_titled.AppendTo(text, {ref.task_id, ref.title, agency});
    }
    return;
  }
  std::string instance = agency;
  instance += " · ";
  instance += ref.obligation_id;
  if (ref.status == Status::kOverdue) {
    words.overdue.AppendTo(instance, {DaysCount(ref.days, DayUnit::kCalendar)});
  } else if (ref.status == Status::kAtRisk) {
    words.at_risk.AppendTo(instance, {DaysCount(ref.days, DayUnit::kCalendar)});
  }
  if (ref.task_id.empty()) {
    text += instance;
  } else if (ref.title.empty()) {
    words.task.AppendTo(text, {ref.task_id, instance});
  } else {
    words.task_titled.AppendTo(text, {ref.task_id, ref.title, instance});
  }
}

}  // namespace

std::string DescribeRef(const InstanceRef& ref) {
  std::string text;
  AppendRef(text, ref);
  return text;
}

std::string OriginsText(const std::vector<DutyOrigin>& origins) {
  const Phrase& since = Translated<OriginPhrases>().since;
  std::string text;
  for (const DutyOrigin& origin : origins) {
    if (!text.empty()) text += ", ";
    since.AppendTo(text, {origin.agency_name, origin.agency_id, ShownDate(origin.since)});
  }
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
