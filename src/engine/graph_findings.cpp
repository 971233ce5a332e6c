#include "engine/graph_findings.hpp"

#include "base/labels.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"

#include <algorithm>
#include <tuple>

namespace dxcomply {
namespace {

bool IsOpen(Status status) {
  return status == Status::kOverdue || status == Status::kAtRisk || status == Status::kOnTrack;
}

std::string DaysAgo(int days) {
  if (days == 0) return Tr("today");
  const int magnitude = days < 0 ? -days : days;
  const std::string count = DaysCount(magnitude, DayUnit::kCalendar);
  return Format(days < 0 ? Tr("{0} ago") : TrC("time", "in {0}"), {count});
}

}  // namespace

Schedule ApplySchedule(const DependencyGraph& graph, std::vector<Finding>& findings,
                       std::vector<OwnStatus>& own) {
  std::vector<DayNumber> due(findings.size(), kPlusInfinity);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (IsOpen(findings[i].status) && findings[i].due) due[i] = ToDayNumber(*findings[i].due);
  }
  Schedule schedule = ComputeSchedule(graph, due, own);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    Finding& finding = findings[i];
    const DayNumber latest = schedule.latest_finish[i];
    if (!finding.due) continue;
    if (!IsOpen(finding.status) || latest == kPlusInfinity) continue;
    finding.latest_finish = FromDayNumber(latest);
    finding.slack_days = latest - ToDayNumber(finding.as_of);
    const NodeId driver = schedule.constrained_by[i];
    if (*finding.slack_days >= 0 || driver == i || finding.status == Status::kOverdue) continue;
    const Finding& waiting = findings[driver];
    const std::string note =
        Format(Tr("must be done by {0} ({1}) to leave time for {2} · {3}, due {4}"),
               {ShownDate(*finding.latest_finish), DaysAgo(*finding.slack_days),
                waiting.agency->name, waiting.obligation->id, ShownDate(*waiting.due)});
    if (finding.status == Status::kOnTrack) {
      finding.status = Status::kAtRisk;
      finding.reason = note;
      own[i] = {Status::kAtRisk, finding.days_left};
    } else {
      finding.reason += "; " + note;
    }
    finding.grounds |= GroundBit(RiskGround::kNegativeSlack);
  }
  return schedule;
}

std::vector<bool> MarkBlocked(const Blocking& blocking, std::vector<Finding>& findings) {
  std::vector<bool> blocked_only(findings.size(), false);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (!blocking.blockers[i].empty() && findings[i].status == Status::kOnTrack) {
      findings[i].status = Status::kAtRisk;
      blocked_only[i] = true;
    }
    if (!blocking.blockers[i].empty() && findings[i].status == Status::kAtRisk) {
      findings[i].grounds |= GroundBit(RiskGround::kBlocked);
    }
  }
  return blocked_only;
}

std::vector<NodeId> ChainNodes(const Blocking& blocking) {
  std::vector<NodeId> named;
  for (const std::vector<Blocker>& blockers : blocking.blockers) {
    for (const Blocker& blocker : blockers) {
      for (NodeId node = blocker.to;; node = blocking.next[node]) {
        named.push_back(node);
        if (blocking.next[node] == node) break;
      }
    }
  }
  return named;
}

void WriteBlockerChains(const DependencyGraph& graph, const Blocking& blocking,
                        const FindingText& text, const std::vector<bool>& blocked_only,
                        std::vector<Finding>& findings, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    if (blocking.blockers[i].empty()) continue;
    Finding& finding = findings[i];
    finding.blocked_by.reserve(blocking.blockers[i].size());
    for (const Blocker& blocker : blocking.blockers[i]) {
      BlockerChain chain;  // direct .. root cause
      for (NodeId node = blocker.to;; node = blocking.next[node]) {
        chain.chain.push_back(text.Ref(node));
        if (blocking.next[node] == node) break;
      }
      if (!graph.IsInstance(blocker.from)) {
        // "task 812 -> task 77", 77 named first in the chain.
        chain.via_tasks =
            DependencyGraph::ViaTasks(graph.TaskId(blocker.from), chain.chain.front().task_id);
      }
      finding.blocked_by.push_back(std::move(chain));
    }
    if (blocked_only[i]) {
      finding.reason = DescribeBlockers(finding.blocked_by);
    } else {
      finding.reason += "; ";
      finding.reason += DescribeBlockers(finding.blocked_by);
    }
  }
}

std::vector<std::int32_t> NodeAgencies(const DependencyGraph& graph, const TaskRecords& tasks,
                                       const InstanceTable& instances) {
  std::vector<std::int32_t> agency_of(graph.node_count());
  for (NodeId node = 0; node < graph.node_count(); ++node) {
    agency_of[node] = graph.IsInstance(node) ? instances.at(static_cast<int>(node)).agency
                                             : tasks.agency[graph.TaskOf(node)];
  }
  return agency_of;
}

void ApplyImpact(const std::vector<Impact>& impact, std::vector<Finding>& findings) {
  for (std::size_t i = 0; i < findings.size(); ++i) {
    Finding& finding = findings[i];
    if (finding.status != Status::kOverdue && finding.status != Status::kAtRisk) continue;
    finding.holds_back_direct = impact[i].direct_instances;
    finding.holds_back = impact[i].instances;
    finding.holds_back_agencies_direct = impact[i].direct_agencies;
    finding.holds_back_agencies = impact[i].agencies;
    finding.holds_back_other_agencies = impact[i].other_agencies;
  }
}

GraphView MakeGraphView(const DependencyGraph& graph, const Schedule& schedule,
                        const std::vector<int>& position, const Date& as_of, FindingText& text) {
  // The view's node of each graph node: an instance's own; a task's, its
  // instance's, or its own after the instances for a task of none.
  const NodeId node_count = graph.node_count();
  std::vector<NodeId> view_of(node_count);
  std::vector<NodeId> free_tasks;
  for (NodeId node = 0; node < node_count; ++node) {
    if (graph.IsInstance(node)) {
      view_of[node] = node;
      continue;
    }
    const std::int32_t instance = graph.InstanceOfTask(node);
    if (instance >= 0) {
      view_of[node] = static_cast<NodeId>(instance);
    } else {
      view_of[node] = graph.instance_count() + static_cast<NodeId>(free_tasks.size());
      free_tasks.push_back(node);
    }
  }
  text.LookUpTasks(free_tasks);

  GraphView view;
  view.nodes.resize(graph.instance_count() + free_tasks.size());
  const auto slack = [&](GraphView::Node& out, NodeId node) {
    const DayNumber latest = schedule.latest_finish[node];
    if (latest != kPlusInfinity) {
      out.latest_finish = FromDayNumber(latest);
      out.slack_days = latest - ToDayNumber(as_of);
    }
  };
  for (NodeId node = 0; node < graph.instance_count(); ++node) {
    view.nodes[node].finding = position[node];
    slack(view.nodes[node], node);
  }
  for (std::size_t i = 0; i < free_tasks.size(); ++i) {
    GraphView::Node& out = view.nodes[graph.instance_count() + i];
    out.task = text.Ref(free_tasks[i]);
    slack(out, free_tasks[i]);
  }

  // One link per pair of view nodes: a rule link's, else the first task
  // row's (tasks ascend with their ids).
  struct Shown {
    NodeId waiting;
    NodeId upstream;
    bool from_tasks;
    NodeId from;  // the graph's link
    NodeId to;
    std::int32_t lead_time_days;
  };
  std::vector<Shown> shown;
  for (NodeId node = 0; node < node_count; ++node) {
    for (const DependencyLink* link = graph.UpstreamBegin(node); link != graph.UpstreamEnd(node);
         ++link) {
      const bool rule = graph.IsInstance(node) && graph.IsInstance(link->to);
      if (graph.IsInstance(node) && !rule) continue;  // an own task
      const NodeId waiting = view_of[node];
      const NodeId upstream = view_of[link->to];
      if (waiting == upstream) continue;
      shown.push_back({waiting, upstream, !rule, node, link->to, link->lead_time_days});
    }
  }
  std::sort(shown.begin(), shown.end(), [](const Shown& a, const Shown& b) {
    return std::tie(a.waiting, a.upstream, a.from_tasks, a.from, a.to) <
           std::tie(b.waiting, b.upstream, b.from_tasks, b.from, b.to);
  });
  shown.erase(std::unique(shown.begin(), shown.end(),
                          [](const Shown& a, const Shown& b) {
                            return a.waiting == b.waiting && a.upstream == b.upstream;
                          }),
              shown.end());
  view.links.reserve(shown.size());
  for (const Shown& link : shown) {
    GraphView::Link edge;
    edge.upstream = static_cast<int>(link.upstream);
    edge.waiting = static_cast<int>(link.waiting);
    edge.lead_time_days = link.lead_time_days;
    if (link.from_tasks) edge.via_tasks = graph.ViaTasks(link.from, link.to);
    view.links.push_back(edge);
  }
  return view;
}

}  // namespace dxcomply
