// Cross-file checks of a loaded RuleSet, before any database is opened:
// unknown or duplicate obligation ids, depends_on naming nothing, checks
// reading undeclared tables or columns, values that do not fit their
// column's type. Typing condition values by their column happens here too,
// so the loader stays ignorant of tables.yaml.
//
// Dependency cycles are found by the graph stage (graph/rule_cycles.hpp).
#pragma once

#include "dxcomply/diagnostics.hpp"
#include "dxcomply/rule_set.hpp"

namespace dxcomply {

// Reports every problem to `diagnostics` and converts each condition value
// from its YAML text to the type of its column (date, integer, real, text).
void CheckRuleSet(RuleSet& rules, Diagnostics& diagnostics);

}  // namespace dxcomply
