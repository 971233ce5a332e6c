// What the nightly batch remembers of one overdue or at-risk instance from
// one night to the next, and the classes of change between two nights.
#pragma once

#include "dxcomply/date.hpp"
#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"
#include "dxcomply/work_calendar.hpp"

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace dxcomply {

// The texts of an item are views: into the report for tonight's items (a
// report lives until the process exits, see cli/prepared_run.hpp), into a
// TextStore for items read from a state file. 220,000 items on the
// benchmark's country share ten thousand agency names and a few hundred
// titles, so an item is a few dozen bytes, not a few hundred.
struct TrackedItem {
  std::string_view obligation_id;
  std::string_view obligation_title;
  std::string_view agency_id;
  std::string_view agency_name;
  std::string_view period;
  Status status = Status::kAtRisk;  // overdue or at_risk
  std::optional<Date> due;
  int days = 0;                           // days overdue, or days left when at risk
  DayUnit day_unit = DayUnit::kCalendar;  // how `days` counts
  int tier = 0;                           // the escalation tier it meets tonight; 0: none
  int escalated_tier = 0;                 // the highest tier it was ever escalated to
};

// One copy of each distinct text, kept at a stable address for as long as
// the store lives (a deque never moves its elements).
class TextStore {
 public:
  std::string_view Keep(std::string_view text);

 private:
  std::deque<std::string> texts_;
  std::unordered_set<std::string_view> kept_;
};

// "<obligation>|<agency>|<period>": one instance, the same every night.
std::string ItemKey(std::string_view obligation_id, std::string_view agency_id,
                    std::string_view period);
std::string ItemKey(const TrackedItem& item);

// The stable key of an item as a hash-table key, without building a string.
struct ItemKeyHash {
  std::size_t operator()(const TrackedItem* item) const;
};
struct ItemKeyEqual {
  bool operator()(const TrackedItem* a, const TrackedItem* b) const;
};

// By obligation, agency, period: the order of the state file and of
// every list the batch writes for the same items.
bool KeyLess(const TrackedItem& a, const TrackedItem& b);

using TrackedItems = std::vector<TrackedItem>;

// Tonight's overdue and at-risk findings, each with the escalation tier it
// meets (rules/escalation.yaml); escalated_tier is left 0 for CompareNights.
// In the report's order; the views point into `report`.
TrackedItems TrackFindings(const Report& report, const std::vector<EscalationTier>& tiers,
                           const WorkCalendar& calendar);

}  // namespace dxcomply
