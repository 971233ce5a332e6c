#include "cli/run_inputs.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/run_beside.hpp"
#include "cli/prepared_run.hpp"
#include "cli/resource_paths.hpp"
#include "graph/rule_cycles.hpp"
#include "records/agency_directory.hpp"
#include "records/schema_check.hpp"
#include "rules/rule_checker.hpp"
#include "rules/yaml_loader.hpp"

#include <filesystem>
#include <optional>

namespace dxcomply {

std::optional<std::string> RulesFolder(const std::string& given, std::ostream& errors) {
  return FindDataFolder(given, "rules", "--rules", errors);
}

WorkCalendar LoadCalendar(const std::string& rules_directory, Diagnostics& diagnostics) {
  const std::string folder = rules_directory + "/calendar";
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) {
    // A missing rules folder is the rules loader's to report.
    if (std::filesystem::is_directory(rules_directory, error)) {
      diagnostics.Error({folder, 0, 0}, "",
                        Tr("calendar folder not found: working days would silently be the "
                           "Labor Code's holidays only, without the Government's yearly "
                           "decisions; copy the shipped rules/calendar here (an empty folder "
                           "means statutory holidays only)"));
    }
    return WorkCalendar::Statutory();
  }
  return WorkCalendar::Load(folder, diagnostics);
}

RuleSet LoadCheckedRules(const std::string& directory, Diagnostics& diagnostics) {
  RuleSet rules = LoadRuleDirectory(directory, diagnostics);
  CheckRuleSet(rules, diagnostics);
  CheckRuleCycles(rules, diagnostics);
  return rules;
}

void CheckAgainstDatabase(const RuleSet& rules, RecordStore& store, Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.error_count();
  CheckSchema(rules, store, diagnostics);
  if (diagnostics.error_count() != errors_before) return;  // No agency table to read.
  std::vector<DataIssue> ignored;                          // Evaluation reports data issues.
  CheckAgencyIds(rules, AgencyDirectory::Read(store, ignored), diagnostics);
}

void PrintDiagnostics(Diagnostics& diagnostics, std::ostream& out) {
  diagnostics.AttachSourceLines();
  for (const Diagnostic& diagnostic : diagnostics.Sorted()) out << diagnostic.ToString() << "\n";
}

std::optional<RunInputs> OpenRunInputs(const std::string& rules_option, const std::string& database,
                                       std::ostream& errors) {
  const std::optional<std::string> found = RulesFolder(rules_option, errors);
  if (!found) return std::nullopt;
  const std::string& rules_directory = *found;
  // The rules and the calendar are read at once, each a few tens of
  // milliseconds of YAML; their messages come out in this order.
  Diagnostics diagnostics;
  Diagnostics calendar_diagnostics;
  RuleSet rules;
  std::optional<WorkCalendar> calendar;
  RunBeside([&] { calendar.emplace(LoadCalendar(rules_directory, calendar_diagnostics)); },
            [&] { rules = LoadCheckedRules(rules_directory, diagnostics); });
  diagnostics.Append(calendar_diagnostics);
  if (diagnostics.HasErrors()) {
    PrintDiagnostics(diagnostics, errors);
    errors << Format(Tr("{0} in the rules; nothing evaluated"),
                     {Counted(diagnostics.error_count(),
                              TrN("{0} error", "{0} errors", diagnostics.error_count()))})
           << "\n";
    return std::nullopt;
  }
  try {
    RecordStore store = RecordStore::Open(database);
    CheckAgainstDatabase(rules, store, diagnostics);
    if (!diagnostics.empty()) PrintDiagnostics(diagnostics, errors);
    if (diagnostics.HasErrors()) {
      errors << Format(Tr("{0} between the rules and the database; nothing evaluated"),
                       {Counted(diagnostics.error_count(),
                                TrN("{0} error", "{0} errors", diagnostics.error_count()))})
             << "\n";
      return std::nullopt;
    }
    return RunInputs{std::move(rules), std::move(store), std::move(*calendar), rules_directory};
  } catch (const StoreError& e) {
    errors << Tr("error: ") << e.what() << "\n";
    return std::nullopt;
  }
}

}  // namespace dxcomply
