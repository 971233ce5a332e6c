// Which (obligation, agency) pairs exist: the obligation instances.
//
// An instance exists when the agency is in the obligation's scope
// (applies_to). Lookup is a dense rules x agencies matrix, so the scans can
// find a row's instance in constant time.
#pragma once

#include <cstdint>
#include <vector>

#include "dxcomply/rule_set.hpp"
#include "records/agency_directory.hpp"

namespace dxcomply {

struct Instance {
  int rule = 0;    // index into RuleSet::obligations
  int agency = 0;  // index into AgencyDirectory
};

class InstanceTable {
 public:
  // `national_agency` is the directory index of the national pseudo-agency,
  // or -1 when no rule is national.
  InstanceTable(const RuleSet& rules, const AgencyDirectory& agencies, int national_agency);

  // The instance of rule x agency, or -1 when the agency is out of scope.
  int Find(int rule, int agency) const {
    return cells_[static_cast<std::size_t>(rule) * agency_count_ + static_cast<std::size_t>(agency)];
  }
  const Instance& at(int index) const { return instances_[static_cast<std::size_t>(index)]; }
  int size() const { return static_cast<int>(instances_.size()); }
  const std::vector<Instance>& instances() const { return instances_; }

 private:
  std::size_t agency_count_;
  std::vector<std::int32_t> cells_;
  std::vector<Instance> instances_;  // by rule, then agency id
};

// Whether `agency` is in `scope`.
bool InScope(const Scope& scope, const Agency& agency, bool is_national);

}  // namespace dxcomply
