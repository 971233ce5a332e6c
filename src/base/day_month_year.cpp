#include "base/day_month_year.hpp"

#include "base/iso_day.hpp"

namespace dxcomply {
namespace {

// Reads 1 to `max_digits` decimal digits at `*position` up to the next '/'
// or the end; nullopt for anything else.
std::optional<unsigned> ReadNumber(std::string_view text, std::size_t* position,
                                   std::size_t min_digits, std::size_t max_digits) {
  unsigned value = 0;
  std::size_t digits = 0;
  while (*position < text.size() && text[*position] != '/') {
    const char c = text[*position];
    if (c < '0' || c > '9' || digits == max_digits) return std::nullopt;
    value = value * 10 + static_cast<unsigned>(c - '0');
    ++digits;
    ++*position;
  }
  if (digits < min_digits) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Date> ParseDayMonthYear(std::string_view text) {
  std::size_t position = 0;
  const std::optional<unsigned> day = ReadNumber(text, &position, 1, 2);
  if (!day || position == text.size()) return std::nullopt;
  ++position;  // '/'
  const std::optional<unsigned> month = ReadNumber(text, &position, 1, 2);
  if (!month || position == text.size()) return std::nullopt;
  ++position;
  const std::optional<unsigned> year = ReadNumber(text, &position, 4, 4);
  if (!year || position != text.size()) return std::nullopt;
  const int y = static_cast<int>(*year);
  if (y < kFirstDateYear || y > kLastDateYear || *month < 1 || *month > 12 || *day < 1 ||
      *day > iso_day::DaysInMonth(y, *month)) {
    return std::nullopt;
  }
  return FromDayNumber(iso_day::DaysFromCivil(y, *month, *day));
}

}  // namespace dxcomply
