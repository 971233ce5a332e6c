#include "records/scan_plan.hpp"

#include "store/record_store.hpp"

#include <cassert>

namespace dxcomply {
namespace {

SqlValue IntegerValue(std::int64_t value) {
  SqlValue sql_value;
  sql_value.kind = SqlValue::Kind::kInteger;
  sql_value.integer = value;
  return sql_value;
}

SqlValue TextValue(std::string value) {
  SqlValue sql_value;
  sql_value.kind = SqlValue::Kind::kText;
  sql_value.text = std::move(value);
  return sql_value;
}

SqlValue BindOperand(const Operand& operand, const Date& as_of, const Date& due) {
  SqlValue value;
  switch (operand.kind) {
    case Operand::Kind::kInteger:
      return IntegerValue(operand.integer);
    case Operand::Kind::kReal:
      value.kind = SqlValue::Kind::kReal;
      value.real = operand.real;
      return value;
    case Operand::Kind::kText:
      return TextValue(operand.text);
    case Operand::Kind::kDate:
      return TextValue(FormatIsoDay(operand.date));
    case Operand::Kind::kAsOf:
      return TextValue(FormatIsoDate(as_of));
    case Operand::Kind::kDue:
      return TextValue(FormatIsoDate(due));
  }
  return value;
}

const char* OperatorSql(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return " = ";
    case CompareOp::kNe:
      return " <> ";
    case CompareOp::kLt:
      return " < ";
    case CompareOp::kLe:
      return " <= ";
    case CompareOp::kGt:
      return " > ";
    case CompareOp::kGe:
      return " >= ";
    case CompareOp::kIn:
      return " IN ";
    case CompareOp::kNotIn:
      return " NOT IN ";
    case CompareOp::kIsNull:
      return " IS NULL";
    case CompareOp::kNotNull:
      return " IS NOT NULL";
  }
  return "";
}

// A column in the scan's SQL: NULL for an optional column the database lacks.
std::string ColumnSql(const ColumnSpec& column) {
  return column.missing ? "NULL" : QuoteIdentifier(column.name);
}

std::string Placeholders(std::size_t count) {
  std::string text = "(";
  for (std::size_t i = 0; i < count; ++i) text += i == 0 ? "?" : ", ?";
  return text + ")";
}

class Planner {
 public:
  Planner(const TableSpec& table, const Date& as_of) : as_of_(as_of) {
    plan_.table = &table;
    for (const ColumnSpec& column : table.columns) {
      plan_.columns.push_back(&column);
      if (column.type == ColumnType::kDate) {
        plan_.date_slot_of_column.push_back(plan_.date_slots++);
      } else {
        plan_.date_slot_of_column.push_back(-1);
      }
    }
    plan_.lifetime_from_slot = DateSlot(table.lifetime_from);
    plan_.lifetime_until_slot = DateSlot(table.lifetime_until);
  }

  void AddRule(const Obligation& rule) {
    RuleScanPlan rule_plan;
    rule_plan.rule = &rule;
    rule_plan.where = Compile(rule.check.where, rule.due.date);
    rule_plan.satisfied = Compile(rule.check.satisfied, rule.due.date);
    plan_.rules.push_back(std::move(rule_plan));
  }

  TableScanPlan Take() { return std::move(plan_); }

 private:
  int DateSlot(const std::string& column) const {
    if (column.empty()) return -1;
    for (std::size_t i = 0; i < plan_.columns.size(); ++i) {
      if (plan_.columns[i]->name == column) return plan_.date_slot_of_column[i];
    }
    return -1;
  }

  PredicatePlan Compile(const Predicate& predicate, const Date& due) {
    PredicatePlan compiled;
    for (const Condition& condition : predicate) {
      const ColumnSpec* column = plan_.table->FindColumn(condition.column);
      if (column == nullptr) continue;  // rule_checker has reported it.
      const int slot = DateSlot(condition.column);
      if (slot >= 0) {
        if (condition.op == CompareOp::kIsNull) {
          compiled.null_after.push_back(slot);
          continue;
        }
        compiled.known_by.push_back(slot);
        if (condition.op == CompareOp::kNotNull) continue;
      }
      compiled.atoms.push_back(AddAtom(*column, condition, due));
    }
    return compiled;
  }

  int AddAtom(const ColumnSpec& column, const Condition& condition, const Date& due) {
    StaticAtom atom;
    atom.sql = ColumnSql(column) + OperatorSql(condition.op);
    for (std::size_t i = 0; i < plan_.columns.size(); ++i) {
      if (plan_.columns[i] == &column) atom.column = static_cast<int>(i);
    }
    assert(atom.column >= 0);  // every declared column is planned (Planner's constructor)
    atom.is_null = condition.op == CompareOp::kIsNull;
    if (condition.op == CompareOp::kIn || condition.op == CompareOp::kNotIn) {
      atom.sql += Placeholders(condition.values.size());
    } else if (condition.op != CompareOp::kIsNull && condition.op != CompareOp::kNotNull) {
      atom.sql += "?";
    }
    for (const Operand& operand : condition.values) {
      atom.parameters.push_back(BindOperand(operand, as_of_, due));
    }
    for (std::size_t i = 0; i < plan_.atoms.size(); ++i) {
      if (plan_.atoms[i].sql == atom.sql && plan_.atoms[i].parameters == atom.parameters) {
        return static_cast<int>(i);
      }
    }
    plan_.atoms.push_back(std::move(atom));
    return static_cast<int>(plan_.atoms.size()) - 1;
  }

  TableScanPlan plan_;
  Date as_of_;
};

}  // namespace

bool SqlValue::operator==(const SqlValue& other) const {
  return kind == other.kind && integer == other.integer && real == other.real && text == other.text;
}

std::vector<std::string> TableScanPlan::SelectList() const {
  std::vector<std::string> list = {QuoteIdentifier(table->id_column),
                                   QuoteIdentifier(table->agency_column)};
  for (const ColumnSpec* column : columns) list.push_back(ColumnSql(*column));
  for (const StaticAtom& atom : atoms) list.push_back("(" + atom.sql + ")");
  return list;
}

std::string TableScanPlan::FromWhere() const {
  std::string sql = " FROM " + QuoteIdentifier(table->name);
  std::vector<std::string> conditions;
  if (!only_agency.empty()) conditions.push_back(QuoteIdentifier(table->agency_column) + " = ?");
  if (id_range) {
    conditions.push_back(QuoteIdentifier(table->id_column) + " BETWEEN ? AND ?");
  }
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    sql += (i == 0 ? " WHERE " : " AND ") + conditions[i];
  }
  return sql;
}

std::string TableScanPlan::Sql() const {
  std::string sql = "SELECT ";
  const std::vector<std::string> list = SelectList();
  for (std::size_t i = 0; i < list.size(); ++i) sql += (i == 0 ? "" : ", ") + list[i];
  sql += FromWhere();
  if (order_by_id) sql += " ORDER BY " + QuoteIdentifier(table->id_column);
  return sql;
}

std::string TableScanPlan::VisitSql() const {
  const std::vector<std::string> list = SelectList();
  std::string arguments;
  if (order_by_id && !id_range) {
    // An aggregate takes its rows in the order its FROM gives them, so the
    // order comes from a subquery (SQLite does not flatten a subquery with
    // ORDER BY into an aggregate). A range of an INTEGER PRIMARY KEY is
    // read in id order already.
    std::string inner = "SELECT ";
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string name = "v" + std::to_string(i);
      inner += (i == 0 ? "" : ", ") + list[i] + " AS " + name;
      arguments += (i == 0 ? "" : ", ") + name;
    }
    inner += FromWhere() + " ORDER BY " + QuoteIdentifier(table->id_column);
    return "SELECT " + std::string(kVisitFunction) + "(" + arguments + ") FROM (" + inner + ")";
  }
  for (std::size_t i = 0; i < list.size(); ++i) arguments += (i == 0 ? "" : ", ") + list[i];
  return "SELECT " + std::string(kVisitFunction) + "(" + arguments + ")" + FromWhere();
}

std::vector<SqlValue> TableScanPlan::Parameters() const {
  std::vector<SqlValue> parameters;
  for (const StaticAtom& atom : atoms) {
    parameters.insert(parameters.end(), atom.parameters.begin(), atom.parameters.end());
  }
  if (!only_agency.empty()) parameters.push_back(TextValue(only_agency));
  if (id_range) {
    parameters.push_back(IntegerValue(id_range->first));
    parameters.push_back(IntegerValue(id_range->second));
  }
  return parameters;
}

int TableScanPlan::ColumnIndex(const std::string& name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i]->name == name) return 2 + static_cast<int>(i);
  }
  return -1;
}

TableScanPlan PlanTableScan(const TableSpec& table, const std::vector<const Obligation*>& rules,
                            const Date& as_of) {
  Planner planner(table, as_of);
  for (const Obligation* rule : rules) planner.AddRule(*rule);
  return planner.Take();
}

}  // namespace dxcomply
