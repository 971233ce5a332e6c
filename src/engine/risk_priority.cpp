#include "engine/risk_priority.hpp"

#include "engine/escalation.hpp"

#include <algorithm>

namespace dxcomply {

int HeadingTier(const Finding& finding, int other_agencies,
                const std::vector<EscalationTier>& tiers, const WorkCalendar& calendar) {
  if (finding.status != Status::kAtRisk || !finding.due) return 0;
  // Only what EscalationTierOf reads: no strings, nothing another thread
  // may be writing.
  Finding probe;
  probe.status = finding.status;
  probe.as_of = finding.as_of;
  probe.due = finding.due;
  probe.warn_from = finding.warn_from;
  probe.day_unit = finding.day_unit;
  probe.days_left = finding.days_left;
  probe.holds_back_other_agencies = other_agencies;
  const EscalationTier* now = EscalationTierOf(probe, tiers, calendar);

  probe.status = Status::kOverdue;
  probe.as_of = calendar.AddWorkingDays(*finding.due, 1);
  probe.days_left = 0;
  probe.days_overdue = finding.day_unit == DayUnit::kWorking
                           ? 1
                           : static_cast<int>((probe.as_of - *finding.due).days());
  const EscalationTier* then = EscalationTierOf(probe, tiers, calendar);
  return std::max(now != nullptr ? now->level : 0, then != nullptr ? then->level : 0);
}

void RankAtRisk(std::vector<Finding>& findings) {
  int rank = 0;
  for (Finding& finding : findings) {
    finding.priority_rank = finding.status == Status::kAtRisk ? ++rank : 0;
  }
}

}  // namespace dxcomply
