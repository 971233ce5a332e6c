// The figures the scans accumulate for every obligation instance, at the
// three dates a status needs: T, T - W and min(T, due).
//
// Coverage and count checks are counted during the scan. Task checks keep a
// small snapshot of each task row instead, because a task obligation's due
// date may only be known after the scans (`due: {after: ...}`); their counts
// are filled in by FinishTasks once it is.
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"

#include "eval/deadlines.hpp"
#include "eval/instance_table.hpp"

#include <array>
#include <cassert>
#include <cstdint>
#include <limits>
#include <vector>

namespace dxcomply {

enum MeasureDate { kAtAsOf = 0, kAtLookback = 1, kAtDue = 2 };
inline constexpr int kMeasureDates = 3;

// One task row as the engine needs it, in 32 bytes (a large country has a
// million of them). Days are kPlusInfinity when unknown.
struct TaskSnapshot {
  // Progress on T as last reported, 0..1; < 0 when unknown (NULL, or the
  // 100% of a task completed after T, which T cannot know).
  double progress = -1;
  DayNumber from = kMinusInfinity;  // in the check's base on [from, until)
  DayNumber until = kPlusInfinity;
  DayNumber satisfied_from = kPlusInfinity;  // satisfies it on [satisfied_from, satisfied_until)
  DayNumber satisfied_until = kPlusInfinity;
  DayNumber started = kPlusInfinity;
  // The row's own plan: its planned_days (PlanOfDays), or else
  // its planned_start_on day; kPlusInfinity without one.
  std::int32_t plan = kPlusInfinity;
};

// planned_days d (0-3660) is kept below any day a date can have.
inline constexpr std::int32_t kPlanDaysBase = kMinusInfinity + 1;
inline constexpr std::int32_t PlanOfDays(std::int32_t days) { return kPlanDaysBase + days; }
inline constexpr bool PlanIsDays(std::int32_t plan) {
  return plan >= kPlanDaysBase && plan <= kPlanDaysBase + 3660;
}

// Task checks: how the rows of the base on T stand against the due date
// (filled by MeasureBook::FinishTasks; README "What the statuses mean").
// Each row not completed on T is at most one of: finishing (projected to be
// done by the due date), behind (started, its progress projects short),
// late to start (not started, its latest start has come); or none of them
// (progress unknown or too early to tell, or its latest start still ahead).
struct TaskOutlook {
  std::int32_t rows = 0;       // in the base on T
  std::int32_t needed = 0;     // of them, how many must be completed
  std::int32_t finishing = 0;  // completed on T, or projected to be by the due date
  std::int32_t behind = 0;
  std::int32_t late_to_start = 0;
  std::int32_t to_start = 0;  // not started, latest start still ahead
  // The earliest latest start of the rows not completed on T; the rule's
  // own (lead_time or warn_before before the due date) when there is none.
  DayNumber latest_start = kPlusInfinity;
  // The projected progress of the row that decides: the needed-th most
  // advanced of the rows whose progress projects (completed rows count 1);
  // NaN when no row's progress projects.
  double projection = std::numeric_limits<double>::quiet_NaN();
};

struct InstanceCounts {
  std::array<std::int64_t, kMeasureDates> base{};  // coverage/task: rows in the base
  std::array<std::int64_t, kMeasureDates> hits{};  // coverage/task: satisfied; count: rows
  // indicator: the latest value on or before each date
  std::array<double, kMeasureDates> value{};
  std::array<DayNumber, kMeasureDates> value_day{kMinusInfinity, kMinusInfinity, kMinusInfinity};
  TaskOutlook task;          // task checks
  int issue_rows = 0;        // this agency's rows with data-quality issues in the table read
  // coverage/task: the day the last row satisfied on T became so (when it
  // was met, if everything is satisfied)
  DayNumber last_satisfied = kMinusInfinity;

  // Per-record due dates (coverage with `after_column`), rows of the base on T:
  std::int64_t late_open = 0;  // past their own due date, not satisfied
  DayNumber oldest_late_due = kPlusInfinity;
  std::int64_t pending = 0;  // not satisfied, not yet due
  DayNumber next_due = kPlusInfinity;
  std::int64_t satisfied_late = 0;  // satisfied, but after their own due date
  std::int64_t without_event = 0;   // no date in after_column yet: no due date
};

class MeasureBook {
 public:
  // The counts are not there yet: see AllocateCounts.
  MeasureBook(const RuleSet& rules, const InstanceTable& instances, const Date& as_of);
  // Makes the counts, all zero: tens of megabytes on a large country, so
  // made by whichever thread can spare the time, before anything counts.
  // The task scan's parts may be read before (they do not count).
  void AllocateCounts();

  // The days of an instance's three measure dates.
  const std::array<DayNumber, kMeasureDates>& Days(int instance) const {
    return days_[static_cast<std::size_t>(instance)];
  }
  InstanceCounts& counts(int instance) {
    assert(!counts_.empty());
    return counts_[static_cast<std::size_t>(instance)];
  }
  const InstanceCounts& counts(int instance) const {
    assert(!counts_.empty());
    return counts_[static_cast<std::size_t>(instance)];
  }
  // A task row of an instance, as the scan met it.
  struct AddedTask {
    int instance;
    TaskSnapshot task;
  };
  // Adds a batch of task rows, in scan order: a scan appends its rows to a
  // list as they come (it visits instances in no order), one batch per part
  // when it is cut into parts, the parts in id order. GroupTasks groups them
  // by instance and must run before FinishTasks.
  void AddTasks(std::vector<AddedTask>&& batch);
  void GroupTasks();

  // Counts a task instance from its snapshots, with its due date (the
  // instance's, now known; none for a waiting instance), and its outlook;
  // `deadlines` counts the latest starts.
  void FinishTasks(int instance, const Deadlines& deadlines);
  // Frees the task snapshots, once every task instance is finished.
  void DropTaskSnapshots();

  // The measure of `instance` at one of its dates.
  Measure MeasureAt(int instance, MeasureDate date) const;

  DayNumber as_of_day() const { return as_of_day_; }

 private:
  const RuleSet& rules_;
  const InstanceTable& instances_;
  DayNumber as_of_day_;
  std::vector<std::array<DayNumber, kMeasureDates>> days_;
  std::vector<InstanceCounts> counts_;
  std::vector<std::vector<AddedTask>> added_batches_;  // until GroupTasks
  std::vector<std::size_t> task_begin_;  // by instance, plus the end; after GroupTasks
  std::vector<TaskSnapshot> tasks_;      // by instance, each in the order added
  std::vector<double> projections_;      // FinishTasks' scratch
};

}  // namespace dxcomply
