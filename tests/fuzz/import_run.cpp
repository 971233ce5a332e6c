#include "import_run.hpp"

#include "cli/run_inputs.hpp"
#include "fuzz_support.hpp"
#include "import/import_file.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <stdexcept>
#include <typeinfo>

namespace dxcomply::fuzz {
namespace {

// Thrown by the hook before the commit: what a run reached, never committed.
struct StopBeforeCommit {};

struct ImportSetup {
  RuleSet rules;
  std::string database;
  std::vector<std::string> tables;
  sqlite3* watcher = nullptr;  // a reader that sees any commit (PRAGMA data_version)
};

const ImportSetup& Setup() {
  static const ImportSetup* setup = [] {
    auto* made = new ImportSetup;
    Diagnostics diagnostics;
    made->rules = LoadCheckedRules(SourcePath("rules"), diagnostics);
    if (diagnostics.HasErrors()) throw std::runtime_error("the shipped rules do not load");
    for (const TableSpec& table : made->rules.tables) made->tables.push_back(table.name);
    made->database = ScratchFolder() + "/import.db";
    std::filesystem::copy_file(DXCOMPLY_SAMPLE_DB, made->database,
                               std::filesystem::copy_options::overwrite_existing);
    if (sqlite3_open_v2(made->database.c_str(), &made->watcher, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
      throw std::runtime_error("cannot open " + made->database);
    }
    return made;
  }();
  return *setup;
}

std::int64_t DataVersion(sqlite3* db) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &statement, nullptr) != SQLITE_OK) {
    std::abort();
  }
  std::int64_t version = -1;
  if (sqlite3_step(statement) == SQLITE_ROW) version = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  return version;
}

void Require(bool holds, const char* what, const std::string& detail = "") {
  if (holds) return;
  std::fprintf(stderr, "import fuzz: %s%s%s\n", what, detail.empty() ? "" : ": ", detail.c_str());
  std::abort();
}

}  // namespace

void PrepareImport() { Setup(); }

const std::vector<std::string>& TableNames() { return Setup().tables; }

void ImportBytes(const std::uint8_t* data, std::size_t size, const std::string& file_name,
                 const std::string& table, const std::string& agency) {
  const ImportSetup& setup = Setup();
  const std::int64_t version = DataVersion(setup.watcher);
  ImportRequest request;
  request.file = WriteScratch(file_name, {reinterpret_cast<const char*>(data), size});
  request.database = setup.database;
  request.table = table;
  request.agency = agency;
  request.os_user = "fuzz";
  request.now_utc = "2026-12-07T09:30:00Z";
  request.busy_timeout_ms = 0;
  bool reached_commit = false;
  request.before_commit = [&reached_commit] {
    reached_commit = true;
    throw StopBeforeCommit{};
  };

  ImportResult result;
  try {
    result = ImportFile(request, setup.rules);
  } catch (const StopBeforeCommit&) {
  } catch (const std::exception& e) {
    // The import says what is wrong with a file as a problem naming it; an
    // exception reaches the user as a bare "error:" without file or cell.
    Require(false, "an exception escaped the import",
            std::string(typeid(e).name()) + ": " + e.what());
  } catch (...) {
    Require(false, "an exception escaped the import");
  }
  Require(DataVersion(setup.watcher) == version, "the import committed");
  if (std::getenv("DXCOMPLY_FUZZ_SHOW") != nullptr) {  // how far the seeds go
    std::string outcome = result.file_problem;
    if (reached_commit) {
      outcome = "reached the commit";
    } else if (outcome.empty()) {
      outcome = std::to_string(result.problems.size()) + " problems";
      if (!result.problems.empty()) outcome += ", first " + result.problems[0].ToString();
    }
    std::fprintf(stderr, "%s --table=%s --agency=%s: %s\n", file_name.c_str(), table.c_str(),
                 agency.c_str(), outcome.c_str());
  }
  if (reached_commit) return;
  Require(result.outcome != ImportResult::Outcome::kWritten, "written without the commit hook");
  Require(result.outcome != ImportResult::Outcome::kBusy, "busy with no other writer");
  if (result.outcome == ImportResult::Outcome::kRefused) {
    Require(!result.file_problem.empty() || !result.problems.empty(), "refused without a reason");
  }
  if (!result.file_problem.empty()) {
    Require(result.file_problem.find(file_name) != std::string::npos,
            "a file problem does not name the file", result.file_problem);
  }
  for (const CellProblem& problem : result.problems) {
    Require(!problem.message.empty() && problem.column >= 0 && !problem.sheet.empty(),
            "a cell problem names no cell", problem.ToString());
  }
}

}  // namespace dxcomply::fuzz
