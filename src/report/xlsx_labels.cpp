#include "report/xlsx_labels.hpp"

#include "report/finding_rows.hpp"

#include <stdexcept>

namespace dxcomply {
namespace {

struct Label {
  std::string_view code;
  const char* english;  // the catalogue's key
};

// The workbook's columns that hold what the CSV's column of another name
// holds (the workbook's status is the CSV's status_label), and the words
// only the workbook has; every other code is a CSV column (ColumnLabel).
constexpr std::string_view kSameAs[][2] = {
    {"status", "status_label"},
    {"agency_kind", "agency_kind_label"},
    {"data_issue_count", "data_issues"},
};

constexpr Label kLabels[] = {
    {"source_citation", TrNoop("legal source (in full)")},
    {"exception_document", TrNoop("exception: document")},
    // The summary sheet.
    {"title", TrNoop("dxcomply · summary of the digital-transformation obligations' findings")},
    {"agencies", TrNoop("agencies")},
    {"findings", TrNoop("findings (obligation × agency × period)")},
    {"by_kind", TrNoop("by agency kind")},
    {"by_obligation", TrNoop("by obligation")},
    {"by_agency", TrNoop("by agency")},
    {"all_kinds", TrNoop("all")},
    {"total", TrNoop("total")},
    {"theme", TrNoop("theme")},
    {"national_numerator", TrNoop("numerator (national)")},
    {"national_denominator", TrNoop("denominator (national)")},
    {"national_share", TrNoop("share (national)")},
    {"chart", TrNoop("statuses by agency kind")},
    {"chart_axis", TrNoop("findings")},
};

}  // namespace

std::string WorkbookLabel(std::string_view code) {
  for (const auto& same : kSameAs) {
    if (same[0] == code) return ColumnLabel(std::string(same[1]));
  }
  for (const Label& label : kLabels) {
    if (label.code == code) return Tr(label.english);
  }
  for (const std::string& column : FindingColumns()) {
    if (column == code) return ColumnLabel(column);
  }
  throw std::logic_error("the workbook has no label for '" + std::string(code) + "'");
}

}  // namespace dxcomply
