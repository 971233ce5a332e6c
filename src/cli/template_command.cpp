#include "cli/template_command.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "cli/output_files.hpp"
#include "cli/prepared_run.hpp"
#include "import/template_content.hpp"
#include "import/template_writer.hpp"
#include "rules/rule_vocabulary.hpp"

#include <algorithm>
#include <set>

namespace dxcomply {
namespace {

bool Open(Status status) {
  return status == Status::kOverdue || status == Status::kAtRisk || status == Status::kOnTrack ||
         status == Status::kWaiting;
}

void AddTable(std::vector<const TableSpec*>& tables, const TableSpec* table) {
  if (table != nullptr && std::find(tables.begin(), tables.end(), table) == tables.end()) {
    tables.push_back(table);
  }
}

// What the agency owes as of the date, from its findings: the record tables
// its coverage and count duties read, its task duties not met, the
// indicators it reports.
TemplateRequest WhatIsOwed(const RuleSet& rules, const Report& report) {
  TemplateRequest request;
  std::set<std::pair<std::string, std::string>> duties;
  for (const Finding& finding : report.findings) {
    const Obligation* rule = rules.FindObligation(finding.obligation->id);
    if (rule == nullptr) continue;
    switch (rule->check.kind) {
      case CheckKind::kCoverage:
      case CheckKind::kCount:
        AddTable(request.tables, rules.FindTable(rule->check.table));
        break;
      case CheckKind::kTask: {
        if (!Open(finding.status)) break;
        AddTable(request.tables, rules.FindTable(kTaskTable));
        const std::string obligation =
            rule->check.task_obligation.empty() ? rule->id : rule->check.task_obligation;
        const std::string period = finding.period.empty() ? rule->period : finding.period;
        if (duties.emplace(obligation, period).second) {
          request.open_duties.push_back({obligation, period, rule->title});
        }
        break;
      }
      case CheckKind::kIndicator:
        AddTable(request.tables, rules.FindTable(kMeasurementTable));
        if (std::find(request.indicators.begin(), request.indicators.end(),
                      rule->check.indicator) == request.indicators.end()) {
          request.indicators.push_back(rule->check.indicator);
        }
        break;
    }
  }
  return request;
}

}  // namespace

ExitStatus RunTemplate(const TemplateOptions& options, std::ostream& out, std::ostream& err) {
  std::optional<Prepared> prepared = Prepare(options, err);
  if (!prepared) return kExitInputError;
  if (options.agency == kNationalAgencyId) {
    err << Tr("error: ")
        << Tr("the template is for one agency; national figures are imported from a CSV file of "
              "measurements with an empty agency_id")
        << "\n";
    return kExitInputError;
  }
  if (!RequireKnownAgency(*prepared, options.agency, err)) return kExitInputError;
  const RuleSet& rules = prepared->inputs.rules;
  std::vector<const TableSpec*> chosen;
  for (const std::string& name : options.tables) {
    const TableSpec* table = rules.FindTable(name);
    if (table == nullptr) {
      err << Tr("error: ")
          << Format(Tr("--tables: no table '{0}' in {1}/tables.yaml"), {name, options.rules})
          << "\n";
      return kExitInputError;
    }
    chosen.push_back(table);
  }

  const Report report = ForAgency(Run(*prepared), options.agency);
  TemplateRequest request = WhatIsOwed(rules, report);
  if (!chosen.empty()) request.tables = chosen;
  request.as_of = prepared->engine.as_of;
  for (const Agency& agency : report.agencies) {
    if (agency.id == options.agency) request.agency = agency;
  }
  const TemplateContent content = ReadTemplateContent(request, rules, prepared->inputs.store);

  PendingFile file(options.out);
  const std::string error = WriteTemplate(content, file.temp_path());
  if (!error.empty()) {
    err << Tr("error: ") << Format(Tr("cannot write {0}: {1}"), {options.out, error}) << "\n";
    return kExitRunFailed;
  }
  try {
    file.Commit();
  } catch (const OutputError& e) {
    err << Tr("error: ") << e.what() << "\n";
    return kExitRunFailed;
  }
  std::size_t rows = 0;
  for (const TemplateSheet& sheet : content.sheets) rows += sheet.rows.size();
  out << Format(
             Tr("{0}: {1}, {2} for {3} ({4}) as of {5}; {6}"),
             {options.out,
              Counted(content.sheets.size(),
                      TrN("{0} record sheet", "{0} record sheets", content.sheets.size())),
              Counted(rows, TrN("{0} row", "{0} rows", rows)), request.agency.name,
              request.agency.id, ShownDate(request.as_of),
              Counted(request.open_duties.size(), TrN("{0} open task duty", "{0} open task duties",
                                                      request.open_duties.size()))})
      << "\n";
  return kExitOk;
}

}  // namespace dxcomply
