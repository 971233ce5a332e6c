// The set of files `export` and `nightly` write for one evaluation: findings
// as JSON and CSV (every status), the Excel workbook, one iCalendar file per
// agency and the HTML dashboard. Each file is written atomically.
#pragma once

#include "dxcomply/finding.hpp"

#include "report/summary.hpp"

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace dxcomply {

struct OutputSelection {
  bool json = true;
  bool csv = true;
  bool workbook = true;
  bool calendars = true;
  bool dashboard = true;
};

// How the nightly batch writes the set; export writes it plain and whole.
struct OutputStyle {
  // findings.json.gz and findings.csv.gz instead of findings.json and .csv.
  bool compress = false;
  // Only these agencies' calendars; empty: every agency's.
  std::function<bool(const Agency&)> calendar_wanted;
  // The workbook written row by row (report/xlsx_writer.hpp).
  bool workbook_constant_memory = false;
  // findings.json's "run" member: the run record's header (cli/run_record.hpp).
  std::string run_header;
};

// One piece of the set: the files it writes (relative to the folder), known
// before it runs, and the writing, which throws OutputError. Pieces write
// different files and only read the report, so they may run at once.
struct OutputJob {
  std::string what;  // for the logs: "findings.json.gz", "calendars"
  std::vector<std::string> files;
  std::function<void()> write;
};

// The pieces of the set in the order above. `folder` (and its calendars/)
// must exist.
std::vector<OutputJob> OutputJobs(const Report& report, const Summary& summary,
                                  const std::string& folder, const OutputSelection& selection,
                                  const OutputStyle& style = {});

// Writes into `folder` (created if needed): findings.json, findings.csv,
// workbook.xlsx, dashboard.html with dashboard/<agency>.js,
// calendars/<agency>.ics, one after the other. Returns the paths written,
// relative to `folder`, in writing order. Throws OutputError.
std::vector<std::string> WriteOutputSet(const Report& report, const Summary& summary,
                                        const std::string& folder, const OutputSelection& selection,
                                        const OutputStyle& style = {});

// Replaces `path` atomically with the gzip of what `write` writes.
// Throws OutputError.
void WriteGzipFileAtomically(const std::string& path,
                             const std::function<void(std::ostream&)>& write);

}  // namespace dxcomply
