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
  const TrackedItem* item = nullptr;      // tonight's; for resolved, the baseline's
  const TrackedItem* previous = nullptr;  // the baseline's, when it had the item
  int escalate_to = 0;                    // > 0: escalated tonight to this tier
};

// Points into its own `tonight` and into the baseline it was made from,
// which must outlive it. Moving keeps the pointers valid; copying would not.
struct NightChanges {
  NightChanges() = default;
  NightChanges(NightChanges&&) = default;
  NightChanges& operator=(NightChanges&&) = default;
  NightChanges(const NightChanges&) = delete;
  NightChanges& operator=(const NightChanges&) = delete;

  TrackedItems tonight;             // tonight's items, escalated_tier updated
  std::vector<ItemChange> changes;  // by change, then tier (highest first), agency, obligation
};

// A hash join on the items' stable keys (obligation, agency, period): each
// item is looked up once, whatever the number of items.
NightChanges CompareNights(const TrackedItems& baseline, TrackedItems tonight);

}  // namespace dxcomply
