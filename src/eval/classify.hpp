// The status of one obligation instance from its measures: pure, no I/O.
//
// Blocking by upstream instances is decided later, on the dependency graph
// (graph/propagation.hpp); Classify sees only the instance's own figures.
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/obligation.hpp"

#include <optional>
#include <string>

namespace dxcomply {

struct InstanceCounts;
struct TaskOutlook;
class Deadlines;

struct ClassifyInput {
  const Check* check = nullptr;
  Date as_of;  // T
  Date due;    // unused for per-record due dates (per_record is set)
  // How close is too close; its unit is how days left and overdue count.
  DayCount warn_before{kDefaultWarnBeforeDays, DayUnit::kCalendar};
  int lookback_days = kDefaultLookbackDays;  // W
  Measure at_as_of;                          // v(T)
  Measure at_lookback;                       // v(T - W)
  Measure at_due;                            // v(min(T, due))
  // Task checks: how the task rows stand against the due date (required).
  // Other checks project linearly from v(T - W) to v(T).
  const TaskOutlook* task = nullptr;
  // Coverage with a due date per row (`due: {after_column: ...}`): the rows'
  // figures, and the rule's due description for the reason.
  const InstanceCounts* per_record = nullptr;
  const Due* due_rule = nullptr;
  // Counts working days. Required when warn_before is in working days or
  // per_record is set.
  const Deadlines* deadlines = nullptr;
};

struct Classification {
  Status status = Status::kNotApplicable;
  RiskGrounds grounds = 0;  // at risk: why (never 0 then)
  std::string reason;
  int days_overdue = 0;
  int days_left = 0;
  std::optional<double> projection;  // set when not reached and not yet due
  std::optional<Date> due;           // per-record: the due date the status is about
};

Classification Classify(const ClassifyInput& input);

// Whether `measure` reaches the check's target. Coverage compares the exact
// fraction numerator/denominator with the target, free of rounding.
bool Reaches(const Check& check, const Measure& measure);
bool ReachesValue(const Check& check, double value);

// "62.1% (18/29)", "3", "not completed", "2 of 3 tasks completed", "15%".
std::string DescribeMeasure(const Check& check, const Measure& measure);
std::string DescribeTarget(const Check& check);
// A share as a percentage with up to one decimal: "62.1%", "100%".
std::string FormatPercent(double share);
// A number as printf's "%.1f" writes it, less a trailing ".0": "62.1", "3".
std::string FormatTenths(double value);
// "1 day", "3 working days"
std::string CountText(int count, DayUnit unit);

}  // namespace dxcomply
