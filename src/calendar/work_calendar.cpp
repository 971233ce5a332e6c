#include "dxcomply/work_calendar.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "calendar/calendar_yaml.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <set>
#include <utility>

namespace dxcomply {
namespace {

constexpr DayNumber kJdnOfUnixEpoch = 2440588;  // Boost's day_number() of 1970-01-01

// Day of the week of a DayNumber, 0 = Sunday ... 6 = Saturday (1970-01-01
// was a Thursday). Written so that no input can overflow.
int Weekday(DayNumber day) { return ((day % 7) + 11) % 7; }

bool IsMondayToFriday(DayNumber day) {
  const int weekday = Weekday(day);
  return weekday != 0 && weekday != 6;
}

DayNumber Jan1(int year) { return ToDayNumber(Date(year, 1, 1)); }

DayOffRange Single(const Date& day, std::string name, std::string source) {
  return {day, day, std::move(name), std::move(source)};
}

// The Labor Code without a decision: Art. 112(1) holidays, each one that
// falls on a Saturday or Sunday followed by a substitute day on the next
// working day (Art. 111(3)). Where the law leaves the placing to the Prime
// Minister we take the usual choice (docs/calendar.md): Tết is the last day
// of the lunar year and 1-4/1 lunar; the day next to 2/9 is 1/9, which is
// what 2022-2025 decisions chose or amounted to.
CalendarYear StatutoryYear(int year) {
  CalendarYear result;
  result.year = year;
  result.from_decision = false;
  if (year < kFirstCalendarYear || year > kLastCalendarYear) {
    result.source = Format(Tr("outside the years the calendar supports ({0}-{1}): Saturdays and "
                              "Sundays only"),
                           {std::to_string(kFirstCalendarYear), std::to_string(kLastCalendarYear)});
    return result;
  }
  result.source = Format(Tr("Labor Code 2019, Art. 112 (public holidays) and Art. 111(3) "
                            "(substitute days); statutory, no decision file for {0}"),
                         {std::to_string(year)});
  // "Labor Code 2019, Art. 112(1)(a)", with what the rule chose where it did.
  const auto article = [](const char* point) {
    return Format(Tr("Labor Code 2019, Art. 112(1)({0})"), {point});
  };
  const Date tet = LunarNewYear(year);
  std::vector<DayOffRange> holidays = {
      Single(Date(year, 1, 1), Tr("Tết Dương lịch (New Year's Day)"), article("a")),
      {tet - boost::gregorian::days(1), tet + boost::gregorian::days(3),
       Tr("Tết Nguyên Đán (lunar new year): last day of the lunar year and 1-4/1 lunar"),
       Format(Tr("{0}; the 5 days placed by dxcomply's statutory rule"), {article("b")})},
      Single(HungKingsDay(year), Tr("Giỗ Tổ Hùng Vương (Hùng Kings day, 10/3 lunar)"),
             article("e")),
      Single(Date(year, 4, 30), Tr("Ngày Chiến thắng (Victory Day)"), article("c")),
      Single(Date(year, 5, 1), Tr("Ngày Quốc tế Lao động (International Labour Day)"),
             article("d")),
      {Date(year, 9, 1), Date(year, 9, 2), Tr("Quốc khánh (National Day, 2/9 and 1/9)"),
       Format(Tr("{0}; 1/9 chosen as the adjacent day by dxcomply's statutory rule"),
              {article("đ")})},
  };
  std::sort(holidays.begin(), holidays.end(),
            [](const DayOffRange& a, const DayOffRange& b) { return a.first < b.first; });

  std::set<DayNumber> taken;  // holidays, then substitutes as they are given
  for (const DayOffRange& range : holidays) {
    for (DayNumber d = ToDayNumber(range.first); d <= ToDayNumber(range.last); ++d) taken.insert(d);
  }
  result.days_off = holidays;
  for (const DayOffRange& range : holidays) {
    for (DayNumber d = ToDayNumber(range.first); d <= ToDayNumber(range.last); ++d) {
      if (IsMondayToFriday(d)) continue;
      DayNumber substitute = d + 1;
      while (!IsMondayToFriday(substitute) || taken.count(substitute)) ++substitute;
      taken.insert(substitute);
      result.days_off.push_back(
          Single(FromDayNumber(substitute),
                 Format(Tr("Nghỉ bù (substitute day off) for {0} on {1}"),
                        {range.name, FormatVnDate(FromDayNumber(d))}),
                 Tr("Labor Code 2019, Art. 111(3)")));
    }
  }
  std::stable_sort(result.days_off.begin(), result.days_off.end(),
                   [](const DayOffRange& a, const DayOffRange& b) { return a.first < b.first; });
  return result;
}

}  // namespace

namespace detail {

// One bit per day from 1 January kFirstCalendarYear to 31 December
// kLastCalendarYear: 1 = working day. Immutable once built, shared by copies.
struct CalendarTables {
  std::map<int, CalendarYear> decisions;
  DayNumber first_day = 0;
  DayNumber end_day = 0;  // one past the last day
  std::vector<std::uint64_t> working;

  bool Working(DayNumber day) const {
    if (day < first_day || day >= end_day) return IsMondayToFriday(day);
    const auto index = static_cast<std::uint32_t>(day - first_day);
    return (working[index / 64] >> (index % 64)) & 1u;
  }

  void Set(DayNumber day, bool is_working) {
    const auto index = static_cast<std::uint32_t>(day - first_day);
    const std::uint64_t bit = std::uint64_t{1} << (index % 64);
    if (is_working) {
      working[index / 64] |= bit;
    } else {
      working[index / 64] &= ~bit;
    }
  }

  // Recomputes the bits of one year: its decision (or the statutory rules),
  // plus any range of a neighbouring year's decision that spills into it.
  // A decision replaces the statutory rules rather than adding to them: the
  // decision already places Tết and the substitutes, and adding the statutory
  // guesses would put back days it moved.
  void FillYear(int year) {
    const DayNumber begin = Jan1(year);
    const DayNumber end = Jan1(year + 1);
    std::vector<bool> off(static_cast<std::size_t>(end - begin), false);
    std::set<DayNumber> working_saturdays;
    auto mark = [&](const CalendarYear& source) {
      for (const DayOffRange& range : source.days_off) {
        const DayNumber first = std::max(ToDayNumber(range.first), begin);
        const DayNumber last = std::min(ToDayNumber(range.last), end - 1);
        for (DayNumber d = first; d <= last; ++d) off[static_cast<std::size_t>(d - begin)] = true;
      }
    };
    const auto own = decisions.find(year);
    if (own != decisions.end()) {
      mark(own->second);
      for (const Date& saturday : own->second.working_saturdays) {
        working_saturdays.insert(ToDayNumber(saturday));
      }
    } else {
      mark(StatutoryYear(year));
    }
    for (int neighbour : {year - 1, year + 1}) {
      const auto found = decisions.find(neighbour);
      if (found != decisions.end()) mark(found->second);
    }
    for (DayNumber d = begin; d < end; ++d) {
      const bool workday = IsMondayToFriday(d) || working_saturdays.count(d) > 0;
      Set(d, workday && !off[static_cast<std::size_t>(d - begin)]);
    }
  }
};

}  // namespace detail

using detail::CalendarTables;

namespace {

// Built once per process (about 300 years of lunar holidays, ~15 ms) and
// shared by every statutory calendar and as the starting point of loaded
// ones. Eager tables keep the const API free of locks: lazily filled caches
// would need synchronisation to be shared between threads.
std::shared_ptr<const CalendarTables> StatutoryTables() {
  static const std::shared_ptr<const CalendarTables> kTables = [] {
    auto tables = std::make_shared<CalendarTables>();
    tables->first_day = Jan1(kFirstCalendarYear);
    tables->end_day = Jan1(kLastCalendarYear + 1);
    tables->working.assign(static_cast<std::size_t>(tables->end_day - tables->first_day) / 64 + 1,
                           0);
    for (int year = kFirstCalendarYear; year <= kLastCalendarYear; ++year) tables->FillYear(year);
    return std::shared_ptr<const CalendarTables>(std::move(tables));
  }();
  return kTables;
}

}  // namespace

WorkCalendar::WorkCalendar() : tables_(StatutoryTables()) {}

WorkCalendar::WorkCalendar(std::shared_ptr<const CalendarTables> tables)
    : tables_(std::move(tables)) {}

WorkCalendar WorkCalendar::Load(const std::string& directory, Diagnostics& diagnostics) {
  return FromDecisions(LoadCalendarDirectory(directory, diagnostics));
}

WorkCalendar WorkCalendar::Statutory() { return WorkCalendar(); }

WorkCalendar WorkCalendar::FromDecisions(std::vector<CalendarYear> years) {
  auto tables = std::make_shared<CalendarTables>(*StatutoryTables());
  std::set<int> touched;
  for (CalendarYear& year : years) {
    if (year.year < kFirstCalendarYear || year.year > kLastCalendarYear) continue;
    year.from_decision = true;
    const int number = year.year;
    tables->decisions[number] = std::move(year);
    for (int y : {number - 1, number, number + 1}) {
      if (y >= kFirstCalendarYear && y <= kLastCalendarYear) touched.insert(y);
    }
  }
  for (int year : touched) tables->FillYear(year);
  return WorkCalendar(std::shared_ptr<const CalendarTables>(std::move(tables)));
}

bool WorkCalendar::IsWorkingDay(DayNumber day) const { return tables_->Working(day); }

bool WorkCalendar::IsWorkingDay(const Date& day) const {
  if (day.is_special()) return false;
  // Boost keeps a date as its Julian Day Number: no calendar arithmetic on
  // this hot path (ToDayNumber would split it into year, month, day first).
  return tables_->Working(static_cast<DayNumber>(day.day_number()) - kJdnOfUnixEpoch);
}

bool WorkCalendar::HasDecision(int year) const { return tables_->decisions.count(year) > 0; }

CalendarYear WorkCalendar::Year(int year) const {
  const auto found = tables_->decisions.find(year);
  if (found != tables_->decisions.end()) return found->second;
  return StatutoryYear(year);
}

Date WorkCalendar::AddWorkingDays(const Date& from, int n) const {
  if (from.is_special() || n == 0) return from;
  // Day by day: limits are short (days to a few months), and each step is a
  // bit lookup.
  const int step = n > 0 ? 1 : -1;
  long long remaining = std::llabs(static_cast<long long>(n));
  DayNumber day = ToDayNumber(from);
  while (remaining > 0) {
    day += step;
    if (tables_->Working(day)) --remaining;
  }
  return FromDayNumber(day);
}

int WorkCalendar::WorkingDaysBetween(const Date& from, const Date& to) const {
  if (from.is_special() || to.is_special() || from == to) return 0;
  if (to < from) return -WorkingDaysBetween(to, from);
  int count = 0;
  for (DayNumber day = ToDayNumber(from) + 1, last = ToDayNumber(to); day <= last; ++day) {
    if (tables_->Working(day)) ++count;
  }
  return count;
}

Date WorkCalendar::RollForward(const Date& day) const {
  if (day.is_special()) return day;
  DayNumber number = ToDayNumber(day);
  while (!tables_->Working(number)) ++number;
  return FromDayNumber(number);
}

Date WorkCalendar::AddCalendarDaysRolled(const Date& from, int n) const {
  if (from.is_special()) return from;
  return RollForward(from + boost::gregorian::days(n));
}

}  // namespace dxcomply
