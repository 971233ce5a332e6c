// ISO dates (YYYY-MM-DD) to day numbers, inline: the scans parse every date
// value of every row (ParseIsoDay in dxcomply/date.hpp is this).
#pragma once

#include "dxcomply/date.hpp"

#include <optional>
#include <string_view>

namespace dxcomply {
namespace iso_day {

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian
// calendar, no tables, no exceptions.
inline DayNumber DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

inline bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

inline unsigned DaysInMonth(int y, unsigned m) {
  constexpr unsigned char kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

// The day of `text` if it is a date YYYY-MM-DD in the years dxcomply
// handles (kFirstDateYear..kLastDateYear), else nullopt.
inline std::optional<DayNumber> Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  // Each digit's value, or above 9 for any other byte; all eight checked at
  // once rather than one branch each.
  const auto digit = [&text](std::size_t i) {
    return static_cast<unsigned>(static_cast<unsigned char>(text[i])) - '0';
  };
  const unsigned y0 = digit(0), y1 = digit(1), y2 = digit(2), y3 = digit(3);
  const unsigned m0 = digit(5), m1 = digit(6), d0 = digit(8), d1 = digit(9);
  if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (m0 > 9) | (m1 > 9) | (d0 > 9) | (d1 > 9)) {
    return std::nullopt;
  }
  const int year = static_cast<int>(y0 * 1000 + y1 * 100 + y2 * 10 + y3);
  const unsigned month = m0 * 10 + m1;
  const unsigned day = d0 * 10 + d1;
  if (year < kFirstDateYear || year > kLastDateYear || month - 1 > 11 || day == 0 ||
      day > DaysInMonth(year, month)) {
    return std::nullopt;
  }
  return DaysFromCivil(year, month, day);
}

}  // namespace iso_day
}  // namespace dxcomply
