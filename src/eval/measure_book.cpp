#include "eval/measure_book.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <utility>

namespace dxcomply {
namespace {

// The margin below which a share counts as reached (as in classify.cpp):
// a projection landing on 100% is on track.
constexpr double kEpsilon = 1e-9;

// A started task's progress on T, projected linearly to the due date from
// its progress since started_on; none when its progress tells nothing.
// Progress carries no date: it is taken as reported (the scan leaves out
// what T cannot know). 0% is evidence only once the task has run for the
// lookback window: before that it is too early to tell.
std::optional<double> ProjectedProgress(DayNumber as_of, DayNumber due, int lookback_days,
                                        const TaskSnapshot& task) {
  if (task.progress < 0) return std::nullopt;
  const int elapsed = as_of - task.started;
  if (task.progress == 0) {
    if (elapsed < lookback_days) return std::nullopt;
    return 0.0;
  }
  // now * (elapsed + left) / elapsed: one rounding less than now + now /
  // elapsed * left, so 90% after 135 days with 15 left is exactly 100%.
  const double days = std::max(1, elapsed);
  const double projected = task.progress * (days + std::max(0, due - as_of)) / days;
  return std::clamp(projected, 0.0, 1.0);
}

// How many of `rows` rows a share `target` needs completed, with the
// margin Reaches allows (2 of 3 reach a target written 2/3).
std::int32_t NeededRows(double target, std::int32_t rows) {
  const double needed = target * static_cast<double>(rows);
  return static_cast<std::int32_t>(std::ceil(needed - 1e-9 * needed));
}

}  // namespace

MeasureBook::MeasureBook(const RuleSet& rules, const InstanceTable& instances, const Date& as_of)
    : rules_(rules),
      instances_(instances),
      as_of_day_(ToDayNumber(as_of)),
      days_(static_cast<std::size_t>(instances.size())),
      task_begin_(static_cast<std::size_t>(instances.size()) + 1, 0) {
  for (int i = 0; i < instances.size(); ++i) {
    const Instance& instance = instances.at(i);
    const Obligation& rule = rules.obligations[static_cast<std::size_t>(instance.rule)];
    const DayNumber due = instance.due ? ToDayNumber(*instance.due) : as_of_day_;
    days_[static_cast<std::size_t>(i)] = {as_of_day_, as_of_day_ - rule.lookback_days,
                                          std::min(as_of_day_, due)};
  }
}

void MeasureBook::AllocateCounts() { counts_.assign(days_.size(), InstanceCounts()); }

void MeasureBook::AddTasks(std::vector<AddedTask>&& batch) {
  added_batches_.push_back(std::move(batch));
}

void MeasureBook::GroupTasks() {
  // A counting sort straight from the batches, each freed once placed:
  // the rows are not put together first (on a large country a second copy
  // of them is tens of megabytes while the graph is being built). Each
  // instance keeps its rows in the order they were added.
  task_begin_.assign(days_.size() + 1, 0);
  for (const std::vector<AddedTask>& batch : added_batches_) {
    for (const AddedTask& added : batch)
      ++task_begin_[static_cast<std::size_t>(added.instance) + 1];
  }
  for (std::size_t k = 1; k < task_begin_.size(); ++k) task_begin_[k] += task_begin_[k - 1];
  tasks_.resize(task_begin_.back());
  std::vector<std::size_t> next(task_begin_.begin(), task_begin_.end() - 1);
  for (std::vector<AddedTask>& batch : added_batches_) {
    for (const AddedTask& added : batch) {
      tasks_[next[static_cast<std::size_t>(added.instance)]++] = added.task;
    }
    std::vector<AddedTask>().swap(batch);
  }
  std::vector<std::vector<AddedTask>>().swap(added_batches_);
}

void MeasureBook::DropTaskSnapshots() {
  std::vector<TaskSnapshot>().swap(tasks_);
  std::vector<std::size_t>().swap(task_begin_);
}

void MeasureBook::FinishTasks(int instance, const Deadlines& deadlines) {
  const Instance& inst = instances_.at(instance);
  const Obligation& rule = rules_.obligations[static_cast<std::size_t>(inst.rule)];
  std::array<DayNumber, kMeasureDates>& days = days_[static_cast<std::size_t>(instance)];
  const DayNumber due = inst.due ? ToDayNumber(*inst.due) : as_of_day_;
  days[kAtDue] = std::min(as_of_day_, due);
  InstanceCounts& counts = counts_[static_cast<std::size_t>(instance)];
  TaskOutlook& outlook = counts.task;
  // No due date (waiting): nothing starts late.
  const DayNumber rule_latest_start =
      inst.due ? ToDayNumber(deadlines.LatestStart(rule, *inst.due)) : kPlusInfinity;
  // A row's own plan, where it has one, says when its work must start.
  const auto latest_start = [&](const TaskSnapshot& task) {
    if (!inst.due) return kPlusInfinity;
    if (PlanIsDays(task.plan)) {
      const DayUnit unit = rule.lead_time ? rule.lead_time->unit : rule.warn_before.unit;
      return ToDayNumber(deadlines.Before({task.plan - kPlanDaysBase, unit}, *inst.due));
    }
    if (task.plan != kPlusInfinity) return task.plan;
    return rule_latest_start;
  };
  std::vector<double>& projections = projections_;
  projections.clear();
  const std::size_t end = task_begin_[static_cast<std::size_t>(instance) + 1];
  for (std::size_t row = task_begin_[static_cast<std::size_t>(instance)]; row < end; ++row) {
    const TaskSnapshot& task = tasks_[row];
    for (std::size_t k = 0; k < kMeasureDates; ++k) {
      const DayNumber t = days[k];
      if (t < task.from || t >= task.until) continue;
      ++counts.base[k];
      if (t >= std::max(task.from, task.satisfied_from) &&
          t < std::min(task.until, task.satisfied_until)) {
        ++counts.hits[k];
      }
    }
    if (as_of_day_ < task.from || as_of_day_ >= task.until) continue;
    const DayNumber satisfied = std::max(task.from, task.satisfied_from);
    const bool done =
        as_of_day_ >= satisfied && as_of_day_ < std::min(task.until, task.satisfied_until);
    ++outlook.rows;
    if (done) {
      counts.last_satisfied = std::max(counts.last_satisfied, satisfied);
      ++outlook.finishing;
      projections.push_back(1.0);
      continue;
    }
    const DayNumber start_by = latest_start(task);
    outlook.latest_start = std::min(outlook.latest_start, start_by);
    if (task.started <= as_of_day_) {
      const std::optional<double> projected =
          ProjectedProgress(as_of_day_, due, rule.lookback_days, task);
      if (!projected) continue;
      projections.push_back(*projected);
      ++(*projected + kEpsilon >= 1.0 ? outlook.finishing : outlook.behind);
    } else if (task.started == kPlusInfinity && task.progress > 0) {
      // Progress without a start date: begun, on a day not recorded.
    } else {
      ++(as_of_day_ >= start_by ? outlook.late_to_start : outlook.to_start);
    }
  }
  outlook.needed = rule.check.complete == TaskRowsNeeded::kAny
                       ? std::min<std::int32_t>(1, outlook.rows)
                       : NeededRows(rule.check.target, outlook.rows);
  if (outlook.latest_start == kPlusInfinity) outlook.latest_start = rule_latest_start;
  if (projections.empty()) {
    outlook.projection = std::numeric_limits<double>::quiet_NaN();
  } else {
    const std::size_t decides =
        std::min<std::size_t>(std::max<std::int32_t>(outlook.needed, 1), projections.size()) - 1;
    std::nth_element(projections.begin(), projections.begin() + static_cast<long>(decides),
                     projections.end(), std::greater<double>());
    outlook.projection = projections[decides];
  }
}

Measure MeasureBook::MeasureAt(int instance, MeasureDate date) const {
  const Check& check =
      rules_.obligations[static_cast<std::size_t>(instances_.at(instance).rule)].check;
  const InstanceCounts& counts = counts_[static_cast<std::size_t>(instance)];
  Measure measure;
  switch (check.kind) {
    case CheckKind::kCoverage:
      measure.numerator = counts.hits[date];
      measure.denominator = counts.base[date];
      measure.known = measure.denominator > 0;
      break;
    case CheckKind::kTask:
      // Known even without a task row: nothing recorded means nothing done.
      measure.numerator = counts.hits[date];
      measure.denominator = counts.base[date];
      measure.known = true;
      break;
    case CheckKind::kCount:
      measure.numerator = counts.hits[date];
      measure.value = static_cast<double>(measure.numerator);
      measure.known = true;
      return measure;
    case CheckKind::kIndicator:
      measure.known = counts.value_day[date] != kMinusInfinity;
      measure.value = counts.value[date];
      return measure;
  }
  if (measure.denominator > 0) {
    measure.value =
        static_cast<double>(measure.numerator) / static_cast<double>(measure.denominator);
  }
  return measure;
}

}  // namespace dxcomply
