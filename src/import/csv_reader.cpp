#include "import/csv_reader.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/utf8.hpp"

namespace dxcomply {
namespace {

// The separator of the header line: the one of ';' and ',' it has more of
// outside quotes (a comma when it has neither).
char Separator(std::string_view text) {
  int commas = 0, semicolons = 0;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    commas += c == ',';
    semicolons += c == ';';
  }
  return semicolons > commas ? ';' : ',';
}

}  // namespace

std::optional<Sheet> ParseCsv(std::string_view text, const std::string& name, std::string* error) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  if (!IsUtf8(text)) {
    *error = name + ": " + Tr("not UTF-8 text (save the CSV file in the UTF-8 encoding)");
    return std::nullopt;
  }
  const char separator = Separator(text);
  Sheet sheet;
  sheet.name = name;
  SheetRow row;
  row.number = 1;
  int line = 1;
  std::string field;
  bool quoted_field = false;
  const auto end_field = [&] {
    SheetCell cell;
    if (!field.empty()) {
      cell.kind = SheetCell::Kind::kText;
      cell.text = std::move(field);
    }
    row.cells.push_back(std::move(cell));
    field.clear();
    quoted_field = false;
  };
  const auto end_row = [&] {
    end_field();
    while (!row.cells.empty() && row.cells.back().kind == SheetCell::Kind::kEmpty)
      row.cells.pop_back();
    if (!row.cells.empty()) sheet.rows.push_back(std::move(row));
    row = SheetRow{};
    row.number = line + 1;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' && field.empty() && !quoted_field) {
      // A quoted field: up to the closing quote, "" standing for one.
      const int opened = line;
      ++i;
      while (true) {
        if (i >= text.size()) {
          *error = name + ": " +
                   Format(Tr("line {0}: a quotation mark opened and never closed"),
                          {std::to_string(opened)});
          return std::nullopt;
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field += text[i++];
      }
      quoted_field = true;
      continue;
    }
    if (c == separator) {
      end_field();
    } else if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      if (c == '\r') ++i;
      end_row();
      ++line;
      row.number = line;
    } else {
      field += c;
    }
    ++i;
  }
  if (!field.empty() || quoted_field || !row.cells.empty()) end_row();
  return sheet;
}

}  // namespace dxcomply
