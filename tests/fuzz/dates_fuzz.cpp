// The date parsers: ISO (YYYY-MM-DD, also inline in the record scans) and
// dd/mm/yyyy. Whatever they accept must print back as it was read (ISO) or
// as the same day (dd/mm/yyyy), in the years the engine handles; what they
// refuse, IsoDateProblem must say why.
#include "dxcomply/date.hpp"

#include "base/day_month_year.hpp"
#include "base/iso_day.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace dxcomply;

namespace {

void Require(bool ok) {
  if (!ok) std::abort();
}

bool InRange(const Date& date) {
  return date.year() >= kFirstDateYear && date.year() <= kLastDateYear;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const std::optional<DayNumber> day = ParseIsoDay(text);
  const std::optional<Date> date = ParseIsoDate(text);
  Require(day.has_value() == date.has_value());
  Require(iso_day::Parse(text) == day);
  Require(IsoDateProblem(text).empty() == date.has_value());
  Require(!(IsoDateOutsideYears(text) && date.has_value()));
  if (date) {
    Require(InRange(*date));
    Require(ToDayNumber(*date) == *day);
    Require(FormatIsoDate(*date) == text);
    Require(FormatIsoDay(*day) == text);
  }

  if (const std::optional<Date> vn = ParseDayMonthYear(text)) {
    Require(InRange(*vn));
    // Printed back with two-digit day and month, it is the same date.
    Require(ParseDayMonthYear(FormatVnDate(*vn)) == vn);
    Require(ParseIsoDate(FormatIsoDate(*vn)) == vn);
    const auto ymd = vn->year_month_day();
    Require(text.size() >= 8 && text.size() <= 10);
    Require(text.substr(text.size() - 4) == std::to_string(static_cast<int>(ymd.year)));
  }
  return 0;
}
