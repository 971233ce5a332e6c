// Dates, numbers, periods and addressees as Vietnamese letters write them.
#include "remind/vietnamese_text.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/test/unit_test.hpp>

namespace dxcomply {
namespace {

Date D(int year, int month, int day) { return Date(year, month, day); }

BOOST_AUTO_TEST_SUITE(vietnamese_text)

BOOST_AUTO_TEST_CASE(letter_date_pads_days_and_january_february) {
  const LetterDate november = ToLetterDate(D(2022, 11, 1));
  BOOST_TEST(november.day == "01");
  BOOST_TEST(november.month == "11");
  BOOST_TEST(november.year == "2022");
  BOOST_TEST(ToLetterDate(D(2023, 2, 5)).month == "02");
  BOOST_TEST(ToLetterDate(D(2023, 3, 25)).month == "3");
  BOOST_TEST(ToLetterDate(D(2023, 3, 25)).day == "25");
}

BOOST_AUTO_TEST_CASE(short_dates_are_dd_mm_yyyy) {
  BOOST_TEST(FormatVnDate(D(2022, 4, 28)) == "28/04/2022");
}

BOOST_AUTO_TEST_CASE(numbers_use_a_decimal_comma_and_thousand_dots) {
  BOOST_TEST(VnPercent(0.529) == "52,9%");
  BOOST_TEST(VnPercent(0.125) == "12,5%");
  BOOST_TEST(VnPercent(0.75) == "75%");
  BOOST_TEST(VnPercent(1.0) == "100%");
  BOOST_TEST(VnPercent(0.0) == "0%");
  BOOST_TEST(VnPercent(0.99999) == "99,9%");  // never rounded up to a target not reached
  BOOST_TEST(VnDecimal(4.0) == "4");
  BOOST_TEST(VnDecimal(3.46) == "3,5");
  BOOST_TEST(VnInteger(7) == "7");
  BOOST_TEST(VnInteger(1045) == "1.045");
  BOOST_TEST(VnInteger(3060000) == "3.060.000");
  BOOST_TEST(VnInteger(-1045) == "-1.045");
}

BOOST_AUTO_TEST_CASE(day_units) {
  BOOST_TEST(VnDayUnit(DayUnit::kCalendar) == "ngày");
  BOOST_TEST(VnDayUnit(DayUnit::kWorking) == "ngày làm việc");
}

BOOST_AUTO_TEST_CASE(periods) {
  BOOST_TEST(VnPeriod("2023") == "năm 2023");
  BOOST_TEST(VnPeriod("2023-09") == "tháng 9/2023");
  BOOST_TEST(VnPeriod("2023-Q3") == "quý III/2023");
  BOOST_TEST(VnPeriod("") == "");
  BOOST_TEST(RomanNumeral(1) == "I");
  BOOST_TEST(RomanNumeral(4) == "IV");
  BOOST_TEST(RomanNumeral(14) == "XIV");
}

BOOST_AUTO_TEST_CASE(addressee_of_a_ministry_or_government_agency_is_itself) {
  BOOST_TEST(Addressee(Agency{"BCA", "Bộ Công an", "ministry"}) == "Bộ Công an");
  BOOST_TEST(Addressee(Agency{"BHXH", "Bảo hiểm xã hội Việt Nam", "gov_agency"}) ==
             "Bảo hiểm xã hội Việt Nam");
}

BOOST_AUTO_TEST_CASE(addressee_of_a_province_is_its_peoples_committee) {
  BOOST_TEST(Addressee(Agency{"NGHE-AN", "Nghệ An", "province"}) == "Ủy ban nhân dân tỉnh Nghệ An");
  BOOST_TEST(Addressee(Agency{"THUA-THIEN-HUE", "Thừa Thiên Huế", "province"}) ==
             "Ủy ban nhân dân tỉnh Thừa Thiên Huế");
  BOOST_TEST(!IsCentralCity(Agency{"NGHE-AN", "Nghệ An", "province"}));
}

BOOST_AUTO_TEST_CASE(hue_is_a_centrally_run_city_under_its_new_name) {
  // The agency keeps its id; its name on the letter's date decides.
  BOOST_TEST(!IsCentralCity(Agency{"THUA-THIEN-HUE", "Thừa Thiên Huế", "province"}));
  BOOST_TEST(IsCentralCity(Agency{"THUA-THIEN-HUE", "Huế", "province"}));
  BOOST_TEST(Addressee(Agency{"THUA-THIEN-HUE", "Huế", "province"}) ==
             "Ủy ban nhân dân thành phố Huế");
}

BOOST_AUTO_TEST_CASE(addressee_of_a_centrally_run_city) {
  BOOST_TEST(Addressee(Agency{"HA-NOI", "Hà Nội", "province"}) ==
             "Ủy ban nhân dân thành phố Hà Nội");
  BOOST_TEST(Addressee(Agency{"HAI-PHONG", "Hải Phòng", "province"}) ==
             "Ủy ban nhân dân thành phố Hải Phòng");
  BOOST_TEST(Addressee(Agency{"DA-NANG", "Đà Nẵng", "province"}) ==
             "Ủy ban nhân dân thành phố Đà Nẵng");
  BOOST_TEST(Addressee(Agency{"CAN-THO", "Cần Thơ", "province"}) ==
             "Ủy ban nhân dân thành phố Cần Thơ");
  // The sample names it "TP. Hồ Chí Minh"; the city's own name is "Thành
  // phố Hồ Chí Minh".
  BOOST_TEST(Addressee(Agency{"TP-HCM", "TP. Hồ Chí Minh", "province"}) ==
             "Ủy ban nhân dân Thành phố Hồ Chí Minh");
  BOOST_TEST(IsCentralCity(Agency{"TP-HCM", "TP. Hồ Chí Minh", "province"}));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
