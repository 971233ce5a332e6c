// What an agency's template holds (dxcomply template): a sheet per record
// table it owes, its stored rows, and a row for each task it still owes.
// Which tables and duties it owes is decided by the caller (the CLI, from the
// engine's findings as of a date); this reads the rows, read-only.
#pragma once

#include "dxcomply/date.hpp"
#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"

#include "import/cell_value.hpp"

#include <string>
#include <vector>

namespace dxcomply {

class RecordStore;

// A task the agency owes and has not done, as of the template's date.
struct OpenDuty {
  std::string task_obligation;  // the task rows' obligation_id
  std::string period;           // the task rows' period; empty: any
  std::string title;            // the duty's title, for a new row
};

struct TemplateSheet {
  const TableSpec* table = nullptr;
  // Per row, per field (TableFields order: id, agency, the columns).
  std::vector<std::vector<Value>> rows;
};

struct TemplateContent {
  Agency agency;
  Date as_of;
  std::vector<TemplateSheet> sheets;
  std::vector<std::string> obligation_ids;  // drop-downs of `references: obligation`
  std::vector<std::string> agency_ids;      // drop-downs of `references: agency`
};

// What the caller found the agency owes.
struct TemplateRequest {
  Agency agency;
  Date as_of;
  std::vector<const TableSpec*> tables;  // record tables of its coverage and count duties, and more
  std::vector<OpenDuty> open_duties;     // its task duties not met on as_of
  std::vector<std::string> indicators;   // indicator ids it reports
};

// Reads the agency's rows of each table: every row of the plain tables, the
// tasks of its open duties (plus a new row, with the duty's title, for each
// duty with none), the measurements of its indicators (plus a new row per
// indicator for the next value).
TemplateContent ReadTemplateContent(const TemplateRequest& request, const RuleSet& rules,
                                    RecordStore& store);

}  // namespace dxcomply
