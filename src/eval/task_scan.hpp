// The task scan: task checks' snapshots, and each task's place in the graph.
//
// The task table is usually the largest, so the scan is cut into parts by
// id range when the id is the table's INTEGER PRIMARY KEY (a range is then
// read without a scan). Different parts may be read at once, by threads
// holding their own connections to the same snapshot; Finish puts the parts
// together in id order, so the result is the same whichever thread read
// which part, and the same as from one pass.
#pragma once

#include "base/string_index.hpp"
#include "eval/collectors.hpp"
#include "records/scan_plan.hpp"

#include <cstdint>
#include <vector>

namespace dxcomply {

struct ScanRow;

class TaskScan {
 public:
  // About this many ids per part (the parts cover the id span evenly).
  static constexpr std::int64_t kIdsPerPart = 1 << 16;
  static constexpr std::uint64_t kMaxParts = 64;

  // Plans the scan; reads the id span through context.store.
  explicit TaskScan(const CollectContext& context, std::int64_t ids_per_part = kIdsPerPart);

  int part_count() const { return static_cast<int>(parts_.size()); }
  // The task rows read so far (until TakeRecords).
  std::size_t row_count() const;
  // Reads one part through `store`, which must see context.store's
  // snapshot. Safe to call for different parts at once.
  void ReadPart(int part, RecordStore& store);
  // Once every part is read, two halves that touch different members of the
  // parts, and may run at once on two threads, each once:
  // the tasks, in id order;
  TaskRecords TakeRecords();
  // and the snapshots added to the book (then grouped), the issues to
  // context.issues.
  void FillBook();

 private:
  struct ObligationEntry {
    std::vector<int> measured_by;  // indices into task_rules_
    int rule = -1;                 // the rule of this obligation id
  };
  struct Part {
    TableScanPlan plan;
    TaskRecords records;
    std::vector<MeasureBook::AddedTask> added;
    std::vector<DataIssue> issues;
    std::vector<int> rows_with_issues;  // by agency index
  };

  void ReadRow(const ScanRow& row, Part& part) const;

  const CollectContext context_;        // the part plans point into task_rules_
  std::vector<Obligation> task_rules_;  // with the implicit "completed by t"
  std::vector<int> task_rule_index_;    // index of each in context.rules
  std::vector<ObligationEntry> entries_;
  StringIndex entry_of_id_;
  std::vector<Part> parts_;
  int obligation_column_ = -1;
  int period_column_ = -1;
  int progress_column_ = -1;
  int started_slot_ = -1;
  int completed_slot_ = -1;
  int planned_start_slot_ = -1;
  int planned_days_column_ = -1;
};

}  // namespace dxcomply
