// A record of every run that writes (export, remind, nightly, import): which
// program, rules, templates and database produced the files, as of which
// date, with which options, run by whom on which host, when, with what
// result. Written as run.json beside the outputs and appended as one line to
// runs.jsonl (docs/outputs.md, "The run record").
#pragma once

#include "dxcomply/date.hpp"

#include "cli/commands.hpp"
#include "cli/prepared_run.hpp"
#include "cli/run_inputs.hpp"
#include "report/summary.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace dxcomply {

inline constexpr const char* kRunRecordName = "run.json";
inline constexpr const char* kRunLogName = "runs.jsonl";

// SHA-256 of a file's bytes, in lowercase hex. Throws OutputError naming the
// file when it cannot be read.
std::string Sha256OfFile(const std::string& path);

// SHA-256 of `text`, in lowercase hex.
std::string Sha256Of(const std::string& text);

// What identifies a database file: its path, size and time of change, its
// SHA-256, and SQLite's file change counter (bytes 24-27 of the header);
// a write-ahead log beside it (<db>-wal) is identified too, for what it
// holds is part of what a reader sees.
nlohmann::json DatabaseIdentity(const std::string& path);

// The files of a folder that a run read, each with its SHA-256, and one
// digest of them all (of each name relative to the folder and its digest):
// the same files give the same digest wherever the folder is.
nlohmann::json FolderDigest(const std::string& folder, const std::vector<std::string>& files);

// Every rule file read and, `with_calendar`, the calendar's
// (<folder>/calendar/*.yaml|yml), digested as FolderDigest does.
nlohmann::json RulesRead(const std::string& folder, const RuleSet& rules, bool with_calendar);

// A file's path, size, time of change and SHA-256. Throws OutputError.
nlohmann::json FileIdentity(const std::string& path);

// The options every evaluating command takes, as given.
nlohmann::json EvaluateOptionsJson(const EvaluateOptions& options);

// {"overdue": 3, "at_risk": 5, ...}: every status, zeros included.
std::map<std::string, std::size_t> CountsByStatus(const Summary& summary);

class RunRecord {
 public:
  explicit RunRecord(std::string command);  // notes the start time

  void Set(const std::string& key, nlohmann::json value) { record_[key] = std::move(value); }
  void SetAsOf(const Date& as_of);
  void SetCounts(const std::map<std::string, std::size_t>& counts);

  // What is known before the outputs are written: every member but the end
  // time, the exit code and the files written. findings.json carries it.
  const nlohmann::json& Header() const { return record_; }

  // The whole record, ended now.
  nlohmann::json Finished(int exit_code, const std::vector<std::string>& files) const;

 private:
  nlohmann::json record_;
};

// Runs the engine (cli/prepared_run.hpp) while the database's identity is
// taken on a second thread, and records the rules read, the as-of date and
// the database. Throws OutputError when a file cannot be read for its digest.
Report& RunRecorded(Prepared& prepared, const std::string& database, RunRecord& record);

// Writes `record` into `folder` as run.json (atomically). Throws OutputError.
void WriteRunRecord(const std::string& folder, const nlohmann::json& record);

// Appends `record` as one line to `log` (created if missing), synced to
// disk. Throws OutputError.
void AppendRunLog(const std::string& log, const nlohmann::json& record);

// A run that failed after it began writing: its record, with `exit_code`,
// appended to `log` if that can be done; a warning on `err` if not.
void LogFailedRun(const RunRecord& record, const std::string& log, int exit_code,
                  std::ostream& err);

}  // namespace dxcomply
