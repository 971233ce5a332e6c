// Whether a record value fits its declared column type (rules/tables.yaml):
// the data contract's one statement. A value that does not fit reads as
// NULL everywhere, the rules' atoms included (table_scan.cpp).
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
