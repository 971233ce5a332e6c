#include "cli/import_command.hpp"

#include "cli/run_inputs.hpp"
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
    out << "  " << SheetName(*plan.table) << " (" << plan.table->name << "): thêm "
        << plan.counts.added << ", sửa " << plan.counts.changed << ", giữ nguyên "
        << plan.counts.unchanged << "\n";
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
    err << diagnostics.error_count() << " error(s) in the rules; nothing imported\n";
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
  for (const std::string& note : result.notes) err << "lưu ý: " << note << "\n";
  switch (result.outcome) {
    case ImportResult::Outcome::kBusy:
      err << "lỗi: " << options.database
          << " đang được một lần nhập khác ghi; không ghi gì, hãy chạy lại sau khi lần nhập đó "
             "xong\n";
      return kExitInputError;
    case ImportResult::Outcome::kRefused:
      if (!result.file_problem.empty()) {
        err << "lỗi: " << result.file_problem << "\n";
        err << "không ghi gì vào " << options.database << "\n";
        return kExitInputError;
      }
      for (const CellProblem& problem : result.problems) err << problem.ToString() << "\n";
      err << result.problems.size() << " lỗi; không ghi gì vào " << options.database << "\n";
      return kExitInputError;
    case ImportResult::Outcome::kNothingNew:
      out << "Không có gì mới trong " << options.file << " (SHA-256 " << result.sha256 << "); "
          << options.database << " giữ nguyên:\n";
      PrintCounts(result, out);
      return kExitOk;
    case ImportResult::Outcome::kWritten:
      out << "Đã nhập " << options.file << " (SHA-256 " << result.sha256 << ") vào "
          << options.database << ":\n";
      PrintCounts(result, out);
      return kExitOk;
  }
  return kExitOk;
}

}  // namespace dxcomply
