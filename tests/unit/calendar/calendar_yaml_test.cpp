// Reading rules/calendar/<year>.yaml: what a good file gives, and the exact
// text of every kind of error (tests pin it, so a change is deliberate).
#include "calendar/calendar_yaml.hpp"

#include "dxcomply/work_calendar.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

namespace dxcomply {
namespace {

const std::string kFixtures =
    std::string(DXCOMPLY_SOURCE_DIR) + "/tests/unit/calendar/data/calendar_errors";

Date D(const char* iso) { return *ParseIsoDate(iso); }

// Every diagnostic in location order, each with its source line and caret.
std::string AllText(const Diagnostics& diagnostics) {
  std::string text;
  for (const Diagnostic& diagnostic : diagnostics.Sorted()) text += diagnostic.ToString() + "\n";
  return text;
}

// Parses `text` as rules/calendar/<file> and returns the diagnostics' text.
std::string Errors(const std::string& text, const std::string& file = "2024.yaml") {
  Diagnostics diagnostics;
  const auto year = ParseCalendarFile(text, "rules/calendar/" + file, diagnostics);
  BOOST_TEST(year.has_value() == !diagnostics.HasErrors());
  return AllText(diagnostics);
}

// A complete valid 2024 file, to which tests append or in which they replace.
const std::string kValid2024 =
    "year: 2024\n"
    "source: 8662/VPCP-KGVX of 03/11/2023\n"
    "days_off:\n"
    "  - name: Quốc khánh\n"
    "    first: 2024-08-31\n"
    "    last: 2024-09-03\n"
    "    source: own source\n"
    "  - name: Tết Dương lịch\n"
    "    first: 2024-01-01\n"
    "  - {name: Tết Nguyên Đán, first: 2024-02-08, last: 2024-02-14}\n"
    "  - name: Giỗ Tổ Hùng Vương\n"
    "    first: 2024-04-18\n"
    "  - name: Ngày Chiến thắng, Quốc tế Lao động\n"
    "    first: 2024-04-27\n"
    "    last: 2024-05-01\n"
    "working_saturdays:\n"
    "  - date: 2024-05-04\n"
    "    source: 2450/VPCP-KGVX of 12/04/2024\n";

BOOST_AUTO_TEST_SUITE(calendar_yaml)

BOOST_AUTO_TEST_CASE(a_valid_file) {
  Diagnostics diagnostics;
  const auto year = ParseCalendarFile(kValid2024, "rules/calendar/2024.yaml", diagnostics);
  BOOST_TEST(diagnostics.empty());
  BOOST_REQUIRE(year.has_value());
  BOOST_TEST(year->year == 2024);
  BOOST_TEST(year->from_decision);
  BOOST_TEST(year->file == "rules/calendar/2024.yaml");
  BOOST_REQUIRE_EQUAL(year->days_off.size(), 5u);
  // In date order; `last` defaults to `first`, `source` to the file's.
  BOOST_TEST(year->days_off[0].name == "Tết Dương lịch");
  BOOST_TEST(year->days_off[0].last == D("2024-01-01"));
  BOOST_TEST(year->days_off[0].source == "8662/VPCP-KGVX of 03/11/2023");
  BOOST_TEST(year->days_off[1].name == "Tết Nguyên Đán");
  BOOST_TEST(year->days_off[4].source == "own source");
  BOOST_REQUIRE_EQUAL(year->working_saturdays.size(), 1u);
  BOOST_TEST(year->working_saturdays[0] == D("2024-05-04"));
  BOOST_TEST(year->working_saturday_sources[0] == "2450/VPCP-KGVX of 12/04/2024");
}

BOOST_AUTO_TEST_CASE(windows_line_ends_and_yml) {
  std::string crlf;
  for (char c : kValid2024) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  BOOST_TEST(Errors(crlf, "2024.yml") == "");
}

// The whole fixture folder at once: every file's problems, sorted by file
// and position, with the offending line and a caret.
BOOST_AUTO_TEST_CASE(fixture_directory) {
  Diagnostics diagnostics;
  const WorkCalendar calendar = WorkCalendar::Load(kFixtures, diagnostics);
  const std::string& d = kFixtures;
  BOOST_TEST(AllText(diagnostics) ==
             d + "/2024.yml: error: a calendar for 2024 is already loaded from " + d +
                 "/2024.yaml\n" + d +
                 "/2025.yaml:4:1: error: unknown key 'holidays' (expected: year, source, "
                 "days_off, working_saturdays)\n"
                 "    holidays: []\n"
                 "    ^\n" +
                 d +
                 "/2025.yaml:10:11: error: bad date '2025-02-30' (expected YYYY-MM-DD, a day "
                 "that exists)\n"
                 "        last: 2025-02-30\n"
                 "              ^\n" +
                 d +
                 "/2025.yaml:12:12: error: 2026-04-07 is outside 2025, the year of this file\n"
                 "        first: 2026-04-07\n"
                 "               ^\n" +
                 d +
                 "/2025.yaml:15:11: error: last 2025-04-30 is before first 2025-05-04\n"
                 "        last: 2025-04-30\n"
                 "              ^\n" +
                 d +
                 "/2025.yaml:17:12: error: 2025-08-30 to 2025-10-02 is 34 days long; a break is "
                 "at most 31 days\n"
                 "        first: 2025-08-30\n"
                 "               ^\n" +
                 d +
                 "/2025.yaml:19:5: error: missing key 'name'\n"
                 "      - first: 2025-06-01\n"
                 "        ^\n" +
                 d +
                 "/2025.yaml:20:5: error: unknown key 'note' (expected: name, first, last, "
                 "source)\n"
                 "        note: no name\n"
                 "        ^\n" +
                 d +
                 "/2025.yaml:22:11: error: 2025-04-25 is a Friday, not a Saturday\n"
                 "      - date: 2025-04-25\n"
                 "              ^\n" +
                 d +
                 "/2025.yaml:23:11: error: working Saturday 2025-08-30 falls in days off 'Quốc "
                 "khánh' (2025-08-30 to 2025-10-02)\n"
                 "      - date: 2025-08-30\n"
                 "              ^\n" +
                 d +
                 "/2025.yaml:24:11: error: 2026-01-03 is outside 2025, the year of this file\n"
                 "      - date: 2026-01-03\n"
                 "              ^\n" +
                 d +
                 "/2026.yaml:7:4: error: invalid YAML: end of sequence not found\n"
                 "       last: 2026-02-22\n"
                 "       ^\n" +
                 d +
                 "/2027.yaml:2:1: error: missing key 'source'\n"
                 "    year: 2028\n"
                 "    ^\n" +
                 d +
                 "/2027.yaml:2:7: error: year 2028 does not match the file name 2027.yaml\n"
                 "    year: 2028\n"
                 "          ^\n" +
                 d +
                 "/2028.yaml:4:1: warning: no days_off range covers 2028-01-26, Tết Nguyên Đán "
                 "(lunar new year), a public holiday under the Labor Code 2019, Art. 112\n"
                 "    days_off:\n"
                 "    ^\n" +
                 d +
                 "/2028.yaml:4:1: warning: no days_off range covers 2028-04-04, Giỗ Tổ Hùng "
                 "Vương (Hùng Kings day), a public holiday under the Labor Code 2019, Art. 112\n"
                 "    days_off:\n"
                 "    ^\n" +
                 d +
                 "/2028.yaml:4:1: warning: no days_off range covers 2028-04-30, Ngày Chiến thắng "
                 "(Victory Day), a public holiday under the Labor Code 2019, Art. 112\n"
                 "    days_off:\n"
                 "    ^\n" +
                 d +
                 "/2028.yaml:4:1: warning: no days_off range covers 2028-05-01, Ngày Quốc tế Lao "
                 "động (International Labour Day), a public holiday under the Labor Code 2019, "
                 "Art. 112\n"
                 "    days_off:\n"
                 "    ^\n" +
                 d +
                 "/2028.yaml:4:1: warning: no days_off range covers 2028-09-02, Quốc khánh "
                 "(National Day), a public holiday under the Labor Code 2019, Art. 112\n"
                 "    days_off:\n"
                 "    ^\n" +
                 d + "/holidays.yaml: error: calendar file name must be a year, like 2024.yaml\n");
  BOOST_TEST(diagnostics.error_count() == 15u);
  BOOST_TEST(diagnostics.warning_count() == 5u);
  // Files with errors are left out; warnings do not reject a file.
  BOOST_TEST(calendar.HasDecision(2024));
  BOOST_TEST(!calendar.HasDecision(2025));
  BOOST_TEST(!calendar.HasDecision(2026));
  BOOST_TEST(!calendar.HasDecision(2027));
  BOOST_TEST(calendar.HasDecision(2028));
  BOOST_TEST(calendar.Year(2024).file == d + "/2024.yaml");
}

BOOST_AUTO_TEST_CASE(missing_directory) {
  Diagnostics diagnostics;
  const WorkCalendar calendar = WorkCalendar::Load(kFixtures + "/none", diagnostics);
  BOOST_TEST(AllText(diagnostics) == kFixtures +
                                         "/none: error: cannot read the calendar directory: No "
                                         "such file or directory\n");
  BOOST_TEST(!calendar.HasDecision(2024));
  BOOST_TEST(!calendar.IsWorkingDay(D("2024-09-02")));  // still the statutory calendar
}

BOOST_AUTO_TEST_CASE(file_level_errors) {
  BOOST_TEST(Errors("") ==
             "rules/calendar/2024.yaml: error: the file is empty (expected keys: year, source, "
             "days_off, working_saturdays)\n");
  BOOST_TEST(Errors("# only a comment\n") ==
             "rules/calendar/2024.yaml: error: the file is empty (expected keys: year, source, "
             "days_off, working_saturdays)\n");
  BOOST_TEST(Errors("- 2024\n") ==
             "rules/calendar/2024.yaml:1:1: error: expected a map with keys year, source, "
             "days_off, working_saturdays\n"
             "    - 2024\n"
             "    ^\n");
  BOOST_TEST(Errors("year: 2024\n", "calendar-2024.yaml") ==
             "rules/calendar/calendar-2024.yaml: error: calendar file name must be a year, like "
             "2024.yaml\n");
  BOOST_TEST(Errors("year: 2300\n", "2300.yaml") ==
             "rules/calendar/2300.yaml: error: 2300 is outside the years the calendar supports "
             "(1900-2199)\n");
  BOOST_TEST(Errors("year: [2024\n") ==
             "rules/calendar/2024.yaml:2:1: error: invalid YAML: end of sequence flow not found\n");
}

BOOST_AUTO_TEST_CASE(top_level_key_errors) {
  BOOST_TEST(Errors("year: 2024\nyear: 2024\nsource: s\ndays_off: []\n") ==
             "rules/calendar/2024.yaml:2:1: error: duplicate key 'year'\n"
             "    year: 2024\n"
             "    ^\n");
  BOOST_TEST(Errors("year: twenty\nsource: s\ndays_off: []\n") ==
             "rules/calendar/2024.yaml:1:7: error: year must be a number like 2024, not "
             "'twenty'\n"
             "    year: twenty\n"
             "          ^\n");
  BOOST_TEST(Errors("year: 2024\nsource: \"\"\ndays_off: []\n") ==
             "rules/calendar/2024.yaml:2:9: error: source must not be empty\n"
             "    source: \"\"\n"
             "            ^\n");
  BOOST_TEST(Errors("year: 2024\nsource: s\ndays_off: 2024-01-01\n") ==
             "rules/calendar/2024.yaml:3:11: error: days_off must be a list of days off\n"
             "    days_off: 2024-01-01\n"
             "              ^\n");
  BOOST_TEST(Errors("year: 2024\nsource: s\ndays_off:\n") ==
             "rules/calendar/2024.yaml:3:1: error: days_off must be a list of days off\n"
             "    days_off:\n"
             "    ^\n");
  BOOST_TEST(Errors("year: 2024\nsource: s\ndays_off: []\nworking_saturdays: 2024-05-04\n") ==
             "rules/calendar/2024.yaml:4:20: error: working_saturdays must be a list (use [] for "
             "none)\n"
             "    working_saturdays: 2024-05-04\n"
             "                       ^\n");
}

BOOST_AUTO_TEST_CASE(entry_errors) {
  const std::string head = "year: 2024\nsource: s\ndays_off:\n";
  BOOST_TEST(Errors(head + "  - 2024-01-01\n") ==
             "rules/calendar/2024.yaml:4:5: error: a days_off entry must be a map with keys name, "
             "first, last, source\n"
             "      - 2024-01-01\n"
             "        ^\n");
  BOOST_TEST(Errors(head + "  - name: x\n    first: [2024-01-01]\n") ==
             "rules/calendar/2024.yaml:5:12: error: first must be a date like 2024-02-08\n"
             "        first: [2024-01-01]\n"
             "               ^\n");
  BOOST_TEST(Errors(head + "  - name: x\n    first: 30/04/2024\n") ==
             "rules/calendar/2024.yaml:5:12: error: bad date '30/04/2024' (expected YYYY-MM-DD, "
             "a day that exists)\n"
             "        first: 30/04/2024\n"
             "               ^\n");
  // Columns count characters, not bytes, so the caret sits under the date
  // after Vietnamese text.
  BOOST_TEST(Errors(head + "  - {name: Tết Dương lịch, first: 2024-13-01}\n") ==
             "rules/calendar/2024.yaml:4:35: error: bad date '2024-13-01' (expected YYYY-MM-DD, "
             "a day that exists)\n"
             "      - {name: Tết Dương lịch, first: 2024-13-01}\n"
             "                                      ^\n");
  BOOST_TEST(Errors(head + "  - name: x\n    first: 2024-12-30\n    last: 2025-01-02\n" +
                    "working_saturdays:\n  - date: 2024-05-04\n  - date: 2024-05-04\n" +
                    "  - 2024-05-11\n") ==
             "rules/calendar/2024.yaml:9:11: error: working Saturday 2024-05-04 is listed "
             "twice\n"
             "      - date: 2024-05-04\n"
             "              ^\n"
             "rules/calendar/2024.yaml:10:5: error: a working_saturdays entry must be a map with "
             "keys date, source\n"
             "      - 2024-05-11\n"
             "        ^\n");
}

// A break around 1 January may start in the previous year (2023's began on
// 31/12/2022) or end in the next, but must touch the file's year.
BOOST_AUTO_TEST_CASE(ranges_across_the_year_boundary) {
  const std::string head = "year: 2024\nsource: s\ndays_off:\n";
  Diagnostics diagnostics;
  const auto year =
      ParseCalendarFile(head + "  - name: New Year\n    first: 2023-12-30\n    last: 2024-01-01\n",
                        "rules/calendar/2024.yaml", diagnostics);
  BOOST_TEST(!diagnostics.HasErrors());
  BOOST_REQUIRE(year.has_value());
  BOOST_TEST(year->days_off[0].first == D("2023-12-30"));
  BOOST_TEST(Errors(head + "  - name: New Year\n    first: 2023-12-30\n    last: 2023-12-31\n") ==
             "rules/calendar/2024.yaml:5:12: error: 2023-12-30 to 2023-12-31 is outside 2024, "
             "the year of this file\n"
             "        first: 2023-12-30\n"
             "               ^\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
