// Checks the rows read from a file against the rules and the database, and
// decides what each does: add a row, change one, or leave one alone.
//
// A row with an id changes that row (which must exist and be the same
// agency's). A row without one is matched with the agency's stored rows
// not named by id in the file: first one equal in every column the file
// carries (left alone), then one with the same natural key (the table's
// `key` in tables.yaml: changed); otherwise it is added. So importing a
// file twice adds nothing the second time, and a newer version of a file
// changes the rows it had added.
#pragma once

#include "dxcomply/rule_set.hpp"

#include "import/import_database.hpp"
#include "import/sheet_rows.hpp"

#include <set>
#include <string>
#include <vector>

namespace dxcomply {

struct TableCounts {
  int added = 0;
  int changed = 0;
  int unchanged = 0;
};

struct PlannedWrite {
  bool insert = false;  // else an update of `id`
  Value id;
  std::vector<std::string> columns;
  std::vector<Value> values;
};

struct TablePlan {
  const TableSpec* table = nullptr;
  std::vector<PlannedWrite> writes;
  TableCounts counts;
};

// `file_agency`: the workbook's agency (its information sheet or --agency),
// empty when it names none. Problems are appended; the plan is only to be
// carried out when none were found.
TablePlan PlanSheet(const SheetRows& sheet, const RuleSet& rules, const std::string& file_agency,
                    const std::set<std::string>& agencies, ImportDatabase& database,
                    std::vector<CellProblem>& problems);

}  // namespace dxcomply
