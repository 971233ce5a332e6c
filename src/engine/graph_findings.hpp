// What the dependency graph adds to the findings: slack (and the at-risk
// status negative slack causes), blocking chains, impact, and the graph view
// for `dxcomply graph`. Called by Evaluate in this order.
#pragma once

#include "dxcomply/finding.hpp"

#include "engine/finding_text.hpp"
#include "eval/instance_table.hpp"
#include "eval/task_records.hpp"
#include "graph/blocking.hpp"
#include "graph/dependency_graph.hpp"
#include "graph/impact.hpp"
#include "graph/schedule.hpp"

#include <vector>

namespace dxcomply {

// Sets latest_finish and slack_days on the findings not done, and turns an
// on-track instance with negative slack into an at-risk one (in `own` too,
// so that it holds back what waits on it).
Schedule ApplySchedule(const DependencyGraph& graph, std::vector<Finding>& findings,
                       std::vector<OwnStatus>& own);

// Blocking, in three steps. First the final statuses: a blocked on-track
// instance is at risk. Returns which findings are at risk by blocking only
// (their reason is then their chains).
std::vector<bool> MarkBlocked(const Blocking& blocking, std::vector<Finding>& findings);
// The nodes the blocking chains name, for FindingText::LookUpTasks.
std::vector<NodeId> ChainNodes(const Blocking& blocking);
// Each blocked finding in [begin, end) lists its chains, and its reason
// says what blocks it. The tasks named must be looked up already; the
// findings of other ranges may be written at the same time.
void WriteBlockerChains(const DependencyGraph& graph, const Blocking& blocking,
                        const FindingText& text, const std::vector<bool>& blocked_only,
                        std::vector<Finding>& findings, std::size_t begin, std::size_t end);

// The agency of each node (an instance's, a task's; < 0 unknown), for
// impact.
std::vector<std::int32_t> NodeAgencies(const DependencyGraph& graph, const TaskRecords& tasks,
                                       const InstanceTable& instances);

// Sets the holds-back figures of the overdue and at-risk findings (after
// MarkBlocked: statuses final).
void ApplyImpact(const std::vector<Impact>& impact, std::vector<Finding>& findings);

// The graph as `dxcomply graph` shows it (see GraphView): instances, then
// the task nodes of no instance. `position[i]` is instance i's index in the
// final, sorted findings.
GraphView MakeGraphView(const DependencyGraph& graph, const Schedule& schedule,
                        const std::vector<int>& position, const Date& as_of, FindingText& text);

}  // namespace dxcomply
