// A record table (rules/tables.yaml) as a sheet: its fields in sheet order
// (the row id, the agency, then the declared columns), their Vietnamese
// headers and notes, and which sheet or CSV header belongs to which table.
#pragma once

#include "dxcomply/rule_set.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

struct Field {
  enum class Role { kId, kAgency, kColumn };
  Role role = Role::kColumn;
  std::string name;                    // the SQL column
  std::string label;                   // the sheet's header: Vietnamese, or the name
  std::string note;                    // the line under the header
  const ColumnSpec* column = nullptr;  // kColumn: its declaration
};

// The table's fields in sheet order. The id and agency fields come first.
std::vector<Field> TableFields(const TableSpec& table);

// The table's sheet name: its `sheet`, or its name. Excel allows 31
// characters and none of []:*?/\ in a sheet name (checked by the template).
std::string SheetName(const TableSpec& table);

// The field a header cell names: its label or its SQL name, trimmed, the
// name case-insensitively. -1 when none.
int FindField(const std::vector<Field>& fields, const std::string& header);

// The table a sheet (by name: its `sheet` or its table name) holds, or null.
const TableSpec* TableOfSheet(const RuleSet& rules, const std::string& sheet_name);

// The table whose fields every header names (for a CSV file without
// --table), if exactly one.
const TableSpec* TableOfHeader(const RuleSet& rules, const std::vector<std::string>& headers);

// Text without the spaces, tabs and line breaks around it.
std::string Trimmed(const std::string& text);

}  // namespace dxcomply
