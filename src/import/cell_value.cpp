#include "import/cell_value.hpp"

#include "base/day_month_year.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/utf8.hpp"
#include "import/messages.hpp"
#include "import/table_fields.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace dxcomply {
namespace {

std::string NumberText(double number) {
  if (std::nearbyint(number) == number && std::fabs(number) < 1e15) {
    return std::to_string(static_cast<std::int64_t>(number));
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", number);
  return buffer;
}

// A number typed as text: "3", "-2", "0.1496", "0,1496" (decimal comma),
// "14,96%" (then `percent` is set and the value is 14.96). Spaces and
// no-break spaces between thousands are not numbers here: ids and levels
// are small, and shares are below one.
std::optional<double> ParseNumberText(std::string text, bool* percent) {
  *percent = false;
  if (!text.empty() && text.back() == '%') {
    *percent = true;
    text = Trimmed(text.substr(0, text.size() - 1));
  }
  if (text.find(',') != std::string::npos && text.find('.') == std::string::npos) {
    for (char& c : text) {
      if (c == ',') c = '.';
    }
  }
  if (text.empty()) return std::nullopt;
  for (const char c : text) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' ||
          c == 'e' || c == 'E')) {
      return std::nullopt;
    }
  }
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

bool IsOneOf(const std::string& text, std::initializer_list<const char*> words) {
  for (const char* word : words) {
    if (text == word) return true;
  }
  return false;
}

CellReading Problem(std::string problem) { return {Value::Null(), std::move(problem)}; }

CellReading ReadDate(const SheetCell& cell) {
  if (cell.kind == SheetCell::Kind::kNumber && cell.date_format) {
    if (const std::optional<Date> date = ExcelSerialDate(cell.number)) {
      return {Value::Text(FormatIsoDate(*date)), ""};
    }
  }
  if (cell.kind == SheetCell::Kind::kText) {
    const std::string text = Trimmed(cell.text);
    std::optional<Date> date = ParseDayMonthYear(text);
    if (!date) date = ParseIsoDate(text);
    if (date) return {Value::Text(FormatIsoDate(*date)), ""};
  }
  return Problem(msg::NotDate(Shown(cell)));
}

// The number in a numeric, boolean or text cell; `percent` when typed "x%".
// Not NaN or infinite: Excel writes neither, but an .xlsx may hold "NaN" or
// "1e400", which SQLite would store as NULL or as infinity.
std::optional<double> CellNumber(const SheetCell& cell, bool* percent) {
  *percent = false;
  if (cell.kind == SheetCell::Kind::kNumber && !cell.date_format) {
    if (!std::isfinite(cell.number)) return std::nullopt;
    return cell.number;
  }
  if (cell.kind == SheetCell::Kind::kText) return ParseNumberText(Trimmed(cell.text), percent);
  return std::nullopt;
}

}  // namespace

bool Value::operator==(const Value& other) const {
  if (kind == Kind::kNull || other.kind == Kind::kNull) return kind == other.kind;
  if (kind == Kind::kText || other.kind == Kind::kText) {
    return kind == other.kind && text == other.text;
  }
  const double a = kind == Kind::kInteger ? static_cast<double>(integer) : real;
  const double b = other.kind == Kind::kInteger ? static_cast<double>(other.integer) : other.real;
  if (kind == Kind::kInteger && other.kind == Kind::kInteger) return integer == other.integer;
  return a == b;
}

std::string Value::ToString() const {
  switch (kind) {
    case Kind::kNull:
      return "";
    case Kind::kInteger:
      return std::to_string(integer);
    case Kind::kReal:
      return NumberText(real);
    case Kind::kText:
      return text;
  }
  return "";
}

std::optional<Date> ExcelSerialDate(double serial) {
  if (!std::isfinite(serial) || serial < 1 || serial >= 2958466) return std::nullopt;
  const auto day = static_cast<DayNumber>(std::floor(serial));
  if (day == 60) return std::nullopt;  // 29/02/1900, which Excel counts and never was
  // Day 25569 is 1970-01-01 (DayNumber 0); before 1/3/1900 Excel is a day ahead.
  return FromDayNumber(day - 25569 + (day < 60 ? 1 : 0));
}

std::string VnDateText(const std::string& iso) {
  const std::optional<Date> date = ParseIsoDate(iso);
  return date ? FormatVnDate(*date) : iso;
}

std::string Shown(const SheetCell& cell) {
  switch (cell.kind) {
    case SheetCell::Kind::kEmpty:
      return "";
    case SheetCell::Kind::kText:
    case SheetCell::Kind::kError:
      return cell.text;
    case SheetCell::Kind::kBoolean:
      return cell.number != 0 ? "TRUE" : "FALSE";
    case SheetCell::Kind::kNumber:
      if (cell.date_format) {
        if (const std::optional<Date> date = ExcelSerialDate(cell.number)) {
          return FormatVnDate(*date);
        }
      }
      return NumberText(cell.number);
  }
  return "";
}

std::optional<std::string> CellText(const SheetCell& cell) {
  switch (cell.kind) {
    case SheetCell::Kind::kEmpty:
      return std::string();
    case SheetCell::Kind::kText:
      return Trimmed(cell.text);
    case SheetCell::Kind::kNumber:
      if (cell.date_format) return std::nullopt;
      return NumberText(cell.number);
    case SheetCell::Kind::kBoolean:
      return cell.number != 0 ? "1" : "0";
    case SheetCell::Kind::kError:
      return std::nullopt;
  }
  return std::nullopt;
}

CellReading ReadCellAs(const SheetCell& cell, const ColumnSpec& column) {
  if (cell.kind == SheetCell::Kind::kEmpty) return {Value::Null(), ""};
  if (cell.kind == SheetCell::Kind::kText && Trimmed(cell.text).empty()) return {Value::Null(), ""};
  if (cell.kind == SheetCell::Kind::kError) return Problem(msg::FormulaError(cell.text));
  // A CSV file is refused whole when it is not UTF-8; an .xlsx part's XML
  // is read byte for byte, so a damaged one can hold anything.
  if (cell.kind == SheetCell::Kind::kText && !IsUtf8(cell.text)) return Problem(msg::NotUtf8());
  const std::string shown = Shown(cell);
  bool percent = false;
  switch (column.type) {
    case ColumnType::kDate:
      return ReadDate(cell);
    case ColumnType::kInteger: {
      const std::optional<double> number = CellNumber(cell, &percent);
      if (!number || percent || std::nearbyint(*number) != *number || std::fabs(*number) > 1e15) {
        return Problem(msg::NotWholeNumber(shown));
      }
      const auto value = static_cast<std::int64_t>(*number);
      if ((column.min && value < *column.min) || (column.max && value > *column.max)) {
        const std::string low = column.min ? std::to_string(*column.min) : "";
        const std::string high = column.max ? std::to_string(*column.max) : "";
        return Problem(msg::OutsideRange(shown, Format(Tr("{0} to {1}"), {low, high})));
      }
      return {Value::Integer(value), ""};
    }
    case ColumnType::kBoolean: {
      if (cell.kind == SheetCell::Kind::kBoolean ||
          (cell.kind == SheetCell::Kind::kNumber && !cell.date_format &&
           (cell.number == 0 || cell.number == 1))) {
        return {Value::Integer(cell.number != 0 ? 1 : 0), ""};
      }
      const std::string text = cell.kind == SheetCell::Kind::kText ? Trimmed(cell.text) : "";
      if (IsOneOf(text, {"Có", "có", "CÓ", "1", "TRUE", "True", "true"})) {
        return {Value::Integer(1), ""};
      }
      if (IsOneOf(text, {"Không", "không", "KHÔNG", "0", "FALSE", "False", "false"})) {
        return {Value::Integer(0), ""};
      }
      return Problem(msg::NotYesNo(shown));
    }
    case ColumnType::kReal: {
      const std::optional<double> number = CellNumber(cell, &percent);
      if (!number) return Problem(msg::NotNumber(shown));
      return {Value::Real(percent ? *number / 100 : *number), ""};
    }
    case ColumnType::kFraction: {
      std::optional<double> number = CellNumber(cell, &percent);
      if (number && percent) *number /= 100;
      if (!number || *number < 0 || *number > 1) return Problem(msg::NotFraction(shown));
      return {Value::Real(*number), ""};
    }
    case ColumnType::kText: {
      if (cell.kind == SheetCell::Kind::kNumber && cell.date_format) {
        return Problem(msg::DateInTextCell());
      }
      const std::string text = *CellText(cell);
      if (column.values.empty()) return {Value::Text(text), ""};
      for (std::size_t i = 0; i < column.values.size(); ++i) {
        if (text == column.values[i] ||
            (i < column.value_labels.size() && text == column.value_labels[i])) {
          return {Value::Text(column.values[i]), ""};
        }
      }
      std::string list;
      const auto& names = column.value_labels.empty() ? column.values : column.value_labels;
      for (const std::string& name : names) list += (list.empty() ? "" : ", ") + name;
      return Problem(msg::NotInList(shown, list));
    }
  }
  return {Value::Null(), ""};
}

std::string Labelled(const ColumnSpec& column, const Value& value) {
  if (column.type == ColumnType::kBoolean && value.kind == Value::Kind::kInteger) {
    return value.integer != 0 ? msg::kYes : msg::kNo;
  }
  if (column.type == ColumnType::kText && value.kind == Value::Kind::kText) {
    for (std::size_t i = 0; i < column.values.size() && i < column.value_labels.size(); ++i) {
      if (value.text == column.values[i]) return column.value_labels[i];
    }
  }
  return value.ToString();
}

}  // namespace dxcomply
