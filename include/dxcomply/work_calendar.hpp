// Working days for Vietnamese civil servants, counted as the law counts them.
//
// Days off are Saturdays, Sundays and the public holidays of the Labor Code
// 2019, Art. 112 (1/1; Tết, 5 days; Hùng Kings day, 10/3 lunar; 30/4; 1/5;
// 2/9 and a day next to it), with a substitute day for a holiday on a weekend
// (Art. 111(3)). The Government's yearly decisions (which days Tết takes,
// swapped Saturdays) are data in rules/calendar/<year>.yaml; a year without
// a file falls back to the statutory rules and says so. Lunar holidays are
// computed (Vietnamese lunisolar calendar, UTC+7), never typed in. Details,
// file format and sources: docs/calendar.md.
//
// Supported years: kFirstCalendarYear..kLastCalendarYear. Outside them the
// lunar functions return "no date" and only weekends are days off. Nothing
// here reads the clock or throws for bad input files.
#pragma once

#include "dxcomply/date.hpp"
#include "dxcomply/diagnostics.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

namespace detail {
struct CalendarTables;  // the per-day tables, defined in work_calendar.cpp
}  // namespace detail

inline constexpr int kFirstCalendarYear = 1900;
inline constexpr int kLastCalendarYear = 2199;

// ---------------------------------------------------------------------------
// The Vietnamese lunisolar calendar (âm lịch), computed for UTC+7.

// A day of the lunar calendar. `year` is the Gregorian year in which that
// lunar year begins (so 29/12 of the lunar year 2024 is 28 January 2025).
// `month` is 1..12, `day` 1..30. `leap_month` marks the intercalary month
// (tháng nhuận) that repeats the number of the month before it.
struct LunarDate {
  int year = 0;
  int month = 0;
  int day = 0;
  bool leap_month = false;

  bool operator==(const LunarDate& other) const {
    return year == other.year && month == other.month && day == other.day &&
           leap_month == other.leap_month;
  }
  bool operator!=(const LunarDate& other) const { return !(*this == other); }
};

// The lunar date of a Gregorian date. Returns a zero LunarDate ({0, 0, 0,
// false}) for special dates (not_a_date_time, infinities) and for dates
// outside the supported years.
LunarDate SolarToLunar(const Date& date);

// The Gregorian date of a lunar date; nullopt if that lunar day does not
// exist (day 30 of a 29-day month, a leap month the year does not have, a
// month outside 1..12) or lies outside the supported years.
std::optional<Date> LunarToSolar(const LunarDate& lunar);

// Tết: 1/1 of the lunar year that begins in Gregorian `year`.
// not_a_date_time outside the supported years.
Date LunarNewYear(int year);

// Hùng Kings day (Giỗ Tổ Hùng Vương): 10/3 of the lunar year that begins in
// Gregorian `year`. not_a_date_time outside the supported years.
Date HungKingsDay(int year);

// ---------------------------------------------------------------------------
// Days off, year by year.

// Consecutive days off, both ends included. An announced break lists the
// weekends inside or next to it too ("nghỉ từ thứ Bảy 25/01 đến hết Chủ nhật
// 02/02"), so a range may contain days that are off anyway.
struct DayOffRange {
  Date first;
  Date last;           // == first for a single day
  std::string name;    // e.g. "Tết Nguyên Đán (lunar new year)"
  std::string source;  // the decision document, or the article of the law
};

// One Gregorian year of days off: either the Government's announced schedule
// (from rules/calendar/<year>.yaml) or the statutory fallback.
struct CalendarYear {
  int year = 0;
  // true: read from a decision file. false: computed from the Labor Code
  // because no file exists for this year; outputs should say "statutory, no
  // decision file".
  bool from_decision = false;
  // The decision documents, or the statutory basis when !from_decision.
  std::string source;
  // In date order. A range may start in the last days of the previous year
  // or end in the first days of the next (the break around 1 January is
  // announced with the new year); those days are off too.
  std::vector<DayOffRange> days_off;
  // Saturdays made working days in exchange for a weekday off, in date order.
  std::vector<Date> working_saturdays;
  // The source of each working Saturday, parallel to working_saturdays.
  std::vector<std::string> working_saturday_sources;
  // Where the year was read from ("rules/calendar/2024.yaml"); empty for a
  // statutory year.
  std::string file;
};

// The working-day calendar. A value type: cheap to copy (the day tables are
// shared and immutable), and safe to use from several threads at once
// through const methods.
//
// Day arithmetic follows the Civil Code 2015, Art. 144-148: a time limit
// counted in days starts on the day after the event (the event's day is not
// counted), and if its last day is a day off it ends at the end of the next
// working day.
//
// All methods accept any real date. Special dates (not_a_date_time,
// infinities) are not working days, and the arithmetic returns them
// unchanged. Results must stay within Boost's years (1400-9999).
class WorkCalendar {
 public:
  // The statutory calendar (same as Statutory()).
  WorkCalendar();

  // Reads every <year>.yaml (or .yml) in `directory` (non-recursive, in name
  // order). Problems go to `diagnostics` as errors or warnings with
  // file:line:column; Load never throws for bad input. A file with any error
  // is left out entirely, so its year falls back to the statutory rules.
  // Missing or unreadable directory: one error, statutory calendar.
  static WorkCalendar Load(const std::string& directory, Diagnostics& diagnostics);

  // No decision files at all: every year follows the Labor Code (see
  // docs/calendar.md for how the 5 days of Tết and the day next to 2/9 are
  // placed when no decision says so).
  static WorkCalendar Statutory();

  // Decision years already parsed (by tests and tools). Entries are trusted
  // as given; a later entry for the same year replaces an earlier one. Years
  // outside the supported range are ignored.
  static WorkCalendar FromDecisions(std::vector<CalendarYear> years);

  // Monday to Friday, not a day off; or a working Saturday.
  bool IsWorkingDay(const Date& day) const;
  bool IsWorkingDay(DayNumber day) const;  // the engine's hot path

  // Whether a decision file was loaded for `year`.
  bool HasDecision(int year) const;

  // The decision for `year`, or the statutory fallback (from_decision ==
  // false). Outside the supported years: no days off, and `source` says so.
  CalendarYear Year(int year) const;

  // n > 0: the n-th working day after `from` (`from` itself never counts).
  // n < 0: the |n|-th working day before `from`. n == 0: `from` unchanged,
  // even if it is a day off. "Within 15 working days of 2025-01-20" ends on
  // AddWorkingDays(2025-01-20, 15).
  Date AddWorkingDays(const Date& from, int n) const;

  // The number of working days in (from, to]: `from` excluded, `to`
  // included. Negative (minus the working days in (to, from]) if to < from;
  // 0 if equal. For a working day `to` after `from`,
  // AddWorkingDays(from, WorkingDaysBetween(from, to)) == to.
  int WorkingDaysBetween(const Date& from, const Date& to) const;

  // `day` if it is a working day, else the next working day.
  Date RollForward(const Date& day) const;

  // A time limit of n calendar days (Civil Code): from + n days, rolled
  // forward to the next working day if that day is off. Any n, including
  // n <= 0, is rolled forward.
  Date AddCalendarDaysRolled(const Date& from, int n) const;

 private:
  explicit WorkCalendar(std::shared_ptr<const detail::CalendarTables> tables);

  std::shared_ptr<const detail::CalendarTables> tables_;  // never null
};

}  // namespace dxcomply
