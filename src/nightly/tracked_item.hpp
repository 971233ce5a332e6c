// What the nightly batch remembers of one overdue or at-risk instance from
// one night to the next, and the classes of change between two nights.
#pragma once

#include "dxcomply/date.hpp"
#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"
#include "dxcomply/work_calendar.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

struct TrackedItem {
  std::string obligation_id;
  std::string obligation_title;
  std::string agency_id;
  std::string agency_name;
  std::string period;
  Status status = Status::kAtRisk;  // overdue or at_risk
  std::optional<Date> due;
  int days = 0;                           // days overdue, or days left when at risk
  DayUnit day_unit = DayUnit::kCalendar;  // how `days` counts
  int tier = 0;                           // the escalation tier it meets tonight; 0: none
  int escalated_tier = 0;                 // the highest tier it was ever escalated to
};

// "<obligation>|<agency>|<period>": one instance, the same every night.
std::string ItemKey(const std::string& obligation_id, const std::string& agency_id,
                    const std::string& period);
std::string ItemKey(const TrackedItem& item);

using TrackedItems = std::map<std::string, TrackedItem>;  // by ItemKey

// Tonight's overdue and at-risk findings, each with the escalation tier it
// meets (rules/escalation.yaml); escalated_tier is left 0 for CompareNights.
TrackedItems TrackFindings(const Report& report, const std::vector<EscalationTier>& tiers,
                           const WorkCalendar& calendar);

}  // namespace dxcomply
