#include "dxcomply/date.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>  // prints Date in failures
#include <boost/test/unit_test.hpp>

#include <stdexcept>

namespace dxcomply {
namespace {

BOOST_AUTO_TEST_SUITE(date)

BOOST_AUTO_TEST_CASE(parses_iso_dates_that_exist) {
  BOOST_TEST(ParseIsoDate("2022-09-30").value() == Date(2022, 9, 30));
  BOOST_TEST(ParseIsoDate("2024-02-29").value() == Date(2024, 2, 29));
  BOOST_TEST(ParseIsoDay("1970-01-01").value() == 0);
  BOOST_TEST(ParseIsoDay("1969-12-31").value() == -1);
}

BOOST_AUTO_TEST_CASE(refuses_what_is_not_an_iso_day) {
  for (const char* text :
       {"2022-02-30", "2023-02-29", "30/09/2022", "2022-9-30", "2022-09-3", "2022-13-01",
        "2022-00-10", "2022-09-31", "", "2022-09-30 ", "20220930", "0999-01-01", "2022/09/30",
        // a byte just below '0' or above '9' in each digit's place
        "/022-09-30", "2:22-09-30", "20/2-09-30", "202:-09-30", "2022-/9-30", "2022-0:-30",
        "2022-09-/0", "2022-09-3:", "2022--9-30", "2O22-09-30"}) {
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(!ParseIsoDay(text).has_value()); }
  }
}

BOOST_AUTO_TEST_CASE(refuses_years_the_engine_cannot_handle_and_says_why) {
  BOOST_TEST(ParseIsoDay("1900-01-01").has_value());
  BOOST_TEST(ParseIsoDay("2199-12-31").has_value());
  for (const char* text : {"1899-12-31", "2200-01-01", "9999-12-30", "1400-01-01"}) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_TEST(!ParseIsoDay(text).has_value());
      BOOST_TEST(IsoDateProblem(text) == "outside the years dxcomply handles (1900-2199)");
    }
  }
  BOOST_TEST(IsoDateOutsideYears("9999-12-30"));
  BOOST_TEST(!IsoDateOutsideYears("2022-02-30"));
  BOOST_TEST(!IsoDateOutsideYears("30/09/2022"));
  BOOST_TEST(IsoDateProblem("2022-09-30") == "");
  BOOST_TEST(IsoDateProblem("2022-02-30") == "no such date");
  BOOST_TEST(IsoDateProblem("2022-13-01") == "no such date");
  for (const char* text : {"30/09/2022", "2022-9-30", "", "2022-09-30 ", "2022--9-30", "-022-09-30",
                           "2022-09--3", "2O22-09-30"}) {
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(IsoDateProblem(text) == "not an ISO date YYYY-MM-DD"); }
  }
}

BOOST_AUTO_TEST_CASE(day_numbers_round_trip) {
  for (const char* text : {"1900-03-01", "2000-02-29", "2022-12-31", "2100-01-01"}) {
    const DayNumber day = ParseIsoDay(text).value();
    BOOST_TEST(FormatIsoDay(day) == text);
    BOOST_TEST(ToDayNumber(FromDayNumber(day)) == day);
  }
}

// Against Boost.Date_Time, 1400-01-01 to 9999-12-31: the day numbers count
// from 1970-01-01, and the ISO text is Boost's own. Every day from 1896 to
// 2104 (leap years of every kind), every 37th day outside.
BOOST_AUTO_TEST_CASE(day_numbers_and_iso_text_agree_with_boost) {
  const Date epoch(1970, 1, 1);
  for (Date date(1400, 1, 1); date <= Date(9999, 12, 31);) {
    const DayNumber day = ToDayNumber(date);
    const std::string text = FormatIsoDate(date);
    if (day != (date - epoch).days() || text != boost::gregorian::to_iso_extended_string(date)) {
      BOOST_TEST(day == (date - epoch).days(), date);
      BOOST_TEST(text == boost::gregorian::to_iso_extended_string(date));
      break;
    }
    const bool daily = date >= Date(1896, 1, 1) && date <= Date(2104, 12, 31);
    date += boost::gregorian::days(daily ? 1 : 37);
  }
}

BOOST_AUTO_TEST_CASE(a_special_date_is_no_day) {
  BOOST_CHECK_THROW(ToDayNumber(Date()), std::out_of_range);  // not_a_date_time
  BOOST_CHECK_THROW(FormatIsoDate(Date(boost::gregorian::pos_infin)), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(formats_iso_and_vietnamese) {
  BOOST_TEST(FormatIsoDate(Date(2022, 9, 5)) == "2022-09-05");
  BOOST_TEST(FormatVnDate(Date(2022, 9, 5)) == "05/09/2022");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
