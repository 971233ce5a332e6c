#include "eval/measure_book.hpp"

#include "base/grouping.hpp"

#include <algorithm>
#include <utility>

namespace dxcomply {
namespace {

// A task's progress on T, projected linearly to the due date from its
// progress since started_on. Progress carries no date: it is taken as
// reported, except that a task completed after T cannot count the 100% its
// completion brought (nothing after T is known on T).
double ProjectedProgress(DayNumber as_of, DayNumber due, const TaskSnapshot& task) {
  if (task.started == kPlusInfinity || task.started > as_of) return 0;
  const double elapsed = std::max(1, as_of - task.started);
  double now = task.progress >= 0 ? task.progress : 0;
  if (task.completed != kPlusInfinity && task.completed > as_of && now >= 1) now = 0;
  const double projected = now + now / elapsed * std::max(0, due - as_of);
  return std::clamp(projected, 0.0, 1.0);
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
  if (added_tasks_.empty()) {
    added_tasks_ = std::move(batch);
  } else {
    added_tasks_.insert(added_tasks_.end(), batch.begin(), batch.end());
  }
}

void MeasureBook::GroupTasks() {
  // Each instance keeps its rows in the order they were added.
  const auto instance_of = [](const AddedTask& added) { return added.instance; };
  task_begin_ = GroupStarts(added_tasks_, days_.size(), instance_of);
  tasks_ = Grouped<TaskSnapshot>(added_tasks_, task_begin_, instance_of,
                                 [](const AddedTask& added) { return added.task; });
  std::vector<AddedTask>().swap(added_tasks_);
}

void MeasureBook::DropTaskSnapshots() {
  std::vector<TaskSnapshot>().swap(tasks_);
  std::vector<std::size_t>().swap(task_begin_);
}

void MeasureBook::FinishTasks(int instance) {
  const Instance& inst = instances_.at(instance);
  std::array<DayNumber, kMeasureDates>& days = days_[static_cast<std::size_t>(instance)];
  const DayNumber due = inst.due ? ToDayNumber(*inst.due) : as_of_day_;
  days[kAtDue] = std::min(as_of_day_, due);
  InstanceCounts& counts = counts_[static_cast<std::size_t>(instance)];
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
    if (done) counts.last_satisfied = std::max(counts.last_satisfied, satisfied);
    if (task.started <= as_of_day_) ++counts.started;
    counts.projected_progress += done ? 1.0 : ProjectedProgress(as_of_day_, due, task);
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
