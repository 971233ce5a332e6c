#include "cli/prepared_run.hpp"

#include "cli/did_you_mean.hpp"
#include "records/agency_directory.hpp"
#include "records/agency_timeline.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <memory>
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
    err << "error: --as-of must be an ISO date YYYY-MM-DD that exists, not '" << options.as_of
        << "'\n";
    return std::nullopt;
  }
  if (options.lookback_days && *options.lookback_days < 1) {
    err << "error: --lookback must be at least 1 day\n";
    return std::nullopt;
  }
  if (options.warn_before_days && *options.warn_before_days < 0) {
    err << "error: --warn-before must not be negative\n";
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
    err << "error: --format must be text, json or csv, not '" << format << "'\n";
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
  err << "error: agency '" << id << "' is not in the agency table of " << store.path()
      << DidYouMean(suggestions) << "\n";
  return false;
}

bool RequireKnownObligation(const RuleSet& rules, const std::string& id, std::ostream& err) {
  if (rules.FindObligation(id) != nullptr) return true;
  std::vector<std::string> ids;
  for (const Obligation& obligation : rules.obligations) ids.push_back(obligation.id);
  err << "error: unknown obligation '" << id << "'" << DidYouMean(NearestIds(id, ids)) << "\n";
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
  err << "error: agency '" << id << "' (" << timeline.NameOn(index, day) << ") did not exist on "
      << FormatIsoDate(as_of);
  if (day < timeline.BeginsOn(index)) {
    err << ": it exists from " << FormatIsoDay(timeline.BeginsOn(index)) << "\n";
    return false;
  }
  err << ": it ceased on " << FormatIsoDay(timeline.CeasesOn(index));
  const int holder = timeline.HolderOn(index, day);
  if (holder != index) {
    err << "; its records and open duties are " << directory.at(holder).id << "'s ("
        << timeline.NameOn(holder, day) << ")";
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

std::string Counted(std::size_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

}  // namespace dxcomply
