#include "nightly/tracked_item.hpp"

#include "engine/escalation.hpp"

#include <tuple>

namespace dxcomply {

std::string_view TextStore::Keep(std::string_view text) {
  const auto found = kept_.find(text);
  if (found != kept_.end()) return *found;
  const std::string_view kept = texts_.emplace_back(text);
  kept_.insert(kept);
  return kept;
}

std::string ItemKey(std::string_view obligation_id, std::string_view agency_id,
                    std::string_view period) {
  std::string key;
  key.reserve(obligation_id.size() + agency_id.size() + period.size() + 2);
  key.append(obligation_id).append("|").append(agency_id).append("|").append(period);
  return key;
}

std::string ItemKey(const TrackedItem& item) {
  return ItemKey(item.obligation_id, item.agency_id, item.period);
}

std::size_t ItemKeyHash::operator()(const TrackedItem* item) const {
  const std::hash<std::string_view> hash;
  std::size_t h = hash(item->obligation_id);
  h = h * 1000003u ^ hash(item->agency_id);
  return h * 1000003u ^ hash(item->period);
}

bool ItemKeyEqual::operator()(const TrackedItem* a, const TrackedItem* b) const {
  return a->obligation_id == b->obligation_id && a->agency_id == b->agency_id &&
         a->period == b->period;
}

bool KeyLess(const TrackedItem& a, const TrackedItem& b) {
  return std::tie(a.obligation_id, a.agency_id, a.period) <
         std::tie(b.obligation_id, b.agency_id, b.period);
}

TrackedItems TrackFindings(const Report& report, const std::vector<EscalationTier>& tiers,
                           const WorkCalendar& calendar) {
  TrackedItems items;
  for (const Finding& finding : report.findings) {
    if (finding.status != Status::kOverdue && finding.status != Status::kAtRisk) continue;
    TrackedItem& item = items.emplace_back();
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
  }
  return items;
}

}  // namespace dxcomply
