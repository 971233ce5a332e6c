#include "base/day_month_year.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>  // prints Date in failures
#include <boost/test/unit_test.hpp>

namespace dxcomply {
namespace {

BOOST_AUTO_TEST_SUITE(day_month_year)

BOOST_AUTO_TEST_CASE(reads_the_dates_offices_type) {
  BOOST_TEST(ParseDayMonthYear("30/09/2022").value() == Date(2022, 9, 30));
  BOOST_TEST(ParseDayMonthYear("30/9/2022").value() == Date(2022, 9, 30));
  BOOST_TEST(ParseDayMonthYear("1/1/2023").value() == Date(2023, 1, 1));
  BOOST_TEST(ParseDayMonthYear("01/01/2023").value() == Date(2023, 1, 1));
  BOOST_TEST(ParseDayMonthYear("29/02/2024").value() == Date(2024, 2, 29));
  BOOST_TEST(ParseDayMonthYear("29/02/2000").value() == Date(2000, 2, 29));
  BOOST_TEST(ParseDayMonthYear("31/12/2199").value() == Date(2199, 12, 31));
  BOOST_TEST(ParseDayMonthYear("01/01/1900").value() == Date(1900, 1, 1));
}

BOOST_AUTO_TEST_CASE(refuses_days_that_do_not_exist_and_other_shapes) {
  for (const char* text : {"31/02/2022",
                           "29/02/2023",
                           "29/02/1900",
                           "31/04/2022",
                           "0/1/2022",
                           "1/0/2022",
                           "32/01/2022",
                           "1/13/2022",
                           "30/09/22",
                           "30/09/02022",
                           "30-09-2022",
                           "30.09.2022",
                           "2022-09-30",
                           "30/09/2022 ",
                           " 30/09/2022",
                           "30/09/2022 10:00",
                           "030/09/2022",
                           "30/009/2022",
                           "30//2022",
                           "/09/2022",
                           "30/09/",
                           "",
                           "/",
                           "//",
                           "a/b/cdef",
                           "3O/09/2022",
                           "30/09/2022/1",
                           "1/1/1399",
                           "31/12/1899",
                           "01/01/2200",
                           "31/12/9999",
                           "+1/1/2022",
                           "-1/1/2022"}) {
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(!ParseDayMonthYear(text).has_value()); }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
