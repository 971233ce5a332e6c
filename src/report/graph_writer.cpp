#include "report/graph_writer.hpp"

#include "engine/finding_text.hpp"
#include "graph/graph_view_ops.hpp"
#include "report/finding_format.hpp"

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

// "Bộ Công an · dvc-software-fixed" or "task 812 of Bộ Công an".
std::string NodeName(const Report& report, int node) {
  if (const Finding* f = NodeFinding(report, node)) {
    return f->agency->name + " · " + f->obligation->id + (f->period.empty() ? "" : " " + f->period);
  }
  const InstanceRef& task = report.graph->nodes[static_cast<std::size_t>(node)].task;
  return "task " + task.task_id + " of " +
         (task.agency_name.empty() ? task.agency_id : task.agency_name);
}

std::string SlackText(const GraphView::Node& node) {
  if (!node.slack_days) return "";
  return "latest finish " + FormatIsoDate(*node.latest_finish) + ", slack " +
         std::to_string(*node.slack_days) + (std::abs(*node.slack_days) == 1 ? " day" : " days");
}

std::string ImpactText(const Finding& f) {
  if (f.holds_back == 0) return "";
  return "holds back " + std::to_string(f.holds_back) +
         (f.holds_back == 1 ? " instance" : " instances") + " of " +
         std::to_string(f.holds_back_agencies) +
         (f.holds_back_agencies == 1 ? " agency" : " agencies");
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
      << "  graph [rankdir=LR, fontname=\"DejaVu Sans\", label=\"dxcomply · as of "
      << FormatIsoDate(report.as_of) << "\", labelloc=t];\n"
      << "  node [shape=box, style=\"rounded,filled\", fontname=\"DejaVu Sans\", fontsize=10];\n"
      << "  edge [fontname=\"DejaVu Sans\", fontsize=8];\n";
  for (int node : nodes) {
    std::string label;
    std::string colour = "#cfe2f3";
    if (const Finding* f = NodeFinding(report, node)) {
      label = f->agency->name + "\n" + f->obligation->id + "\n" + StatusName(f->status) +
              " · due " + DueText(*f);
      colour = StatusColour(f->status);
    } else {
      const InstanceRef& task = view.nodes[static_cast<std::size_t>(node)].task;
      label = "task " + task.task_id + "\n" + task.title + "\n" + task.agency_name;
    }
    out << "  n" << node << " [label=\"" << DotEscape(label) << "\", fillcolor=\"" << colour << "\""
        << (on_path.count(node) ? ", penwidth=3, color=\"#cc0000\"" : "") << "];\n";
  }
  for (const GraphView::Link& link : view.links) {
    if (!shown.count(link.upstream) || !shown.count(link.waiting)) continue;
    std::string label = link.via_tasks;
    if (link.lead_time_days > 0)
      label += (label.empty() ? "" : ", ") + std::string("lead ") +
               std::to_string(link.lead_time_days) + " d";
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
  out << "dxcomply graph · as of " << FormatIsoDate(report.as_of) << " · " << nodes.size()
      << " nodes, " << link_count << " links\n";
  if (!path.empty()) {
    out << "\ncritical path to " << NodeName(report, path.front()) << ":\n";
    for (std::size_t i = 0; i < path.size(); ++i) {
      const GraphView::Node& n = view.nodes[static_cast<std::size_t>(path[i])];
      out << "  " << i + 1 << ". " << NodeName(report, path[i]);
      if (const Finding* f = NodeFinding(report, path[i])) {
        out << "  " << StatusName(f->status) << ", due " << DueText(*f);
      }
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
      out << "  " << StatusName(f->status) << ", due " << DueText(*f);
      const std::string impact = ImpactText(*f);
      if (!impact.empty()) out << ", " << impact;
    }
    const std::string slack = SlackText(view.nodes[static_cast<std::size_t>(node)]);
    out << (slack.empty() ? "" : ", " + slack) << "\n";
    for (const GraphView::Link* link : waits_on[static_cast<std::size_t>(node)]) {
      out << "  waits on " << NodeName(report, link->upstream);
      if (!link->via_tasks.empty()) out << " [" << link->via_tasks << "]";
      if (link->lead_time_days > 0) out << " [lead " << link->lead_time_days << " days]";
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
