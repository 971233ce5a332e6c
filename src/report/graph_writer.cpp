#include "report/graph_writer.hpp"

#include "base/labels.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "base/terminal_text.hpp"
#include "engine/finding_text.hpp"
#include "graph/graph_view_ops.hpp"
#include "report/finding_format.hpp"
#include "report/text_layout.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace dxcomply {
namespace {

using json = nlohmann::ordered_json;

const char* StatusColour(Status status) {
  switch (status) {
    case Status::kOverdue:
      return "#e06666";
    case Status::kAtRisk:
      return "#f6b26b";
    case Status::kOnTrack:
      return "#ffe599";
    case Status::kWaiting:
      return "#cfe2f3";
    case Status::kMetLate:
      return "#b6d7a8";
    case Status::kMet:
      return "#93c47d";
    case Status::kWaived:
      return "#a2c4c9";
    case Status::kNotApplicable:
      return "#d9d9d9";
  }
  return "#ffffff";
}

// A DOT string body: quotes and backslashes escaped, newlines as \n.
std::string DotEscape(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    if (c == '\n') {
      escaped += "\\n";
      continue;
    }
    if (c == '"' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return escaped;
}

// "Bộ Công an · dvc-software-fixed" or "task 812 of Bộ Công an", for the
// terminal (names from records made safe to show).
std::string NodeName(const Report& report, int node) {
  if (const Finding* f = NodeFinding(report, node)) {
    return TerminalSafe(f->agency->name + " · " + f->obligation->id +
                        (f->period.empty() ? "" : " " + f->period));
  }
  const InstanceRef& task = report.graph->nodes[static_cast<std::size_t>(node)].task;
  return TerminalSafe(
      Format(Tr("task {0} of {1}"),
             {task.task_id, task.agency_name.empty() ? task.agency_id : task.agency_name}));
}

// "at risk, due 15/11/2022"
std::string StateText(const Finding& f) {
  return Format(Tr("{0}, due {1}"), {StatusLabel(f.status), ShownDueText(f)});
}

std::string SlackText(const GraphView::Node& node) {
  if (!node.slack_days) return "";
  return Format(Tr("latest finish {0}, slack {1}"),
                {ShownDate(*node.latest_finish), DaysCount(*node.slack_days, DayUnit::kCalendar)});
}

std::string ImpactText(const Finding& f) {
  if (f.holds_back == 0) return "";
  const std::string instances = std::to_string(f.holds_back);
  const std::string agencies = std::to_string(f.holds_back_agencies);
  return Format(Tr("holds back {0} of {1}"),
                {Format(TrN("{0} instance", "{0} instances", f.holds_back), {instances}),
                 Format(TrN("{0} agency", "{0} agencies", f.holds_back_agencies), {agencies})});
}

std::string LeadTimeText(int days) {
  return Format(TrN("lead time {0} day", "lead time {0} days", days), {std::to_string(days)});
}

// The colours' meaning, in a box of its own: the statuses shown, and a
// task when one is.
void WriteDotLegend(const Report& report, const std::vector<int>& nodes, std::ostream& out) {
  std::set<Status> statuses;
  bool tasks = false;
  for (int node : nodes) {
    if (const Finding* f = NodeFinding(report, node)) {
      statuses.insert(f->status);
    } else {
      tasks = true;
    }
  }
  if (statuses.empty() && !tasks) return;
  out << "  subgraph cluster_legend {\n"
      << "    label=\"" << DotEscape(Tr("Legend")) << "\"; fontsize=10; style=rounded;\n";
  for (Status status : statuses) {
    out << "    legend_" << StatusName(status) << " [label=\"" << DotEscape(StatusLabel(status))
        << "\", fillcolor=\"" << StatusColour(status) << "\"];\n";
  }
  if (tasks) {
    out << "    legend_task [label=\"" << DotEscape(Tr("task (record)"))
        << "\", fillcolor=\"#cfe2f3\"];\n";
  }
  out << "  }\n";
}

bool OnPath(const std::vector<int>& path, int upstream, int waiting) {
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    if (path[i] == waiting && path[i + 1] == upstream) return true;
  }
  return false;
}

void WriteDot(const Report& report, const std::vector<int>& nodes, const std::vector<int>& path,
              std::ostream& out) {
  const GraphView& view = *report.graph;
  const std::set<int> shown(nodes.begin(), nodes.end());
  const std::set<int> on_path(path.begin(), path.end());
  out << "digraph dxcomply {\n"
      << "  graph [rankdir=LR, fontname=\"DejaVu Sans\", label=\""
      << DotEscape(Format(Tr("dxcomply · as of {0}"), {ShownDate(report.as_of)}))
      << "\", labelloc=t];\n"
      << "  node [shape=box, style=\"rounded,filled\", fontname=\"DejaVu Sans\", fontsize=10];\n"
      << "  edge [fontname=\"DejaVu Sans\", fontsize=8];\n";
  for (int node : nodes) {
    std::string label;
    std::string colour = "#cfe2f3";
    if (const Finding* f = NodeFinding(report, node)) {
      label = f->agency->name + "\n" + f->obligation->id + "\n" +
              Format(Tr("{0} · due {1}"), {StatusLabel(f->status), ShownDueText(*f)});
      colour = StatusColour(f->status);
    } else {
      const InstanceRef& task = view.nodes[static_cast<std::size_t>(node)].task;
      label = Format(Tr("task {0}"), {task.task_id}) + "\n" + task.title + "\n" + task.agency_name;
    }
    out << "  n" << node << " [label=\"" << DotEscape(label) << "\", fillcolor=\"" << colour << "\""
        << (on_path.count(node) ? ", penwidth=3, color=\"#cc0000\"" : "") << "];\n";
  }
  for (const GraphView::Link& link : view.links) {
    if (!shown.count(link.upstream) || !shown.count(link.waiting)) continue;
    std::string label = link.via_tasks;
    if (link.lead_time_days > 0) {
      label += (label.empty() ? "" : ", ") + LeadTimeText(link.lead_time_days);
    }
    out << "  n" << link.upstream << " -> n" << link.waiting;
    std::vector<std::string> attributes;
    if (!label.empty()) attributes.push_back("label=\"" + DotEscape(label) + "\"");
    if (OnPath(path, link.upstream, link.waiting)) {
      attributes.push_back("penwidth=3");
      attributes.push_back("color=\"#cc0000\"");
    }
    if (!attributes.empty()) {
      out << " [";
      for (std::size_t i = 0; i < attributes.size(); ++i) out << (i ? ", " : "") << attributes[i];
      out << "]";
    }
    out << ";\n";
  }
  WriteDotLegend(report, nodes, out);
  out << "}\n";
}

void WriteJson(const Report& report, const std::vector<int>& nodes, const std::vector<int>& path,
               std::ostream& out) {
  const GraphView& view = *report.graph;
  const std::set<int> shown(nodes.begin(), nodes.end());
  json node_list = json::array();
  for (int node : nodes) {
    const GraphView::Node& n = view.nodes[static_cast<std::size_t>(node)];
    json object = {{"id", node}};
    if (const Finding* f = NodeFinding(report, node)) {
      object["kind"] = "instance";
      object["obligation_id"] = f->obligation->id;
      object["agency"] = {
          {"id", f->agency->id}, {"name", f->agency->name}, {"kind", f->agency->kind}};
      object["period"] = f->period;
      object["status"] = StatusName(f->status);
      object["status_label"] = StatusLabel(f->status);
      object["due"] = DueText(*f);
      object["holds_back"] = f->holds_back;
      object["holds_back_agencies"] = f->holds_back_agencies;
    } else {
      object["kind"] = "task";
      object["task_id"] = n.task.task_id;
      object["title"] = n.task.title;
      object["obligation_id"] = n.task.obligation_id;
      object["agency"] = {{"id", n.task.agency_id}, {"name", n.task.agency_name}};
    }
    object["latest_finish"] =
        n.latest_finish ? json(FormatIsoDate(*n.latest_finish)) : json(nullptr);
    object["slack_days"] = n.slack_days ? json(*n.slack_days) : json(nullptr);
    node_list.push_back(object);
  }
  json links = json::array();
  for (const GraphView::Link& link : view.links) {
    if (!shown.count(link.upstream) || !shown.count(link.waiting)) continue;
    links.push_back({{"upstream", link.upstream},
                     {"waiting", link.waiting},
                     {"lead_time_days", link.lead_time_days},
                     {"via_tasks", link.via_tasks}});
  }
  const json document = {
      {"format", "dxcomply-graph"}, {"version", 1},   {"as_of", FormatIsoDate(report.as_of)},
      {"nodes", node_list},         {"links", links}, {"critical_path", path}};
  out << document.dump(1, ' ', false, json::error_handler_t::replace) << "\n";
}

void WriteText(const Report& report, const std::vector<int>& nodes, const std::vector<int>& path,
               std::ostream& out) {
  const GraphView& view = *report.graph;
  const std::set<int> shown(nodes.begin(), nodes.end());
  std::size_t link_count = 0;
  for (const GraphView::Link& link : view.links) {
    if (shown.count(link.upstream) && shown.count(link.waiting)) ++link_count;
  }
  out << Format(Tr("dxcomply graph · as of {0} · {1}, {2}"),
                {ShownDate(report.as_of),
                 Format(TrN("{0} node", "{0} nodes", static_cast<long long>(nodes.size())),
                        {GroupThousands(static_cast<long long>(nodes.size()))}),
                 Format(TrN("{0} link", "{0} links", static_cast<long long>(link_count)),
                        {GroupThousands(static_cast<long long>(link_count))})})
      << "\n";
  if (!path.empty()) {
    out << "\n" << Format(Tr("critical path to {0}:"), {NodeName(report, path.front())}) << "\n";
    for (std::size_t i = 0; i < path.size(); ++i) {
      const GraphView::Node& n = view.nodes[static_cast<std::size_t>(path[i])];
      out << "  " << i + 1 << ". " << NodeName(report, path[i]);
      if (const Finding* f = NodeFinding(report, path[i])) out << "  " << StateText(*f);
      const std::string slack = SlackText(n);
      out << (slack.empty() ? "" : ", " + slack) << "\n";
    }
    return;
  }
  std::vector<std::vector<const GraphView::Link*>> waits_on(view.nodes.size());
  for (const GraphView::Link& link : view.links) {
    if (shown.count(link.upstream) && shown.count(link.waiting)) {
      waits_on[static_cast<std::size_t>(link.waiting)].push_back(&link);
    }
  }
  for (int node : nodes) {
    out << "\n" << NodeName(report, node);
    if (const Finding* f = NodeFinding(report, node)) {
      out << "  " << StateText(*f);
      const std::string impact = ImpactText(*f);
      if (!impact.empty()) out << ", " << impact;
    }
    const std::string slack = SlackText(view.nodes[static_cast<std::size_t>(node)]);
    out << (slack.empty() ? "" : ", " + slack) << "\n";
    for (const GraphView::Link* link : waits_on[static_cast<std::size_t>(node)]) {
      out << "  " << Format(Tr("waits on {0}"), {NodeName(report, link->upstream)});
      if (!link->via_tasks.empty()) out << " [" << TerminalSafe(link->via_tasks) << "]";
      if (link->lead_time_days > 0) out << " [" << LeadTimeText(link->lead_time_days) << "]";
      out << "\n";
    }
  }
}

}  // namespace

std::optional<GraphFormat> ParseGraphFormat(const std::string& name) {
  if (name == "text") return GraphFormat::kText;
  if (name == "json") return GraphFormat::kJson;
  if (name == "dot") return GraphFormat::kDot;
  return std::nullopt;
}

void WriteGraph(const Report& report, const std::vector<int>& nodes,
                const std::vector<int>& critical_path, GraphFormat format, std::ostream& out) {
  switch (format) {
    case GraphFormat::kDot:
      return WriteDot(report, nodes, critical_path, out);
    case GraphFormat::kJson:
      return WriteJson(report, nodes, critical_path, out);
    case GraphFormat::kText:
      return WriteText(report, nodes, critical_path, out);
  }
}

}  // namespace dxcomply
