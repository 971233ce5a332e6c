// The worst-first order of findings: where each goes, and the move there.
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"

#include "eval/instance_table.hpp"
#include "records/agency_directory.hpp"

#include <vector>

namespace dxcomply {

// What places a finding, once its status is final. The priority's key
// (engine/risk_priority.hpp) is set for at-risk findings only.
struct OrderFacts {
  Status status = Status::kNotApplicable;
  int days_overdue = 0;
  int days_left = 0;
  int heading_tier = 0;
  DayNumber latest_start = kPlusInfinity;
  int holds_back_agencies = 0;
  int holds_back = 0;
};

// Where each finding goes in the worst-first order: by status; overdue by
// days overdue (most first); at risk by the priority's key (tier heading
// for, highest first; latest start, earliest first; agencies and instances
// held back, most first); then days left (fewest first), obligation id,
// agency id and period. facts[i] is instance i's.
std::vector<int> WorstFirstPositions(const std::vector<OrderFacts>& facts,
                                     const InstanceTable& instances, const RuleSet& rules,
                                     const AgencyDirectory& agencies);

// Moves findings[i] to findings[position[i]], in place, on two threads.
void MoveToPositions(std::vector<Finding>& findings, std::vector<int> position);

}  // namespace dxcomply
