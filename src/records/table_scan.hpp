// One pass over a record table for every rule that reads it.
//
// Rows are streamed, never collected: the visitor sees one row at a time
// with its agency resolved, its date columns parsed to day numbers and the
// rules' static atoms evaluated by SQLite. Values that break the data
// contract become DataIssues and read as NULL; rows of unknown agencies are
// reported and passed on with kUnknownAgency, so that a task's dependencies
// still resolve; measures skip them.
#pragma once

#include "dxcomply/finding.hpp"

#include "records/agency_directory.hpp"
#include "records/scan_plan.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

namespace dxcomply {

class RecordStore;
class RowValues;

// ScanRow::agency when the agency column is NULL (allowed for national
// measurements) or names no agency (reported as a data issue).
inline constexpr int kNullAgency = -1;
inline constexpr int kUnknownAgency = -2;

struct ScanRow {
  const RowValues& values;                 // the row's values, for built-in columns
  int agency;                              // AgencyDirectory index, kNullAgency or kUnknownAgency
  const std::vector<DayNumber>& dates;     // per date slot; kPlusInfinity when NULL or invalid
  const std::vector<std::uint8_t>& atoms;  // per static atom: 1 true, 0 false or NULL
  const std::vector<std::uint8_t>& fits;   // per typed column: 1 when the value fits its type
  bool has_issue;                          // some value of this row was reported

  // The interval of days [from, until) on which `predicate` holds for this
  // row, inside the row's lifetime; from >= until when it never holds.
  void Interval(const TableScanPlan& plan, const PredicatePlan& predicate, DayNumber* from,
                DayNumber* until) const;
  bool AtomsHold(const PredicatePlan& predicate) const;
};

// Inline: the scans call these for every rule and row.
inline bool ScanRow::AtomsHold(const PredicatePlan& predicate) const {
  for (int atom : predicate.atoms) {
    if (atoms[static_cast<std::size_t>(atom)] == 0) return false;
  }
  return true;
}

inline void ScanRow::Interval(const TableScanPlan& plan, const PredicatePlan& predicate,
                              DayNumber* from, DayNumber* until) const {
  DayNumber lo = kMinusInfinity;
  DayNumber hi = kPlusInfinity;
  if (plan.lifetime_from_slot >= 0) {
    // A row with no start date has existed since before records began.
    const DayNumber start = dates[static_cast<std::size_t>(plan.lifetime_from_slot)];
    if (start != kPlusInfinity) lo = start;
  }
  if (plan.lifetime_until_slot >= 0) {
    hi = dates[static_cast<std::size_t>(plan.lifetime_until_slot)];
  }
  for (int slot : predicate.known_by) lo = std::max(lo, dates[static_cast<std::size_t>(slot)]);
  for (int slot : predicate.null_after) hi = std::min(hi, dates[static_cast<std::size_t>(slot)]);
  *from = lo;
  *until = hi;
}

struct ScanResult {
  std::int64_t rows = 0;
  std::vector<int> rows_with_issues;  // by agency index
};

// Streams `plan`'s table. NULL in the agency column is reported unless
// `agency_may_be_null` (national measurements).
// `agency_known`, if set, hears each row's agency (>= 0) as soon as it is
// resolved, before the row's values are checked: time enough for a visitor
// whose per-agency data is far in memory to prefetch it (rows come in no
// agency order).
ScanResult ScanTable(RecordStore& store, const TableScanPlan& plan, const AgencyDirectory& agencies,
                     bool agency_may_be_null, std::vector<DataIssue>& issues,
                     const std::function<void(const ScanRow&)>& visit,
                     const std::function<void(int agency)>& agency_known = {});

}  // namespace dxcomply
