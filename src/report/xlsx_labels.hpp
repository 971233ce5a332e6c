// Every word the workbook shows, by the English code machines read (in each
// table's hidden first row) and the CSV and JSON use: one table, to be taken
// over by the message catalogues (po/vi.po, issue 14).
#pragma once

#include <string_view>

namespace dxcomply {

// The sheets' names.
inline constexpr const char* kSummarySheet = "Tổng hợp";
inline constexpr const char* kOverdueSheet = "Quá hạn";
inline constexpr const char* kAtRiskSheet = "Có nguy cơ chậm";
inline constexpr const char* kDataSheet = "Chất lượng dữ liệu";

// The Vietnamese heading of a column or line with that code; a code the
// table lacks is a programming error (std::logic_error).
const char* WorkbookLabel(std::string_view code);

}  // namespace dxcomply
