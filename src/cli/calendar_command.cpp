#include "cli/calendar_command.hpp"

#include "dxcomply/work_calendar.hpp"

#include "base/labels.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "cli/run_inputs.hpp"
#include "report/text_layout.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

namespace dxcomply {
namespace {

// Sunday first, as Boost numbers them.
const char* const kWeekdays[] = {TrNoop("Sun"), TrNoop("Mon"), TrNoop("Tue"), TrNoop("Wed"),
                                 TrNoop("Thu"), TrNoop("Fri"), TrNoop("Sat")};

std::string Day(const Date& date) {
  return ShownDate(date) + " (" + Tr(kWeekdays[date.day_of_week().as_number()]) + ")";
}

std::optional<Date> DateArgument(const std::string& text, const char* option, std::ostream& err) {
  if (auto date = ParseIsoDate(text)) return date;
  err << Tr("error: ")
      << Format(Tr("{0} takes an ISO date YYYY-MM-DD that exists, not '{1}'"), {option, text})
      << "\n";
  return std::nullopt;
}

std::optional<int> CountArgument(const std::string& text, const char* option, std::ostream& err) {
  try {
    std::size_t used = 0;
    const int value = std::stoi(text, &used);
    if (used == text.size() && value >= -3660 && value <= 3660) return value;
  } catch (const std::exception&) {
  }
  err << Tr("error: ")
      << Format(Tr("{0} takes a whole number of days (-3660..3660), not '{1}'"), {option, text})
      << "\n";
  return std::nullopt;
}

void WriteYear(const WorkCalendar& calendar, int year, std::ostream& out) {
  const CalendarYear days = calendar.Year(year);
  out << Format(Tr("{0} · days off for civil servants ({1})"),
                {std::to_string(year),
                 days.from_decision ? Format(Tr("decision: {0}"), {days.source}) : days.source})
      << "\n";
  for (const DayOffRange& range : days.days_off) {
    const int length = static_cast<int>((range.last - range.first).days()) + 1;
    std::string when = Day(range.first);
    if (length > 1) {
      when += " - " + Day(range.last) + ", " + DaysCount(length, DayUnit::kCalendar);
    }
    out << "  " << when << "  " << range.name << "\n";
  }
  out << Tr("working Saturdays:");
  if (days.working_saturdays.empty()) out << " " << Tr("none");
  out << "\n";
  for (std::size_t i = 0; i < days.working_saturdays.size(); ++i) {
    out << "  " << Day(days.working_saturdays[i]);
    if (i < days.working_saturday_sources.size() && !days.working_saturday_sources[i].empty()) {
      out << "  " << days.working_saturday_sources[i];
    }
    out << "\n";
  }
  out << Format(Tr("Tết (lunar new year): {0}; Hùng Kings day (10/3 lunar): {1}"),
                {Day(LunarNewYear(year)), Day(HungKingsDay(year))})
      << "\n";
}

// Whether `date` falls in a year that has no decision file, for a note.
std::string StatutoryNote(const WorkCalendar& calendar, const Date& from, const Date& to) {
  std::string years;
  for (int year = std::min(from, to).year(); year <= std::max(from, to).year(); ++year) {
    if (!calendar.HasDecision(year)) years += (years.empty() ? "" : ", ") + std::to_string(year);
  }
  return years.empty()
             ? ""
             : "  " + Format(Tr("(statutory holidays only for {0}: no decision file)"), {years});
}

}  // namespace

ExitStatus RunCalendar(const CalendarOptions& options, std::ostream& out, std::ostream& err) {
  const int actions = (options.year ? 1 : 0) + (options.add_working_days.empty() ? 0 : 1) +
                      (options.add_days.empty() ? 0 : 1) +
                      (options.working_days_between.empty() ? 0 : 1) +
                      (options.is_working_day.empty() ? 0 : 1) + (options.lunar.empty() ? 0 : 1);
  if (actions != 1) {
    err << Tr("error: ")
        << Tr("give exactly one of --year, --add-working-days, --add-days, "
              "--working-days-between, --is-working-day, --lunar")
        << "\n";
    return kExitInputError;
  }
  const std::optional<std::string> rules = RulesFolder(options.rules, err);
  if (!rules) return kExitInputError;
  Diagnostics diagnostics;
  const WorkCalendar calendar = LoadCalendar(*rules, diagnostics);
  if (diagnostics.HasErrors()) {
    PrintDiagnostics(diagnostics, err);
    return kExitInputError;
  }

  if (options.year) {
    if (*options.year < kFirstCalendarYear || *options.year > kLastCalendarYear) {
      err << Tr("error: ")
          << Format(Tr("--year must be between {0} and {1}"),
                    {std::to_string(kFirstCalendarYear), std::to_string(kLastCalendarYear)})
          << "\n";
      return kExitInputError;
    }
    WriteYear(calendar, *options.year, out);
    return kExitOk;
  }
  if (!options.add_working_days.empty() || !options.add_days.empty()) {
    const bool working = !options.add_working_days.empty();
    const auto& arguments = working ? options.add_working_days : options.add_days;
    const char* option = working ? "--add-working-days" : "--add-days";
    const auto from = DateArgument(arguments[0], option, err);
    const auto count = CountArgument(arguments[1], option, err);
    if (!from || !count) return kExitInputError;
    const Date result = working ? calendar.AddWorkingDays(*from, *count)
                                : calendar.AddCalendarDaysRolled(*from, *count);
    out << Day(result)
        << (working ? ""
                    : (calendar.IsWorkingDay(*from + boost::gregorian::days(*count))
                           ? ""
                           : "  " + std::string(Tr("(moved off a day off to the next working day)"))))
        << StatutoryNote(calendar, *from, result) << "\n";
    return kExitOk;
  }
  if (!options.working_days_between.empty()) {
    const auto from = DateArgument(options.working_days_between[0], "--working-days-between", err);
    const auto to = DateArgument(options.working_days_between[1], "--working-days-between", err);
    if (!from || !to) return kExitInputError;
    out << GroupThousands(calendar.WorkingDaysBetween(*from, *to))
        << StatutoryNote(calendar, *from, *to) << "\n";
    return kExitOk;
  }
  if (!options.is_working_day.empty()) {
    const auto day = DateArgument(options.is_working_day, "--is-working-day", err);
    if (!day) return kExitInputError;
    out << Format(calendar.IsWorkingDay(*day) ? Tr("{0} is a working day") : Tr("{0} is a day off"),
                  {Day(*day)})
        << StatutoryNote(calendar, *day, *day) << "\n";
    return kExitOk;
  }
  const auto day = DateArgument(options.lunar, "--lunar", err);
  if (!day) return kExitInputError;
  const LunarDate lunar = SolarToLunar(*day);
  out << Format(lunar.leap_month ? Tr("{0} is {1}/{2} (leap month) of the lunar year {3}")
                                 : Tr("{0} is {1}/{2} of the lunar year {3}"),
                {Day(*day), std::to_string(lunar.day), std::to_string(lunar.month),
                 std::to_string(lunar.year)})
      << "\n";
  return kExitOk;
}

}  // namespace dxcomply
