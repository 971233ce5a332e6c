// Whether a record value fits its declared column type (rules/tables.yaml):
// the data contract's one statement. A value that does not fit reads as
// NULL everywhere, the rules' atoms included (table_scan.cpp).
#pragma once

#include "dxcomply/date.hpp"
#include "dxcomply/rule_set.hpp"

#include "base/iso_day.hpp"
#include "store/record_store.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace dxcomply {

namespace detail {
// In the header so that the scans' per-value check is compiled into their
// loop: a scan checks every value of every row.

inline bool LooksLikeIsoDate(std::string_view text) {
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
  kYearOutsideRange,
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

inline Misfit Classify(const ColumnSpec& column, const RowValues& row, int index, DayNumber* day) {
  const SqlType type = row.Type(index);
  if (type == SqlType::kNull) return column.nullable ? Misfit::kNone : Misfit::kMissing;
  switch (column.type) {
    case ColumnType::kDate: {
      if (type != SqlType::kText) return Misfit::kNotIsoDate;
      const std::string_view text = row.Text(index);
      if (const std::optional<DayNumber> parsed = iso_day::Parse(text)) {
        *day = *parsed;
        return Misfit::kNone;
      }
      if (!LooksLikeIsoDate(text)) return Misfit::kNotIsoDate;
      return text < "1900" || text >= "2200" ? Misfit::kYearOutsideRange : Misfit::kNoSuchDate;
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

}  // namespace detail

// "" when the value at result column `index` of `row` fits `column`;
// otherwise what is wrong ("not an ISO date YYYY-MM-DD", "outside 1-5", ...).
// For a valid date, stores its day in `*day`; otherwise leaves `*day` alone.
// Whether the value fits, as ValueProblem(...).empty() but without building
// a message: the scans call it for every value. Stores a valid date's day.
inline bool ValueFits(const ColumnSpec& column, const RowValues& row, int index, DayNumber* day) {
  return detail::Classify(column, row, index, day) == detail::Misfit::kNone;
}

std::string ValueProblem(const ColumnSpec& column, const RowValues& row, int index, DayNumber* day);

// The value as text for a data-quality finding ("NULL" for NULL).
std::string ValueText(const RowValues& row, int index);

}  // namespace dxcomply
