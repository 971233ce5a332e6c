#include "eval/instance_table.hpp"

#include <algorithm>

namespace dxcomply {
namespace {

bool Contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

bool InScope(const Scope& scope, const Agency& agency, bool is_national) {
  if (is_national) return scope.national;
  if (Contains(scope.except, agency.id)) return false;
  return Contains(scope.kinds, agency.kind) || Contains(scope.agencies, agency.id);
}

InstanceTable::InstanceTable(const RuleSet& rules, const AgencyDirectory& agencies,
                             int national_agency)
    : agency_count_(agencies.size()),
      cells_(rules.obligations.size() * agencies.size(), -1) {
  for (std::size_t rule = 0; rule < rules.obligations.size(); ++rule) {
    const Scope& scope = rules.obligations[rule].applies_to;
    for (std::size_t agency = 0; agency < agencies.size(); ++agency) {
      const bool national = static_cast<int>(agency) == national_agency;
      if (!InScope(scope, agencies.at(static_cast<int>(agency)), national)) continue;
      cells_[rule * agency_count_ + agency] = static_cast<std::int32_t>(instances_.size());
      instances_.push_back({static_cast<int>(rule), static_cast<int>(agency)});
    }
  }
}

}  // namespace dxcomply
