// One function per command. Each writes its result to `out` (stdout) and
// problems to `err` (stderr), and returns the exit status. Only cli/ knows
// about argv, stdout and exit codes.
#pragma once

#include "cli/exit_status.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace dxcomply {

// Options of every command that evaluates.
struct EvaluateOptions {
  std::string database;
  std::string rules;  // empty: the shipped rules (cli/resource_paths.hpp)
  std::string as_of;  // ISO date; empty: today
  std::string format = "text";
  std::optional<int> lookback_days;
  std::optional<int> warn_before_days;
};

struct ReportOptions : EvaluateOptions {
  bool all_statuses = false;
  std::string order = "severity";  // or "impact": what holds back the most first
  // Only these findings (each repeatable; cli/report_filter.hpp).
  std::vector<std::string> statuses;
  std::vector<std::string> kinds;
  std::vector<std::string> themes;
  std::vector<std::string> obligations;
  std::vector<std::string> agencies;
  std::string output;  // a file, written atomically, instead of stdout
};

// `format` also takes junit and sarif (report/check_gate.hpp).
struct CheckOptions : EvaluateOptions {
  std::string agency;
  bool fail_on_risk = false;
  std::string output;  // a file, written atomically, instead of stdout
};

struct ExplainOptions : EvaluateOptions {
  std::string obligation;
  std::string agency;
  std::string period;  // of a recurring obligation; empty: its worst period
  int record_limit = 10;
};

struct GraphOptions : EvaluateOptions {
  std::string agency;
  std::string obligation;
  bool upstream_only = false;
  bool downstream_only = false;
  std::string critical_path;  // target obligation id
};

struct ExportOptions : EvaluateOptions {
  std::string out;                // folder
  std::vector<std::string> only;  // json, csv, xlsx, ics, html; empty: all
};

// One reminder letter (công văn đôn đốc) per agency with something overdue
// or at risk, as Markdown and printable HTML, from editable templates.
struct RemindOptions : EvaluateOptions {
  std::string out;                      // folder
  std::string agency;                   // only this agency's letter
  std::string templates;  // reminder.md.mustache, ...; empty: the shipped ones (resource_paths)
  int reply_within_working_days = 10;   // the reply date: as-of + this many working days
  int max_letters = 100;                // refuse a larger batch ...
  bool force = false;                   // ... unless forced
  std::string letter_settings;          // letter.yaml; empty: the one beside the templates, if any
  std::vector<std::string> formats = {"md", "html"};  // remind only: some of md html docx pdf
};

// The nightly batch: everything once, into a dated folder, with what changed
// since the last run (state in `state`).
struct NightlyOptions : RemindOptions {
  std::string state;  // folder holding the last run's state
  bool full = false;  // every agency's letter and calendar, not only those that changed
  int keep = 0;       // > 0: remove dated folders older than the last `keep` nights
};

struct ValidateOptions {
  std::string rules;     // empty: the shipped rules
  std::string database;  // optional
};

ExitStatus RunReport(const ReportOptions& options, std::ostream& out, std::ostream& err);
ExitStatus RunCheck(const CheckOptions& options, std::ostream& out, std::ostream& err);
ExitStatus RunExplain(const ExplainOptions& options, std::ostream& out, std::ostream& err);
ExitStatus RunGraph(const GraphOptions& options, std::ostream& out, std::ostream& err);
ExitStatus RunExport(const ExportOptions& options, std::ostream& out, std::ostream& err);
ExitStatus RunRemind(const RemindOptions& options, std::ostream& out, std::ostream& err);
ExitStatus RunNightly(const NightlyOptions& options, std::ostream& out, std::ostream& err);
ExitStatus RunValidate(const ValidateOptions& options, std::ostream& out, std::ostream& err);

}  // namespace dxcomply
