#include "dxcomply/rule_set.hpp"

namespace dxcomply {

const ColumnSpec* TableSpec::FindColumn(const std::string& column) const {
  for (const ColumnSpec& spec : columns) {
    if (spec.name == column) return &spec;
  }
  return nullptr;
}

const Obligation* RuleSet::FindObligation(const std::string& id) const {
  for (const Obligation& obligation : obligations) {
    if (obligation.id == id) return &obligation;
  }
  return nullptr;
}

const TableSpec* RuleSet::FindTable(const std::string& name) const {
  for (const TableSpec& table : tables) {
    if (table.name == name) return &table;
  }
  return nullptr;
}

}  // namespace dxcomply
