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

const Authority* RuleSet::AuthorityOn(const Date& date) const {
  for (const Authority& authority : authorities) {
    if ((!authority.from || *authority.from <= date) &&
        (!authority.until || date < *authority.until))
      return &authority;
  }
  return nullptr;
}

std::vector<EscalationTier> RuleSet::EscalationOn(const Date& date) const {
  std::vector<EscalationTier> tiers = escalation;
  if (const Authority* authority = AuthorityOn(date)) {
    for (EscalationTier& tier : tiers) {
      const auto name = authority->escalation_tiers.find(tier.level);
      if (name != authority->escalation_tiers.end() && name->second != tier.name) {
        tier.name = name->second;
        // escalation.yaml's English name is of another body: the authority's
        // own, or none (the Vietnamese name is then shown as written).
        const auto name_en = authority->escalation_tiers_en.find(tier.level);
        tier.name_en = name_en == authority->escalation_tiers_en.end() ? "" : name_en->second;
      }
    }
  }
  return tiers;
}

}  // namespace dxcomply
