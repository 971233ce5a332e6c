#include "report/csv_field.hpp"

namespace dxcomply {
namespace {

// A number as the writers print it ("-5", "0.125", "1e-05"): a spreadsheet
// reads it as that number, never as a formula, so it keeps its sign.
bool IsPlainNumber(std::string_view value) {
  std::size_t i = 0;
  if (i < value.size() && (value[i] == '-' || value[i] == '+')) ++i;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < value.size() && value[i] >= '0' && value[i] <= '9') ++i;
    return i > start;
  };
  if (!digits()) return false;
  if (i < value.size() && value[i] == '.' && (++i, !digits())) return false;
  if (i < value.size() && (value[i] == 'e' || value[i] == 'E')) {
    ++i;
    if (i < value.size() && (value[i] == '-' || value[i] == '+')) ++i;
    if (!digits()) return false;
  }
  return i == value.size();
}

}  // namespace

bool StartsLikeFormula(std::string_view value) {
  if (value.empty()) return false;
  switch (value[0]) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return !IsPlainNumber(value);
    default:
      return false;
  }
}

void AppendCsvField(std::string_view value, std::string& out) {
  const bool formula = StartsLikeFormula(value);
  if (!formula && value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += value;
    return;
  }
  out += '"';
  if (formula) out += '\'';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string row;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row += ',';
    AppendCsvField(fields[i], row);
  }
  return row + "\r\n";
}

}  // namespace dxcomply
