// Output sinks: one Reporter per format renders what the engine concluded.
// A new format is a new file implementing this interface, not a new branch
// in the commands.
#pragma once

#include "dxcomply/engine.hpp"
#include "dxcomply/finding.hpp"

#include "report/summary.hpp"

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace dxcomply {

enum class OutputFormat { kText, kJson, kCsv };
std::optional<OutputFormat> ParseOutputFormat(const std::string& name);

// `dxcomply report` and `dxcomply check`.
struct ReportView {
  const Report& report;
  const Summary& summary;
  std::string agency_id;      // check: the one agency (findings are already filtered)
  bool all_statuses = false;  // list every finding, not only overdue and at risk
  bool colour = false;        // text: status headings in colour (a terminal, no NO_COLOR)
  std::string run_header = {};  // json: the "run" member, a JSON object (cli/run_record.hpp)
};

// `dxcomply explain`: one finding and what stands behind it.
struct Explanation {
  const Finding& finding;
  const Obligation& rule;
  std::vector<InstanceRef> upstream;  // every instance it depends on, with status
  std::vector<CounterRecord> records;
  int record_limit = 0;
  Dataset dataset = {};  // the database's, for its sample-data notice
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void WriteReport(const ReportView& view, std::ostream& out) = 0;
  virtual void WriteExplanation(const Explanation& explanation, std::ostream& out) = 0;
};

std::unique_ptr<Reporter> MakeTextReporter();
std::unique_ptr<Reporter> MakeJsonReporter();
std::unique_ptr<Reporter> MakeCsvReporter();
std::unique_ptr<Reporter> MakeReporter(OutputFormat format);

// What a report lists without --all: the overdue and at-risk findings, and
// those with an exception in force (waived, or extended whatever their
// status now).
bool ListedByDefault(const Finding& finding);
// Findings a report lists, in the report's order: those, or all of them.
std::vector<const Finding*> ListedFindings(const ReportView& view);

}  // namespace dxcomply
