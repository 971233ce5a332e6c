#include "cli/prepared_run.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "cli/did_you_mean.hpp"
#include "records/agency_directory.hpp"
#include "records/agency_timeline.hpp"
#include "report/text_layout.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace dxcomply {
namespace {

// The calendar lives in Prepared::inputs, which moves; point at it only
// once it has settled.
void UseCalendar(Prepared& prepared) { prepared.engine.calendar = &prepared.inputs.calendar; }

}  // namespace

std::optional<Prepared> Prepare(const EvaluateOptions& options, std::ostream& err) {
  EngineOptions engine;
  if (options.as_of.empty()) {
    engine.as_of = boost::gregorian::day_clock::local_day();
  } else if (auto date = ParseIsoDate(options.as_of)) {
    engine.as_of = *date;
  } else {
    err << Tr("error: ")
        << Format(Tr("--as-of must be an ISO date YYYY-MM-DD that exists, not '{0}'"),
                  {options.as_of})
        << "\n";
    return std::nullopt;
  }
  if (options.lookback_days && *options.lookback_days < 1) {
    err << Tr("error: ") << Tr("--lookback must be at least 1 day") << "\n";
    return std::nullopt;
  }
  if (options.warn_before_days && *options.warn_before_days < 0) {
    err << Tr("error: ") << Tr("--warn-before must not be negative") << "\n";
    return std::nullopt;
  }
  engine.lookback_days = options.lookback_days;
  engine.warn_before_days = options.warn_before_days;
  std::optional<RunInputs> inputs = OpenRunInputs(options.rules, options.database, err);
  if (!inputs) return std::nullopt;
  return Prepared{std::move(*inputs), engine};
}

std::unique_ptr<Reporter> FindingsReporter(const std::string& format, std::ostream& err) {
  const std::optional<OutputFormat> parsed = ParseOutputFormat(format);
  if (!parsed) {
    err << Tr("error: ") << Format(Tr("--format must be text, json or csv, not '{0}'"), {format})
        << "\n";
    return nullptr;
  }
  return MakeReporter(*parsed);
}

Report& Run(Prepared& prepared) {
  UseCalendar(prepared);
  const auto start = std::chrono::steady_clock::now();
  static std::vector<std::unique_ptr<Report>>* const kept =
      new std::vector<std::unique_ptr<Report>>();
  Report& report = *kept->emplace_back(std::make_unique<Report>(
      Evaluate(prepared.inputs.rules, prepared.inputs.store, prepared.engine)));
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  spdlog::info("evaluated {} obligation instances as of {} in {:.3f} s", report.findings.size(),
               FormatIsoDate(report.as_of), elapsed.count());
  return report;
}

bool RequireKnownAgency(Prepared& prepared, const std::string& id, std::ostream& err) {
  if (id == kNationalAgencyId) return true;
  RecordStore& store = prepared.inputs.store;
  Statement agency =
      store.Prepare("SELECT 1 FROM " + QuoteIdentifier(kAgencyTable) + " WHERE id = ?");
  agency.Bind(1, std::string_view(id));
  if (agency.Step()) return RequireExistingAgency(store, id, prepared.engine.as_of, err);
  std::vector<DataIssue> ignored;  // An evaluation reports them.
  const AgencyDirectory directory = AgencyDirectory::Read(store, ignored);
  std::vector<std::string> suggestions;
  for (const Agency* near : NearestAgencies(id, directory.agencies())) {
    suggestions.push_back(near->id + " (" + near->name + ")");
  }
  err << Tr("error: ")
      << Format(Tr("agency '{0}' is not in the agency table of {1}"), {id, store.path()})
      << DidYouMean(suggestions) << "\n";
  return false;
}

bool RequireKnownObligation(const RuleSet& rules, const std::string& id, std::ostream& err) {
  if (rules.FindObligation(id) != nullptr) return true;
  std::vector<std::string> ids;
  for (const Obligation& obligation : rules.obligations) ids.push_back(obligation.id);
  err << Tr("error: ") << Format(Tr("unknown obligation '{0}'"), {id})
      << DidYouMean(NearestIds(id, ids)) << "\n";
  return false;
}

bool RequireExistingAgency(RecordStore& store, const std::string& id, const Date& as_of,
                           std::ostream& err) {
  std::vector<DataIssue> ignored;  // The run reports them.
  AgencyDirectory directory = AgencyDirectory::Read(store, ignored);
  const AgencyTimeline timeline = AgencyTimeline::Read(store, directory, ignored);
  const int index = directory.Find(id);
  const DayNumber day = ToDayNumber(as_of);
  if (index < 0 || timeline.ExistsOn(index, day)) return true;
  const std::string name = timeline.NameOn(index, day);
  err << Tr("error: ");
  if (day < timeline.BeginsOn(index)) {
    err << Format(Tr("agency '{0}' ({1}) did not exist on {2}: it exists from {3}"),
                  {id, name, ShownDate(as_of), ShownDate(FromDayNumber(timeline.BeginsOn(index)))})
        << "\n";
    return false;
  }
  const std::string ceased = ShownDate(FromDayNumber(timeline.CeasesOn(index)));
  const int holder = timeline.HolderOn(index, day);
  if (holder != index) {
    err << Format(Tr("agency '{0}' ({1}) did not exist on {2}: it ceased on {3}; its records and "
                     "open duties are {4}'s ({5})"),
                  {id, name, ShownDate(as_of), ceased, directory.at(holder).id,
                   timeline.NameOn(holder, day)});
  } else {
    err << Format(Tr("agency '{0}' ({1}) did not exist on {2}: it ceased on {3}"),
                  {id, name, ShownDate(as_of), ceased});
  }
  err << "\n";
  return false;
}

Report ForAgency(const Report& report, const std::string& agency_id) {
  Report filtered;
  filtered.as_of = report.as_of;
  filtered.agencies = report.agencies;
  filtered.dataset = report.dataset;
  for (const Finding& finding : report.findings) {
    if (finding.agency->id == agency_id) filtered.findings.push_back(finding);
  }
  for (const DataIssue& issue : report.data_issues) {
    if (issue.agency_id == agency_id) filtered.data_issues.push_back(issue);
  }
  return filtered;
}

std::string Counted(std::size_t count, const char* format) {
  // A plain noun here ("file") would print no count: a caller's mistake.
  if (std::string_view(format).find("{0}") == std::string_view::npos) {
    throw std::logic_error(std::string("Counted: format without {0}: ") + format);
  }
  return Format(format, {GroupThousands(static_cast<long long>(count))});
}

}  // namespace dxcomply
