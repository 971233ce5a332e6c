// Reads the cells of an XLSX workbook (Office Open XML) with libzip and
// pugixml: shared strings (rich text too), inline strings, numbers, dates
// stored as serial days in a cell with a date format (1900 and 1904
// systems), booleans, formula results and error values.
#pragma once

#include "import/sheet.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

// Every sheet of the workbook whose bytes are `bytes` (read from the file
// `name`), in workbook order, or nullopt with what is wrong in `*error` (in
// Vietnamese, naming the file). A serial day
// of the 1904 system is turned into the 1900 system's, so SheetCell::number of a
// date cell always counts from 30/12/1899.
std::optional<std::vector<Sheet>> ReadXlsx(const std::string& bytes, const std::string& name,
                                           std::string* error);

// Whether an Excel number format shows a date: built-in formats 14-22,
// 27-36, 45-47, 50-58, or a custom code with day, month or year letters
// outside quoted text, escapes and [colour] brackets.
bool IsDateFormat(int id, const std::string& code);

}  // namespace dxcomply
