// Writes an agency's template workbook (libxlsxwriter): an information sheet
// naming the agency and the date, then one sheet per record table with
// Vietnamese headers and a line of notes under them, the stored rows, drop-
// down lists for levels, roles, employment, yes/no and rule ids, dates
// formatted dd/mm/yyyy, and sheet protection that leaves every cell editable
// except the header, the row ids and the agency ids.
#pragma once

#include "import/template_content.hpp"

#include <string>

namespace dxcomply {

// Rows below the stored ones that are ready (editable, validated) for new rows.
inline constexpr int kTemplateSpareRows = 200;

// Writes to `path` (replaced). Returns "" on success, otherwise what went wrong.
std::string WriteTemplate(const TemplateContent& content, const std::string& path);

}  // namespace dxcomply
