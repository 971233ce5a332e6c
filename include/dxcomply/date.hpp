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

// Parses exactly "YYYY-MM-DD" with a day that exists (2022-02-30 fails).
// Years 1400-9999 (Boost.Date_Time's range). Returns nullopt for anything else, including "30/09/2022"
// and "2022-9-30"; callers turn that into a diagnostic naming the source.
std::optional<DayNumber> ParseIsoDay(std::string_view text);
std::optional<Date> ParseIsoDate(std::string_view text);

DayNumber ToDayNumber(const Date& date);
Date FromDayNumber(DayNumber day);

std::string FormatIsoDate(const Date& date);  // "2022-09-30"
std::string FormatIsoDay(DayNumber day);      // "2022-09-30"
std::string FormatVnDate(const Date& date);   // "30/09/2022"

}  // namespace dxcomply
