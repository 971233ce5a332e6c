#include "eval/classify.hpp"

#include "eval/deadlines.hpp"
#include "eval/measure_book.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace dxcomply {
namespace {

constexpr double kEpsilon = 1e-9;

bool IsShare(const Check& check) {
  return check.kind == CheckKind::kCoverage || check.kind == CheckKind::kTask ||
         check.kind == CheckKind::kIndicator;
}

// printf's "%.1f" without printf: every finding's reason has a figure or
// two. Ten times a double is exact in x87's 64-bit mantissa, so rounding it
// to an integer (to nearest, ties to even, as printf rounds) gives printf's
// digits; other machines, and values too large for an integer, take
// to_chars, which promises the same digits, more slowly.
std::string OneDecimal(double value) {
  if (std::numeric_limits<long double>::digits >= 64 && std::isfinite(value) &&
      std::fabs(value) < 1e17) {
    const long long tenths = std::llrint(static_cast<long double>(value) * 10);
    const unsigned long long magnitude = tenths < 0 ? 0ULL - static_cast<unsigned long long>(tenths)
                                                    : static_cast<unsigned long long>(tenths);
    std::string text = std::signbit(value) ? "-" : "";
    text += std::to_string(magnitude / 10);
    text += '.';
    text += static_cast<char>('0' + magnitude % 10);
    return text;
  }
  char buffer[400];  // the longest double in fixed notation, and more
  const std::to_chars_result end =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 1);
  return std::string(buffer, end.ptr);
}

std::string FormatValue(const Check& check, double value) {
  return IsShare(check) ? FormatPercent(value) : FormatTenths(value);
}

std::string DaysText(int days) { return CountText(days, DayUnit::kCalendar); }

int DaysBetween(const ClassifyInput& input, const Date& from, const Date& to) {
  if (input.warn_before.unit == DayUnit::kWorking && input.deadlines != nullptr) {
    return input.deadlines->Between(DayUnit::kWorking, from, to);
  }
  return static_cast<int>((to - from).days());
}

std::string RowsText(std::int64_t rows) {
  return std::to_string(rows) + (rows == 1 ? " row" : " rows");
}

// Coverage where every row has its own due date: late rows make it overdue,
// rows coming due make it at risk, rows satisfied late make it met late.
Classification ClassifyPerRecord(const ClassifyInput& input, const std::string& now) {
  const InstanceCounts& rows = *input.per_record;
  const Due& due = *input.due_rule;
  const std::string rule = CountText(due.days, due.unit) + " after " + due.after_column;
  Classification out;
  const std::string waiting = rows.without_event > 0 ? "; " + RowsText(rows.without_event) +
                                                           " without " + due.after_column + " yet"
                                                     : "";
  if (rows.late_open > 0) {
    out.status = Status::kOverdue;
    out.due = FromDayNumber(rows.oldest_late_due);
    out.days_overdue = DaysBetween(input, *out.due, input.as_of);
    out.reason = now + "; " + RowsText(rows.late_open) + " past their own due date (" + rule +
                 "), the oldest due " + FormatIsoDate(*out.due) + ", " +
                 CountText(out.days_overdue, input.warn_before.unit) + " ago" + waiting;
    return out;
  }
  if (rows.pending > 0) {
    out.due = FromDayNumber(rows.next_due);
    out.days_left = DaysBetween(input, input.as_of, *out.due);
    out.status = out.days_left <= input.warn_before.days ? Status::kAtRisk : Status::kOnTrack;
    if (out.status == Status::kAtRisk) out.grounds = GroundBit(RiskGround::kWarnWindow);
    out.reason = now + "; " + RowsText(rows.pending) + " not yet satisfied (" + rule +
                 "), the next due " + FormatIsoDate(*out.due) + ", in " +
                 CountText(out.days_left, input.warn_before.unit) + waiting;
    return out;
  }
  if (!input.at_as_of.known) {
    out.status = Status::kNotApplicable;
    out.reason = "nothing to measure on " + FormatIsoDate(input.as_of) + waiting;
    return out;
  }
  out.status = rows.satisfied_late > 0 ? Status::kMetLate : Status::kMet;
  out.reason = now +
               (rows.satisfied_late > 0 ? "; " + RowsText(rows.satisfied_late) +
                                              " satisfied after their own due date (" + rule + ")"
                                        : ", each row by its own due date (" + rule + ")") +
               waiting;
  return out;
}

double Project(const ClassifyInput& input, int days_left) {
  const double now = input.at_as_of.value;
  const double before = input.at_lookback.known ? input.at_lookback.value : now;
  double projected = now + (now - before) / input.lookback_days * days_left;
  if (IsShare(*input.check) && input.check->kind != CheckKind::kIndicator) {
    projected = std::clamp(projected, 0.0, 1.0);
  }
  return std::max(projected, 0.0);
}

std::string TasksText(std::int32_t count) {
  return std::to_string(count) + (count == 1 ? " task" : " tasks");
}

// Task checks: the rows that must be completed decide (README "What the
// statuses mean"). A row counts against the instance when its progress
// projects short of done by the due date or when it has not started by its
// latest start; the instance is at risk when more rows count against it
// than it can spare. Rows of unknown progress count neither way.
void ForecastTasks(const ClassifyInput& input, const std::string& due_text, Classification& out,
                   std::vector<std::string>& signals, std::string& notes) {
  const TaskOutlook& task = *input.task;
  const std::string latest_start =
      task.latest_start == kPlusInfinity ? "" : FormatIsoDay(task.latest_start);
  if (!std::isnan(task.projection)) out.projection = task.projection;
  if (task.rows == 0) {
    if (task.latest_start <= ToDayNumber(input.as_of)) {
      out.grounds |= GroundBit(RiskGround::kNotStarted);
      signals.push_back("nothing started by its latest start " + latest_start);
    } else {
      notes = ", to start by " + latest_start;
    }
    return;
  }
  const bool short_of_rows = task.behind + task.late_to_start > task.rows - task.needed;
  if (short_of_rows && task.behind > 0) {
    out.grounds |= GroundBit(RiskGround::kTaskProgress);
    const std::string projected = FormatPercent(out.projection.value_or(0));
    if (task.rows == 1) {
      signals.push_back("at the progress reported it would be " + projected + " done by " +
                        due_text);
    } else if (task.needed == 1) {
      signals.push_back("at the progress reported no task would be done by " + due_text +
                        " (the most advanced " + projected + ")");
    } else {
      signals.push_back("at the progress reported " + std::to_string(task.behind) + " of the " +
                        TasksText(task.rows) + " would not be done by " + due_text +
                        " (the one that decides " + projected + ")");
    }
  }
  if (short_of_rows && task.late_to_start > 0) {
    out.grounds |= GroundBit(RiskGround::kNotStarted);
    signals.push_back((task.rows == 1 ? "not started"
                                      : std::to_string(task.late_to_start) + " of the " +
                                            TasksText(task.rows) + " not started") +
                      " by the latest start " + latest_start);
  }
  if (out.grounds != 0) return;
  const std::int32_t unknown =
      task.rows - task.finishing - task.behind - task.late_to_start - task.to_start;
  if (task.to_start > 0) {
    notes =
        (task.rows == 1 ? ", to start by "
                        : ", " + std::to_string(task.to_start) + " not started, the first by ") +
        latest_start;
  } else if (unknown > 0) {
    notes = task.rows == 1 ? ", progress not known"
                           : ", progress of " + std::to_string(unknown) + " of the " +
                                 TasksText(task.rows) + " not known";
  }
}

}  // namespace

std::string CountText(int count, DayUnit unit) {
  const std::string noun = unit == DayUnit::kWorking ? " working day" : " day";
  return std::to_string(count) + noun + (count == 1 || count == -1 ? "" : "s");
}

std::string FormatPercent(double share) {
  std::string text = FormatTenths(share * 100.0);
  // 9,999 of 10,000 is not 100%: never round up to a target not reached.
  if (share < 1.0 && text == "100") text = "99.9";
  return text + "%";
}

std::string FormatTenths(double value) {
  std::string text = OneDecimal(value);
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text;
}

bool ReachesValue(const Check& check, double value) {
  if (check.kind == CheckKind::kCount)
    return value + kEpsilon >= static_cast<double>(check.at_least);
  return value + kEpsilon >= check.target;
}

bool Reaches(const Check& check, const Measure& measure) {
  if (!measure.known) return false;
  switch (check.kind) {
    case CheckKind::kTask:
      if (check.complete == TaskRowsNeeded::kAny) return measure.numerator >= 1;
      [[fallthrough]];
    case CheckKind::kCoverage: {
      // numerator / denominator >= target without dividing, with a margin
      // far below one row, so that 2/3 reaches a target written 2/3.
      if (measure.denominator <= 0) return false;
      const double needed = check.target * static_cast<double>(measure.denominator);
      return static_cast<double>(measure.numerator) >= needed - 1e-9 * needed;
    }
    case CheckKind::kCount:
      return measure.numerator >= check.at_least;
    case CheckKind::kIndicator:
      return ReachesValue(check, measure.value);
  }
  return false;
}

std::string DescribeMeasure(const Check& check, const Measure& measure) {
  if (!measure.known) {
    return check.kind == CheckKind::kIndicator ? "no measurement" : "nothing to measure";
  }
  switch (check.kind) {
    case CheckKind::kCoverage:
      return FormatPercent(measure.value) + " (" + std::to_string(measure.numerator) + "/" +
             std::to_string(measure.denominator) + ")";
    case CheckKind::kCount:
      return std::to_string(measure.numerator);
    case CheckKind::kTask:
      if (measure.denominator == 0) return "no task recorded";
      if (measure.denominator == 1) return measure.numerator == 1 ? "completed" : "not completed";
      return std::to_string(measure.numerator) + " of " + std::to_string(measure.denominator) +
             " tasks completed";
    case CheckKind::kIndicator:
      return FormatValue(check, measure.value);
  }
  return "";
}

std::string DescribeTarget(const Check& check) {
  switch (check.kind) {
    case CheckKind::kCount:
      return "at least " + std::to_string(check.at_least);
    case CheckKind::kTask:
      if (check.complete == TaskRowsNeeded::kAny) return "any one task";
      return FormatValue(check, check.target);
    default:
      return FormatValue(check, check.target);
  }
}

Classification Classify(const ClassifyInput& input) {
  const Check& check = *input.check;
  Classification out;
  // "62.1% (18/29), target 100%"; a task check's usual target (all done)
  // goes without saying, and so does "any one" of a single task.
  std::string now = DescribeMeasure(check, input.at_as_of);
  const bool plain_task =
      check.kind == CheckKind::kTask &&
      (check.complete == TaskRowsNeeded::kAll ? check.target >= 1.0
                                              : input.at_as_of.denominator <= 1);
  if (!plain_task) {
    now += ", target " + DescribeTarget(check);
  }
  if (input.per_record != nullptr) return ClassifyPerRecord(input, now);
  const int days_to_due = static_cast<int>((input.due - input.as_of).days());  // calendar days
  const DayUnit unit = input.warn_before.unit;
  const std::string due_text = FormatIsoDate(input.due);

  if (!input.at_as_of.known && check.kind != CheckKind::kIndicator) {
    if (check.empty_base == EmptyBase::kMet) {
      // Met now, with nothing to measure; but a base that was there on the
      // due date, short of the target, was not met by it.
      const bool late = days_to_due < 0 && input.at_due.known && !Reaches(check, input.at_due);
      out.status = late ? Status::kMetLate : Status::kMet;
      out.reason =
          "nothing to measure on " + FormatIsoDate(input.as_of) + ", which this rule counts as met";
      if (late) {
        out.reason += "; not met by the due date " + due_text + " (" +
                      DescribeMeasure(check, input.at_due) + ", target " + DescribeTarget(check) +
                      " then)";
      }
    } else {
      out.status = Status::kNotApplicable;
      out.reason = "nothing to measure on " + FormatIsoDate(input.as_of) + " (no " + check.table +
                   " rows in the check's base)";
    }
    return out;
  }

  if (Reaches(check, input.at_as_of)) {
    // A rule that counts an empty base as met was met on a due date with
    // nothing to measure.
    const bool met_by_due = Reaches(check, input.at_due) ||
                            (!input.at_due.known && check.empty_base == EmptyBase::kMet);
    if (days_to_due >= 0 || met_by_due) {
      out.status = Status::kMet;
      out.reason = now + ", reached by the due date " + due_text;
    } else {
      out.status = Status::kMetLate;
      out.reason = now + ", reached after the due date " + due_text + " (" +
                   DescribeMeasure(check, input.at_due) + " then)";
    }
    return out;
  }

  if (days_to_due < 0) {
    out.status = Status::kOverdue;
    out.days_overdue = DaysBetween(input, input.due, input.as_of);
    out.reason = now + ", " + CountText(out.days_overdue, unit) + " past the due date " + due_text;
    return out;
  }

  out.days_left = DaysBetween(input, input.as_of, input.due);
  // Each ground found, with its words for the reason, in RiskGround order;
  // `notes` say what is known without being a ground.
  std::vector<std::string> signals;
  std::string notes;
  if (out.days_left <= input.warn_before.days) {
    out.grounds |= GroundBit(RiskGround::kWarnWindow);
    signals.push_back("due in " + CountText(out.days_left, unit) + " (" + due_text + ")");
  }
  if (check.kind == CheckKind::kTask) {
    ForecastTasks(input, due_text, out, signals, notes);
  } else if (!input.at_as_of.known) {
    // Unknown is not behind: no measurement raises no risk on its own.
    notes = ", nothing to project from";
  } else {
    out.projection = Project(input, days_to_due);
    if (!ReachesValue(check, *out.projection)) {
      out.grounds |= GroundBit(RiskGround::kTrend);
      signals.push_back("at the pace of the last " + DaysText(input.lookback_days) +
                        " it would reach " + FormatValue(check, *out.projection) + " by " +
                        due_text);
    }
  }
  if (out.grounds == 0) {
    out.status = Status::kOnTrack;
    out.reason = now + ", due " + due_text + " in " + CountText(out.days_left, unit) +
                 (notes.empty() ? ", on pace" : notes);
    return out;
  }
  out.status = Status::kAtRisk;
  out.reason = now;
  for (const std::string& signal : signals) out.reason += "; " + signal;
  return out;
}

}  // namespace dxcomply
