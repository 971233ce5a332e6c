// The CSV format: RFC 4180 (CRLF, quoted fields), UTF-8 with a byte-order
// mark so that Excel and LibreOffice open Vietnamese text correctly. One row
// per finding, then one row per data-quality issue (type = data_issue); the
// columns are report/finding_rows.hpp's, shared with the workbook.
#include "report/csv_field.hpp"
#include "report/finding_rows.hpp"
#include "report/reporter.hpp"

namespace dxcomply {
namespace {

// Rows gathered in `buffer` and written in large chunks.
void AppendRow(const std::vector<Cell>& cells, std::string& buffer, std::ostream& out) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) buffer += ',';
    AppendCsvField(cells[i].text, buffer);
  }
  buffer += "\r\n";
  if (buffer.size() >= (1 << 16)) {
    out << buffer;
    buffer.clear();
  }
}

void WriteHeader(std::ostream& out) { out << kUtf8ByteOrderMark << CsvRow(FindingColumns()); }

class CsvReporter : public Reporter {
 public:
  void WriteReport(const ReportView& view, std::ostream& out) override {
    WriteHeader(out);
    std::string buffer;
    for (const Finding* finding : ListedFindings(view)) {
      AppendRow(FindingRow(*finding), buffer, out);
    }
    for (const DataIssue& issue : view.report.data_issues) {
      AppendRow(DataIssueRow(issue), buffer, out);
    }
    out << buffer;
  }

  void WriteExplanation(const Explanation& explanation, std::ostream& out) override {
    WriteHeader(out);
    std::string buffer;
    AppendRow(FindingRow(explanation.finding), buffer, out);
    out << buffer;
  }
};

}  // namespace

std::unique_ptr<Reporter> MakeCsvReporter() { return std::make_unique<CsvReporter>(); }

}  // namespace dxcomply
