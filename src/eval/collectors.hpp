// The scans that fill the MeasureBook: one pass per record table.
//
//   CollectTableMeasures      coverage and count checks, per table they read
//   TaskScan (task_scan.hpp)  task checks, and each task's place in the graph
//   CollectIndicatorMeasures  indicator checks, from the measurement table
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"

#include "eval/deadlines.hpp"
#include "eval/instance_table.hpp"
#include "eval/measure_book.hpp"
#include "eval/task_records.hpp"
#include "records/agency_directory.hpp"

#include <vector>

namespace dxcomply {

class RecordStore;

struct CollectContext {
  RecordStore& store;
  const RuleSet& rules;
  const AgencyDirectory& agencies;
  const InstanceTable& instances;
  const Deadlines& deadlines;
  Date as_of;
  MeasureBook& book;
  std::vector<DataIssue>& issues;
};

void CollectTableMeasures(const CollectContext& context);
void CollectIndicatorMeasures(const CollectContext& context, int national_agency);

// Index of `rule` in rules.obligations.
int RuleIndex(const RuleSet& rules, const Obligation* rule);

}  // namespace dxcomply
