#include "dxcomply/date.hpp"

#include "base/iso_day.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"

#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace dxcomply {
namespace {

// Howard Hinnant's civil_from_days (days_from_civil is in iso_day.hpp):
// exact for the proleptic Gregorian calendar, no tables, no exceptions.
struct Civil {
  int year;
  unsigned month;
  unsigned day;
};

Civil CivilFromDays(DayNumber z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(yoe) + era * 400 + (m <= 2), m, d};
}

// Boost's day number (a Julian day) of 1970-01-01, where DayNumber 0 is.
constexpr std::int64_t kEpochJulianDay = 2440588;

}  // namespace

std::optional<DayNumber> ParseIsoDay(std::string_view text) { return iso_day::Parse(text); }

namespace {

// Written YYYY-MM-DD, whatever the digits say.
bool IsoShaped(std::string_view text) {
  if (text.size() != 10) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool ok = i == 4 || i == 7 ? text[i] == '-' : text[i] >= '0' && text[i] <= '9';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

bool IsoDateOutsideYears(std::string_view text) {
  if (!IsoShaped(text)) return false;
  const int year = std::stoi(std::string(text.substr(0, 4)));
  return year < kFirstDateYear || year > kLastDateYear;
}

std::string IsoDateProblem(std::string_view text) {
  if (iso_day::Parse(text)) return "";
  if (!IsoShaped(text)) return Tr("not an ISO date YYYY-MM-DD");
  if (IsoDateOutsideYears(text)) {
    return Format(Tr("outside the years dxcomply handles ({0}-{1})"),
                  {std::to_string(kFirstDateYear), std::to_string(kLastDateYear)});
  }
  return Tr("no such date");
}

std::optional<Date> ParseIsoDate(std::string_view text) {
  const auto day = ParseIsoDay(text);
  if (!day) return std::nullopt;
  return FromDayNumber(*day);
}

DayNumber ToDayNumber(const Date& date) {
  // As year_month_day() would: not_a_date_time and the infinities are no day.
  if (date.is_special()) throw std::out_of_range("not a date (not_a_date_time or an infinity)");
  return static_cast<DayNumber>(static_cast<std::int64_t>(date.day_number()) - kEpochJulianDay);
}

Date FromDayNumber(DayNumber day) {
  static const Date kEpoch(1970, 1, 1);
  return kEpoch + boost::gregorian::date_duration(day);
}

// Without printf: reports write millions of dates.
std::string FormatIsoDate(const Date& date) {
  const Civil ymd = CivilFromDays(ToDayNumber(date));
  std::string text = "0000-00-00";
  const auto put = [&text](std::size_t end, int value) {
    for (std::size_t k = end; value > 0; value /= 10)
      text[--k] = static_cast<char>('0' + value % 10);
  };
  put(4, ymd.year);  // 1400-9999 in Boost.Date_Time (dates parsed: 1900-2199)
  put(7, static_cast<int>(ymd.month));
  put(10, static_cast<int>(ymd.day));
  return text;
}

std::string FormatIsoDay(DayNumber day) { return FormatIsoDate(FromDayNumber(day)); }

std::string FormatVnDate(const Date& date) {
  const auto ymd = date.year_month_day();
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d", static_cast<int>(ymd.day),
                static_cast<int>(ymd.month), static_cast<int>(ymd.year));
  return buffer;
}

}  // namespace dxcomply
