// The Vietnamese lunisolar calendar: the astronomy against Meeus's worked
// examples, and Tết and Hùng Kings day against a published table.
#include "calendar/lunar.hpp"

#include "dxcomply/work_calendar.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace dxcomply {

// For Boost.Test failure messages (found by argument-dependent lookup).
std::ostream& operator<<(std::ostream& out, const LunarDate& d) {
  return out << d.day << "/" << d.month << (d.leap_month ? " (leap)" : "") << "/" << d.year;
}

namespace {

Date D(const char* iso) { return *ParseIsoDate(iso); }

std::string Iso(long jdn) {
  return FormatIsoDay(static_cast<DayNumber>(jdn - lunar::kJdnOfUnixEpoch));
}

std::string Show(const LunarDate& d) {
  return std::to_string(d.day) + "/" + std::to_string(d.month) + (d.leap_month ? " (leap)" : "") +
         "/" + std::to_string(d.year);
}

struct TableRow {
  int year;
  std::string tet, hung_kings, tet_china;
};

// tests/unit/calendar/data/tet_hung_kings_1901_2100.csv; its header names
// the source.
std::vector<TableRow> PublishedTable() {
  std::ifstream in(std::string(DXCOMPLY_SOURCE_DIR) +
                   "/tests/unit/calendar/data/tet_hung_kings_1901_2100.csv");
  std::vector<TableRow> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#' || line.rfind("year,", 0) == 0) continue;
    std::istringstream fields(line);
    TableRow row;
    std::string year;
    std::getline(fields, year, ',');
    std::getline(fields, row.tet, ',');
    std::getline(fields, row.hung_kings, ',');
    std::getline(fields, row.tet_china, ',');
    row.year = std::stoi(year);
    rows.push_back(row);
  }
  return rows;
}

BOOST_AUTO_TEST_SUITE(lunar_calendar)

// Meeus, Astronomical Algorithms, example 49.a: the new moon of 1977
// February (k = -283) is at JDE 2443192.65118.
BOOST_AUTO_TEST_CASE(new_moon_matches_meeus_example_49a) {
  BOOST_TEST(std::abs(lunar::NewMoonJde(-283) - 2443192.65118) < 0.00001);
}

// Meeus example 25.a: on 1992 October 13.0 TD (JDE 2448908.5) the Sun's
// apparent longitude is 199.90895 degrees.
BOOST_AUTO_TEST_CASE(sun_longitude_matches_meeus_example_25a) {
  BOOST_TEST(std::abs(lunar::ApparentSunLongitudeTt(2448908.5) - 199.90895) < 0.0001);
}

// The December solstice of 2024 was on 21 December at 09:20 UTC (16:20 in
// Hà Nội); the low-accuracy solar theory is good to about 15 minutes.
BOOST_AUTO_TEST_CASE(december_solstice_2024) {
  const double solstice = lunar::DecemberSolsticeUt(2024);
  const double published = 2460665.5 + (9 + 20 / 60.0) / 24;  // 2024-12-21 09:20 UT
  BOOST_TEST(std::abs(solstice - published) < 15.0 / 1440);
  BOOST_TEST(std::abs(lunar::ApparentSunLongitudeUt(solstice) - 270.0) < 1e-6);
  BOOST_TEST(Iso(lunar::LocalJdn(solstice, 7.0)) == "2024-12-21");
}

// Every row of the published table: Tết and Hùng Kings day at UTC+7, and the
// Chinese new year when the same rules are computed at UTC+8.
BOOST_AUTO_TEST_CASE(tet_and_hung_kings_match_the_published_table) {
  const std::vector<TableRow> rows = PublishedTable();
  BOOST_REQUIRE_EQUAL(rows.size(), 200u);  // 1901-2100
  BOOST_TEST(rows.front().year == 1901);
  BOOST_TEST(rows.back().year == 2100);
  for (const TableRow& row : rows) {
    BOOST_TEST_CONTEXT("year " << row.year) {
      BOOST_TEST(FormatIsoDate(LunarNewYear(row.year)) == row.tet);
      BOOST_TEST(FormatIsoDate(HungKingsDay(row.year)) == row.hung_kings);
      BOOST_TEST(SolarToLunar(D(row.tet.c_str())) == (LunarDate{row.year, 1, 1, false}));
      BOOST_TEST(SolarToLunar(D(row.hung_kings.c_str())) == (LunarDate{row.year, 3, 10, false}));
      const auto china = lunar::LunarToJdn({row.year, 1, 1, false}, lunar::kChinaUtcOffsetHours);
      BOOST_REQUIRE(china.has_value());
      BOOST_TEST(Iso(*china) == row.tet_china);
    }
  }
}

// The years of 2000-2050 where a calendar computed for China gives the wrong
// Tết: the table must hold them, and the UTC+7 computation must not follow
// China there.
BOOST_AUTO_TEST_CASE(years_where_utc8_gives_the_wrong_tet) {
  std::set<int> differ;
  for (const TableRow& row : PublishedTable()) {
    if (row.year >= 2000 && row.year <= 2050 && row.tet != row.tet_china) differ.insert(row.year);
  }
  BOOST_TEST((differ == std::set<int>{2007, 2030}));
  BOOST_TEST(FormatIsoDate(LunarNewYear(2030)) == "2030-02-02");
  BOOST_TEST(Iso(*lunar::LunarToJdn({2030, 1, 1, false}, 8.0)) == "2030-02-03");
  BOOST_TEST(FormatIsoDate(LunarNewYear(2007)) == "2007-02-17");
  BOOST_TEST(Iso(*lunar::LunarToJdn({2007, 1, 1, false}, 8.0)) == "2007-02-18");
  // Hùng Kings day moves with the month boundaries too (2009: 4/4, China 5/4).
  BOOST_TEST(FormatIsoDate(HungKingsDay(2009)) == "2009-04-04");
  BOOST_TEST(Iso(*lunar::LunarToJdn({2009, 3, 10, false}, 8.0)) == "2009-04-05");
}

// Leap months (tháng nhuận) of recent years: 2/2023 (from 22/3/2023),
// 6/2025 (from 25/7/2025); 2024 has none.
BOOST_AUTO_TEST_CASE(leap_months) {
  BOOST_TEST(Show(SolarToLunar(D("2023-03-21"))) == "30/2/2023");
  BOOST_TEST(Show(SolarToLunar(D("2023-03-22"))) == "1/2 (leap)/2023");
  BOOST_TEST(Show(SolarToLunar(D("2023-03-25"))) == "4/2 (leap)/2023");
  BOOST_TEST(Show(SolarToLunar(D("2023-04-20"))) == "1/3/2023");
  BOOST_TEST(Show(SolarToLunar(D("2025-07-25"))) == "1/6 (leap)/2025");
  BOOST_TEST(*LunarToSolar({2025, 6, 1, true}) == D("2025-07-25"));
  BOOST_TEST(*LunarToSolar({2023, 2, 1, true}) == D("2023-03-22"));
  BOOST_TEST(!LunarToSolar({2024, 2, 1, true}).has_value());  // 2024 has no leap month
  BOOST_TEST(!LunarToSolar({2025, 5, 1, true}).has_value());  // 2025's is the 6th
}

// Dates before Tết belong to the previous lunar year; month 12 of Giáp Thìn
// (2024) has 29 days, so there is no "30 Tết" before Tết 2025.
BOOST_AUTO_TEST_CASE(year_boundaries_and_month_lengths) {
  BOOST_TEST(Show(SolarToLunar(D("2025-01-28"))) == "29/12/2024");
  BOOST_TEST(Show(SolarToLunar(D("2025-01-01"))) == "2/12/2024");
  BOOST_TEST(Show(SolarToLunar(D("2024-12-01"))) == "1/11/2024");
  BOOST_TEST(*LunarToSolar({2024, 12, 29, false}) == D("2025-01-28"));
  BOOST_TEST(!LunarToSolar({2024, 12, 30, false}).has_value());
  BOOST_TEST(!LunarToSolar({2024, 13, 1, false}).has_value());
  BOOST_TEST(!LunarToSolar({2024, 1, 0, false}).has_value());
}

// SolarToLunar and LunarToSolar are inverse on every day of 2000-2050.
BOOST_AUTO_TEST_CASE(round_trip_every_day_2000_2050) {
  int failures = 0;
  for (Date day = D("2000-01-01"); day <= D("2050-12-31"); day += boost::gregorian::days(1)) {
    const LunarDate lunar = SolarToLunar(day);
    const auto back = LunarToSolar(lunar);
    if (!back || *back != day) {
      if (++failures < 5) BOOST_ERROR(FormatIsoDate(day) << " -> " << Show(lunar));
    }
  }
  BOOST_TEST(failures == 0);
}

BOOST_AUTO_TEST_CASE(outside_the_supported_years) {
  BOOST_TEST(LunarNewYear(1899).is_not_a_date());
  BOOST_TEST(HungKingsDay(2200).is_not_a_date());
  BOOST_TEST(SolarToLunar(Date(1899, 12, 31)) == LunarDate{});
  BOOST_TEST(SolarToLunar(Date(boost::gregorian::not_a_date_time)) == LunarDate{});
  BOOST_TEST(!LunarToSolar({2200, 1, 1, false}).has_value());
  BOOST_TEST(FormatIsoDate(LunarNewYear(1900)) == "1900-01-31");
  BOOST_TEST(LunarNewYear(2199).year() == 2199);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
