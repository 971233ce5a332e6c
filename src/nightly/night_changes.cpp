#include "nightly/night_changes.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_set>

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

NightChanges CompareNights(const TrackedItems& baseline, TrackedItems tonight) {
  using KeySet = std::unordered_set<const TrackedItem*, ItemKeyHash, ItemKeyEqual>;
  KeySet before(baseline.size() * 2);
  for (const TrackedItem& item : baseline) before.insert(&item);

  NightChanges result;
  result.tonight = std::move(tonight);
  result.changes.reserve(result.tonight.size() + baseline.size() / 16);
  std::vector<bool> matched(baseline.size(), false);
  for (TrackedItem& current : result.tonight) {
    ItemChange change;
    change.item = &current;
    const auto found = before.find(&current);
    int escalated_before = 0;
    if (found == before.end()) {
      change.change = Change::kNew;
    } else {
      change.previous = *found;
      matched[static_cast<std::size_t>(change.previous - baseline.data())] = true;
      escalated_before = change.previous->escalated_tier;
      change.change = current.tier > change.previous->tier ? Change::kWorsened : Change::kUnchanged;
    }
    if (current.tier > escalated_before) change.escalate_to = current.tier;
    current.escalated_tier = std::max(escalated_before, current.tier);
    result.changes.push_back(change);
  }
  for (std::size_t i = 0; i < baseline.size(); ++i) {
    if (matched[i]) continue;
    const TrackedItem& previous = baseline[i];
    ItemChange change;
    change.change = Change::kResolved;
    change.item = &previous;
    change.previous = &previous;
    result.changes.push_back(change);
  }
  std::sort(
      result.changes.begin(), result.changes.end(), [](const ItemChange& a, const ItemChange& b) {
        const TrackedItem& x = *a.item;
        const TrackedItem& y = *b.item;
        return std::make_tuple(static_cast<int>(a.change), -x.tier, x.agency_id, x.obligation_id,
                               x.period) < std::make_tuple(static_cast<int>(b.change), -y.tier,
                                                           y.agency_id, y.obligation_id, y.period);
      });
  return result;
}

}  // namespace dxcomply
