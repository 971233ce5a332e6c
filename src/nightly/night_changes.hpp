// Tonight's overdue and at-risk instances against the baseline night's:
// what is new, what worsened (moved to a higher escalation tier), what was
// resolved, what is unchanged, and who is escalated tonight. An instance is
// escalated to a tier once: only when tonight's tier is above every tier it
// was escalated to before.
#pragma once

#include "nightly/tracked_item.hpp"

#include <vector>

namespace dxcomply {

enum class Change { kNew, kWorsened, kResolved, kUnchanged };
const char* ChangeName(Change change);  // "new", "worsened", "resolved", "unchanged"

struct ItemChange {
  Change change = Change::kUnchanged;
  TrackedItem item;                     // tonight's; for resolved, the baseline's
  std::optional<TrackedItem> previous;  // the baseline's, when it had the item
  int escalate_to = 0;                  // > 0: escalated tonight to this tier
};

struct NightChanges {
  std::vector<ItemChange> changes;  // by change, then tier (highest first), agency, obligation
  TrackedItems tonight;             // tonight's items, escalated_tier updated
};

NightChanges CompareNights(const TrackedItems& baseline, const TrackedItems& tonight);

}  // namespace dxcomply
