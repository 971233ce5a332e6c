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

// Why a value does not fit its column: the data contract, stated once.
enum class Misfit {
  kNone,
  kMissing,
  kNotIsoDate,
  kYearBefore1400,
  kNoSuchDate,
  kNotWholeNumber,
  kOutsideRange,
  kNotZeroOrOne,
  kNotNumber,
  kNotFraction,
  kOutsideZeroToOne,
  kNotText,
  kNotAllowedText,
};

Misfit Classify(const ColumnSpec& column, const RowValues& row, int index, DayNumber* day) {
  const SqlType type = row.Type(index);
  if (type == SqlType::kNull) return column.nullable ? Misfit::kNone : Misfit::kMissing;
  switch (column.type) {
    case ColumnType::kDate: {
      if (type != SqlType::kText) return Misfit::kNotIsoDate;
      const std::string_view text = row.Text(index);
      if (const std::optional<DayNumber> parsed = ParseIsoDay(text)) {
        *day = *parsed;
        return Misfit::kNone;
      }
      if (!LooksLikeIsoDate(text)) return Misfit::kNotIsoDate;
      return text < "1400" ? Misfit::kYearBefore1400 : Misfit::kNoSuchDate;
    }
    case ColumnType::kInteger: {
      if (type != SqlType::kInteger) return Misfit::kNotWholeNumber;
      const std::int64_t value = row.Int64(index);
      const bool outside =
          (column.min && value < *column.min) || (column.max && value > *column.max);
      return outside ? Misfit::kOutsideRange : Misfit::kNone;
    }
    case ColumnType::kBoolean: {
      const bool bit =
          type == SqlType::kInteger && (row.Int64(index) == 0 || row.Int64(index) == 1);
      return bit ? Misfit::kNone : Misfit::kNotZeroOrOne;
    }
    case ColumnType::kReal:
      return type == SqlType::kInteger || type == SqlType::kReal ? Misfit::kNone
                                                                 : Misfit::kNotNumber;
    case ColumnType::kFraction: {
      if (type != SqlType::kInteger && type != SqlType::kReal) return Misfit::kNotFraction;
      const double value = row.Double(index);
      return value >= 0 && value <= 1 ? Misfit::kNone : Misfit::kOutsideZeroToOne;
    }
    case ColumnType::kText: {
      if (type != SqlType::kText) return Misfit::kNotText;
      if (column.values.empty()) return Misfit::kNone;
      const std::string_view text = row.Text(index);
      const bool allowed = std::any_of(column.values.begin(), column.values.end(),
                                       [&](const std::string& value) { return value == text; });
      return allowed ? Misfit::kNone : Misfit::kNotAllowedText;
    }
  }
  return Misfit::kNone;
}

}  // namespace

bool ValueFits(const ColumnSpec& column, const RowValues& row, int index, DayNumber* day) {
  return Classify(column, row, index, day) == Misfit::kNone;
}

std::string ValueProblem(const ColumnSpec& column, const RowValues& row, int index,
                         DayNumber* day) {
  switch (Classify(column, row, index, day)) {
    case Misfit::kNone:
      return "";
    case Misfit::kMissing:
      return "missing value";
    case Misfit::kNotIsoDate:
      return "not an ISO date YYYY-MM-DD";
    case Misfit::kYearBefore1400:
      return "year before 1400";
    case Misfit::kNoSuchDate:
      return "no such date";
    case Misfit::kNotWholeNumber:
      return "not a whole number";
    case Misfit::kOutsideRange:
      return "outside " + (column.min ? std::to_string(*column.min) : std::string("..")) + "-" +
             (column.max ? std::to_string(*column.max) : std::string(".."));
    case Misfit::kNotZeroOrOne:
      return "not 0 or 1";
    case Misfit::kNotNumber:
      return "not a number";
    case Misfit::kNotFraction:
      return "not a number between 0 and 1";
    case Misfit::kOutsideZeroToOne:
      return "outside 0-1";
    case Misfit::kNotText:
      return "not text";
    case Misfit::kNotAllowedText: {
      std::string expected;
      for (const std::string& value : column.values) {
        expected += (expected.empty() ? "" : ", ") + value;
      }
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
