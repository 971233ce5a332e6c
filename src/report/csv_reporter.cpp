// The CSV format: RFC 4180 (CRLF, quoted fields), UTF-8 with a byte-order
// mark so that Excel and LibreOffice open Vietnamese text correctly. One row
// per finding, then one row per data-quality issue (type = data_issue); the
// columns are report/finding_rows.hpp's, shared with the workbook.
#include "report/finding_rows.hpp"
#include "report/reporter.hpp"

namespace dxcomply {
namespace {

std::string Field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void WriteRow(const std::vector<Cell>& cells, std::ostream& out) {
  for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << Field(cells[i].text);
  out << "\r\n";
}

void WriteHeader(std::ostream& out) {
  out << "\xEF\xBB\xBF";
  const std::vector<std::string>& columns = FindingColumns();
  for (std::size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << columns[i];
  out << "\r\n";
}

class CsvReporter : public Reporter {
 public:
  void WriteReport(const ReportView& view, std::ostream& out) override {
    WriteHeader(out);
    for (const Finding* finding : ListedFindings(view)) WriteRow(FindingRow(*finding), out);
    for (const DataIssue& issue : view.report.data_issues) WriteRow(DataIssueRow(issue), out);
  }

  void WriteExplanation(const Explanation& explanation, std::ostream& out) override {
    WriteHeader(out);
    WriteRow(FindingRow(explanation.finding), out);
  }
};

}  // namespace

std::unique_ptr<Reporter> MakeCsvReporter() { return std::make_unique<CsvReporter>(); }

}  // namespace dxcomply
