// Calendar dates as dxcomply reads and writes them.
//
// Every date in rules, records and outputs is an ISO 8601 calendar date,
// "YYYY-MM-DD". Human-facing outputs may add the Vietnamese dd/mm/yyyy form.
// Dates carry no time of day and no time zone: an obligation "due 30/9/2022"
// is met by anything dated 2022-09-30 or earlier.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dxcomply {

using Date = boost::gregorian::date;

// Days since 1970-01-01 (negative before). The hot paths of the engine
// (record scans, interval arithmetic) use this plain integer; Date is for APIs.
using DayNumber = std::int32_t;

// Sentinels for open interval ends: "since forever" and "until forever".
inline constexpr DayNumber kMinusInfinity = INT32_MIN;
inline constexpr DayNumber kPlusInfinity = INT32_MAX;

// The years dxcomply handles: those of its working-day calendar (and of
// rule periods). Every date enters through the parsers below, which refuse
// the others, so no computation (a due date plus 3,660 working days, a
// lookback before it) ever leaves Boost.Date_Time's years (1400-9999).
inline constexpr int kFirstDateYear = 1900;
inline constexpr int kLastDateYear = 2199;

// Parses exactly "YYYY-MM-DD" with a day that exists (2022-02-30 fails), in
// kFirstDateYear..kLastDateYear. Returns nullopt for anything else,
// including "30/09/2022" and "2022-9-30"; callers turn that into a
// diagnostic naming the source (IsoDateProblem says what is wrong).
std::optional<DayNumber> ParseIsoDay(std::string_view text);
std::optional<Date> ParseIsoDate(std::string_view text);

// Why ParseIsoDate refuses `text`: "not an ISO date YYYY-MM-DD", "no such
// date", or "outside the years dxcomply handles (1900-2199)"; "" if it
// does not.
std::string IsoDateProblem(std::string_view text);
// Whether `text` is written YYYY-MM-DD but its year is outside
// kFirstDateYear..kLastDateYear (callers say so instead of "not a date").
bool IsoDateOutsideYears(std::string_view text);

DayNumber ToDayNumber(const Date& date);
Date FromDayNumber(DayNumber day);

std::string FormatIsoDate(const Date& date);  // "2022-09-30"
std::string FormatIsoDay(DayNumber day);      // "2022-09-30"
std::string FormatVnDate(const Date& date);   // "30/09/2022"

}  // namespace dxcomply
