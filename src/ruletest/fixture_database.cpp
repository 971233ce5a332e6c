#include "ruletest/fixture_database.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "ruletest/scratch_database.hpp"

namespace dxcomply {

std::vector<RowProblem> WriteFixtureDatabase(const std::string& path, const FixtureSchema& schema,
                                             const std::vector<FixtureRow>& rows) {
  ScratchDatabase database(path);
  database.Execute("BEGIN");
  database.Execute(schema.create_sql());
  std::vector<RowProblem> problems;
  for (const FixtureRow& row : rows) {
    std::vector<std::string> columns;
    std::vector<const std::string*> values;
    for (const FixtureValue& value : row.values) {
      columns.push_back(value.column);
      values.push_back(value.text ? &*value.text : nullptr);
    }
    const std::string refused = database.Insert(row.table, columns, values);
    if (!refused.empty()) {
      problems.push_back({row.location, Format(Tr("SQLite refused this row: {0}"), {refused})});
    }
  }
  database.Execute("COMMIT");
  return problems;
}

}  // namespace dxcomply
