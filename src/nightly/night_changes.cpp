#include "nightly/night_changes.hpp"

#include <algorithm>
#include <tuple>

namespace dxcomply {

const char* ChangeName(Change change) {
  switch (change) {
    case Change::kNew:
      return "new";
    case Change::kWorsened:
      return "worsened";
    case Change::kResolved:
      return "resolved";
    case Change::kUnchanged:
      return "unchanged";
  }
  return "unchanged";
}

NightChanges CompareNights(const TrackedItems& baseline, const TrackedItems& tonight) {
  NightChanges result;
  for (const auto& [key, current] : tonight) {
    ItemChange change;
    change.item = current;
    const auto before = baseline.find(key);
    int escalated_before = 0;
    if (before == baseline.end()) {
      change.change = Change::kNew;
    } else {
      change.previous = before->second;
      escalated_before = before->second.escalated_tier;
      change.change = current.tier > before->second.tier ? Change::kWorsened : Change::kUnchanged;
    }
    if (current.tier > escalated_before) change.escalate_to = current.tier;
    change.item.escalated_tier = std::max(escalated_before, current.tier);
    result.tonight.emplace(key, change.item);
    result.changes.push_back(std::move(change));
  }
  for (const auto& [key, previous] : baseline) {
    if (tonight.count(key) != 0) continue;
    ItemChange change;
    change.change = Change::kResolved;
    change.item = previous;
    change.previous = previous;
    result.changes.push_back(std::move(change));
  }
  std::sort(result.changes.begin(), result.changes.end(),
            [](const ItemChange& a, const ItemChange& b) {
              return std::make_tuple(static_cast<int>(a.change), -a.item.tier, a.item.agency_id,
                                     a.item.obligation_id, a.item.period) <
                     std::make_tuple(static_cast<int>(b.change), -b.item.tier, b.item.agency_id,
                                     b.item.obligation_id, b.item.period);
            });
  return result;
}

}  // namespace dxcomply
