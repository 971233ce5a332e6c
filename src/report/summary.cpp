#include "report/summary.hpp"

#include <algorithm>

namespace dxcomply {

Summary Summarize(const Report& report) {
  Summary summary;
  summary.data_issues = static_cast<int>(report.data_issues.size());
  summary.agencies = static_cast<int>(report.agencies.size());
  std::map<std::string, std::size_t> index;
  for (const Finding& finding : report.findings) {
    const int status = static_cast<int>(finding.status);
    ++summary.statuses[status];
    ++summary.kinds[finding.agency->kind][status];
    auto [it, inserted] = index.emplace(finding.obligation->id, summary.obligations.size());
    if (inserted) {
      summary.obligations.push_back({finding.obligation->id,
                                     finding.obligation->title,
                                     finding.obligation->check_kind,
                                     {},
                                     0,
                                     0});
    }
    ObligationSummary& obligation = summary.obligations[it->second];
    ++obligation.statuses[status];
    // The national total counts what is owed: not what a waiver exempts.
    if (finding.at_as_of.known && finding.status != Status::kNotApplicable &&
        finding.status != Status::kWaived) {
      obligation.numerator += finding.at_as_of.numerator;
      obligation.denominator += finding.at_as_of.denominator;
    }
  }
  std::sort(summary.obligations.begin(), summary.obligations.end(),
            [](const ObligationSummary& a, const ObligationSummary& b) {
              return a.obligation_id < b.obligation_id;
            });
  return summary;
}

}  // namespace dxcomply
