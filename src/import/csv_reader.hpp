// Reads a CSV file as one sheet: UTF-8 with or without a byte-order mark,
// fields separated by commas or semicolons (whichever the header row uses;
// Excel in a Vietnamese locale writes semicolons), quoted fields with ""
// for a quote and line breaks inside, lines ending in LF or CRLF.
#pragma once

#include "import/sheet.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace dxcomply {

// The rows of `text` as a sheet named `name`, every non-empty field a text
// cell; nullopt with what is wrong (in Vietnamese) in `*error` for text
// that is not UTF-8 or a quote left open.
std::optional<Sheet> ParseCsv(std::string_view text, const std::string& name, std::string* error);

}  // namespace dxcomply
