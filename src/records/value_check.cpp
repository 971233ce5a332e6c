#include "records/value_check.hpp"

#include "store/record_store.hpp"

#include <algorithm>
#include <optional>

namespace dxcomply {
namespace {

bool LooksLikeIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

}  // namespace

bool ValueFits(const ColumnSpec& column, const RowValues& row, int index, DayNumber* day) {
  const SqlType type = row.Type(index);
  if (type == SqlType::kNull) return column.nullable;
  switch (column.type) {
    case ColumnType::kDate: {
      if (type != SqlType::kText) return false;
      const std::optional<DayNumber> parsed = ParseIsoDay(row.Text(index));
      if (parsed) *day = *parsed;
      return parsed.has_value();
    }
    case ColumnType::kInteger: {
      if (type != SqlType::kInteger) return false;
      const std::int64_t value = row.Int64(index);
      return !(column.min && value < *column.min) && !(column.max && value > *column.max);
    }
    case ColumnType::kBoolean:
      return type == SqlType::kInteger && (row.Int64(index) == 0 || row.Int64(index) == 1);
    case ColumnType::kReal:
      return type == SqlType::kInteger || type == SqlType::kReal;
    case ColumnType::kFraction: {
      if (type != SqlType::kInteger && type != SqlType::kReal) return false;
      const double value = row.Double(index);
      return value >= 0 && value <= 1;
    }
    case ColumnType::kText: {
      if (type != SqlType::kText) return false;
      if (column.values.empty()) return true;
      const std::string_view text = row.Text(index);
      return std::any_of(column.values.begin(), column.values.end(),
                         [&](const std::string& value) { return value == text; });
    }
  }
  return true;
}

std::string ValueProblem(const ColumnSpec& column, const RowValues& row, int index,
                         DayNumber* day) {
  if (ValueFits(column, row, index, day)) return "";
  const SqlType type = row.Type(index);
  if (type == SqlType::kNull) return column.nullable ? "" : "missing value";
  switch (column.type) {
    case ColumnType::kDate: {
      if (type != SqlType::kText) return "not an ISO date YYYY-MM-DD";
      const std::string_view text = row.Text(index);
      if (const auto parsed = ParseIsoDay(text)) {
        *day = *parsed;
        return "";
      }
      if (!LooksLikeIsoDate(text)) return "not an ISO date YYYY-MM-DD";
      return text < "1400" ? "year before 1400" : "no such date";
    }
    case ColumnType::kInteger: {
      if (type != SqlType::kInteger) return "not a whole number";
      const std::int64_t value = row.Int64(index);
      if ((column.min && value < *column.min) || (column.max && value > *column.max)) {
        return "outside " + (column.min ? std::to_string(*column.min) : std::string("..")) + "-" +
               (column.max ? std::to_string(*column.max) : std::string(".."));
      }
      return "";
    }
    case ColumnType::kBoolean:
      if (type != SqlType::kInteger || (row.Int64(index) != 0 && row.Int64(index) != 1)) {
        return "not 0 or 1";
      }
      return "";
    case ColumnType::kReal:
      return type == SqlType::kInteger || type == SqlType::kReal ? "" : "not a number";
    case ColumnType::kFraction: {
      if (type != SqlType::kInteger && type != SqlType::kReal)
        return "not a number between 0 and 1";
      const double value = row.Double(index);
      return value >= 0 && value <= 1 ? "" : "outside 0-1";
    }
    case ColumnType::kText: {
      if (type != SqlType::kText) return "not text";
      if (column.values.empty()) return "";
      const std::string_view text = row.Text(index);
      const bool allowed = std::any_of(column.values.begin(), column.values.end(),
                                       [&](const std::string& value) { return value == text; });
      if (allowed) return "";
      std::string expected;
      for (const std::string& value : column.values)
        expected += (expected.empty() ? "" : ", ") + value;
      return "not one of: " + expected;
    }
  }
  return "";
}

std::string ValueText(const RowValues& row, int index) {
  if (row.IsNull(index)) return "NULL";
  if (row.Type(index) == SqlType::kBlob) return "<blob>";
  return row.String(index);
}

}  // namespace dxcomply
