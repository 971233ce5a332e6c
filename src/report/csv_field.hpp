// CSV as Excel and LibreOffice read it: RFC 4180 fields and rows, UTF-8 with
// a byte-order mark so that Vietnamese text opens intact.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dxcomply {

inline constexpr const char* kUtf8ByteOrderMark = "\xEF\xBB\xBF";

// Whether a spreadsheet would take `value` for a formula: it starts with
// = + - @, a tab or a carriage return (OWASP's list for CSV injection), and
// is not a plain number such as -5 or 1e-05.
bool StartsLikeFormula(std::string_view value);

// Appends the value as one field: quoted (quotes doubled) when it holds
// , " CR or LF. A value that starts like a formula (an agency name
// "=HYPERLINK(...)" from the database; the file carries a BOM, so Excel
// opens it directly) gets a leading apostrophe, which spreadsheets show as
// text, and quotes, as OWASP recommends. JSON keeps the exact text.
void AppendCsvField(std::string_view value, std::string& out);

// Fields joined by commas, ending in CRLF.
std::string CsvRow(const std::vector<std::string>& fields);

}  // namespace dxcomply
