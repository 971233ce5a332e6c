// Dependency cycles among obligations (depends_on), found before anything is
// evaluated. Any cycle of instances built from rules projects onto a cycle
// of obligations, so refusing these keeps the rule part of the graph acyclic.
#pragma once

#include "dxcomply/diagnostics.hpp"
#include "dxcomply/rule_set.hpp"

namespace dxcomply {

// Adds one error per cycle, at the depends_on entry that closes it:
//   "dependency cycle: is-protect -> is-classify -> is-protect"
void CheckRuleCycles(const RuleSet& rules, Diagnostics& diagnostics);

}  // namespace dxcomply
