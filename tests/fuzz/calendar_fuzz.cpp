// A calendar file (rules/calendar/<year>.yaml): any bytes as the file of
// the year its `year:` line names (2025 without one), then, if it is
// accepted, a calendar made of it and asked the questions the engine asks.
// Every problem is a diagnostic.
#include "dxcomply/work_calendar.hpp"

#include "calendar/calendar_yaml.hpp"
#include "fuzz_support.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <cstddef>
#include <cstdint>
#include <regex>
#include <string>

using namespace dxcomply;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  static const std::regex kYearLine("year: *([0-9]{4})");
  std::smatch match;
  const std::string named = std::regex_search(text, match, kYearLine) ? match[1].str() : "2025";
  Diagnostics diagnostics;
  const std::optional<CalendarYear> year =
      ParseCalendarFile(text, "rules/calendar/" + named + ".yaml", diagnostics);
  for (const Diagnostic& diagnostic : diagnostics.Sorted()) (void)diagnostic.ToString();
  if (!year) return 0;
  const WorkCalendar calendar = WorkCalendar::FromDecisions({*year});
  const Date first = Date(static_cast<unsigned short>(year->year - 1), 12, 20);
  for (int offset = 0; offset < 400; offset += 7) {
    const Date day = first + boost::gregorian::days(offset);
    (void)calendar.IsWorkingDay(day);
    (void)calendar.AddWorkingDays(day, offset % 30);
    (void)calendar.RollForward(day);
  }
  (void)calendar.WorkingDaysBetween(first, first + boost::gregorian::days(400));
  (void)calendar.Year(year->year);
  return 0;
}
