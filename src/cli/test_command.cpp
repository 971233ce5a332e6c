#include "cli/test_command.hpp"

#include "base/file_text.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "cli/prepared_run.hpp"
#include "cli/run_inputs.hpp"
#include "records/schema_check.hpp"
#include "ruletest/case_runner.hpp"
#include "ruletest/fixture_database.hpp"
#include "ruletest/fixture_schema.hpp"
#include "ruletest/rule_test_checker.hpp"
#include "ruletest/rule_test_file.hpp"
#include "ruletest/scratch_database.hpp"
#include "ruletest/test_output.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <unistd.h>

namespace dxcomply {
namespace {

namespace fs = std::filesystem;

// A folder of the run's own under the system's temporary folder, for the
// cases' databases; removed with everything in it.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string pattern = (fs::temp_directory_path() / "dxcomply-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      throw FixtureError("cannot make a temporary folder in " + fs::temp_directory_path().string());
    }
    path_ = pattern;
  }
  ~ScratchFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// One rules folder under test, with the test files that test it.
struct RulesUnderTest {
  std::string directory;     // as the files or the arguments name it
  bool whole_suite = false;  // named as a rules folder: its coverage is checked
  RuleSet rules;
  std::optional<WorkCalendar> calendar;
  std::optional<FixtureSchema> schema;
  std::vector<RuleTestFile> files;
};

std::string Key(const std::string& directory) {
  std::error_code error;
  const fs::path canonical = fs::weakly_canonical(directory, error);
  return error ? directory : canonical.string();
}

std::vector<std::string> YamlFilesIn(const std::string& folder) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

class TestRun {
 public:
  TestRun(const TestOptions& options, std::ostream& out, std::ostream& err)
      : options_(options), out_(out), err_(err) {}

  ExitStatus Run() {
    std::optional<std::regex> run;
    if (!options_.run.empty()) {
      try {
        run.emplace(options_.run, std::regex::ECMAScript);
      } catch (const std::regex_error& e) {
        err_ << Tr("error: ")
             << Format(Tr("--run is not a regular expression: {0} ({1})"), {options_.run, e.what()})
             << "\n";
        return kExitInputError;
      }
    }
    std::string contract = BuiltInContractSql();
    std::string contract_name = "data/schema.sql";
    if (!options_.schema.empty()) {
      const FileText file = ReadFileText(options_.schema);
      if (!file.ok()) {
        err_ << Tr("error: ")
             << Format(Tr("cannot read the schema {0}: {1}"), {options_.schema, file.error})
             << "\n";
        return kExitInputError;
      }
      contract = file.text;
      contract_name = options_.schema;
    }
    if (!FindTestFiles()) return kExitInputError;

    ScratchFolder scratch;
    Diagnostics diagnostics;
    ReadFiles(diagnostics);
    for (auto& suite : suites_) Prepare(*suite, contract, contract_name, scratch, diagnostics);
    if (diagnostics.HasErrors()) {
      PrintDiagnostics(diagnostics, err_);
      err_ << Format(Tr("{0} in the rules or the rule tests; nothing run"),
                     {Counted(diagnostics.error_count(),
                              TrN("{0} error", "{0} errors", diagnostics.error_count()))})
           << "\n";
      return kExitInputError;
    }

    TestOutput output(out_, options_.verbose);
    Diagnostics coverage;
    std::size_t cases = 0;
    for (auto& suite : suites_) {
      const RuleTestContext context{suite->rules, *suite->calendar, *suite->schema, scratch.path()};
      for (const RuleTestFile& file : suite->files) {
        for (const RuleTestCase& test : file.cases) {
          if (run && !std::regex_search(test.name, *run)) continue;
          ++cases;
          for (const Expectation& expectation : test.expectations) {
            if (!expectation.none) suite_tested_[suite.get()].insert(expectation.obligation);
          }
          output.Case(RunRuleTestCase(file, test, context));
        }
      }
    }
    if (cases == 0) {
      PrintDiagnostics(diagnostics, err_);
      err_ << Tr("error: ")
           << (run ? Format(Tr("no test case matches --run {0}"), {options_.run})
                   : std::string(Tr("no test case in the files given")))
           << "\n";
      return kExitInputError;
    }
    const bool uncovered = CheckCoverage(coverage);
    diagnostics.Append(coverage);
    if (!diagnostics.empty()) PrintDiagnostics(diagnostics, err_);
    output.Totals();
    for (auto& suite : suites_) {
      if (!suite->whole_suite) continue;
      output.Coverage(suite->directory, suite->rules.obligations.size(), Tested(*suite).size());
    }
    if (output.errors() > 0) return kExitInputError;
    if (output.failed() > 0) return kExitFindings;
    if (uncovered && options_.require_coverage) return kExitFindings;
    return kExitOk;
  }

 private:
  // In the order first named, so that the output follows the arguments.
  RulesUnderTest& Suite(const std::string& directory) {
    const std::string key = Key(directory);
    for (auto& suite : suites_) {
      if (Key(suite->directory) == key) return *suite;
    }
    suites_.push_back(std::make_unique<RulesUnderTest>());
    suites_.back()->directory = directory;
    return *suites_.back();
  }

  // Reads every test file and puts it under the rules folder it tests.
  void ReadFiles(Diagnostics& diagnostics) {
    for (const std::string& path : files_) {
      const FileText text = ReadFileText(path);
      if (!text.ok()) {
        diagnostics.Error({path, 0, 0}, "", Format(Tr("cannot read the file: {0}"), {text.error}));
        continue;
      }
      RuleTestFile file = ReadRuleTestFile(path, text.text, diagnostics);
      Suite(file.rules_directory).files.push_back(std::move(file));
    }
  }

  // Each argument: a rules folder (its tests/), a folder of test files, or
  // a test file. Says what is wrong with the first that is none of them.
  bool FindTestFiles() {
    for (const std::string& path : options_.paths) {
      std::error_code error;
      if (fs::is_regular_file(path, error)) {
        files_.push_back(path);
        continue;
      }
      if (!fs::is_directory(path, error)) {
        err_ << Tr("error: ") << path << ": " << Tr("no such file or folder") << "\n";
        return false;
      }
      const std::string tests = (fs::path(path) / "tests").string();
      if (fs::is_directory(tests, error)) {
        Suite(path).whole_suite = true;
        for (const std::string& file : YamlFilesIn(tests)) files_.push_back(file);
        continue;
      }
      if (fs::exists(fs::path(path) / "tables.yaml", error)) {
        err_ << Tr("error: ")
             << Format(
                    Tr("{0} is a rules folder without tests: write its rule tests in {1}/*.yaml"),
                    {path, tests})
             << "\n";
        return false;
      }
      const std::vector<std::string> files = YamlFilesIn(path);
      if (files.empty()) {
        err_ << Tr("error: ") << path << ": " << Tr("no *.yaml test files in this folder") << "\n";
        return false;
      }
      files_.insert(files_.end(), files.begin(), files.end());
    }
    return true;
  }

  // Reads the test files and the rules each tests; checks them all.
  void Prepare(RulesUnderTest& suite, const std::string& contract, const std::string& contract_name,
               const ScratchFolder& scratch, Diagnostics& diagnostics) {
    const std::size_t errors_before = diagnostics.error_count();
    suite.rules = LoadCheckedRules(suite.directory, diagnostics);
    suite.calendar.emplace(LoadCalendar(suite.directory, diagnostics));
    if (diagnostics.error_count() != errors_before) return;
    try {
      suite.schema.emplace(FixtureSchema::Build(contract, contract_name, suite.rules));
      // The rules against the tables the fixtures go into, as `validate --db` does.
      const std::string empty = (fs::path(scratch.path()) / "schema.db").string();
      fs::remove(empty);
      WriteFixtureDatabase(empty, *suite.schema, {});
      RecordStore store = RecordStore::Open(empty);
      CheckSchema(suite.rules, store, diagnostics);
    } catch (const std::exception& e) {
      diagnostics.Error({contract_name, 0, 0}, "", e.what());
      return;
    }
    for (RuleTestFile& file : suite.files) {
      CheckRuleTestFile(file, suite.rules, *suite.schema, diagnostics);
    }
  }

  std::set<std::string> Tested(const RulesUnderTest& suite) const {
    const auto tested = suite_tested_.find(&suite);
    std::set<std::string> ids;
    if (tested == suite_tested_.end()) return ids;
    for (const Obligation& obligation : suite.rules.obligations) {
      if (tested->second.count(obligation.id) > 0) ids.insert(obligation.id);
    }
    return ids;
  }

  // Every obligation of a rules folder named as a whole that no case run
  // expects: a warning, an error with --require-coverage.
  bool CheckCoverage(Diagnostics& coverage) const {
    bool uncovered = false;
    for (const auto& suite : suites_) {
      if (!suite->whole_suite) continue;
      const std::set<std::string> tested = Tested(*suite);
      for (const Obligation& obligation : suite->rules.obligations) {
        if (tested.count(obligation.id) > 0) continue;
        uncovered = true;
        const std::string message =
            Format(Tr("no rule test in {0}/tests expects an instance of this obligation"),
                   {suite->directory});
        if (options_.require_coverage) {
          coverage.Error(obligation.location, obligation.id, message);
        } else {
          coverage.Warning(obligation.location, obligation.id, message);
        }
      }
    }
    return uncovered;
  }

  const TestOptions& options_;
  std::ostream& out_;
  std::ostream& err_;
  std::vector<std::string> files_;
  std::vector<std::unique_ptr<RulesUnderTest>> suites_;
  std::map<const RulesUnderTest*, std::set<std::string>> suite_tested_;
};

}  // namespace

ExitStatus RunTest(const TestOptions& given, std::ostream& out, std::ostream& err) {
  TestOptions options = given;
  if (options.paths.empty()) {
    const std::optional<std::string> rules = RulesFolder("", err);
    if (!rules) return kExitInputError;
    options.paths.push_back(*rules);
  }
  return TestRun(options, out, err).Run();
}

}  // namespace dxcomply
