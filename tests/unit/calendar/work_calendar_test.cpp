// Days off and working-day arithmetic: every day of the shipped decisions
// (2022-2026) against /work/shared/CALENDAR.md, the statutory fallback, and
// the Civil Code's way of counting time limits.
#define BOOST_TEST_MODULE calendar_tests
#include "dxcomply/work_calendar.hpp"

#include "support/english_texts.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/test/unit_test.hpp>

#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace dxcomply {
namespace {

using boost::gregorian::days;

Date D(const char* iso) { return *ParseIsoDate(iso); }

const std::string kRulesDir = std::string(DXCOMPLY_SOURCE_DIR) + "/rules/calendar";

// "dd/mm" in `year`, or "dd/mm/yyyy".
Date ParseVn(const std::string& text, int year) {
  int day = 0, month = 0;
  char slash = 0;
  std::istringstream in(text);
  in >> day >> slash >> month;
  if (in >> slash) in >> year;
  return Date(year, month, day);
}

// The expected days off of a year, written as in CALENDAR.md:
// "01/01-03/01; 29/01-06/02" (inclusive ranges, dd/mm or dd/mm/yyyy).
struct ExpectedYear {
  int year;
  const char* days_off;
  const char* working_saturdays;  // "dd/mm, dd/mm"
};

struct Expected {
  std::set<Date> off;
  std::set<Date> working_saturdays;
  bool IsWorkingDay(const Date& day) const {
    if (working_saturdays.count(day)) return true;
    const auto weekday = day.day_of_week().as_number();
    return weekday != 0 && weekday != 6 && !off.count(day);
  }
};

Expected Parse(const std::vector<ExpectedYear>& years) {
  Expected expected;
  for (const ExpectedYear& year : years) {
    std::istringstream ranges(year.days_off);
    for (std::string range; std::getline(ranges, range, ';');) {
      range.erase(0, range.find_first_not_of(' '));
      const auto dash = range.find('-');
      const Date first = ParseVn(range.substr(0, dash), year.year);
      const Date last =
          dash == std::string::npos ? first : ParseVn(range.substr(dash + 1), year.year);
      for (Date d = first; d <= last; d += days(1)) expected.off.insert(d);
    }
    std::istringstream saturdays(year.working_saturdays);
    for (std::string saturday; std::getline(saturdays, saturday, ',');) {
      if (saturday.find_first_not_of(' ') == std::string::npos) continue;
      expected.working_saturdays.insert(ParseVn(saturday, year.year));
    }
  }
  return expected;
}

// Copied by hand from /work/shared/CALENDAR.md, independently of
// rules/calendar/*.yaml.
const std::vector<ExpectedYear> kCalendarMd = {
    {2022, "01/01-03/01; 29/01-06/02; 09/04-11/04; 30/04-03/05; 01/09-04/09", ""},
    {2023, "31/12/2022-02/01; 20/01-26/01; 29/04-03/05; 01/09-04/09", ""},
    {2024, "01/01; 08/02-14/02; 18/04; 27/04-01/05; 31/08-03/09", "04/05"},
    {2025, "01/01; 25/01-02/02; 05/04-07/04; 30/04-04/05; 30/08-02/09", "26/04"},
    {2026, "01/01-04/01; 14/02-22/02; 25/04-27/04; 30/04-03/05; 29/08-02/09", "10/01, 22/08"},
};

// Worked out by hand from the Labor Code for years without a decision file.
// 2027: 1/1 Fri; Tết 6/2 (Sat), so the 5 days are 5/2 (last day of the lunar
// year) to 9/2, and Sat 6/2 and Sun 7/2 give substitutes Wed 10/2 and Thu
// 11/2; Hùng Kings 16/4 (Fri); 30/4 Fri, 1/5 Sat -> Mon 3/5; 1/9 Wed, 2/9 Thu.
// 2028: 1/1 Sat -> Mon 3/1; Tết 26/1 (Wed): 25/1-29/1, Sat 29/1 -> Mon 31/1;
// Hùng Kings 4/4 (Tue); 30/4 Sun -> Tue 2/5 (Mon 1/5 is itself a holiday);
// 1/9 Fri, 2/9 Sat -> Mon 4/9.
const std::vector<ExpectedYear> kStatutory2027And2028 = {
    {2027, "01/01; 05/02-11/02; 16/04; 30/04-03/05; 01/09-02/09", ""},
    {2028, "01/01-03/01; 25/01-31/01; 04/04; 29/04-02/05; 01/09-04/09", ""},
};

WorkCalendar Shipped() {
  Diagnostics diagnostics;
  WorkCalendar calendar = WorkCalendar::Load(kRulesDir, diagnostics);
  for (const Diagnostic& diagnostic : diagnostics.Sorted()) BOOST_ERROR(diagnostic.ToString());
  return calendar;
}

BOOST_AUTO_TEST_SUITE(work_calendar)

BOOST_AUTO_TEST_CASE(every_day_of_2022_to_2026_matches_calendar_md) {
  const WorkCalendar calendar = Shipped();
  const Expected expected = Parse(kCalendarMd);
  int checked = 0;
  for (Date day = D("2022-01-01"); day <= D("2026-12-31"); day += days(1), ++checked) {
    BOOST_TEST_CONTEXT(FormatIsoDate(day)) {
      BOOST_TEST(calendar.IsWorkingDay(day) == expected.IsWorkingDay(day));
      BOOST_TEST(calendar.IsWorkingDay(ToDayNumber(day)) == expected.IsWorkingDay(day));
    }
  }
  BOOST_TEST(checked == 1826);
  for (int year = 2022; year <= 2026; ++year) BOOST_TEST(calendar.HasDecision(year));
  BOOST_TEST(!calendar.HasDecision(2021));
  BOOST_TEST(!calendar.HasDecision(2027));
}

BOOST_AUTO_TEST_CASE(decision_year_contents) {
  const CalendarYear year = Shipped().Year(2024);
  BOOST_TEST(year.year == 2024);
  BOOST_TEST(year.from_decision);
  BOOST_TEST(year.source == "8662/VPCP-KGVX of 03/11/2023; 2450/VPCP-KGVX of 12/04/2024");
  BOOST_TEST(year.file == kRulesDir + "/2024.yaml");
  BOOST_REQUIRE_EQUAL(year.days_off.size(), 5u);
  BOOST_TEST(year.days_off[1].first == D("2024-02-08"));
  BOOST_TEST(year.days_off[1].last == D("2024-02-14"));
  BOOST_TEST(year.days_off[1].name == "Tết Nguyên Đán (lunar new year)");
  BOOST_TEST(year.days_off[1].source == year.source);  // defaults to the file's source
  BOOST_REQUIRE_EQUAL(year.working_saturdays.size(), 1u);
  BOOST_TEST(year.working_saturdays[0] == D("2024-05-04"));
  BOOST_TEST(year.working_saturday_sources[0] == year.source);
  // A range of the 2023 decision starts on 31/12/2022.
  BOOST_TEST(Shipped().Year(2023).days_off[0].first == D("2022-12-31"));
}

BOOST_AUTO_TEST_CASE(statutory_fallback_2027_and_2028) {
  const WorkCalendar calendar = Shipped();
  const Expected expected = Parse(kStatutory2027And2028);
  for (Date day = D("2027-01-01"); day <= D("2028-12-31"); day += days(1)) {
    BOOST_TEST_CONTEXT(FormatIsoDate(day)) {
      BOOST_TEST(calendar.IsWorkingDay(day) == expected.IsWorkingDay(day));
    }
  }
  const CalendarYear year = calendar.Year(2028);
  BOOST_TEST(!year.from_decision);
  BOOST_TEST(year.file.empty());
  BOOST_TEST(year.source ==
             "Labor Code 2019, Art. 112 (public holidays) and Art. 111(3) (substitute days); "
             "statutory, no decision file for 2028");
  BOOST_TEST(year.working_saturdays.empty());
  std::ostringstream listed;
  for (const DayOffRange& range : year.days_off) {
    listed << FormatIsoDate(range.first) << ".." << FormatIsoDate(range.last) << " " << range.name
           << " [" << range.source << "]\n";
  }
  BOOST_TEST(listed.str() ==
             "2028-01-01..2028-01-01 Tết Dương lịch (New Year's Day) "
             "[Labor Code 2019, Art. 112(1)(a)]\n"
             "2028-01-03..2028-01-03 Nghỉ bù (substitute day off) for Tết Dương lịch (New Year's "
             "Day) on 01/01/2028 [Labor Code 2019, Art. 111(3)]\n"
             "2028-01-25..2028-01-29 Tết Nguyên Đán (lunar new year): last day of the lunar year "
             "and 1-4/1 lunar [Labor Code 2019, Art. 112(1)(b); the 5 days placed by dxcomply's "
             "statutory rule]\n"
             "2028-01-31..2028-01-31 Nghỉ bù (substitute day off) for Tết Nguyên Đán (lunar new "
             "year): last day of the lunar year and 1-4/1 lunar on 29/01/2028 [Labor Code 2019, "
             "Art. 111(3)]\n"
             "2028-04-04..2028-04-04 Giỗ Tổ Hùng Vương (Hùng Kings day, 10/3 lunar) [Labor Code "
             "2019, Art. 112(1)(e)]\n"
             "2028-04-30..2028-04-30 Ngày Chiến thắng (Victory Day) [Labor Code 2019, Art. "
             "112(1)(c)]\n"
             "2028-05-01..2028-05-01 Ngày Quốc tế Lao động (International Labour Day) [Labor Code "
             "2019, Art. 112(1)(d)]\n"
             "2028-05-02..2028-05-02 Nghỉ bù (substitute day off) for Ngày Chiến thắng (Victory "
             "Day) on 30/04/2028 [Labor Code 2019, Art. 111(3)]\n"
             "2028-09-01..2028-09-02 Quốc khánh (National Day, 2/9 and 1/9) [Labor Code 2019, Art. "
             "112(1)(đ); 1/9 chosen as the adjacent day by dxcomply's statutory rule]\n"
             "2028-09-04..2028-09-04 Nghỉ bù (substitute day off) for Quốc khánh (National Day, "
             "2/9 and 1/9) on 02/09/2028 [Labor Code 2019, Art. 111(3)]\n");
}

// People read the statutory year in Vietnamese by default, citing the Labor
// Code as Vietnamese texts do (point, clause, article).
BOOST_AUTO_TEST_CASE(statutory_year_in_vietnamese) {
  ScopedLanguage vietnamese(Language::kVietnamese);
  const CalendarYear year = WorkCalendar::Statutory().Year(2028);
  BOOST_TEST(year.source ==
             "Điều 112 (ngày nghỉ lễ, tết) và khoản 3 Điều 111 (nghỉ bù) Bộ luật Lao động 2019; "
             "theo luật, không có văn bản quyết định cho năm 2028");
  BOOST_TEST_REQUIRE(year.days_off.size() >= 2u);
  BOOST_TEST(year.days_off[0].name == "Tết Dương lịch");
  BOOST_TEST(year.days_off[0].source == "điểm a khoản 1 Điều 112 Bộ luật Lao động 2019");
  BOOST_TEST(year.days_off[1].name == "Nghỉ bù cho Tết Dương lịch ngày 01/01/2028");
  BOOST_TEST(year.days_off[1].source == "khoản 3 Điều 111 Bộ luật Lao động 2019");
}

// The statutory rule reproduces the decisions wherever they only applied the
// law (no swapped days): 2022, 2023 and 2025 apart from their Tết placement
// and swaps. Checked on the holidays themselves and their substitutes.
BOOST_AUTO_TEST_CASE(statutory_rule_agrees_with_decisions_on_fixed_holidays) {
  const WorkCalendar statutory = WorkCalendar::Statutory();
  for (const char* day :
       {"2022-01-03", "2022-04-11", "2022-05-02", "2022-05-03", "2023-01-02", "2023-05-02",
        "2023-05-03", "2023-09-04", "2024-09-03", "2025-04-07", "2026-04-27"}) {
    BOOST_TEST_CONTEXT(day) { BOOST_TEST(!statutory.IsWorkingDay(D(day))); }
  }
  // Swaps need a decision: without one, Monday 29/4/2024 is a working day.
  BOOST_TEST(statutory.IsWorkingDay(D("2024-04-29")));
  BOOST_TEST(!Shipped().IsWorkingDay(D("2024-04-29")));
  BOOST_TEST(!statutory.IsWorkingDay(D("2024-05-04")));
  BOOST_TEST(Shipped().IsWorkingDay(D("2024-05-04")));
  BOOST_TEST(!statutory.HasDecision(2024));
}

// "Within 15 working days" of Monday 2025-01-20 (Civil Code: day 1 is the
// day after the event). Working days: 21, 22, 23, 24 Jan (1-4); Tết closes
// 25/1-2/2; 3-7 Feb (5-9); 10-14 Feb (10-14); Monday 17 Feb (15).
BOOST_AUTO_TEST_CASE(add_working_days_across_tet) {
  const WorkCalendar calendar = Shipped();
  BOOST_TEST(calendar.AddWorkingDays(D("2025-01-20"), 15) == D("2025-02-17"));
  BOOST_TEST(calendar.AddWorkingDays(D("2025-01-20"), 4) == D("2025-01-24"));
  BOOST_TEST(calendar.AddWorkingDays(D("2025-01-20"), 5) == D("2025-02-03"));
  // Counting back: the working day before Monday 3/2 is Friday 24/1.
  BOOST_TEST(calendar.AddWorkingDays(D("2025-02-03"), -1) == D("2025-01-24"));
  BOOST_TEST(calendar.AddWorkingDays(D("2025-02-17"), -15) == D("2025-01-20"));
  // From a day off, counting starts the same way: the next working day is 1.
  BOOST_TEST(calendar.AddWorkingDays(D("2025-01-26"), 1) == D("2025-02-03"));
  BOOST_TEST(calendar.AddWorkingDays(D("2025-01-26"), 0) == D("2025-01-26"));
  // A statutory calendar knows nothing of the 2025 decision's 9-day break:
  // Tết 29/1 is Wednesday, the 5 days are 28/1 (last day of the year) - 1/2,
  // Sat 1/2 gives a substitute Mon 3/2, so work resumes Tuesday 4/2.
  BOOST_TEST(WorkCalendar::Statutory().AddWorkingDays(D("2025-01-24"), 3) == D("2025-02-05"));
}

// Across the year end into the 2026 decision: from Wednesday 24/12/2025,
// working days are 25, 26, 29, 30, 31 Dec (1-5); 1-4 Jan 2026 are off (Friday
// 2/1 swapped); 5-9 Jan (6-10); Saturday 10/1 is a working Saturday (11).
BOOST_AUTO_TEST_CASE(add_working_days_across_year_end) {
  const WorkCalendar calendar = Shipped();
  BOOST_TEST(calendar.AddWorkingDays(D("2025-12-24"), 10) == D("2026-01-09"));
  BOOST_TEST(calendar.AddWorkingDays(D("2025-12-24"), 11) == D("2026-01-10"));
  BOOST_TEST(calendar.AddWorkingDays(D("2025-12-24"), 12) == D("2026-01-12"));
  BOOST_TEST(calendar.AddWorkingDays(D("2026-01-05"), -1) == D("2025-12-31"));
  // 2022 -> 2023: 30/12/2022 (Fri) + 1 is Tuesday 3/1/2023 (31/12-2/1 off).
  BOOST_TEST(calendar.AddWorkingDays(D("2022-12-30"), 1) == D("2023-01-03"));
}

BOOST_AUTO_TEST_CASE(working_days_between) {
  const WorkCalendar calendar = Shipped();
  BOOST_TEST(calendar.WorkingDaysBetween(D("2025-01-20"), D("2025-02-17")) == 15);
  BOOST_TEST(calendar.WorkingDaysBetween(D("2025-02-17"), D("2025-01-20")) == -15);
  BOOST_TEST(calendar.WorkingDaysBetween(D("2025-01-20"), D("2025-01-20")) == 0);
  // (24/1, 2/2]: all of Tết, no working day.
  BOOST_TEST(calendar.WorkingDaysBetween(D("2025-01-24"), D("2025-02-02")) == 0);
  BOOST_TEST(calendar.WorkingDaysBetween(D("2025-12-24"), D("2026-01-10")) == 11);
  // 2024: 366 days, 104 weekend days + 1 working Saturday, 12 weekdays off
  // (1/1; 8, 9, 12, 13, 14/2; 18/4; 29, 30/4, 1/5; 2, 3/9).
  BOOST_TEST(calendar.WorkingDaysBetween(D("2023-12-31"), D("2024-12-31")) == 366 - 104 + 1 - 12);
  for (const char* to : {"2025-02-03", "2025-03-31", "2026-01-10"}) {
    BOOST_TEST(calendar.AddWorkingDays(
                   D("2025-01-20"), calendar.WorkingDaysBetween(D("2025-01-20"), D(to))) == D(to));
  }
}

// Civil Code Art. 148: a time limit whose last day is a day off ends at the
// end of the next working day.
BOOST_AUTO_TEST_CASE(calendar_days_rolled_forward) {
  const WorkCalendar calendar = Shipped();
  BOOST_TEST(calendar.RollForward(D("2025-01-25")) == D("2025-02-03"));
  BOOST_TEST(calendar.RollForward(D("2025-02-03")) == D("2025-02-03"));
  BOOST_TEST(calendar.RollForward(D("2026-01-10")) == D("2026-01-10"));  // working Saturday
  // 15 days from 10/1/2025 is Saturday 25/1, inside Tết: 3/2.
  BOOST_TEST(calendar.AddCalendarDaysRolled(D("2025-01-10"), 15) == D("2025-02-03"));
  // 15 days from 20/1/2025 is Tuesday 4/2, a working day.
  BOOST_TEST(calendar.AddCalendarDaysRolled(D("2025-01-20"), 15) == D("2025-02-04"));
  // 30 days from 31/3/2024 is 30/4/2024: off until Thursday 2/5.
  BOOST_TEST(calendar.AddCalendarDaysRolled(D("2024-03-31"), 30) == D("2024-05-02"));
}

// A decision range that starts before its year makes that day off too, even
// when the earlier year has no decision.
BOOST_AUTO_TEST_CASE(ranges_spill_into_the_neighbouring_year) {
  CalendarYear year;
  year.year = 2030;
  year.source = "test";
  year.days_off = {{D("2029-12-31"), D("2030-01-01"), "New Year", "test"}};
  const WorkCalendar calendar = WorkCalendar::FromDecisions({year});
  BOOST_TEST(calendar.HasDecision(2030));
  BOOST_TEST(!calendar.HasDecision(2029));
  BOOST_TEST(!calendar.IsWorkingDay(D("2029-12-31")));  // a Monday
  BOOST_TEST(WorkCalendar::Statutory().IsWorkingDay(D("2029-12-31")));
  BOOST_TEST(calendar.IsWorkingDay(D("2030-01-02")));
  // Only the decision counts in a decision year: this test decision leaves
  // out Hùng Kings day (Friday 12/4/2030), so it is a working day.
  BOOST_TEST(calendar.IsWorkingDay(HungKingsDay(2030)));
  BOOST_TEST(!WorkCalendar::Statutory().IsWorkingDay(HungKingsDay(2030)));
}

BOOST_AUTO_TEST_CASE(special_and_unsupported_dates) {
  const WorkCalendar calendar = Shipped();
  const Date none(boost::gregorian::not_a_date_time);
  BOOST_TEST(!calendar.IsWorkingDay(none));
  BOOST_TEST(calendar.AddWorkingDays(none, 3).is_not_a_date());
  BOOST_TEST(calendar.RollForward(none).is_not_a_date());
  BOOST_TEST(calendar.WorkingDaysBetween(none, D("2025-01-01")) == 0);
  // The open-interval sentinels are far outside the tables; they must not
  // overflow (the sanitizer build checks).
  BOOST_CHECK_NO_THROW(calendar.IsWorkingDay(kMinusInfinity));
  BOOST_CHECK_NO_THROW(calendar.IsWorkingDay(kPlusInfinity));
  // Outside 1900-2199: Saturdays and Sundays only.
  BOOST_TEST(calendar.IsWorkingDay(D("2200-01-01")));   // a Wednesday
  BOOST_TEST(!calendar.IsWorkingDay(D("2200-01-04")));  // a Saturday
  BOOST_TEST(calendar.Year(2200).days_off.empty());
  BOOST_TEST(calendar.Year(2200).source ==
             "outside the years the calendar supports (1900-2199): Saturdays and Sundays only");
}

// Copies share the tables and answer alike.
BOOST_AUTO_TEST_CASE(copies_answer_alike) {
  const WorkCalendar loaded = Shipped();
  WorkCalendar copy = loaded;
  WorkCalendar assigned;
  assigned = loaded;
  for (Date day = D("2024-01-01"); day <= D("2024-12-31"); day += days(1)) {
    BOOST_TEST(copy.IsWorkingDay(day) == loaded.IsWorkingDay(day));
    BOOST_TEST(assigned.IsWorkingDay(day) == loaded.IsWorkingDay(day));
  }
  BOOST_TEST(copy.HasDecision(2024));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
