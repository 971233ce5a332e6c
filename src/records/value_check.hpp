// Whether a record value fits its declared column type (rules/tables.yaml).
// Must agree with CleanColumnSql (scan_plan.cpp), which applies the same
// rules inside SQL; tests/unit/value_check_test.cpp holds them to that.
#pragma once

#include "dxcomply/date.hpp"
#include "dxcomply/rule_set.hpp"

#include <string>

namespace dxcomply {

class RowValues;

// "" when the value at result column `index` of `row` fits `column`;
// otherwise what is wrong ("not an ISO date YYYY-MM-DD", "outside 1-5", ...).
// For a valid date, stores its day in `*day`; otherwise leaves `*day` alone.
// Whether the value fits, as ValueProblem(...).empty() but without building
// a message: the scans call it for every value. Stores a valid date's day.
bool ValueFits(const ColumnSpec& column, const RowValues& row, int index, DayNumber* day);

std::string ValueProblem(const ColumnSpec& column, const RowValues& row, int index, DayNumber* day);

// The value as text for a data-quality finding ("NULL" for NULL).
std::string ValueText(const RowValues& row, int index);

}  // namespace dxcomply
