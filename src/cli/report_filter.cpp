#include "cli/report_filter.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "cli/did_you_mean.hpp"
#include "rules/rule_vocabulary.hpp"

#include <algorithm>

namespace dxcomply {
namespace {

template <typename T>
bool Contains(const std::vector<T>& values, const T& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

std::string Listed(const std::vector<std::string>& words, const std::string& separator = ", ") {
  std::string text;
  for (const std::string& word : words) text += (text.empty() ? "" : separator) + word;
  return text;
}

}  // namespace

std::optional<FindingFilter> MakeFindingFilter(const ReportOptions& options, Prepared& prepared,
                                               std::ostream& err) {
  FindingFilter filter;
  std::vector<std::string> status_names;
  for (Status status : {Status::kOverdue, Status::kAtRisk, Status::kOnTrack, Status::kWaiting,
                        Status::kMetLate, Status::kMet, Status::kWaived, Status::kNotApplicable}) {
    status_names.push_back(StatusName(status));
  }
  for (const std::string& name : options.statuses) {
    const std::optional<Status> status = ParseStatus(name);
    if (!status) {
      err << Tr("error: ")
          << Format(Tr("--status takes {0}, not '{1}'"), {Listed(status_names), name})
          << DidYouMean(NearestIds(name, status_names)) << "\n";
      return std::nullopt;
    }
    filter.statuses.push_back(*status);
  }

  std::vector<std::string> kinds = kAgencyKinds;
  kinds.push_back("national");
  for (const std::string& kind : options.kinds) {
    if (!Contains(kinds, kind)) {
      err << Tr("error: ") << Format(Tr("--kind takes {0}, not '{1}'"), {Listed(kinds), kind})
          << DidYouMean(NearestIds(kind, kinds)) << "\n";
      return std::nullopt;
    }
    filter.kinds.push_back(kind);
  }

  const RuleSet& rules = prepared.inputs.rules;
  std::vector<std::string> themes;
  for (const Obligation& obligation : rules.obligations) {
    if (!Contains(themes, obligation.theme)) themes.push_back(obligation.theme);
  }
  for (const std::string& typed : options.themes) {
    const auto theme = std::find_if(themes.begin(), themes.end(), [&](const std::string& theme) {
      return theme == typed || FoldForMatching(theme) == FoldForMatching(typed);
    });
    if (theme == themes.end()) {
      err << Tr("error: ") << Format(Tr("no obligation has the theme '{0}'"), {typed})
          << DidYouMean(NearestIds(typed, themes))
          << Format(Tr(" (themes: '{0}')"), {Listed(themes, "', '")}) << "\n";
      return std::nullopt;
    }
    filter.themes.push_back(*theme);
  }

  for (const std::string& id : options.obligations) {
    if (!RequireKnownObligation(rules, id, err)) return std::nullopt;
    filter.obligations.push_back(id);
  }
  for (const std::string& id : options.agencies) {
    if (!RequireKnownAgency(prepared, id, err)) return std::nullopt;
    filter.agencies.push_back(id);
  }
  return filter;
}

void ApplyFindingFilter(const FindingFilter& filter, Report& report) {
  if (filter.empty()) return;
  const auto rejected = [&](const Finding& finding) {
    return (!filter.statuses.empty() && !Contains(filter.statuses, finding.status)) ||
           (!filter.kinds.empty() && !Contains(filter.kinds, finding.agency->kind)) ||
           (!filter.themes.empty() && !Contains(filter.themes, finding.obligation->theme)) ||
           (!filter.obligations.empty() && !Contains(filter.obligations, finding.obligation->id)) ||
           (!filter.agencies.empty() && !Contains(filter.agencies, finding.agency->id));
  };
  report.findings.erase(std::remove_if(report.findings.begin(), report.findings.end(), rejected),
                        report.findings.end());
  if (!filter.agencies.empty()) {
    report.data_issues.erase(std::remove_if(report.data_issues.begin(), report.data_issues.end(),
                                            [&](const DataIssue& issue) {
                                              return !Contains(filter.agencies, issue.agency_id);
                                            }),
                             report.data_issues.end());
  }
}

}  // namespace dxcomply
