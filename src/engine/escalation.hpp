// Which escalation tier (rules/escalation.yaml) a finding has reached.
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"
#include "dxcomply/work_calendar.hpp"

#include <vector>

namespace dxcomply {

// The highest tier whose conditions the finding meets, or nullptr. Only
// overdue and at-risk findings escalate. Working days come from `calendar`.
const EscalationTier* EscalationTierOf(const Finding& finding,
                                       const std::vector<EscalationTier>& tiers,
                                       const WorkCalendar& calendar);

}  // namespace dxcomply
