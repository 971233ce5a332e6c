#include "nightly/tracked_item.hpp"

#include "engine/escalation.hpp"

namespace dxcomply {

std::string ItemKey(const std::string& obligation_id, const std::string& agency_id,
                    const std::string& period) {
  return obligation_id + "|" + agency_id + "|" + period;
}

std::string ItemKey(const TrackedItem& item) {
  return ItemKey(item.obligation_id, item.agency_id, item.period);
}

TrackedItems TrackFindings(const Report& report, const std::vector<EscalationTier>& tiers,
                           const WorkCalendar& calendar) {
  TrackedItems items;
  for (const Finding& finding : report.findings) {
    if (finding.status != Status::kOverdue && finding.status != Status::kAtRisk) continue;
    TrackedItem item;
    item.obligation_id = finding.obligation->id;
    item.obligation_title = finding.obligation->title;
    item.agency_id = finding.agency->id;
    item.agency_name = finding.agency->name;
    item.period = finding.period;
    item.status = finding.status;
    item.due = finding.due;
    item.days = finding.status == Status::kOverdue ? finding.days_overdue : finding.days_left;
    item.day_unit = finding.day_unit;
    const EscalationTier* tier = EscalationTierOf(finding, tiers, calendar);
    item.tier = tier == nullptr ? 0 : tier->level;
    items.emplace(ItemKey(item), std::move(item));
  }
  return items;
}

}  // namespace dxcomply
