// One cell read as the type its column declares (rules/tables.yaml): the
// value to store, or what is wrong with the cell, in Vietnamese.
#pragma once

#include "dxcomply/rule_set.hpp"

#include "import/sheet.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace dxcomply {

// A value as stored in SQLite. Dates are ISO text, booleans 0/1 integers,
// fractions reals.
struct Value {
  enum class Kind { kNull, kInteger, kReal, kText };
  Kind kind = Kind::kNull;
  std::int64_t integer = 0;
  double real = 0;
  std::string text;

  static Value Null() { return {}; }
  static Value Integer(std::int64_t v) { return {Kind::kInteger, v, 0, ""}; }
  static Value Real(double v) { return {Kind::kReal, 0, v, ""}; }
  static Value Text(std::string v) { return {Kind::kText, 0, 0, std::move(v)}; }

  bool is_null() const { return kind == Kind::kNull; }
  // Same kind and value (1 and 1.0 are the same number).
  bool operator==(const Value& other) const;
  bool operator!=(const Value& other) const { return !(*this == other); }
  // As a person reads it: "NULL" never; dates stay ISO.
  std::string ToString() const;
};

// The cell as its column's type, or the problem. Empty cells are NULL (a
// non-nullable column's emptiness is the caller's to report, as it may
// keep the stored value). Text is trimmed; a text column's `labels` are
// read as their `values`.
struct CellReading {
  Value value;
  std::string problem;  // empty when the cell fits
};
CellReading ReadCellAs(const SheetCell& cell, const ColumnSpec& column);

// The cell as text (ids, agency ids): numbers without ".0", trimmed.
// nullopt for a formula error or a date.
std::optional<std::string> CellText(const SheetCell& cell);

// The text a cell shows a person (for messages): dates dd/mm/yyyy.
std::string Shown(const SheetCell& cell);

// The value as the template writes it: an enum's label, Có/Không.
std::string Labelled(const ColumnSpec& column, const Value& value);

// "30/09/2022" for an ISO date text; the text itself otherwise.
std::string VnDateText(const std::string& iso);

// The date of an Excel serial day (1900 system, with Excel's 29/02/1900), or
// nullopt outside 1900-9999.
std::optional<Date> ExcelSerialDate(double serial);

}  // namespace dxcomply
