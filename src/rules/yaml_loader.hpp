// rules/*.yaml -> RuleSet. The only place yaml-cpp is used for rules.
//
// Loading never stops at the first problem: malformed YAML, unknown keys,
// missing keys, bad dates and unknown operators all become diagnostics with
// file:line:column. Cross-file checks (unknown depends_on ids, columns not
// declared in tables.yaml, cycles) are the validator's job.
#pragma once

#include "dxcomply/diagnostics.hpp"
#include "dxcomply/rule_set.hpp"

#include <string>

namespace dxcomply {

// Loads every *.yaml file directly inside `directory` (not sub-folders such
// as calendar/), in file-name order. A missing or empty folder is an error.
RuleSet LoadRuleDirectory(const std::string& directory, Diagnostics& diagnostics);

// Loads one file's text into `rules`. `file` is the name diagnostics show.
void LoadRuleText(const std::string& file, const std::string& text, RuleSet& rules,
                  Diagnostics& diagnostics);

}  // namespace dxcomply
