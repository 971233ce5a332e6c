// Every form of due date, first as arithmetic (Deadlines) and then end to
// end through Evaluate on small databases.
#include "eval/deadlines.hpp"

#include "dxcomply/engine.hpp"

#include "rules/rule_checker.hpp"
#include "rules/yaml_loader.hpp"
#include "store/record_store.hpp"
#include "support/test_files.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>  // prints Date in failures
#include <boost/test/unit_test.hpp>

namespace dxcomply {
namespace {

WorkCalendar ShippedCalendar() {
  Diagnostics diagnostics;
  WorkCalendar calendar = WorkCalendar::Load(DXCOMPLY_SOURCE_DIR "/rules/calendar", diagnostics);
  BOOST_TEST_REQUIRE(!diagnostics.HasErrors());
  return calendar;
}

Due Recurring(Frequency frequency, Period first, int month_offset, int day, int working_day = 0) {
  Due due;
  due.kind = Due::Kind::kRecurring;
  first.frequency = frequency;
  due.first = first;
  due.month_offset = month_offset;
  due.day = day;
  due.working_day = working_day;
  return due;
}

BOOST_AUTO_TEST_SUITE(deadlines)

BOOST_AUTO_TEST_CASE(a_fixed_date_rolls_off_a_day_off_only_when_asked) {
  const WorkCalendar calendar = ShippedCalendar();
  const Deadlines deadlines(calendar);
  Due due;
  due.date = Date(2023, 9, 2);  // Saturday inside the 1-4/9/2023 break
  BOOST_TEST(deadlines.Fixed(due) == Date(2023, 9, 2));
  due.roll_to_working_day = true;
  BOOST_TEST(deadlines.Fixed(due) == Date(2023, 9, 5));
}

BOOST_AUTO_TEST_CASE(recurring_due_dates) {
  const WorkCalendar calendar = ShippedCalendar();
  const Deadlines deadlines(calendar);
  // The 5th working day of the next month: October 2023 starts on a Monday.
  const Due monthly = Recurring(Frequency::kMonth, {Frequency::kMonth, 2023, 9}, 1, 0, 5);
  BOOST_TEST(deadlines.PeriodDue(monthly, {Frequency::kMonth, 2023, 9}) == Date(2023, 10, 6));
  // ... and across Tết 2025 (25/1-2/2 off): 3, 4, 5, 6, 7 February.
  BOOST_TEST(deadlines.PeriodDue(monthly, {Frequency::kMonth, 2025, 1}) == Date(2025, 2, 7));
  // The year's plan by 15/12 of the year before.
  const Due yearly = Recurring(Frequency::kYear, {Frequency::kYear, 2022, 0}, -1, 15);
  BOOST_TEST(deadlines.PeriodDue(yearly, {Frequency::kYear, 2023, 0}) == Date(2022, 12, 15));
  // A quarter's report by the 15th of the month after it; a month's by its last day.
  const Due quarterly = Recurring(Frequency::kQuarter, {Frequency::kQuarter, 2023, 1}, 3, 15);
  BOOST_TEST(deadlines.PeriodDue(quarterly, {Frequency::kQuarter, 2023, 4}) == Date(2024, 1, 15));
  const Due end_of_month = Recurring(Frequency::kMonth, {Frequency::kMonth, 2024, 1}, 0, 0);
  BOOST_TEST(deadlines.PeriodDue(end_of_month, {Frequency::kMonth, 2024, 2}) == Date(2024, 2, 29));
}

BOOST_AUTO_TEST_CASE(periods_are_those_begun_or_due_within_a_cycle) {
  const WorkCalendar calendar = ShippedCalendar();
  const Deadlines deadlines(calendar);
  const Due yearly = Recurring(Frequency::kYear, {Frequency::kYear, 2022, 0}, -1, 15);
  // On 2022-11-20 the 2023 plan (due 15/12/2022) already counts; 2024 does not.
  std::vector<std::string> labels;
  for (const Period& p : deadlines.Periods(yearly, Date(2022, 11, 20))) labels.push_back(p.Label());
  BOOST_TEST(labels == (std::vector<std::string>{"2022", "2023"}));
  Due monthly = Recurring(Frequency::kMonth, {Frequency::kMonth, 2023, 1}, 0, 0);
  monthly.last = Period{Frequency::kMonth, 2023, 3};
  labels.clear();
  for (const Period& p : deadlines.Periods(monthly, Date(2023, 12, 1))) labels.push_back(p.Label());
  BOOST_TEST(labels == (std::vector<std::string>{"2023-01", "2023-02", "2023-03"}));
}

BOOST_AUTO_TEST_CASE(relative_deadlines_count_as_the_civil_code_does) {
  const WorkCalendar calendar = ShippedCalendar();
  const Deadlines deadlines(calendar);
  Due due;
  due.kind = Due::Kind::kPerRecord;
  due.days = 15;
  due.unit = DayUnit::kWorking;
  // 15 working days after Monday 20/1/2025 skip Tết (25/1-2/2): 17/2.
  BOOST_TEST(deadlines.After(due, Date(2025, 1, 20)) == Date(2025, 2, 17));
  // 10 calendar days after 20/4/2025 end on 30/4, a holiday: the limit ends
  // on the next working day, Monday 5/5 (30/4-4/5 off).
  due.unit = DayUnit::kCalendar;
  due.days = 10;
  BOOST_TEST(deadlines.After(due, Date(2025, 4, 20)) == Date(2025, 5, 5));
  BOOST_TEST(deadlines.Between(DayUnit::kWorking, Date(2025, 1, 20), Date(2025, 2, 17)) == 15);
  BOOST_TEST(deadlines.Between(DayUnit::kCalendar, Date(2025, 1, 20), Date(2025, 2, 17)) == 28);
}

BOOST_AUTO_TEST_SUITE_END()

// --- end to end -------------------------------------------------------------

struct Run {
  Report report;
  const Finding& Find(const std::string& obligation, const std::string& period = "") const {
    for (const Finding& finding : report.findings) {
      if (finding.obligation->id == obligation && finding.period == period) return finding;
    }
    BOOST_FAIL("no finding for " + obligation + " " + period);
    return report.findings.front();
  }
};

Run Evaluate(const std::string& rules_yaml, const std::string& inserts, const Date& as_of) {
  testing::TestRules folder({{"rules.yaml", rules_yaml}});
  Diagnostics diagnostics;
  RuleSet rules = LoadRuleDirectory(folder.path(), diagnostics);
  CheckRuleSet(rules, diagnostics);
  for (const Diagnostic& d : diagnostics.Sorted()) BOOST_TEST_MESSAGE(d.ToString());
  BOOST_TEST_REQUIRE(!diagnostics.HasErrors());
  testing::TestDatabase db(testing::SchemaSql() +
                           "INSERT INTO agency (id, name, kind, parent_id) VALUES ('BTTTT', 'Bộ "
                           "Thông tin và Truyền thông', "
                           "'ministry', NULL);\n" +
                           inserts);
  RecordStore store = RecordStore::Open(db.path());
  static const WorkCalendar calendar = ShippedCalendar();
  EngineOptions options;
  options.as_of = as_of;
  options.calendar = &calendar;
  return Run{dxcomply::Evaluate(rules, store, options)};
}

std::string Rule(const std::string& id, const std::string& due, const std::string& check,
                 const std::string& extra = "") {
  return "  - id: " + id + "\n    title: T\n    source: {document: D}\n" +
         "    applies_to: {agencies: [BTTTT]}\n    due: " + due + "\n    check: " + check + "\n" +
         extra;
}

BOOST_AUTO_TEST_SUITE(deadline_forms)

BOOST_AUTO_TEST_CASE(monthly_report_with_two_missed_months_and_one_late) {
  // Due on the last day of each month; February and April never sent, May
  // sent on 7 June; June not due yet on 20/6.
  const Run run = Evaluate(
      "obligations:\n" + Rule("report",
                              "{every: month, first: 2023-01, month_offset: 0, day: last}",
                              "{kind: task}"),
      "INSERT INTO task (id, agency_id, obligation_id, period, title, started_on, progress, "
      "completed_on) VALUES\n"
      " (1, 'BTTTT', 'report', '2023-01', 'Báo cáo tháng 1', '2023-01-20', 1, '2023-01-30'),\n"
      " (2, 'BTTTT', 'report', '2023-03', 'Báo cáo tháng 3', '2023-03-20', 1, '2023-03-29'),\n"
      " (3, 'BTTTT', 'report', '2023-05', 'Báo cáo tháng 5', '2023-05-20', 1, '2023-06-07'),\n"
      " (4, 'BTTTT', 'report', '2023-06', 'Báo cáo tháng 6', '2023-06-15', 0.5, NULL);\n",
      Date(2023, 6, 20));
  BOOST_TEST(run.report.findings.size() == 6u);
  BOOST_TEST(StatusName(run.Find("report", "2023-01").status) == std::string("met"));
  const Finding& february = run.Find("report", "2023-02");
  BOOST_TEST(StatusName(february.status) == std::string("overdue"));
  BOOST_TEST(*february.due == Date(2023, 2, 28));
  BOOST_TEST(february.days_overdue == 112);
  BOOST_TEST(february.reason == "no task recorded, 112 days past the due date 2023-02-28");
  BOOST_TEST(StatusName(run.Find("report", "2023-03").status) == std::string("met"));
  BOOST_TEST(StatusName(run.Find("report", "2023-04").status) == std::string("overdue"));
  const Finding& may = run.Find("report", "2023-05");
  BOOST_TEST(StatusName(may.status) == std::string("met_late"));
  BOOST_TEST(may.reason == "completed, reached after the due date 2023-05-31 (not completed then)");
  const Finding& june = run.Find("report", "2023-06");
  BOOST_TEST(StatusName(june.status) == std::string("at_risk"));
  BOOST_TEST(june.days_left == 10);
}

BOOST_AUTO_TEST_CASE(after_an_event_that_never_happened_is_waiting) {
  const std::string rules = "obligations:\n" + Rule("plan", "2023-03-31", "{kind: task}") +
                            Rule("publish", "{after: plan, working_days: 15}", "{kind: task}");
  const Run never = Evaluate(rules, "", Date(2023, 6, 1));
  const Finding& waiting = never.Find("publish");
  BOOST_TEST(StatusName(waiting.status) == std::string("waiting"));
  BOOST_TEST(!waiting.due.has_value());
  // The plan it waits for is itself overdue, and that holds it back.
  BOOST_TEST(waiting.reason ==
             "waits for Bộ Thông tin và Truyền thông · plan to be met; then due 15 working days "
             "later; blocked by Bộ Thông tin và Truyền thông · plan (overdue 62 days)");

  // Once the plan is issued (Friday 28/4/2023, before the 29/4-3/5 break),
  // the clock starts: 4, 5, 8-12, 15-19, 22, 23, 24 May: the 15th is 24/5.
  const Run after = Evaluate(
      rules,
      "INSERT INTO task (id, agency_id, obligation_id, title, started_on, progress, completed_on) "
      "VALUES (1, 'BTTTT', 'plan', 'Kế hoạch', '2023-03-01', 1, '2023-04-28');",
      Date(2023, 6, 1));
  const Finding& due = after.Find("publish");
  BOOST_TEST(*due.due == Date(2023, 5, 24));
  BOOST_TEST(StatusName(due.status) == std::string("overdue"));
}

BOOST_AUTO_TEST_CASE(each_record_has_its_own_due_date) {
  // Every system is classified within 15 working days of going live.
  const std::string rules =
      "obligations:\n" +
      Rule("classify-new", "{after_column: created_on, working_days: 15}",
           "{kind: coverage, table: information_system, satisfied: [{column: level_approved_on, "
           "op: not_null}]}");
  const std::string systems =
      "INSERT INTO information_system (id, agency_id, name, level, level_approved_on, "
      "connects_population_db, created_on) VALUES\n"
      " (1, 'BTTTT', 'Một', 2, '2023-05-02', 0, '2023-04-03'),\n"  // due 24/4: satisfied late
      " (2, 'BTTTT', 'Hai', 2, NULL, 0, '2023-05-15'),\n"          // due 5/6: pending
      " (3, 'BTTTT', 'Ba', 2, NULL, 0, '2023-04-10');\n";          // due 4/5 (after 29/4-3/5): late
  const Run run = Evaluate(rules, systems, Date(2023, 5, 25));
  const Finding& finding = run.Find("classify-new");
  BOOST_TEST(StatusName(finding.status) == std::string("overdue"));
  BOOST_TEST(*finding.due == Date(2023, 5, 4));
  BOOST_TEST(finding.days_overdue == 21);
  BOOST_TEST(finding.reason ==
             "33.3% (1/3), target 100%; 1 row past their own due date (15 working days after "
             "created_on), the oldest due 2023-05-04, 21 days ago");

  // Once row 3 is approved, row 1 (late) and row 2 (pending) remain.
  const Run later = Evaluate(rules,
                             systems +
                                 "UPDATE information_system SET level_approved_on = "
                                 "'2023-05-20' WHERE id = 3;",
                             Date(2023, 5, 25));
  const Finding& pending = later.Find("classify-new");
  BOOST_TEST(StatusName(pending.status) == std::string("at_risk"));
  BOOST_TEST(*pending.due == Date(2023, 6, 5));
  BOOST_TEST(pending.days_left == 11);
}

BOOST_AUTO_TEST_CASE(warn_before_in_working_days_counts_days_left_in_working_days) {
  const Run run = Evaluate(
      "obligations:\n" +
          Rule("plan", "{in_month: 2025-02}", "{kind: task}", "    warn_before: 20 working days\n"),
      "INSERT INTO task (id, agency_id, obligation_id, title, started_on, progress) VALUES "
      "(1, 'BTTTT', 'plan', 'Kế hoạch', '2025-01-02', 0.5);",
      Date(2025, 1, 20));
  const Finding& finding = run.Find("plan");
  BOOST_TEST(*finding.due == Date(2025, 2, 28));
  // Working days after 20/1 up to 28/2/2025, Tết (25/1-2/2) off: 21-24/1
  // (4) and four full weeks of February (20).
  BOOST_TEST(finding.days_left == 24);
  BOOST_TEST((finding.day_unit == DayUnit::kWorking));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
