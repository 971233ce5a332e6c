#include "report/reporter.hpp"

namespace dxcomply {

std::optional<OutputFormat> ParseOutputFormat(const std::string& name) {
  if (name == "text") return OutputFormat::kText;
  if (name == "json") return OutputFormat::kJson;
  if (name == "csv") return OutputFormat::kCsv;
  return std::nullopt;
}

std::unique_ptr<Reporter> MakeReporter(OutputFormat format) {
  switch (format) {
    case OutputFormat::kText:
      return MakeTextReporter();
    case OutputFormat::kJson:
      return MakeJsonReporter();
    case OutputFormat::kCsv:
      return MakeCsvReporter();
  }
  return MakeTextReporter();
}

bool ListedByDefault(const Finding& finding) {
  return finding.status == Status::kOverdue || finding.status == Status::kAtRisk ||
         finding.exception != nullptr;
}

std::vector<const Finding*> ListedFindings(const ReportView& view) {
  std::vector<const Finding*> listed;
  for (const Finding& finding : view.report.findings) {
    if (view.all_statuses || ListedByDefault(finding)) {
      listed.push_back(&finding);
    }
  }
  return listed;
}

}  // namespace dxcomply
