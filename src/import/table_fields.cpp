#include "import/table_fields.hpp"

#include "import/messages.hpp"

#include <algorithm>
#include <cctype>

namespace dxcomply {
namespace {

bool SameAsciiWord(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string Trimmed(const std::string& text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  std::size_t begin = 0, end = text.size();
  while (begin < end && space(text[begin])) ++begin;
  while (end > begin && space(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

std::vector<Field> TableFields(const TableSpec& table) {
  std::vector<Field> fields;
  fields.push_back({Field::Role::kId, table.id_column, msg::kIdLabel, msg::kIdNote, nullptr});
  fields.push_back(
      {Field::Role::kAgency, table.agency_column, msg::kAgencyLabel, msg::kAgencyNote, nullptr});
  for (const ColumnSpec& column : table.columns) {
    fields.push_back({Field::Role::kColumn, column.name,
                      column.label.empty() ? column.name : column.label, column.note, &column});
  }
  return fields;
}

std::string SheetName(const TableSpec& table) {
  return table.sheet.empty() ? table.name : table.sheet;
}

int FindField(const std::vector<Field>& fields, const std::string& header) {
  const std::string wanted = Trimmed(header);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].label == wanted || SameAsciiWord(fields[i].name, wanted)) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

const TableSpec* TableOfSheet(const RuleSet& rules, const std::string& sheet_name) {
  const std::string name = Trimmed(sheet_name);
  for (const TableSpec& table : rules.tables) {
    if (SheetName(table) == name || SameAsciiWord(table.name, name)) return &table;
  }
  return nullptr;
}

const TableSpec* TableOfHeader(const RuleSet& rules, const std::vector<std::string>& headers) {
  const TableSpec* found = nullptr;
  for (const TableSpec& table : rules.tables) {
    const std::vector<Field> fields = TableFields(table);
    const bool all = std::all_of(headers.begin(), headers.end(), [&](const std::string& header) {
      return Trimmed(header).empty() || FindField(fields, header) >= 0;
    });
    if (!all) continue;
    if (found != nullptr) return nullptr;  // ambiguous
    found = &table;
  }
  return found;
}

}  // namespace dxcomply
