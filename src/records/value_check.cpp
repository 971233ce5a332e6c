#include "records/value_check.hpp"

#include "store/record_store.hpp"

namespace dxcomply {

using detail::Classify;
using detail::Misfit;

std::string ValueProblem(const ColumnSpec& column, const RowValues& row, int index,
                         DayNumber* day) {
  switch (Classify(column, row, index, day)) {
    case Misfit::kNone:
      return "";
    case Misfit::kMissing:
      return "missing value";
    case Misfit::kNotIsoDate:
      return "not an ISO date YYYY-MM-DD";
    case Misfit::kYearOutsideRange:
      return "outside the years dxcomply handles (1900-2199)";
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
