// Due dates of every form (fixed, rolled, relative, per record, recurring),
// counted as the law counts them with the working-day calendar.
//
// Counting follows the Civil Code (arts. 144-148): a time limit of N days
// starts the day after its event, and if it ends on a day off it ends on the
// next working day. N working days after an event is the N-th working day
// after it.
#pragma once

#include "dxcomply/date.hpp"
#include "dxcomply/obligation.hpp"
#include "dxcomply/work_calendar.hpp"

#include <vector>

namespace dxcomply {

class Deadlines {
 public:
  explicit Deadlines(const WorkCalendar& calendar) : calendar_(calendar) {}

  // kFixed: the date, rolled to a working day when the rule says so.
  Date Fixed(const Due& due) const;

  // kRecurring: the periods that concern `as_of`, oldest first: every period
  // from `first` (to `last`) that has begun by then, or whose due date is no
  // more than one cycle ahead (a year's plan due in the December before).
  std::vector<Period> Periods(const Due& due, const Date& as_of) const;
  Date PeriodDue(const Due& due, const Period& period) const;

  // kAfter and kPerRecord: `due.days` (working) days after `event`.
  Date After(const Due& due, const Date& event) const;
  DayNumber After(const Due& due, DayNumber event) const;

  // to - from in the unit: calendar days, or working days in (from, to]
  // (negative when to < from).
  int Between(DayUnit unit, const Date& from, const Date& to) const;
  // The day `count` calendar or working days before `date`: where a
  // warn_before window opens.
  Date Before(const DayCount& count, const Date& date) const;
  // The day `rule`'s work must start by for `due`: its lead_time before
  // it, or, without one, where its warn_before window opens.
  Date LatestStart(const Obligation& rule, const Date& due) const;

  const WorkCalendar& calendar() const { return calendar_; }

 private:
  const WorkCalendar& calendar_;
};

}  // namespace dxcomply
