#include "engine/escalation.hpp"

#include "eval/deadlines.hpp"

#include <algorithm>

namespace dxcomply {
namespace {

bool Holds(const EscalationCondition& condition, const Finding& finding,
           const WorkCalendar& calendar) {
  if (!condition.statuses.empty() && std::find(condition.statuses.begin(), condition.statuses.end(),
                                               finding.status) == condition.statuses.end()) {
    return false;
  }
  if (condition.due_within_warn_before &&
      !(finding.due && *finding.due >= finding.as_of && finding.warn_from &&
        *finding.warn_from <= finding.as_of)) {
    return false;
  }
  if (condition.overdue_at_least) {
    if (finding.status != Status::kOverdue || !finding.due) return false;
    // The finding counts its days overdue in its rule's unit; only a
    // condition in the other unit needs counting again.
    const DayUnit unit = condition.overdue_at_least->unit;
    const int days = unit == finding.day_unit
                         ? finding.days_overdue
                         : Deadlines(calendar).Between(unit, *finding.due, finding.as_of);
    if (days < condition.overdue_at_least->days) return false;
  }
  if (condition.blocks_other_agencies && finding.holds_back_other_agencies == 0) return false;
  return true;
}

}  // namespace

const EscalationTier* EscalationTierOf(const Finding& finding,
                                       const std::vector<EscalationTier>& tiers,
                                       const WorkCalendar& calendar) {
  if (finding.status != Status::kOverdue && finding.status != Status::kAtRisk) return nullptr;
  const EscalationTier* reached = nullptr;
  for (const EscalationTier& tier : tiers) {
    for (const EscalationCondition& condition : tier.when_any) {
      if (Holds(condition, finding, calendar)) {
        if (reached == nullptr || tier.level > reached->level) reached = &tier;
        break;
      }
    }
  }
  return reached;
}

}  // namespace dxcomply
