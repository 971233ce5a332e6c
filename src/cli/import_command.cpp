#include "cli/import_command.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "cli/output_files.hpp"
#include "cli/prepared_run.hpp"
#include "cli/run_inputs.hpp"
#include "cli/run_record.hpp"
#include "import/import_file.hpp"
#include "import/table_fields.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <pwd.h>
#include <thread>
#include <unistd.h>

namespace dxcomply {
namespace {

// Test hook for the kill tests: DXCOMPLY_IMPORT_PAUSE_SECONDS=N makes the
// import wait N seconds with every row written and nothing committed.
constexpr const char* kPauseVariable = "DXCOMPLY_IMPORT_PAUSE_SECONDS";

std::string OsUser() {
  if (const passwd* entry = getpwuid(geteuid()); entry != nullptr && entry->pw_name != nullptr) {
    return entry->pw_name;
  }
  const char* user = std::getenv("USER");
  return user != nullptr ? user : std::to_string(geteuid());
}

std::string NowUtc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

void PrintCounts(const ImportResult& result, std::ostream& out) {
  for (const TablePlan& plan : result.tables) {
    out << "  "
        << Format(Tr("{0} ({1}): added {2}, changed {3}, unchanged {4}"),
                  {SheetName(*plan.table), plan.table->name, std::to_string(plan.counts.added),
                   std::to_string(plan.counts.changed), std::to_string(plan.counts.unchanged)})
        << "\n";
  }
}

// The import's record beside the database: <db>.run.json, and a line of
// <db>.runs.jsonl. A record that cannot be written is said: the import is
// committed already.
void KeepRecord(const RunRecord& record, const ImportOptions& options, const ImportResult& result,
                const std::string& outcome, std::ostream& err) {
  try {
    nlohmann::json done = record.Finished(kExitOk, {});
    done["outcome"] = outcome;
    done["sha256_of_file"] = result.sha256;
    nlohmann::json tables = nlohmann::json::object();
    for (const TablePlan& plan : result.tables) {
      tables[plan.table->name] = {{"added", plan.counts.added},
                                  {"changed", plan.counts.changed},
                                  {"unchanged", plan.counts.unchanged}};
    }
    done["counts"] = std::move(tables);
    done["database_after"] = DatabaseIdentity(options.database);
    WriteFileAtomically(options.database + "." + kRunRecordName, done.dump(2) + "\n");
    AppendRunLog(options.database + "." + kRunLogName, done);
  } catch (const OutputError& e) {
    err << Tr("warning: ") << Format(Tr("the import's record is not kept: {0}"), {e.what()})
        << "\n";
  }
}

}  // namespace

ExitStatus RunImport(const ImportOptions& options, std::ostream& out, std::ostream& err) {
  const std::optional<std::string> rules_folder = RulesFolder(options.rules, err);
  if (!rules_folder) return kExitInputError;
  Diagnostics diagnostics;
  const RuleSet rules = LoadCheckedRules(*rules_folder, diagnostics);
  if (diagnostics.HasErrors()) {
    PrintDiagnostics(diagnostics, err);
    err << Format(Tr("{0} in the rules; nothing imported"),
                  {Counted(diagnostics.error_count(),
                           TrN("{0} error", "{0} errors", diagnostics.error_count()))})
        << "\n";
    return kExitInputError;
  }
  RunRecord record("import");
  record.Set("options", {{"file", options.file},
                         {"db", options.database},
                         {"rules", options.rules},
                         {"agency", options.agency},
                         {"table", options.table}});
  try {
    record.Set("rules", RulesRead(*rules_folder, rules, false));
    record.Set("file", FileIdentity(options.file));
    record.Set("database", DatabaseIdentity(options.database));
  } catch (const OutputError& e) {
    err << Tr("error: ") << e.what() << "\n";
    return kExitInputError;
  }
  ImportRequest request;
  request.file = options.file;
  request.database = options.database;
  request.agency = options.agency;
  request.table = options.table;
  request.os_user = OsUser();
  request.now_utc = NowUtc();
  if (const char* pause = std::getenv(kPauseVariable); pause != nullptr && *pause != '\0') {
    const int seconds = std::atoi(pause);
    request.before_commit = [seconds, &err] {
      err << "import: paused before commit\n" << std::flush;
      std::this_thread::sleep_for(std::chrono::seconds(seconds));
    };
  }

  const ImportResult result = ImportFile(request, rules);
  for (const std::string& note : result.notes) err << Tr("note: ") << note << "\n";
  switch (result.outcome) {
    case ImportResult::Outcome::kBusy:
      err << Tr("error: ")
          << Format(Tr("{0} is being written by another import; nothing written, run again once "
                       "that import is done"),
                    {options.database})
          << "\n";
      return kExitInputError;
    case ImportResult::Outcome::kRefused:
      if (!result.file_problem.empty()) {
        err << Tr("error: ") << result.file_problem << "\n";
        err << Format(Tr("nothing written to {0}"), {options.database}) << "\n";
        return kExitInputError;
      }
      for (const CellProblem& problem : result.problems) err << problem.ToString() << "\n";
      err << Format(Tr("{0}; nothing written to {1}"),
                    {Counted(result.problems.size(),
                             TrN("{0} error", "{0} errors", result.problems.size())),
                     options.database})
          << "\n";
      return kExitInputError;
    case ImportResult::Outcome::kNothingNew:
      out << Format(Tr("Nothing new in {0} (SHA-256 {1}); {2} unchanged:"),
                    {options.file, result.sha256, options.database})
          << "\n";
      PrintCounts(result, out);
      KeepRecord(record, options, result, "nothing_new", err);
      return kExitOk;
    case ImportResult::Outcome::kWritten:
      out << Format(Tr("Imported {0} (SHA-256 {1}) into {2}:"),
                    {options.file, result.sha256, options.database})
          << "\n";
      PrintCounts(result, out);
      KeepRecord(record, options, result, "written", err);
      return kExitOk;
  }
  return kExitOk;
}

}  // namespace dxcomply
