// A case's fixture rows written to a SQLite database: the schema, then
// every row in the order written.
#pragma once

#include "dxcomply/diagnostics.hpp"

#include "ruletest/fixture_schema.hpp"
#include "ruletest/rule_test_file.hpp"

#include <string>
#include <vector>

namespace dxcomply {

// A row SQLite refused (a duplicate id, a NOT NULL left out, a text in an
// INTEGER PRIMARY KEY), with SQLite's reason.
struct RowProblem {
  SourceLocation location;
  std::string message;
};

// Creates `path` (a new file, or ":memory:" to only try the rows) with
// `schema` and `rows`. Rows SQLite refuses are left out and returned.
// Throws FixtureError when the file cannot be made.
std::vector<RowProblem> WriteFixtureDatabase(const std::string& path, const FixtureSchema& schema,
                                             const std::vector<FixtureRow>& rows);

}  // namespace dxcomply
