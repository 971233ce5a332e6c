// Classify() alone: one table row per status branch, with the reason text
// pinned, plus the arithmetic behind it (projection, exact fractions).
#include "eval/classify.hpp"

#include "eval/measure_book.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>  // prints Date in failures
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace dxcomply {
namespace {

const Date kDue(2022, 9, 30);

Check Coverage(double target = 1.0, EmptyBase empty_base = EmptyBase::kNotApplicable) {
  Check check;
  check.kind = CheckKind::kCoverage;
  check.table = "information_system";
  check.target = target;
  check.empty_base = empty_base;
  return check;
}

Check Count(std::int64_t at_least) {
  Check check;
  check.kind = CheckKind::kCount;
  check.table = "security_staff";
  check.at_least = at_least;
  return check;
}

Check Task(double target = 1.0) {
  Check check;
  check.kind = CheckKind::kTask;
  check.table = "task";
  check.target = target;
  return check;
}

Check Indicator(double target) {
  Check check;
  check.kind = CheckKind::kIndicator;
  check.table = "measurement";
  check.target = target;
  return check;
}

// numerator/denominator, as the MeasureBook makes it for coverage checks.
Measure Share(std::int64_t numerator, std::int64_t denominator) {
  Measure measure;
  measure.known = denominator > 0;
  measure.numerator = numerator;
  measure.denominator = denominator;
  if (denominator > 0) measure.value = static_cast<double>(numerator) / denominator;
  return measure;
}

// A task check's measure: known even when no task row exists.
Measure Tasks(std::int64_t completed, std::int64_t tasks) {
  Measure measure = Share(completed, tasks);
  measure.known = true;
  return measure;
}

Measure Rows(std::int64_t rows) {
  Measure measure;
  measure.known = true;
  measure.numerator = rows;
  measure.value = static_cast<double>(rows);
  return measure;
}

Measure Value(double value) {
  Measure measure;
  measure.known = true;
  measure.value = value;
  return measure;
}

const Measure kUnknown{};

// How a task check's rows stand (MeasureBook::FinishTasks makes it).
TaskOutlook Outlook(std::int32_t rows, std::int32_t finishing, std::int32_t behind,
                    std::int32_t late_to_start, std::int32_t to_start, const Date& latest_start,
                    double projection = std::numeric_limits<double>::quiet_NaN(),
                    std::int32_t needed = -1) {
  TaskOutlook outlook;
  outlook.rows = rows;
  outlook.needed = needed < 0 ? rows : needed;
  outlook.finishing = finishing;
  outlook.behind = behind;
  outlook.late_to_start = late_to_start;
  outlook.to_start = to_start;
  outlook.latest_start = ToDayNumber(latest_start);
  outlook.projection = projection;
  return outlook;
}

const Date kWarnFrom(2022, 9, 16);  // kDue less the default 14 days

struct Case {
  const char* name;
  Check check;
  Date as_of;
  Measure at_as_of;
  Measure at_lookback;
  Measure at_due;
  Status status;
  std::string reason;
  int days_overdue = 0;
  int days_left = 0;
  TaskOutlook task = Outlook(1, 0, 0, 0, 0, kWarnFrom);
};

Classification Run(const Case& c) {
  ClassifyInput input;
  input.check = &c.check;
  input.as_of = c.as_of;
  input.due = kDue;
  input.at_as_of = c.at_as_of;
  input.at_lookback = c.at_lookback;
  input.at_due = c.at_due;
  input.task = &c.task;
  return Classify(input);  // warn_before 14, lookback 30: the defaults
}

BOOST_AUTO_TEST_SUITE(classify)

BOOST_AUTO_TEST_CASE(one_row_per_status_branch) {
  const Date june(2022, 6, 30);    // 92 days before the due date
  const Date after(2022, 10, 10);  // 10 days after it
  const std::vector<Case> cases = {
      {"met before the due date", Coverage(), june, Share(10, 10), Share(3, 10), Share(10, 10),
       Status::kMet, "100% (10/10), target 100%, reached by the due date 2022-09-30"},
      {"met after the due date, reached by it", Coverage(), after, Share(10, 10), Share(10, 10),
       Share(10, 10), Status::kMet,
       "100% (10/10), target 100%, reached by the due date 2022-09-30"},
      {"met late", Coverage(0.8), after, Share(9, 10), Share(9, 10), Share(7, 10), Status::kMetLate,
       "90% (9/10), target 80%, reached after the due date 2022-09-30 (70% (7/10) then)"},
      {"overdue by 10 days", Coverage(), after, Share(8, 10), Share(8, 10), Share(8, 10),
       Status::kOverdue, "80% (8/10), target 100%, 10 days past the due date 2022-09-30", 10},
      {"overdue by 1 day", Coverage(), Date(2022, 10, 1), Share(8, 10), Share(8, 10), Share(8, 10),
       Status::kOverdue, "80% (8/10), target 100%, 1 day past the due date 2022-09-30", 1},
      {"at risk: near the due date, on pace", Coverage(), Date(2022, 9, 20), Share(8, 10),
       Share(0, 10), Share(8, 10), Status::kAtRisk,
       "80% (8/10), target 100%; due in 10 days (2022-09-30)", 0, 10},
      {"at risk: on the due date itself", Coverage(), kDue, Share(8, 10), Share(0, 10),
       Share(8, 10), Status::kAtRisk,
       "80% (8/10), target 100%; due in 0 days (2022-09-30); at the pace of the last 30 days it "
       "would reach 80% by 2022-09-30",
       0, 0},
      {"at risk: exactly warn_before days left", Coverage(), Date(2022, 9, 16), Share(8, 10),
       Share(0, 10), Share(8, 10), Status::kAtRisk,
       "80% (8/10), target 100%; due in 14 days (2022-09-30)", 0, 14},
      {"on track: 15 days left, on pace", Coverage(), Date(2022, 9, 15), Share(8, 10), Share(0, 10),
       Share(8, 10), Status::kOnTrack,
       "80% (8/10), target 100%, due 2022-09-30 in 15 days, on pace", 0, 15},
      {"at risk: the pace falls short", Coverage(), june, Share(5, 10), Share(4, 10), Share(5, 10),
       Status::kAtRisk,
       "50% (5/10), target 100%; at the pace of the last 30 days it would reach 80.7% by "
       "2022-09-30",
       0, 92},
      {"at risk: both near and behind pace", Coverage(), Date(2022, 9, 20), Share(5, 10),
       Share(5, 10), Share(5, 10), Status::kAtRisk,
       "50% (5/10), target 100%; due in 10 days (2022-09-30); at the pace of the last 30 days it "
       "would reach 50% by 2022-09-30",
       0, 10},
      {"on track", Coverage(), june, Share(5, 10), Share(2, 10), Share(5, 10), Status::kOnTrack,
       "50% (5/10), target 100%, due 2022-09-30 in 92 days, on pace", 0, 92},
      {"not applicable: empty coverage base", Coverage(), june, kUnknown, kUnknown, kUnknown,
       Status::kNotApplicable,
       "nothing to measure on 2022-06-30 (no information_system rows in the check's base)"},
      {"not applicable even after the due date", Coverage(), after, kUnknown, Share(1, 2),
       Share(1, 2), Status::kNotApplicable,
       "nothing to measure on 2022-10-10 (no information_system rows in the check's base)"},
      {"empty base counted as met", Coverage(1.0, EmptyBase::kMet), june, kUnknown, kUnknown,
       kUnknown, Status::kMet, "nothing to measure on 2022-06-30, which this rule counts as met"},
      // Empty now, but not on the due date, and short of the target then
      // (a system stopped after the due date, never protected): met late.
      {"empty base now, not on the due date", Coverage(1.0, EmptyBase::kMet), after, kUnknown,
       kUnknown, Share(0, 2), Status::kMetLate,
       "nothing to measure on 2022-10-10, which this rule counts as met; not met by the due "
       "date 2022-09-30 (0% (0/2), target 100% then)"},
      {"empty base now, target reached on the due date", Coverage(1.0, EmptyBase::kMet), after,
       kUnknown, kUnknown, Share(2, 2), Status::kMet,
       "nothing to measure on 2022-10-10, which this rule counts as met"},
      // The base was empty on the due date, which this rule counts as met;
      // by T it has rows, all satisfied: met, not met late.
      {"empty base on the due date counted as met", Coverage(1.0, EmptyBase::kMet), after,
       Share(1, 1), kUnknown, kUnknown, Status::kMet,
       "100% (1/1), target 100%, reached by the due date 2022-09-30"},
      // Unknown is not behind: no measurement raises no risk on its own.
      {"indicator without measurement, before the due date", Indicator(0.8), june, kUnknown,
       kUnknown, kUnknown, Status::kOnTrack,
       "no measurement, target 80%, due 2022-09-30 in 92 days, nothing to project from", 0, 92},
      {"indicator without measurement, close to the due date", Indicator(0.8), Date(2022, 9, 20),
       kUnknown, kUnknown, kUnknown, Status::kAtRisk,
       "no measurement, target 80%; due in 10 days (2022-09-30)", 0, 10},
      {"indicator without measurement, after the due date", Indicator(0.8), after, kUnknown,
       kUnknown, kUnknown, Status::kOverdue,
       "no measurement, target 80%, 10 days past the due date 2022-09-30", 10},
      {"indicator met", Indicator(0.8), june, Value(0.85), Value(0.5), Value(0.85), Status::kMet,
       "85%, target 80%, reached by the due date 2022-09-30"},
      {"indicator behind pace", Indicator(0.8), june, Value(0.5), Value(0.45), Value(0.5),
       Status::kAtRisk,
       "50%, target 80%; at the pace of the last 30 days it would reach 65.3% by 2022-09-30", 0,
       92},
      {"count met", Count(5), june, Rows(6), Rows(2), Rows(6), Status::kMet,
       "6, target at least 5, reached by the due date 2022-09-30"},
      {"count overdue", Count(5), after, Rows(3), Rows(3), Rows(3), Status::kOverdue,
       "3, target at least 5, 10 days past the due date 2022-09-30", 10},
      {"count met late", Count(5), after, Rows(5), Rows(4), Rows(4), Status::kMetLate,
       "5, target at least 5, reached after the due date 2022-09-30 (4 then)"},
      {"count on pace", Count(5), june, Rows(3), Rows(2), Rows(3), Status::kOnTrack,
       "3, target at least 5, due 2022-09-30 in 92 days, on pace", 0, 92},
      {"task completed", Task(), june, Tasks(1, 1), Tasks(0, 1), Tasks(1, 1), Status::kMet,
       "completed, reached by the due date 2022-09-30"},
      {"task not completed, overdue", Task(), after, Tasks(0, 1), Tasks(0, 1), Tasks(0, 1),
       Status::kOverdue, "not completed, 10 days past the due date 2022-09-30", 10},
      {"no task recorded, overdue", Task(), after, Tasks(0, 0), Tasks(0, 0), Tasks(0, 0),
       Status::kOverdue, "no task recorded, 10 days past the due date 2022-09-30", 10},
      {"several tasks, met late", Task(), after, Tasks(3, 3), Tasks(2, 3), Tasks(2, 3),
       Status::kMetLate,
       "3 of 3 tasks completed, reached after the due date 2022-09-30 (2 of 3 tasks completed "
       "then)"},
      {"task with a partial target", Task(0.5), after, Tasks(1, 3), Tasks(1, 3), Tasks(1, 3),
       Status::kOverdue, "1 of 3 tasks completed, target 50%, 10 days past the due date 2022-09-30",
       10},
      {"task behind the progress reported", Task(), june, Tasks(0, 1), Tasks(0, 1), Tasks(0, 1),
       Status::kAtRisk,
       "not completed; at the progress reported it would be 50% done by 2022-09-30", 0, 92,
       Outlook(1, 0, 1, 0, 0, kWarnFrom, 0.5)},
      {"task on pace by the progress reported", Task(), june, Tasks(0, 1), Tasks(0, 1), Tasks(0, 1),
       Status::kOnTrack, "not completed, due 2022-09-30 in 92 days, on pace", 0, 92,
       Outlook(1, 1, 0, 0, 0, kWarnFrom, 1.0)},
      {"task of unknown progress", Task(), june, Tasks(0, 1), Tasks(0, 1), Tasks(0, 1),
       Status::kOnTrack, "not completed, due 2022-09-30 in 92 days, progress not known", 0, 92,
       Outlook(1, 0, 0, 0, 0, kWarnFrom)},
      {"task not started, its latest start ahead", Task(), june, Tasks(0, 1), Tasks(0, 1),
       Tasks(0, 1), Status::kOnTrack,
       "not completed, due 2022-09-30 in 92 days, to start by 2022-09-16", 0, 92,
       Outlook(1, 0, 0, 0, 1, kWarnFrom)},
      {"task not started by its latest start", Task(), june, Tasks(0, 1), Tasks(0, 1), Tasks(0, 1),
       Status::kAtRisk, "not completed; not started by the latest start 2022-06-01", 0, 92,
       Outlook(1, 0, 0, 1, 0, Date(2022, 6, 1))},
      {"tasks not started and near the due date", Task(), Date(2022, 9, 20), Tasks(0, 2),
       Tasks(0, 2), Tasks(0, 2), Status::kAtRisk,
       "0 of 2 tasks completed; due in 10 days (2022-09-30); 2 of the 2 tasks not started by the "
       "latest start 2022-09-16",
       0, 10, Outlook(2, 0, 0, 2, 0, kWarnFrom)},
      {"no task recorded, latest start ahead", Task(), june, Tasks(0, 0), Tasks(0, 0), Tasks(0, 0),
       Status::kOnTrack, "no task recorded, due 2022-09-30 in 92 days, to start by 2022-09-16", 0,
       92, Outlook(0, 0, 0, 0, 0, kWarnFrom)},
      {"no task recorded past its latest start", Task(), june, Tasks(0, 0), Tasks(0, 0),
       Tasks(0, 0), Status::kAtRisk,
       "no task recorded; nothing started by its latest start 2022-06-30", 0, 92,
       Outlook(0, 0, 0, 0, 0, june)},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.name) {
      const Classification out = Run(c);
      BOOST_TEST(StatusName(out.status) == StatusName(c.status));
      BOOST_TEST(out.reason == c.reason);
      BOOST_TEST(out.days_overdue == c.days_overdue);
      BOOST_TEST(out.days_left == c.days_left);
    }
  }
}

BOOST_AUTO_TEST_CASE(projection_is_linear_from_the_lookback_window) {
  // v(T) = 0.5, v(T - 30) = 0.4, 60 days left: 0.5 + 0.1 / 30 * 60 = 0.7.
  const Check check = Coverage();
  ClassifyInput input;
  input.check = &check;
  input.as_of = Date(2022, 8, 1);
  input.due = kDue;
  input.at_as_of = Share(5, 10);
  input.at_lookback = Share(4, 10);
  input.at_due = input.at_as_of;
  const Classification out = Classify(input);
  BOOST_TEST(out.days_left == 60);
  BOOST_TEST_REQUIRE(out.projection.has_value());
  BOOST_TEST(*out.projection == 0.7, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(StatusName(out.status) == "at_risk");
  BOOST_TEST(out.reason ==
             "50% (5/10), target 100%; at the pace of the last 30 days it would reach 70% by "
             "2022-09-30");

  // A longer window slows the same gain: 0.5 + 0.1 / 60 * 60 = 0.6.
  input.lookback_days = 60;
  BOOST_TEST(*Classify(input).projection == 0.6, boost::test_tools::tolerance(1e-12));
  // A share never projects beyond 100% ...
  input.lookback_days = 30;
  input.at_lookback = Share(0, 10);
  BOOST_TEST(*Classify(input).projection == 1.0);
  // ... nor below 0.
  input.at_lookback = Share(10, 10);
  BOOST_TEST(*Classify(input).projection == 0.0);
  // Nothing measured at T - W (empty base then): no pace, the share stays.
  input.at_lookback = kUnknown;
  BOOST_TEST(*Classify(input).projection == 0.5, boost::test_tools::tolerance(1e-12));
}

// The rows that must be completed decide: one row behind is enough when
// all must be, and not when any one suffices and another is not behind.
BOOST_AUTO_TEST_CASE(the_rows_that_must_be_completed_decide) {
  const Check check = Task();
  ClassifyInput input;
  input.check = &check;
  input.as_of = Date(2022, 8, 1);
  input.due = kDue;
  input.at_as_of = Tasks(1, 3);
  input.at_lookback = Tasks(0, 3);
  input.at_due = input.at_as_of;
  // All three: one completed, one on pace, one behind (it decides, 40%).
  TaskOutlook all = Outlook(3, 2, 1, 0, 0, kWarnFrom, 0.4);
  input.task = &all;
  Classification out = Classify(input);
  BOOST_TEST(StatusName(out.status) == "at_risk");
  BOOST_TEST(out.grounds == GroundBit(RiskGround::kTaskProgress));
  BOOST_TEST(*out.projection == 0.4);
  BOOST_TEST(out.reason ==
             "1 of 3 tasks completed; at the progress reported 1 of the 3 tasks would not be done "
             "by 2022-09-30 (the one that decides 40%)");
  // Any one: the completed row suffices, the stalled one hides nothing.
  TaskOutlook any = Outlook(3, 2, 1, 0, 0, kWarnFrom, 1.0, 1);
  input.task = &any;
  out = Classify(input);
  BOOST_TEST(StatusName(out.status) == "on_track");
  BOOST_TEST(out.grounds == 0);
  // Any one, and every row behind or late to start: at risk on both grounds.
  input.at_as_of = Tasks(0, 3);
  TaskOutlook none = Outlook(3, 0, 2, 1, 0, Date(2022, 7, 1), 0.6, 1);
  input.task = &none;
  out = Classify(input);
  BOOST_TEST(StatusName(out.status) == "at_risk");
  BOOST_TEST(out.grounds ==
             (GroundBit(RiskGround::kTaskProgress) | GroundBit(RiskGround::kNotStarted)));
  BOOST_TEST(out.reason ==
             "0 of 3 tasks completed; at the progress reported no task would be done by "
             "2022-09-30 (the most advanced 60%); 1 of the 3 tasks not started by the latest "
             "start 2022-07-01");
  // Any one, two behind and one of unknown progress: unknown raises nothing.
  TaskOutlook unknown = Outlook(3, 0, 2, 0, 0, kWarnFrom, 0.6, 1);
  input.task = &unknown;
  out = Classify(input);
  BOOST_TEST(StatusName(out.status) == "on_track");
  BOOST_TEST(out.reason ==
             "0 of 3 tasks completed, due 2022-09-30 in 60 days, progress of 1 of the 3 tasks "
             "not known");
  // Two of three needed (target 2/3): one behind is spared, two are not.
  const Check two_thirds = Task(2.0 / 3.0);
  input.check = &two_thirds;
  TaskOutlook spared = Outlook(3, 2, 1, 0, 0, kWarnFrom, 1.0, 2);
  input.task = &spared;
  BOOST_TEST(StatusName(Classify(input).status) == "on_track");
  TaskOutlook short_of_two = Outlook(3, 1, 2, 0, 0, kWarnFrom, 0.5, 2);
  input.task = &short_of_two;
  BOOST_TEST(StatusName(Classify(input).status) == "at_risk");
}

// Each ground found is named, in RiskGround order, with the words for it.
BOOST_AUTO_TEST_CASE(at_risk_names_its_grounds) {
  const Check check = Coverage();
  ClassifyInput input;
  input.check = &check;
  input.due = kDue;
  input.as_of = Date(2022, 9, 20);
  input.at_as_of = input.at_due = Share(5, 10);
  input.at_lookback = Share(5, 10);
  Classification out = Classify(input);
  BOOST_TEST(out.grounds == (GroundBit(RiskGround::kWarnWindow) | GroundBit(RiskGround::kTrend)));
  std::vector<std::string> names;
  for (RiskGround ground : GroundsIn(out.grounds)) names.push_back(RiskGroundName(ground));
  BOOST_TEST(names == (std::vector<std::string>{"warn_window", "trend"}),
             boost::test_tools::per_element());
  // On track and done findings name none.
  input.as_of = Date(2022, 6, 30);
  input.at_lookback = Share(2, 10);
  BOOST_TEST(Classify(input).grounds == 0);
  input.at_as_of = input.at_due = Share(10, 10);
  BOOST_TEST(Classify(input).grounds == 0);
}

BOOST_AUTO_TEST_CASE(no_projection_once_reached_or_past_due) {
  const Check check = Coverage();
  ClassifyInput input;
  input.check = &check;
  input.due = kDue;
  input.as_of = Date(2022, 6, 30);
  input.at_as_of = input.at_lookback = input.at_due = Share(10, 10);
  BOOST_TEST(!Classify(input).projection.has_value());
  input.as_of = Date(2022, 10, 30);
  input.at_as_of = input.at_lookback = input.at_due = Share(1, 10);
  BOOST_TEST(!Classify(input).projection.has_value());
}

BOOST_AUTO_TEST_CASE(reaches_compares_exact_fractions) {
  struct Row {
    std::int64_t numerator;
    std::int64_t denominator;
    double target;
    bool reaches;
  };
  const std::vector<Row> rows = {
      {2, 3, 0.6667, false},  // 0.66666.. < 0.6667
      {2, 3, 0.666666, true},
      {2, 3, 2.0 / 3.0, true},  // the double nearest 2/3 is below it
      {1, 3, 1.0 / 3.0, true},
      {6667, 10000, 0.6667, true},
      {66669, 100000, 0.6667, false},
      {8, 10, 0.8, true},  // 0.8 is not exact in binary; still reached
      {79, 100, 0.8, false},
      {7, 10, 0.7, true},
      {29, 100, 0.29, true},
      {57, 100, 0.57, true},
      {999999, 1000000, 1.0, false},
      {1000000, 1000000, 1.0, true},
      {0, 5, 0.0, true},
      {0, 0, 0.0, false},  // nothing to measure never reaches
  };
  for (const Row& row : rows) {
    BOOST_TEST_CONTEXT(row.numerator << "/" << row.denominator << " vs " << row.target) {
      BOOST_TEST(Reaches(Coverage(row.target), Share(row.numerator, row.denominator)) ==
                 row.reaches);
      BOOST_TEST(Reaches(Task(row.target), Tasks(row.numerator, row.denominator)) == row.reaches);
    }
  }
}

BOOST_AUTO_TEST_CASE(reaches_for_counts_and_indicators) {
  BOOST_TEST(Reaches(Count(5), Rows(5)));
  BOOST_TEST(!Reaches(Count(5), Rows(4)));
  BOOST_TEST(Reaches(Count(0), Rows(0)));
  BOOST_TEST(Reaches(Indicator(0.8), Value(0.8)));
  BOOST_TEST(Reaches(Indicator(0.1496), Value(0.1496)));
  BOOST_TEST(!Reaches(Indicator(0.8), Value(0.7999)));
  BOOST_TEST(!Reaches(Indicator(0.0), kUnknown));  // no measurement reaches nothing
  BOOST_TEST(ReachesValue(Count(5), 4.9999999999));
  BOOST_TEST(!ReachesValue(Count(5), 4.99));
}

// Percentages round as printf's "%.1f" rounds (the reports have always
// said so), then drop a ".0" and never round up to 100%.
BOOST_AUTO_TEST_CASE(percent_rounds_as_printf_does) {
  const auto expected = [](double share) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.1f", share * 100.0);
    std::string text = buffer;
    if (share < 1.0 && text == "100.0") text = "99.9";
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
      text.resize(text.size() - 2);
    return text + "%";
  };
  std::vector<double> shares = {0.0,    1.0,     0.00025, 0.00035, 0.00045, 0.0125, 0.0135, 0.02675,
                                0.9995, 0.99949, 0.99951, 1.5,     12.345,  -0.0,   -0.25};
  // Near ties: percentages of x.x5 are rarely a double, so these lie just
  // above or below the tie, which ten times the value in double precision
  // would blur.
  for (int k = 0; k <= 20000; ++k) shares.push_back(k / 1000.0 + 0.0005);
  for (int denominator = 1; denominator <= 400; ++denominator) {
    for (int numerator = 0; numerator <= denominator; ++numerator) {
      shares.push_back(static_cast<double>(numerator) / denominator);
    }
  }
  for (double share : shares) BOOST_TEST(FormatPercent(share) == expected(share), share);
}

BOOST_AUTO_TEST_CASE(measures_and_targets_in_words) {
  BOOST_TEST(FormatPercent(0.621) == "62.1%");
  BOOST_TEST(FormatPercent(1.0) == "100%");
  BOOST_TEST(FormatPercent(0.0) == "0%");
  BOOST_TEST(FormatPercent(2.0 / 3.0) == "66.7%");
  BOOST_TEST(DescribeMeasure(Coverage(), Share(18, 29)) == "62.1% (18/29)");
  BOOST_TEST(DescribeMeasure(Coverage(), kUnknown) == "nothing to measure");
  BOOST_TEST(DescribeMeasure(Indicator(0.8), kUnknown) == "no measurement");
  BOOST_TEST(DescribeMeasure(Count(3), Rows(3)) == "3");
  BOOST_TEST(DescribeMeasure(Task(), Tasks(0, 0)) == "no task recorded");
  BOOST_TEST(DescribeMeasure(Task(), Tasks(0, 1)) == "not completed");
  BOOST_TEST(DescribeMeasure(Task(), Tasks(1, 1)) == "completed");
  BOOST_TEST(DescribeMeasure(Task(), Tasks(2, 5)) == "2 of 5 tasks completed");
  BOOST_TEST(DescribeTarget(Coverage(0.8)) == "80%");
  BOOST_TEST(DescribeTarget(Count(5)) == "at least 5");
  BOOST_TEST(DescribeTarget(Indicator(0.5)) == "50%");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
