#include "records/value_check.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
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
      return Tr("missing value");
    case Misfit::kNotIsoDate:
      return Tr("not an ISO date YYYY-MM-DD");
    case Misfit::kYearBefore1400:
      return Tr("year before 1400");
    case Misfit::kNoSuchDate:
      return Tr("no such date");
    case Misfit::kNotWholeNumber:
      return Tr("not a whole number");
    case Misfit::kOutsideRange:
      return Format(Tr("outside {0}-{1}"),
                    {column.min ? std::to_string(*column.min) : std::string(".."),
                     column.max ? std::to_string(*column.max) : std::string("..")});
    case Misfit::kNotZeroOrOne:
      return Tr("not 0 or 1");
    case Misfit::kNotNumber:
      return Tr("not a number");
    case Misfit::kNotFraction:
      return Tr("not a number between 0 and 1");
    case Misfit::kOutsideZeroToOne:
      return Tr("outside 0-1");
    case Misfit::kNotText:
      return Tr("not text");
    case Misfit::kNotAllowedText: {
      std::string expected;
      for (const std::string& value : column.values) {
        expected += (expected.empty() ? "" : ", ") + value;
      }
      return Format(Tr("not one of: {0}"), {expected});
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
