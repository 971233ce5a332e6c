// dxcomply: argv -> one command -> stdout and an exit code.
//
// Commands check every input (rules, calendar, database, options) before they
// write anything, so a failed run leaves nothing on stdout; results then
// stream to stdout rather than being held in memory.
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "cli/calendar_command.hpp"
#include "cli/commands.hpp"
#include "cli/import_command.hpp"
#include "cli/language_choice.hpp"
#include "cli/list_command.hpp"
#include "cli/output_files.hpp"
#include "cli/remind_command.hpp"
#include "cli/resource_paths.hpp"
#include "cli/template_command.hpp"
#include "cli/terminal.hpp"
#include "cli/test_command.hpp"
#include "cli/usage_errors.hpp"
#include "cli/version.hpp"
#include "store/record_store.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

using namespace dxcomply;

// A large run allocates and frees arrays of tens of megabytes stage after
// stage (task records, graph links, findings, JSON blocks). By default glibc
// maps each one fresh and unmaps it when freed, so every stage faults its
// pages in again, zeroed by the kernel: on the benchmark's country that was
// about a tenth of the run. Served from the heap and kept there when freed,
// they reuse the pages of the stage before; peak memory does not grow, as
// the stages do not overlap.
void KeepFreedMemory() {
#ifdef __GLIBC__
  constexpr int kLarge = 256 << 20;
  // Best effort: a refused setting leaves glibc's default.
  mallopt(M_MMAP_THRESHOLD, kLarge);
  mallopt(M_TRIM_THRESHOLD, kLarge);
  mallopt(M_ARENA_MAX, 1);
#endif
}

const char* const kRulesHelp = TrNoop(
    "Rules folder, with its calendar/ (default: $DXCOMPLY_DATA_DIR/rules, else the rules "
    "installed with the program, <prefix>/share/dxcomply/rules)");

const char* const kFooter = TrNoop(
    "Exit codes: 0 done; 1 check found something overdue; 2 bad usage, rules, calendar, "
    "templates, state or database (nothing written); 3 writing an output failed.\n"
    "Data: the rules (with calendar/) and letter templates are found beside the program "
    "(<prefix>/share/dxcomply), or in $DXCOMPLY_DATA_DIR, or where --rules and --templates "
    "say.\nNO_COLOR set: no colour on a terminal. Manual: man dxcomply.");

struct LogOptions {
  bool verbose = false;
  bool quiet = false;
};

void AddLogOptions(CLI::App* command, LogOptions& log) {
  command->add_flag("-v,--verbose", log.verbose, Tr("Log progress and timings to stderr"));
  command->add_flag("-q,--quiet", log.quiet, Tr("Log only errors"));
}

void AddEvaluateOptions(CLI::App* command, EvaluateOptions& options, LogOptions& log) {
  command->add_option("--db", options.database, Tr("SQLite database of records"))->required();
  command->add_option("--rules", options.rules, Tr(kRulesHelp));
  command->add_option("--as-of", options.as_of,
                      Tr("Evaluation date T, YYYY-MM-DD (default: today)"));
  // The same bounds as a rule's own lookback and warn_before.
  command
      ->add_option("--lookback", options.lookback_days,
                   Tr("Lookback window W in days for every rule (default: each rule's, 30)"))
      ->check(CLI::Range(1, 3660));
  command
      ->add_option("--warn-before", options.warn_before_days,
                   Tr("Days before the due date that count as at risk (default: each rule's, 14)"))
      ->check(CLI::Range(0, 3660));
  AddLogOptions(command, log);
}

// For the commands that print their result: report, check, explain, graph.
// (export, remind and nightly write files of fixed formats.)
void AddFormatOption(CLI::App* command, EvaluateOptions& options, const std::string& formats) {
  command->add_option("--format", options.format, formats)->capture_default_str();
}

// remind and nightly: the evaluation's options and the letters'.
void AddReminderOptions(CLI::App* command, RemindOptions& options, LogOptions& log) {
  AddEvaluateOptions(command, options, log);
  command->add_option("--out", options.out, Tr("Folder to write into"))->required();
  command->add_option("--templates", options.templates,
                      Tr("Folder of the letter templates (default: the shipped ones, found as "
                         "the rules are)"));
  command
      ->add_option("--reply-within", options.reply_within_working_days,
                   Tr("Working days the agency has to reply"))
      ->check(CLI::Range(0, 366))
      ->capture_default_str();
  command
      ->add_option(
          "--max-letters", options.max_letters,
          Tr("Refuse to write more letters than this (a broken rule must not write to all)"))
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  command->add_flag("--force", options.force, Tr("Write however many letters there are"));
}

// An empty value is an error, never "not given": `remind --agency ""` must
// not write every agency's letter, nor `--as-of ""` report as of today.
void RefuseEmptyValues(CLI::App& app) {
  const CLI::Validator not_empty(
      [](std::string& value) { return value.empty() ? std::string(Tr("must not be empty")) : ""; },
      "", "NOT_EMPTY");
  std::vector<CLI::App*> commands = app.get_subcommands([](CLI::App*) { return true; });
  commands.push_back(&app);
  for (CLI::App* command : commands) {
    for (CLI::Option* option : command->get_options()) {
      if (option->get_type_size_max() > 0) option->check(not_empty);
    }
  }
}

void SetUpLogging(const LogOptions& log) {
  auto logger = spdlog::stderr_color_mt(
      "dxcomply", ColourAllowed() ? spdlog::color_mode::automatic : spdlog::color_mode::never);
  logger->set_pattern("dxcomply: %^%l%$: %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(log.quiet ? spdlog::level::err
                              : (log.verbose ? spdlog::level::debug : spdlog::level::warn));
}

}  // namespace

int main(int argc, char** argv) {
  KeepFreedMemory();
  // First, so that every text after (help and usage errors included) is in it.
  const LanguageChoice language = ChooseLanguage(argc, argv, std::getenv(kLanguageVariable));
  if (!language.language) {
    std::cerr << Tr("error: ") << language.problem << "\n";
    return kExitInputError;
  }
  SetLanguage(*language.language);
  CLI::App app{Tr("dxcomply: checks digital-transformation obligations and their deadlines")};
  // CLI11's own words in the help, in the run's language; set before the
  // commands are added, which take them from here.
  const std::shared_ptr<CLI::FormatterBase> formatter = app.get_formatter();
  formatter->label("Usage", TrC("help", "Usage"));
  formatter->label("OPTIONS", TrC("help", "OPTIONS"));
  formatter->label("SUBCOMMAND", TrC("help", "SUBCOMMAND"));
  formatter->label("SUBCOMMANDS", TrC("help", "SUBCOMMANDS"));
  formatter->label("REQUIRED", TrC("help", "REQUIRED"));
  formatter->label("Positionals", TrC("help", "Positionals"));
  app.option_defaults()->group(TrC("help", "Options"));
  app.set_help_flag("-h,--help", Tr("Print this help message and exit"));
  app.failure_message(
      [](const CLI::App*, const CLI::Error& error) { return UsageErrorText(error.what()); });
  app.require_subcommand(1);
  // Taken before or after the command (ChooseLanguage has read it already).
  app.fallthrough();
  std::string language_option;
  app.add_option("--lang", language_option,
                 Tr("Language of every text: vi (default) or en; default from DXCOMPLY_LANG"))
      ->check(CLI::IsMember({"vi", "en"}));
  app.footer(Tr(kFooter));
  app.set_version_flag(
      "--version", [] { return VersionText(); },
      Tr("Print the version, git revision and library versions, and exit"));
  LogOptions log;

  ReportOptions report;
  CLI::App* report_command =
      app.add_subcommand("report", Tr("Every agency: overdue list, at-risk list, summary"));
  AddEvaluateOptions(report_command, report, log);
  AddFormatOption(report_command, report, Tr("text, json or csv"));
  report_command->add_flag("--all", report.all_statuses,
                           Tr("List every finding, not only overdue and at risk"));
  report_command
      ->add_option("--order", report.order,
                   Tr("severity (days overdue, days left) or impact (what it holds back)"))
      ->capture_default_str();
  report_command->add_option(
      "--status", report.statuses,
      Tr("Only findings of this status: overdue, at_risk, on_track, waiting, "
         "met_late, met, waived, not_applicable (repeatable; listed even without --all)"));
  report_command->add_option("--kind", report.kinds,
                             Tr("Only agencies of this kind: ministry, gov_agency, province, "
                                "national (repeatable)"));
  report_command->add_option("--theme", report.themes,
                             Tr("Only obligations of this theme, as the rules write it, diacritics "
                                "optional (repeatable)"));
  report_command->add_option("--obligation", report.obligations,
                             Tr("Only this obligation (repeatable)"));
  report_command->add_option("--agency", report.agencies, Tr("Only this agency (repeatable)"));
  report_command->add_option(
      "--output", report.output,
      Tr("Write to this file (atomically: whole or not at all), not stdout"));

  CheckOptions check;
  CLI::App* check_command =
      app.add_subcommand("check", Tr("One agency's self-check; exit 1 when something is overdue"));
  AddEvaluateOptions(check_command, check, log);
  AddFormatOption(check_command, check,
                  Tr("text, json, csv, junit (JUnit XML) or sarif (SARIF 2.1.0), for CI gates"));
  check_command->add_option("--agency", check.agency, Tr("Agency id"))->required();
  check_command->add_flag("--fail-on-risk", check.fail_on_risk,
                          Tr("Exit 1 when at risk too (junit and sarif fail it too)"));
  check_command->add_option("--output", check.output,
                            Tr("Write to this file (atomically: whole or not at all), not stdout"));

  ExplainOptions explain;
  CLI::App* explain_command =
      app.add_subcommand("explain", Tr("The full reasoning behind one finding"));
  explain_command->add_option("obligation", explain.obligation, Tr("Obligation id"))->required();
  explain_command->add_option("agency", explain.agency, Tr("Agency id"))->required();
  AddEvaluateOptions(explain_command, explain, log);
  AddFormatOption(explain_command, explain, Tr("text, json or csv"));
  explain_command->add_option("--limit", explain.record_limit, Tr("Records to list"))
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  explain_command->add_option("--period", explain.period,
                              Tr("Period of a recurring obligation: 2023-09, 2023-Q3, 2023 "
                                 "(default: its worst; `list obligations` shows them)"));

  GraphOptions graph;
  CLI::App* graph_command = app.add_subcommand(
      "graph", Tr("The dependency graph: who waits for whom, slack, critical path"));
  AddEvaluateOptions(graph_command, graph, log);
  AddFormatOption(graph_command, graph, Tr("text, json or dot"));
  graph_command->add_option("--agency", graph.agency, Tr("Only around this agency's instances"));
  graph_command->add_option("--obligation", graph.obligation,
                            Tr("Only around this obligation's instances"));
  graph_command->add_flag("--upstream", graph.upstream_only, Tr("Only what they wait on"));
  graph_command->add_flag("--downstream", graph.downstream_only, Tr("Only what waits on them"));
  graph_command->add_option("--critical-path", graph.critical_path,
                            Tr("The least-slack chain to this obligation (with --agency: there)"));

  CalendarOptions calendar;
  CLI::App* calendar_command = app.add_subcommand(
      "calendar", Tr("Working days as the law counts them (rules/calendar, Labor Code 2019)"));
  calendar_command->add_option("--rules", calendar.rules, Tr(kRulesHelp));
  calendar_command->add_option("--year", calendar.year,
                               Tr("A year's days off and working Saturdays"));
  calendar_command
      ->add_option("--add-working-days", calendar.add_working_days,
                   Tr("DATE N: the N-th working day after DATE"))
      ->expected(2);
  calendar_command
      ->add_option("--add-days", calendar.add_days,
                   Tr("DATE N: N days after DATE, moved off a day off (Civil Code)"))
      ->expected(2);
  calendar_command
      ->add_option("--working-days-between", calendar.working_days_between,
                   Tr("FROM TO: working days after FROM up to TO"))
      ->expected(2);
  calendar_command->add_option("--is-working-day", calendar.is_working_day, Tr("DATE"));
  calendar_command->add_option("--lunar", calendar.lunar, Tr("DATE: its Vietnamese lunar date"));
  AddLogOptions(calendar_command, log);

  ExportOptions export_options;
  CLI::App* export_command = app.add_subcommand(
      "export",
      Tr("Write findings (JSON, CSV), the workbook, calendars and the dashboard to a folder"));
  AddEvaluateOptions(export_command, export_options, log);
  export_command->add_option("--out", export_options.out, Tr("Folder to write into"))->required();
  export_command->add_option("--only", export_options.only, Tr("Some of: json csv xlsx ics html"))
      ->delimiter(',');

  RemindOptions remind;
  CLI::App* remind_command = app.add_subcommand(
      "remind", Tr("Write one reminder letter per agency with anything overdue or at risk"));
  AddReminderOptions(remind_command, remind, log);
  remind_command->add_option("--agency", remind.agency, Tr("Only this agency's letter"));
  remind_command
      ->add_option("--letter-settings", remind.letter_settings,
                   Tr("The office's letter.yaml: place, reference pattern, signer (default: the "
                      "one beside the templates)"))
      ->check(CLI::ExistingFile);
  remind_command
      ->add_option("--format", remind.formats,
                   Tr("Some of: md html docx pdf (docx needs pandoc, pdf chromium: slower)"))
      ->delimiter(',')
      ->check(CLI::IsMember({"md", "html", "docx", "pdf"}))
      ->capture_default_str();

  NightlyOptions nightly;
  CLI::App* nightly_command = app.add_subcommand(
      "nightly",
      Tr("The nightly batch: every output into a dated folder, escalations since last run"));
  AddReminderOptions(nightly_command, nightly, log);
  nightly_command->add_option("--state", nightly.state, Tr("Folder of the batch's state"))
      ->required();
  nightly_command->add_flag("--full", nightly.full,
                            Tr("Every agency's letter and calendar, not only those that changed"));
  nightly_command
      ->add_option("--keep", nightly.keep, Tr("Remove dated folders older than the last N nights"))
      ->check(CLI::Range(1, 100000));

  ValidateOptions validate;
  CLI::App* validate_command =
      app.add_subcommand("validate", Tr("Check the rules (and, with --db, the database schema)"));
  validate_command->add_option("--rules", validate.rules, Tr(kRulesHelp));
  validate_command->add_option("--db", validate.database, Tr("Also check against this database"));
  AddLogOptions(validate_command, log);

  // The spreadsheet round trip: template writes a file; import is the one
  // command that writes to the database.
  TemplateOptions template_options;
  CLI::App* template_command = app.add_subcommand(
      "template", Tr("Write the workbook an agency fills in (its records, open tasks)"));
  AddEvaluateOptions(template_command, template_options, log);
  template_command->add_option("--agency", template_options.agency, Tr("Agency id"))->required();
  template_command->add_option("--out", template_options.out, Tr("The .xlsx file to write"))
      ->required();
  template_command
      ->add_option("--tables", template_options.tables,
                   Tr("Only these tables (e.g. exception); default: those it owes"))
      ->delimiter(',');
  ImportOptions import_options;
  CLI::App* import_command = app.add_subcommand(
      "import",
      Tr("Load a filled workbook or CSV file into the database (the one writing command)"));
  import_command->add_option("file", import_options.file, Tr("The .xlsx or .csv file"))->required();
  import_command->add_option("--db", import_options.database, Tr("SQLite database to write"))
      ->required();
  import_command->add_option("--rules", import_options.rules, Tr(kRulesHelp));
  import_command->add_option("--agency", import_options.agency,
                             Tr("The file's agency: every row must be this agency's"));
  import_command->add_option("--table", import_options.table,
                             Tr("A CSV file's table (default: the one its header matches)"));
  AddLogOptions(import_command, log);
  ListOptions list;
  CLI::App* list_command = app.add_subcommand(
      "list", Tr("The ids the other commands take: agencies (names, kinds) or obligations"));
  list_command->add_option("what", list.what, Tr("agencies or obligations"))->required();
  list_command->add_option("--db", list.database, Tr("SQLite database (for agencies)"));
  list_command->add_option("--rules", list.rules, Tr(kRulesHelp));
  list_command->add_option("--as-of", list.as_of,
                           Tr("Date, YYYY-MM-DD (default: today): obligations in force and "
                              "periods begun by then"));
  list_command->add_option("--kind", list.kinds,
                           Tr("Agencies of this kind only: ministry, gov_agency, province, "
                              "national (repeatable)"));
  list_command->add_option("--format", list.format, Tr("text or json"))->capture_default_str();
  AddLogOptions(list_command, log);
  TestOptions test;
  CLI::App* test_command = app.add_subcommand(
      "test",
      Tr("Run the rule tests (rules/tests/*.yaml): fixtures, a date, the expected statuses"));
  test_command->add_option("paths", test.paths,
                           Tr("Rules folders (their tests/), test files or folders of test files "
                              "(default: the rules folder, found as --rules is)"));
  test_command->add_option("--run", test.run, Tr("Only the cases whose name matches this regex"));
  test_command->add_flag("-v,--verbose", test.verbose,
                         Tr("Show what the engine said of every case"));
  test_command->add_flag("--require-coverage", test.require_coverage,
                         Tr("Fail when an obligation of a rules folder has no test"));
  test_command->add_option("--schema", test.schema,
                           Tr("The data contract fixtures are built on (default: data/schema.sql, "
                              "built in)"));
  for (CLI::App* command : app.get_subcommands({})) {
    command->footer(Tr(kFooter));
    command->group(TrC("help", "Subcommands"));
    // Made again, so that it takes the options' (translated) group: a
    // command copies its help flag before its option defaults.
    command->set_help_flag("-h,--help", Tr("Print this help message and exit"));
  }

  RefuseEmptyValues(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitInputError;
  }
  SetUpLogging(log);

  // Every result goes through one checked output: a failed write is exit 3,
  // never a truncated document with exit 0. Text for people has control
  // characters escaped (dot, JSON and CSV keep their bytes).
  CheckedOutput output(STDOUT_FILENO);
  const auto text = [](const EvaluateOptions& options) { return options.format == "text"; };
  output.set_terminal_safe(
      (report_command->parsed() && text(report)) || (check_command->parsed() && text(check)) ||
      (explain_command->parsed() && text(explain)) || (graph_command->parsed() && text(graph)) ||
      calendar_command->parsed() || validate_command->parsed() ||
      (list_command->parsed() && list.format == "text") || test_command->parsed());
  output.set_colour(StdoutIsTerminal() && ColourAllowed());
  std::ostream out(&output);
  ExitStatus status = kExitOk;
  try {
    if (report_command->parsed()) status = RunReport(report, out, std::cerr);
    if (check_command->parsed()) status = RunCheck(check, out, std::cerr);
    if (explain_command->parsed()) status = RunExplain(explain, out, std::cerr);
    if (graph_command->parsed()) status = RunGraph(graph, out, std::cerr);
    if (calendar_command->parsed()) status = RunCalendar(calendar, out, std::cerr);
    if (export_command->parsed()) status = RunExport(export_options, out, std::cerr);
    if (remind_command->parsed()) status = RunRemind(remind, out, std::cerr);
    if (nightly_command->parsed()) {
      // remind finds its own templates; nightly is handed them found.
      const std::optional<std::string> templates = TemplatesFolder(nightly.templates, std::cerr);
      if (!templates) return kExitInputError;
      nightly.templates = *templates;
      status = RunNightly(nightly, out, std::cerr);
    }
    if (validate_command->parsed()) status = RunValidate(validate, out, std::cerr);
    if (template_command->parsed()) status = RunTemplate(template_options, out, std::cerr);
    if (import_command->parsed()) status = RunImport(import_options, out, std::cerr);
    if (list_command->parsed()) status = RunList(list, out, std::cerr);
    if (test_command->parsed()) status = RunTest(test, out, std::cerr);
  } catch (const StoreError& e) {
    std::cerr << Tr("error: ") << e.what() << "\n";
    return kExitInputError;
  } catch (const std::exception& e) {
    // Whatever a command did not turn into a message of its own: said, not
    // an abort. Outputs are written to temporary names first, so none is half.
    std::cerr << Tr("error: ") << e.what() << "\n";
    return kExitRunFailed;
  }
  const std::string failure = output.Finish();
  if (!failure.empty()) {
    std::cerr << Tr("error: ")
              << Format(Tr("cannot write to standard output: {0}; the output is incomplete"),
                        {failure})
              << "\n";
    return kExitRunFailed;
  }
  return status;
}
