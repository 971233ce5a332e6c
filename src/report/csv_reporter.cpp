// The CSV format: RFC 4180 (CRLF, quoted fields), UTF-8 with a byte-order
// mark so that Excel and LibreOffice open Vietnamese text correctly. One row
// per finding, then one row per data-quality issue (type = data_issue).
#include "engine/finding_text.hpp"
#include "report/finding_format.hpp"
#include "report/reporter.hpp"

namespace dxcomply {
namespace {

const char* const kColumns[] = {"type",
                                "status",
                                "days_overdue",
                                "days_left",
                                "agency_id",
                                "agency_name",
                                "agency_kind",
                                "obligation_id",
                                "obligation_title",
                                "period",
                                "check",
                                "due",
                                "as_of",
                                "value",
                                "numerator",
                                "denominator",
                                "value_lookback",
                                "value_due",
                                "target",
                                "projection",
                                "reason",
                                "blocked_by",
                                "latest_finish",
                                "slack_days",
                                "holds_back",
                                "holds_back_agencies",
                                "data_issues",
                                "source_document",
                                "source_assumed",
                                "issue_table",
                                "issue_row_id",
                                "issue_column",
                                "issue_value",
                                "issue_problem"};

std::string Field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

void WriteRow(const std::vector<std::string>& fields, std::ostream& out) {
  for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << Field(fields[i]);
  out << "\r\n";
}

class CsvReporter : public Reporter {
 public:
  void WriteReport(const ReportView& view, std::ostream& out) override {
    WriteHeader(out);
    for (const Finding* finding : ListedFindings(view)) WriteRow(FindingRow(*finding), out);
    for (const DataIssue& issue : view.report.data_issues) {
      std::vector<std::string> row(std::size(kColumns));
      row[0] = "data_issue";
      row[4] = issue.agency_id;
      const std::size_t first = std::size(kColumns) - 5;  // the issue_* columns
      row[first] = issue.table;
      row[first + 1] = issue.row_id;
      row[first + 2] = issue.column;
      row[first + 3] = issue.value;
      row[first + 4] = issue.problem;
      WriteRow(row, out);
    }
  }

  void WriteExplanation(const Explanation& explanation, std::ostream& out) override {
    WriteHeader(out);
    WriteRow(FindingRow(explanation.finding), out);
  }

 private:
  static void WriteHeader(std::ostream& out) {
    out << "\xEF\xBB\xBF";
    WriteRow(std::vector<std::string>(std::begin(kColumns), std::end(kColumns)), out);
  }

  static std::vector<std::string> FindingRow(const Finding& f) {
    std::string blockers;
    for (const BlockerChain& chain : f.blocked_by) {
      blockers += (blockers.empty() ? "" : "; ") + DescribeRef(chain.chain.back());
    }
    return {"finding",
            StatusName(f.status),
            std::to_string(f.days_overdue),
            std::to_string(f.days_left),
            f.agency.id,
            f.agency.name,
            f.agency.kind,
            f.obligation_id,
            f.obligation_title,
            f.period,
            f.check_kind,
            DueText(f),
            FormatIsoDate(f.as_of),
            f.at_as_of.known ? Number(f.at_as_of.value) : "",
            std::to_string(f.at_as_of.numerator),
            std::to_string(f.at_as_of.denominator),
            f.at_lookback.known ? Number(f.at_lookback.value) : "",
            f.at_due.known ? Number(f.at_due.value) : "",
            Number(f.target),
            f.projection ? Number(*f.projection) : "",
            f.reason,
            blockers,
            f.latest_finish ? FormatIsoDate(*f.latest_finish) : "",
            f.slack_days ? std::to_string(*f.slack_days) : "",
            std::to_string(f.holds_back),
            std::to_string(f.holds_back_agencies),
            std::to_string(f.data_issues),
            f.source.document,
            f.source.assumed,
            "",
            "",
            "",
            "",
            ""};
  }
};

}  // namespace

std::unique_ptr<Reporter> MakeCsvReporter() { return std::make_unique<CsvReporter>(); }

}  // namespace dxcomply
