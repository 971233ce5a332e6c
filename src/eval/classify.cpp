#include "eval/classify.hpp"

#include "base/labels.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
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

// The reasons' words in the run's language, translated and parsed once per
// run: a large report fills them a quarter of a million times. English
// needs one and many forms (TrN); Vietnamese has one.
struct ReasonPhrases {
  Phrase one_row{TrN("{0} row", "{0} rows", 1)};
  Phrase rows{TrN("{0} row", "{0} rows", 2)};
  Phrase one_task{TrN("{0} task", "{0} tasks", 1)};
  Phrase tasks{TrN("{0} task", "{0} tasks", 2)};
  Phrase with_target{Tr("{0}, target {1}")};
  // Coverage with a due date per row.
  Phrase per_row_rule{Tr("{0} after {1}")};
  Phrase rows_without_event{Tr("; {0} without {1} yet")};
  Phrase rows_late{Tr("{0}; {1} past their own due date ({2}), the oldest due {3}, {4} ago{5}")};
  Phrase rows_pending{Tr("{0}; {1} not yet satisfied ({2}), the next due {3}, in {4}{5}")};
  Phrase rows_met_late{Tr("{0}; {1} satisfied after their own due date ({2}){3}")};
  Phrase rows_met{Tr("{0}, each row by its own due date ({1}){2}")};
  // Nothing to measure.
  Phrase nothing_on{Tr("nothing to measure on {0}{1}")};
  Phrase nothing_counts_as_met{Tr("nothing to measure on {0}, which this rule counts as met")};
  Phrase not_met_by_due{Tr("; not met by the due date {0} ({1}, target {2} then)")};
  Phrase nothing_in_base{Tr("nothing to measure on {0} (no {1} rows in the check's base)")};
  // Reached, overdue, on track.
  Phrase met{Tr("{0}, reached by the due date {1}")};
  Phrase met_late{Tr("{0}, reached after the due date {1} ({2} then)")};
  Phrase overdue{Tr("{0}, {1} past the due date {2}")};
  Phrase on_track{Tr("{0}, due {1} in {2}{3}")};
  std::string on_pace = Tr(", on pace");
  std::string nothing_to_project = Tr(", nothing to project from");
  // At risk: its grounds.
  Phrase due_in{Tr("due in {0} ({1})")};
  Phrase pace{Tr("at the pace of the last {0} it would reach {1} by {2}")};
  Phrase nothing_started{Tr("nothing started by its latest start {0}")};
  Phrase to_start_by{Tr(", to start by {0}")};
  Phrase task_would_be{Tr("at the progress reported it would be {0} done by {1}")};
  Phrase no_task_done{
      Tr("at the progress reported no task would be done by {0} (the most "
         "advanced {1})")};
  Phrase tasks_not_done{
      Tr("at the progress reported {0} of the {1} would not be done by {2} (the "
         "one that decides {3})")};
  Phrase not_started{Tr("not started by the latest start {0}")};
  Phrase some_not_started{Tr("{0} of the {1} not started by the latest start {2}")};
  Phrase first_to_start{Tr(", {0} not started, the first by {1}")};
  std::string progress_unknown = Tr(", progress not known");
  Phrase some_progress_unknown{Tr(", progress of {0} of the {1} not known")};
  // Measures and targets.
  std::string no_measurement = Tr("no measurement");
  std::string nothing_to_measure = Tr("nothing to measure");
  std::string no_task = Tr("no task recorded");
  std::string completed = Tr("completed");
  std::string not_completed = Tr("not completed");
  Phrase tasks_completed{Tr("{0} of {1} tasks completed")};
  Phrase at_least{Tr("at least {0}")};
  std::string any_one_task = Tr("any one task");
};

const ReasonPhrases& Words() { return Translated<ReasonPhrases>(); }

// A count inside a reason: 1.982 in Vietnamese; English reasons keep plain
// digits (1982), as they always have.
std::string Count(std::int64_t value) {
  if (ThousandsSeparator() != '.') return std::to_string(value);
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string grouped = value < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += '.';
    grouped += digits[i];
  }
  return grouped;
}

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

// printf's "%.1f" less a trailing ".0", with a decimal point whatever the
// language: "62.1", "3".
std::string TenthsWithPoint(double value) {
  std::string text = OneDecimal(value);
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text;
}

// The decimal point as the run's language writes it: 12,5 in Vietnamese.
std::string Localized(std::string text) {
  const char separator = DecimalSeparator();
  if (separator != '.') std::replace(text.begin(), text.end(), '.', separator);
  return text;
}

int DaysBetween(const ClassifyInput& input, const Date& from, const Date& to) {
  if (input.warn_before.unit == DayUnit::kWorking && input.deadlines != nullptr) {
    return input.deadlines->Between(DayUnit::kWorking, from, to);
  }
  return static_cast<int>((to - from).days());
}

std::string RowsText(std::int64_t rows) {
  return (rows == 1 ? Words().one_row : Words().rows)({Count(rows)});
}

// Coverage where every row has its own due date: late rows make it overdue,
// rows coming due make it at risk, rows satisfied late make it met late.
Classification ClassifyPerRecord(const ClassifyInput& input, const std::string& now) {
  const InstanceCounts& rows = *input.per_record;
  const Due& due = *input.due_rule;
  const ReasonPhrases& words = Words();
  const std::string rule = words.per_row_rule({CountText(due.days, due.unit), due.after_column});
  Classification out;
  const std::string waiting =
      rows.without_event > 0
          ? words.rows_without_event({RowsText(rows.without_event), due.after_column})
          : "";
  if (rows.late_open > 0) {
    out.status = Status::kOverdue;
    out.due = FromDayNumber(rows.oldest_late_due);
    out.days_overdue = DaysBetween(input, *out.due, input.as_of);
    out.reason = words.rows_late({now, RowsText(rows.late_open), rule, ShownDate(*out.due),
                                  CountText(out.days_overdue, input.warn_before.unit), waiting});
    return out;
  }
  if (rows.pending > 0) {
    out.due = FromDayNumber(rows.next_due);
    out.days_left = DaysBetween(input, input.as_of, *out.due);
    out.status = out.days_left <= input.warn_before.days ? Status::kAtRisk : Status::kOnTrack;
    if (out.status == Status::kAtRisk) out.grounds = GroundBit(RiskGround::kWarnWindow);
    out.reason = words.rows_pending({now, RowsText(rows.pending), rule, ShownDate(*out.due),
                                     CountText(out.days_left, input.warn_before.unit), waiting});
    return out;
  }
  if (!input.at_as_of.known) {
    out.status = Status::kNotApplicable;
    out.reason = words.nothing_on({ShownDate(input.as_of), waiting});
    return out;
  }
  out.status = rows.satisfied_late > 0 ? Status::kMetLate : Status::kMet;
  out.reason = rows.satisfied_late > 0
                   ? words.rows_met_late({now, RowsText(rows.satisfied_late), rule, waiting})
                   : words.rows_met({now, rule, waiting});
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
  return (count == 1 ? Words().one_task : Words().tasks)({Count(count)});
}

// Task checks: the rows that must be completed decide (README "What the
// statuses mean"). A row counts against the instance when its progress
// projects short of done by the due date or when it has not started by its
// latest start; the instance is at risk when more rows count against it
// than it can spare. Rows of unknown progress count neither way.
void ForecastTasks(const ClassifyInput& input, const std::string& due_text, Classification& out,
                   std::vector<std::string>& signals, std::string& notes) {
  const ReasonPhrases& words = Words();
  const TaskOutlook& task = *input.task;
  const std::string latest_start =
      task.latest_start == kPlusInfinity ? "" : ShownDate(FromDayNumber(task.latest_start));
  if (!std::isnan(task.projection)) out.projection = task.projection;
  if (task.rows == 0) {
    if (task.latest_start <= ToDayNumber(input.as_of)) {
      out.grounds |= GroundBit(RiskGround::kNotStarted);
      signals.push_back(words.nothing_started({latest_start}));
    } else {
      notes = words.to_start_by({latest_start});
    }
    return;
  }
  const bool short_of_rows = task.behind + task.late_to_start > task.rows - task.needed;
  if (short_of_rows && task.behind > 0) {
    out.grounds |= GroundBit(RiskGround::kTaskProgress);
    const std::string projected = FormatPercent(out.projection.value_or(0));
    if (task.rows == 1) {
      signals.push_back(words.task_would_be({projected, due_text}));
    } else if (task.needed == 1) {
      signals.push_back(words.no_task_done({due_text, projected}));
    } else {
      signals.push_back(
          words.tasks_not_done({Count(task.behind), TasksText(task.rows), due_text, projected}));
    }
  }
  if (short_of_rows && task.late_to_start > 0) {
    out.grounds |= GroundBit(RiskGround::kNotStarted);
    signals.push_back(task.rows == 1
                          ? words.not_started({latest_start})
                          : words.some_not_started(
                                {Count(task.late_to_start), TasksText(task.rows), latest_start}));
  }
  if (out.grounds != 0) return;
  const std::int32_t unknown =
      task.rows - task.finishing - task.behind - task.late_to_start - task.to_start;
  if (task.to_start > 0) {
    notes = task.rows == 1 ? words.to_start_by({latest_start})
                           : words.first_to_start({Count(task.to_start), latest_start});
  } else if (unknown > 0) {
    notes = task.rows == 1 ? words.progress_unknown
                           : words.some_progress_unknown({Count(unknown), TasksText(task.rows)});
  }
}

}  // namespace

std::string CountText(int count, DayUnit unit) { return DaysCount(count, unit); }

std::string FormatPercent(double share) {
  std::string text = TenthsWithPoint(share * 100.0);
  // 9,999 of 10,000 is not 100%: never round up to a target not reached.
  if (share < 1.0 && text == "100") text = "99.9";
  return Localized(text) + "%";
}

std::string FormatTenths(double value) { return Localized(TenthsWithPoint(value)); }

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
  const ReasonPhrases& words = Words();
  if (!measure.known) {
    return check.kind == CheckKind::kIndicator ? words.no_measurement : words.nothing_to_measure;
  }
  switch (check.kind) {
    case CheckKind::kCoverage: {
      std::string text = FormatPercent(measure.value);
      text += " (";
      text += Count(measure.numerator);
      text += '/';
      text += Count(measure.denominator);
      text += ')';
      return text;
    }
    case CheckKind::kCount:
      return Count(measure.numerator);
    case CheckKind::kTask:
      if (measure.denominator == 0) return words.no_task;
      if (measure.denominator == 1) {
        return measure.numerator == 1 ? words.completed : words.not_completed;
      }
      return words.tasks_completed({Count(measure.numerator), Count(measure.denominator)});
    case CheckKind::kIndicator:
      return FormatValue(check, measure.value);
  }
  return "";
}

std::string DescribeTarget(const Check& check) {
  switch (check.kind) {
    case CheckKind::kCount:
      return Words().at_least({Count(check.at_least)});
    case CheckKind::kTask:
      if (check.complete == TaskRowsNeeded::kAny) return Words().any_one_task;
      return FormatValue(check, check.target);
    default:
      return FormatValue(check, check.target);
  }
}

Classification Classify(const ClassifyInput& input) {
  const ReasonPhrases& words = Words();
  const Check& check = *input.check;
  Classification out;
  // "62.1% (18/29), target 100%"; a task check's usual target (all done)
  // goes without saying, and so does "any one" of a single task.
  std::string now = DescribeMeasure(check, input.at_as_of);
  const bool plain_task =
      check.kind == CheckKind::kTask &&
      (check.complete == TaskRowsNeeded::kAll ? check.target >= 1.0
                                              : input.at_as_of.denominator <= 1);
  if (!plain_task) now = words.with_target({now, DescribeTarget(check)});
  if (input.per_record != nullptr) return ClassifyPerRecord(input, now);
  const int days_to_due = static_cast<int>((input.due - input.as_of).days());  // calendar days
  const DayUnit unit = input.warn_before.unit;
  const std::string due_text = ShownDate(input.due);

  if (!input.at_as_of.known && check.kind != CheckKind::kIndicator) {
    if (check.empty_base == EmptyBase::kMet) {
      // Met now, with nothing to measure; but a base that was there on the
      // due date, short of the target, was not met by it.
      const bool late = days_to_due < 0 && input.at_due.known && !Reaches(check, input.at_due);
      out.status = late ? Status::kMetLate : Status::kMet;
      out.reason = words.nothing_counts_as_met({ShownDate(input.as_of)});
      if (late) {
        words.not_met_by_due.AppendTo(
            out.reason, {due_text, DescribeMeasure(check, input.at_due), DescribeTarget(check)});
      }
    } else {
      out.status = Status::kNotApplicable;
      out.reason = words.nothing_in_base({ShownDate(input.as_of), check.table});
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
      out.reason = words.met({now, due_text});
    } else {
      out.status = Status::kMetLate;
      out.reason = words.met_late({now, due_text, DescribeMeasure(check, input.at_due)});
    }
    return out;
  }

  if (days_to_due < 0) {
    out.status = Status::kOverdue;
    out.days_overdue = DaysBetween(input, input.due, input.as_of);
    out.reason = words.overdue({now, CountText(out.days_overdue, unit), due_text});
    return out;
  }

  out.days_left = DaysBetween(input, input.as_of, input.due);
  // Each ground found, with its words for the reason, in RiskGround order;
  // `notes` say what is known without being a ground.
  std::vector<std::string> signals;
  std::string notes;
  if (out.days_left <= input.warn_before.days) {
    out.grounds |= GroundBit(RiskGround::kWarnWindow);
    signals.push_back(words.due_in({CountText(out.days_left, unit), due_text}));
  }
  if (check.kind == CheckKind::kTask) {
    ForecastTasks(input, due_text, out, signals, notes);
  } else if (!input.at_as_of.known) {
    // Unknown is not behind: no measurement raises no risk on its own.
    notes = words.nothing_to_project;
  } else {
    out.projection = Project(input, days_to_due);
    if (!ReachesValue(check, *out.projection)) {
      out.grounds |= GroundBit(RiskGround::kTrend);
      signals.push_back(words.pace(
          {DaysText(input.lookback_days), FormatValue(check, *out.projection), due_text}));
    }
  }
  if (out.grounds == 0) {
    out.status = Status::kOnTrack;
    out.reason = words.on_track(
        {now, due_text, CountText(out.days_left, unit), notes.empty() ? words.on_pace : notes});
    return out;
  }
  out.status = Status::kAtRisk;
  out.reason = now;
  for (const std::string& signal : signals) out.reason += "; " + signal;
  return out;
}

}  // namespace dxcomply
