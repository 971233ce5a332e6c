// Every word the workbook shows, by the English code machines read (in each
// table's hidden first row) and the CSV and JSON use, in the run's language
// through the message catalogue (po/vi.po): a column the CSV has too is
// headed by its label there (report/finding_rows.hpp's ColumnLabel).
#pragma once

#include "base/messages.hpp"

#include <string>
#include <string_view>

namespace dxcomply {

// The sheets' names, English keys of the catalogue: Tr(kSummarySheet).
inline constexpr const char* kSummarySheet = TrNoop("Summary");
inline constexpr const char* kOverdueSheet = TrNoop("Overdue");
inline constexpr const char* kAtRiskSheet = TrNoop("At risk");
inline constexpr const char* kDataSheet = TrNoop("Data quality");

// The heading of a column or line with that code, in the run's language; a
// code neither table has is a programming error (std::logic_error).
std::string WorkbookLabel(std::string_view code);

}  // namespace dxcomply
