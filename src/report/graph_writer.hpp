// `dxcomply graph` output: the selected part of the dependency graph as
// Graphviz DOT (coloured by status; `dot -Tsvg` renders it), JSON, or text.
#pragma once

#include "dxcomply/finding.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace dxcomply {

enum class GraphFormat { kText, kJson, kDot };
std::optional<GraphFormat> ParseGraphFormat(const std::string& name);

// `nodes`: indices into report.graph->nodes to show. `critical_path`: a
// path to highlight (target first), possibly empty.
void WriteGraph(const Report& report, const std::vector<int>& nodes,
                const std::vector<int>& critical_path, GraphFormat format, std::ostream& out);

}  // namespace dxcomply
