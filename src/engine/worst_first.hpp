// The worst-first order of findings: where each goes, and the move there.
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"

#include "eval/instance_table.hpp"
#include "records/agency_directory.hpp"

#include <vector>

namespace dxcomply {

// What places a finding, once its status is final.
struct OrderFacts {
  Status status = Status::kNotApplicable;
  int days_overdue = 0;
  int days_left = 0;
};

// Where each finding goes in the worst-first order: by status, days overdue
// (most first), days left (fewest first), then obligation id, agency id and
// period. facts[i] is instance i's.
std::vector<int> WorstFirstPositions(const std::vector<OrderFacts>& facts,
                                     const InstanceTable& instances, const RuleSet& rules,
                                     const AgencyDirectory& agencies);

// Moves findings[i] to findings[position[i]], in place, on two threads.
void MoveToPositions(std::vector<Finding>& findings, std::vector<int> position);

}  // namespace dxcomply
