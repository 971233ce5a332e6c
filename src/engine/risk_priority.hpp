// Which risks first: the key that orders the at-risk list (README "Which
// risks first"), and the ranks it gives.
//
// An at-risk finding comes before another when, in this order:
//   1. it is heading for a higher escalation tier (rules/escalation.yaml);
//   2. its latest start is earlier: fewer days left against its lead time;
//   3. it holds back more agencies, then more instances;
// and then by days left, obligation, agency and period (WorstFirstPositions).
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"
#include "dxcomply/work_calendar.hpp"

#include <vector>

namespace dxcomply {

// The escalation tier an at-risk finding is heading for: the higher of the
// tier it has reached and the one it would reach on the first working day
// after its due date, still not done; 0 when none. `other_agencies` is how
// many agencies besides its own it holds back (the finding's own figure may
// not be set yet). Reads only the finding's status, dates and day unit.
int HeadingTier(const Finding& finding, int other_agencies,
                const std::vector<EscalationTier>& tiers, const WorkCalendar& calendar);

// Numbers the at-risk findings in the order they stand (priority_rank 1, 2,
// ...); the others get 0.
void RankAtRisk(std::vector<Finding>& findings);

}  // namespace dxcomply
