#include "cli/commands.hpp"

#include "dxcomply/engine.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "cli/did_you_mean.hpp"
#include "cli/output_files.hpp"
#include "cli/output_set.hpp"
#include "cli/prepared_run.hpp"
#include "cli/report_filter.hpp"
#include "cli/run_inputs.hpp"
#include "cli/run_record.hpp"
#include "cli/terminal.hpp"
#include "cli/version.hpp"
#include "engine/finding_text.hpp"
#include "eval/dependency_owners.hpp"
#include "eval/exception_check.hpp"
#include "graph/graph_view_ops.hpp"
#include "report/check_gate.hpp"
#include "report/graph_writer.hpp"
#include "report/reporter.hpp"
#include "report/summary.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

namespace dxcomply {
namespace {

// Within each status, what holds back the most instances (then agencies)
// first; ties keep the severity order.
void OrderByImpact(Report& report) {
  std::stable_sort(report.findings.begin(), report.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     if (a.status != b.status) return false;
                     return std::tie(a.holds_back, a.holds_back_agencies) >
                            std::tie(b.holds_back, b.holds_back_agencies);
                   });
}

// Writes the result to `out` or, with --output, atomically to that file
// (never half a file, nothing on stdout).
ExitStatus WriteResult(const std::string& output, std::ostream& out, std::ostream& err,
                       const std::function<void(std::ostream&)>& write) {
  if (output.empty()) {
    write(out);
    return kExitOk;
  }
  try {
    WriteFileAtomically(output, write);
  } catch (const OutputError& e) {
    err << Tr("error: ") << e.what() << "\n";
    return kExitRunFailed;
  }
  return kExitOk;
}

// Colour for the text format on a terminal (cli/terminal.hpp).
bool Colour(const std::string& format, const std::string& output) {
  return format == "text" && output.empty() && StdoutIsTerminal() && ColourAllowed();
}

}  // namespace

ExitStatus RunReport(const ReportOptions& options, std::ostream& out, std::ostream& err) {
  if (options.order != "severity" && options.order != "impact") {
    err << Tr("error: ")
        << Format(Tr("--order must be severity or impact, not '{0}'"), {options.order}) << "\n";
    return kExitInputError;
  }
  const std::unique_ptr<Reporter> reporter = FindingsReporter(options.format, err);
  if (!reporter) return kExitInputError;
  std::optional<Prepared> prepared = Prepare(options, err);
  if (!prepared) return kExitInputError;
  const std::optional<FindingFilter> filter = MakeFindingFilter(options, *prepared, err);
  if (!filter) return kExitInputError;
  Report& report = Run(*prepared);
  ApplyFindingFilter(*filter, report);
  if (options.order == "impact") OrderByImpact(report);
  const Summary summary = Summarize(report);
  // A chosen status is listed whichever it is.
  const bool all_statuses = options.all_statuses || !filter->statuses.empty();
  ReportView view{report, summary, "", all_statuses};
  view.colour = Colour(options.format, options.output);
  return WriteResult(options.output, out, err,
                     [&](std::ostream& stream) { reporter->WriteReport(view, stream); });
}

ExitStatus RunCheck(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  const bool gate_format = options.format == "junit" || options.format == "sarif";
  std::unique_ptr<Reporter> reporter;
  if (!gate_format) {
    const std::optional<OutputFormat> format = ParseOutputFormat(options.format);
    if (!format) {
      err << Tr("error: ")
          << Format(Tr("--format must be text, json, csv, junit or sarif, not '{0}'"),
                    {options.format})
          << "\n";
      return kExitInputError;
    }
    reporter = MakeReporter(*format);
  }
  std::optional<Prepared> prepared = Prepare(options, err);
  if (!prepared) return kExitInputError;
  if (!RequireKnownAgency(*prepared, options.agency, err)) return kExitInputError;
  const Report& full = Run(*prepared);
  const Report report = ForAgency(full, options.agency);
  const Summary summary = Summarize(report);
  const CheckGate gate{report,          prepared->inputs.rules,
                       options.agency,  options.fail_on_risk,
                       VersionNumber(), prepared->inputs.rules_folder};
  ReportView view{report, summary, options.agency, true};
  view.colour = Colour(options.format, options.output);
  const ExitStatus written = WriteResult(options.output, out, err, [&](std::ostream& stream) {
    if (options.format == "junit") {
      WriteJunit(gate, stream);
    } else if (options.format == "sarif") {
      WriteSarif(gate, stream);
    } else {
      reporter->WriteReport(view, stream);
    }
  });
  if (written != kExitOk) return written;
  const bool fails = std::any_of(
      report.findings.begin(), report.findings.end(),
      [&](const Finding& finding) { return FailsCheck(finding, options.fail_on_risk); });
  return fails ? kExitFindings : kExitOk;
}

ExitStatus RunExplain(const ExplainOptions& options, std::ostream& out, std::ostream& err) {
  const std::unique_ptr<Reporter> reporter = FindingsReporter(options.format, err);
  if (!reporter) return kExitInputError;
  std::optional<Prepared> prepared = Prepare(options, err);
  if (!prepared) return kExitInputError;
  const RuleSet& rules = prepared->inputs.rules;
  if (!RequireKnownObligation(rules, options.obligation, err)) return kExitInputError;
  const Obligation* rule = rules.FindObligation(options.obligation);
  if (!RequireKnownAgency(*prepared, options.agency, err)) return kExitInputError;
  const Report& report = Run(*prepared);
  const auto find = [&](const std::string& obligation, const std::string& agency) {
    return std::find_if(report.findings.begin(), report.findings.end(), [&](const Finding& f) {
      return f.obligation->id == obligation && f.agency->id == agency;
    });
  };
  auto finding = find(options.obligation, options.agency);
  if (finding == report.findings.end()) {
    err << Tr("error: ")
        << Format(Tr("obligation '{0}' does not apply to agency '{1}'"),
                  {options.obligation, options.agency})
        << "\n";
    return kExitInputError;
  }
  if (!options.period.empty()) {
    std::vector<std::string> periods;
    for (const Finding& f : report.findings) {
      if (f.obligation->id == options.obligation && f.agency->id == options.agency &&
          !f.period.empty()) {
        periods.push_back(f.period);
      }
    }
    if (periods.empty()) {
      err << Tr("error: ")
          << Format(Tr("obligation '{0}' is not recurring: it has no periods (drop --period)"),
                    {options.obligation})
          << "\n";
      return kExitInputError;
    }
    finding = std::find_if(report.findings.begin(), report.findings.end(), [&](const Finding& f) {
      return f.obligation->id == options.obligation && f.agency->id == options.agency &&
             f.period == options.period;
    });
    if (finding == report.findings.end()) {
      std::sort(periods.begin(), periods.end());
      err << Tr("error: ")
          << Format(
                 Tr("obligation '{0}' has no period '{1}' for {2} as of {3} (its periods "
                    "then: {4})"),
                 {options.obligation, options.period, options.agency, ShownDate(report.as_of),
                  periods.size() > 1 ? Format(Tr("{0} to {1}"), {periods.front(), periods.back()})
                                     : periods.front()})
          << "\n";
      return kExitInputError;
    }
  }

  Explanation explanation{*finding, *rule, {}, {}, options.record_limit, report.dataset};
  for (const Dependency& dependency : rule->depends_on) {
    for (const std::string& owner :
         DependencyOwners(dependency, finding->agency->id, report.agencies)) {
      const auto upstream = find(dependency.obligation, owner);
      if (upstream == report.findings.end()) continue;
      explanation.upstream.push_back(RefOf(*upstream));
    }
  }
  prepared->inputs.store.BeginSnapshot();
  // A recurring obligation's instance reads only its own period's task rows.
  Obligation instance_rule = *rule;
  if (!finding->period.empty()) instance_rule.period = finding->period;
  explanation.records =
      ListCounterRecords(rules, prepared->inputs.store, instance_rule, options.agency,
                         prepared->engine.as_of, options.record_limit);
  prepared->inputs.store.EndSnapshot();
  reporter->WriteExplanation(explanation, out);
  return kExitOk;
}

ExitStatus RunGraph(const GraphOptions& options, std::ostream& out, std::ostream& err) {
  EvaluateOptions evaluate = options;
  const std::optional<GraphFormat> format = ParseGraphFormat(options.format);
  if (!format) {
    err << Tr("error: ")
        << Format(Tr("--format must be text, json or dot, not '{0}'"), {options.format}) << "\n";
    return kExitInputError;
  }
  if (options.upstream_only && options.downstream_only) {
    err << Tr("error: ") << Tr("--upstream and --downstream exclude each other") << "\n";
    return kExitInputError;
  }
  std::optional<Prepared> prepared = Prepare(evaluate, err);
  if (!prepared) return kExitInputError;
  prepared->engine.keep_graph = true;
  if (!options.agency.empty() && !RequireKnownAgency(*prepared, options.agency, err)) {
    return kExitInputError;
  }
  for (const std::string* id : {&options.obligation, &options.critical_path}) {
    if (!id->empty() && !RequireKnownObligation(prepared->inputs.rules, *id, err)) {
      return kExitInputError;
    }
  }
  const Report& report = Run(*prepared);

  std::vector<int> path;
  std::vector<int> nodes;
  if (!options.critical_path.empty()) {
    path = CriticalPathTo(report, options.critical_path, options.agency);
    nodes = path;
    std::sort(nodes.begin(), nodes.end());
  } else {
    GraphSelection selection{options.agency, options.obligation, !options.downstream_only,
                             !options.upstream_only};
    nodes = SelectNodes(report, selection);
  }
  WriteGraph(report, nodes, path, *format, out);
  return kExitOk;
}

ExitStatus RunExport(const ExportOptions& options, std::ostream& out, std::ostream& err) {
  OutputSelection selection;
  if (!options.only.empty()) {
    selection = {false, false, false, false, false};
    for (const std::string& what : options.only) {
      if (what == "json") {
        selection.json = true;
      } else if (what == "csv") {
        selection.csv = true;
      } else if (what == "xlsx") {
        selection.workbook = true;
      } else if (what == "ics") {
        selection.calendars = true;
      } else if (what == "html") {
        selection.dashboard = true;
      } else {
        err << Tr("error: ")
            << Format(Tr("--only takes json, csv, xlsx, ics or html, not '{0}'"), {what}) << "\n";
        return kExitInputError;
      }
    }
  }
  RunRecord record("export");
  nlohmann::json given = EvaluateOptionsJson(options);
  given["out"] = options.out;
  given["only"] = options.only;
  record.Set("options", std::move(given));
  std::optional<Prepared> prepared = Prepare(options, err);
  if (!prepared) return kExitInputError;
  const std::string log = options.out + "/" + kRunLogName;
  try {
    const Report& report = RunRecorded(*prepared, options.database, record);
    const Summary summary = Summarize(report);
    record.SetCounts(CountsByStatus(summary));
    OutputStyle style;
    style.run_header = record.Header().dump();
    try {
      RemoveStrayTemporaries(options.out);
      const std::vector<std::string> written =
          WriteOutputSet(report, summary, options.out, selection, style);
      const nlohmann::json done = record.Finished(kExitOk, written);
      WriteRunRecord(options.out, done);
      AppendRunLog(log, done);
      FlushToDisk(options.out);
      out << Format(Tr("wrote {0} to {1}"),
                    {Counted(written.size(), TrN("{0} file", "{0} files", written.size())),
                     options.out})
          << "\n";
    } catch (const OutputError& e) {
      err << Tr("error: ") << e.what() << "\n";
      LogFailedRun(record, log, kExitRunFailed, err);
      return kExitRunFailed;
    }
  } catch (const OutputError& e) {  // a digest: a file read for the record
    err << Tr("error: ") << e.what() << "\n";
    return kExitInputError;
  }
  return kExitOk;
}

ExitStatus RunValidate(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
  const std::optional<std::string> folder = RulesFolder(options.rules, err);
  if (!folder) return kExitInputError;
  Diagnostics diagnostics;
  const RuleSet rules = LoadCheckedRules(*folder, diagnostics);
  const WorkCalendar calendar = LoadCalendar(*folder, diagnostics);
  if (!options.database.empty()) {
    try {
      RecordStore store = RecordStore::Open(options.database);
      CheckAgainstDatabase(rules, store, diagnostics);
      // On rules and a schema without errors: else an obligation missing
      // from broken rules would make every exception of it an error too.
      if (!diagnostics.HasErrors()) CheckExceptions(rules, store, calendar, diagnostics);
    } catch (const StoreError& e) {
      err << Tr("error: ") << e.what() << "\n";
      return kExitInputError;
    }
  }
  PrintDiagnostics(diagnostics, out);
  out << Format(Tr("{0}, {1}, {2}: {3}, {4}"),
                {Counted(rules.files.size(), TrN("{0} file", "{0} files", rules.files.size())),
                 Counted(rules.obligations.size(),
                         TrN("{0} obligation", "{0} obligations", rules.obligations.size())),
                 Counted(rules.tables.size(), TrN("{0} table", "{0} tables", rules.tables.size())),
                 Counted(diagnostics.error_count(),
                         TrN("{0} error", "{0} errors", diagnostics.error_count())),
                 Counted(diagnostics.warning_count(),
                         TrN("{0} warning", "{0} warnings", diagnostics.warning_count()))})
      << "\n";
  return diagnostics.HasErrors() ? kExitInputError : kExitOk;
}

}  // namespace dxcomply
