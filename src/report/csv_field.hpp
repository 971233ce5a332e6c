// CSV as Excel and LibreOffice read it: RFC 4180 fields and rows, UTF-8 with
// a byte-order mark so that Vietnamese text opens intact.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dxcomply {

inline constexpr const char* kUtf8ByteOrderMark = "\xEF\xBB\xBF";

// Appends the value as one field: quoted (quotes doubled) when it holds
// , " CR or LF.
void AppendCsvField(std::string_view value, std::string& out);

// Fields joined by commas, ending in CRLF.
std::string CsvRow(const std::vector<std::string>& fields);

}  // namespace dxcomply
