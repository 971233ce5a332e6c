// A rule test file against what it names: the obligations of the rules it
// tests, the tables and columns its rows go into, the agencies of its
// rows. Every case's rows are also tried in an in-memory database, so a
// duplicate id or a missing NOT NULL column is reported before anything
// runs, at the row's line.
#pragma once

#include "dxcomply/diagnostics.hpp"
#include "dxcomply/rule_set.hpp"

#include "ruletest/fixture_schema.hpp"
#include "ruletest/rule_test_file.hpp"

namespace dxcomply {

void CheckRuleTestFile(const RuleTestFile& file, const RuleSet& rules, const FixtureSchema& schema,
                       Diagnostics& diagnostics);

}  // namespace dxcomply
