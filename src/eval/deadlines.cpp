#include "eval/deadlines.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

namespace dxcomply {
namespace {

int CycleDays(Frequency frequency) {
  switch (frequency) {
    case Frequency::kMonth:
      return 31;
    case Frequency::kQuarter:
      return 92;
    case Frequency::kYear:
      break;
  }
  return 366;
}

}  // namespace

Date Deadlines::Fixed(const Due& due) const {
  return due.roll_to_working_day ? calendar_.RollForward(due.date) : due.date;
}

std::vector<Period> Deadlines::Periods(const Due& due, const Date& as_of) const {
  std::vector<Period> periods;
  const Date horizon = as_of + boost::gregorian::days(CycleDays(due.first.frequency));
  for (Period period = due.first; !due.last || !(*due.last < period); period = period.Next()) {
    const bool begun = period.First() <= as_of;
    if (!begun && PeriodDue(due, period) > horizon) break;
    periods.push_back(period);
  }
  return periods;
}

Date Deadlines::PeriodDue(const Due& due, const Period& period) const {
  const Date month = period.First() + boost::gregorian::months(due.month_offset);
  const Date last_day = month.end_of_month();
  Date day;
  if (due.working_day > 0) {
    // The n-th working day of the month: the n-th after the day before the 1st.
    day = calendar_.AddWorkingDays(month - boost::gregorian::days(1), due.working_day);
    return day;
  }
  day = due.day == 0 || due.day > last_day.day()
            ? last_day
            : Date(month.year(), month.month(), static_cast<unsigned short>(due.day));
  return due.roll_to_working_day ? calendar_.RollForward(day) : day;
}

Date Deadlines::After(const Due& due, const Date& event) const {
  return due.unit == DayUnit::kWorking ? calendar_.AddWorkingDays(event, due.days)
                                       : calendar_.AddCalendarDaysRolled(event, due.days);
}

DayNumber Deadlines::After(const Due& due, DayNumber event) const {
  return ToDayNumber(After(due, FromDayNumber(event)));
}

int Deadlines::Between(DayUnit unit, const Date& from, const Date& to) const {
  if (unit == DayUnit::kWorking) return calendar_.WorkingDaysBetween(from, to);
  return static_cast<int>((to - from).days());
}

Date Deadlines::Before(const DayCount& count, const Date& date) const {
  if (count.unit == DayUnit::kWorking) return calendar_.AddWorkingDays(date, -count.days);
  return date - boost::gregorian::days(count.days);
}

Date Deadlines::LatestStart(const Obligation& rule, const Date& due) const {
  return Before(rule.lead_time ? *rule.lead_time : rule.warn_before, due);
}

}  // namespace dxcomply
