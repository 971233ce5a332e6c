// The figures the scans accumulate for every obligation instance, at the
// three dates a status needs: T, T - W and min(T, due).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"
#include "eval/instance_table.hpp"

namespace dxcomply {

enum MeasureDate { kAtAsOf = 0, kAtLookback = 1, kAtDue = 2 };
inline constexpr int kMeasureDates = 3;

struct InstanceCounts {
  std::array<std::int64_t, kMeasureDates> base{};  // coverage/task: rows in the base
  std::array<std::int64_t, kMeasureDates> hits{};  // coverage/task: satisfied; count: rows
  // indicator: the latest value on or before each date
  std::array<double, kMeasureDates> value{};
  std::array<DayNumber, kMeasureDates> value_day{kMinusInfinity, kMinusInfinity, kMinusInfinity};
  // task: sum over the base of each task's projected progress at the due date
  double projected_progress = 0;
  std::int64_t started = 0;  // task: tasks of the base on T started on or before T
  int issue_rows = 0;  // this agency's rows with data-quality issues in the table read
};

class MeasureBook {
 public:
  MeasureBook(const RuleSet& rules, const InstanceTable& instances, const Date& as_of);

  // The days of the three measure dates of a rule.
  const std::array<DayNumber, kMeasureDates>& Days(int rule) const {
    return days_[static_cast<std::size_t>(rule)];
  }
  InstanceCounts& counts(int instance) { return counts_[static_cast<std::size_t>(instance)]; }
  const InstanceCounts& counts(int instance) const {
    return counts_[static_cast<std::size_t>(instance)];
  }

  // The measure of `instance` at one of its dates.
  Measure MeasureAt(int instance, MeasureDate date) const;

  DayNumber as_of_day() const { return as_of_day_; }

 private:
  const RuleSet& rules_;
  const InstanceTable& instances_;
  DayNumber as_of_day_;
  std::vector<std::array<DayNumber, kMeasureDates>> days_;
  std::vector<InstanceCounts> counts_;
};

}  // namespace dxcomply
