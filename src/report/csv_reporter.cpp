// The CSV format: RFC 4180 (CRLF, quoted fields), UTF-8 with a byte-order
// mark so that Excel and LibreOffice open Vietnamese text correctly. One row
// per finding, then one row per data-quality issue (type = data_issue); the
// columns are report/finding_rows.hpp's, shared with the workbook.
#include "report/csv_field.hpp"
#include "report/finding_rows.hpp"
#include "report/reporter.hpp"

namespace dxcomply {
namespace {

void WriteRow(const std::vector<Cell>& cells, std::ostream& out) {
  std::vector<std::string> fields;
  fields.reserve(cells.size());
  for (const Cell& cell : cells) fields.push_back(cell.text);
  out << CsvRow(fields);
}

void WriteHeader(std::ostream& out) { out << kUtf8ByteOrderMark << CsvRow(FindingColumns()); }

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
