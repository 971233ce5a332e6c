// `dxcomply import` without argv and stdout: one file (XLSX or CSV) into
// the database, all of it in one transaction or nothing.
#pragma once

#include "dxcomply/rule_set.hpp"

#include "import/import_plan.hpp"

#include <functional>
#include <string>
#include <vector>

namespace dxcomply {

struct ImportRequest {
  std::string file;      // .xlsx or .csv
  std::string database;  // an existing SQLite database
  std::string agency;    // --agency: the file's agency (checked against the workbook's)
  std::string table;     // --table: the table of a CSV file (name or sheet name)
  std::string os_user;   // who, for the import log
  std::string now_utc;   // when, for the import log: "2026-12-07T09:30:00Z"
  // How long to wait for another writer before refusing.
  int busy_timeout_ms = 2000;
  // Called after every row is written, before the commit (a test pauses
  // here to kill the process mid-import).
  std::function<void()> before_commit;
};

struct ImportResult {
  enum class Outcome {
    kWritten,     // the file's changes are committed and logged
    kNothingNew,  // every row was already there; nothing written
    kRefused,     // problems (cells, or the file itself); nothing written
    kBusy,        // another import holds the database; nothing written
  };
  Outcome outcome = Outcome::kRefused;
  std::string file_problem;           // the file cannot be read or has no table
  std::vector<CellProblem> problems;  // sorted by sheet, row, column
  std::vector<TablePlan> tables;      // counts per sheet (writes already done)
  std::vector<std::string> notes;     // sheets skipped, rows left blank
  std::string sha256;
  std::string agency;  // the file's agency, if any
};

ImportResult ImportFile(const ImportRequest& request, const RuleSet& rules);

}  // namespace dxcomply
