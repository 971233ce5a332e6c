// Compiles the `where`/`satisfied` predicates of every rule reading one table
// into a single scan of that table.
//
// A condition has two parts. Its timeless part (`level in [3,4,5]`,
// `level_approved_on le 2022-09-30`) is compiled to parameterized SQL: the
// value is a bound parameter, the column an identifier checked against the
// real schema. Its time part comes from the "as of t" reading of date
// columns: a date column reads as NULL on any t before its value. So a
// condition on a date column also requires the date to be known by t, and
// `is_null` on a date column holds only while t is before the date. Each
// predicate therefore becomes, for every row,
//
//     static atoms all true  AND  known_from <= t < unknown_from
//
// an interval of t computed once per row. The engine can then count rows for
// several dates (T, T - W, the due date) without asking SQLite to evaluate
// the predicate once per date, which is what keeps a full evaluation close to
// the cost of a bare scan (see tests/bench/).
//
// A value that breaks its column's declared type reads as NULL, as the
// engine reads it everywhere (and reports it as a data-quality finding).
// SQLite compares the stored values; the scan, which checks every value's
// type anyway (ValueFits), then takes an atom on an invalid value as its
// column being NULL. So the data contract has one statement, in C++, and
// SQLite evaluates plain comparisons.
#pragma once

#include "dxcomply/date.hpp"
#include "dxcomply/obligation.hpp"
#include "dxcomply/rule_set.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dxcomply {

// A value bound to a `?` of the scan query.
struct SqlValue {
  enum class Kind { kInteger, kReal, kText };
  Kind kind = Kind::kText;
  std::int64_t integer = 0;
  double real = 0;
  std::string text;

  bool operator==(const SqlValue& other) const;
};

// One timeless condition on one column, evaluated by SQLite to 1, 0 or NULL
// per row on the stored value; the scan then reads it as on NULL when the
// value is invalid.
struct StaticAtom {
  std::string sql;                   // e.g. "\"level\" IN (?, ?, ?)"
  std::vector<SqlValue> parameters;  // in the order of the `?` in sql
  int column = -1;                   // index into TableScanPlan::columns
  bool is_null = false;              // `is_null`: true on an invalid value, not false
};

// One compiled predicate: the row matches on day t when every atom is true
// and, for the date slots, known_by <= t and t < null_after.
struct PredicatePlan {
  std::vector<int> atoms;       // indices into TableScanPlan::atoms
  std::vector<int> known_by;    // date slots whose value must be <= t
  std::vector<int> null_after;  // date slots whose value must be > t (or NULL)
};

struct RuleScanPlan {
  const Obligation* rule = nullptr;
  PredicatePlan where;
  PredicatePlan satisfied;
};

struct TableScanPlan {
  const TableSpec* table = nullptr;
  std::vector<const ColumnSpec*> columns;  // result columns 2.. in order (0: id, 1: agency)
  std::vector<int> date_slot_of_column;    // per column: its date slot, or -1
  int date_slots = 0;
  int lifetime_from_slot = -1;
  int lifetime_until_slot = -1;
  std::vector<StaticAtom> atoms;  // result columns after the typed columns
  std::vector<RuleScanPlan> rules;
  std::string only_agency;   // non-empty: read only this agency's rows
  bool order_by_id = false;  // rows in id order (free for INTEGER PRIMARY KEY)
  // Set: read only the rows with first <= id <= second. Only for a table
  // whose id is its INTEGER PRIMARY KEY (see RecordStore::RowidRange), so
  // that no row falls outside every range.
  std::optional<std::pair<std::int64_t, std::int64_t>> id_range;

  // "SELECT id, agency_id, <columns>, <atoms> FROM table [WHERE agency_id = ?
  // AND id BETWEEN ? AND ?] [ORDER BY id]"; bind Parameters() in order.
  std::string Sql() const;
  // The same rows and values handed to RecordStore::Visit's aggregate:
  // "SELECT dxcomply_visit(id, agency_id, ...) FROM table [WHERE ...]",
  // the same parameters. In id order when order_by_id.
  std::string VisitSql() const;
  std::vector<SqlValue> Parameters() const;
  int FirstAtomColumn() const { return 2 + static_cast<int>(columns.size()); }
  int ColumnIndex(const std::string& name) const;  // result column of a typed column, or -1

 private:
  std::vector<std::string> SelectList() const;
  std::string FromWhere() const;
};

// Plans one scan of `table` for `rules` (each must read this table). `as_of`
// is the value of `$as_of`; each rule's due date is its `$due`. Columns must
// have been checked to exist (rule_checker, schema_check).
// `absent`: optional columns the database lacks, left out of the scan.
TableScanPlan PlanTableScan(const TableSpec& table, const std::vector<const Obligation*>& rules,
                            const Date& as_of, const std::vector<std::string>& absent = {});

}  // namespace dxcomply
