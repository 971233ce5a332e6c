#include "rules/rule_checker.hpp"

#include "rules/authority_loader.hpp"
#include "rules/rule_vocabulary.hpp"
#include "rules/yaml_node_reader.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace dxcomply {
namespace {

// Columns the engine itself reads from its built-in tables.
struct RequiredColumn {
  const char* table;
  const char* column;
  ColumnType type;
};
const RequiredColumn kRequiredColumns[] = {
    {kTaskTable, "obligation_id", ColumnType::kText},
    {kTaskTable, "period", ColumnType::kText},
    {kTaskTable, "started_on", ColumnType::kDate},
    {kTaskTable, "progress", ColumnType::kFraction},
    {kTaskTable, "completed_on", ColumnType::kDate},
    {kMeasurementTable, "indicator_id", ColumnType::kText},
    {kMeasurementTable, "as_of", ColumnType::kDate},
    {kMeasurementTable, "value", ColumnType::kReal},
};
// Columns the engine reads when the rules declare them (older databases
// lack them): a task row's own plan.
const RequiredColumn kPlanColumns[] = {
    {kTaskTable, "planned_start_on", ColumnType::kDate},
    {kTaskTable, "planned_days", ColumnType::kInteger},
};

bool TypeOperand(Operand& operand, const ColumnSpec& column, std::string& problem) {
  if (operand.kind == Operand::Kind::kAsOf || operand.kind == Operand::Kind::kDue) {
    if (column.type == ColumnType::kDate) return true;
    problem = "$as_of and $due compare only with date columns";
    return false;
  }
  const std::string text = operand.text;
  switch (column.type) {
    case ColumnType::kDate:
      if (auto day = ParseIsoDay(text)) {
        operand.kind = Operand::Kind::kDate;
        operand.date = *day;
        return true;
      }
      problem = "'" + text + "' is not an ISO date YYYY-MM-DD that exists";
      return false;
    case ColumnType::kInteger:
    case ColumnType::kBoolean:
      try {
        std::size_t used = 0;
        const long long value = std::stoll(text, &used);
        if (used == text.size()) {
          operand.kind = Operand::Kind::kInteger;
          operand.integer = value;
          return true;
        }
      } catch (const std::exception&) {
      }
      problem = "'" + text + "' is not a whole number";
      return false;
    case ColumnType::kReal:
    case ColumnType::kFraction:
      try {
        std::size_t used = 0;
        const double value = std::stod(text, &used);
        if (used == text.size()) {
          operand.kind = Operand::Kind::kReal;
          operand.real = value;
          return true;
        }
      } catch (const std::exception&) {
      }
      problem = "'" + text + "' is not a number";
      return false;
    case ColumnType::kText:
      operand.kind = Operand::Kind::kText;
      return true;
  }
  return false;
}

class RuleSetChecker {
 public:
  RuleSetChecker(RuleSet& rules, Diagnostics& diagnostics)
      : rules_(rules), diagnostics_(diagnostics) {}

  void Run() {
    CheckTables();
    CheckIds();
    for (Obligation& obligation : rules_.obligations) {
      CheckCheck(obligation);
      CheckDue(obligation);
      CheckDependencies(obligation);
    }
  }

 private:
  void CheckTables() {
    std::set<std::string> names;
    for (const TableSpec& table : rules_.tables) {
      if (!names.insert(table.name).second) {
        diagnostics_.Error(table.location, "", "table '" + table.name + "' is declared twice");
      }
    }
    std::set<std::string> reported;
    for (const RequiredColumn& required : kRequiredColumns) {
      const TableSpec* table = rules_.FindTable(required.table);
      if (table == nullptr) continue;  // Reported when a rule needs the table.
      const ColumnSpec* column = table->FindColumn(required.column);
      if (column == nullptr || column->type != required.type) {
        diagnostics_.Error(table->location, "",
                           std::string("table '") + required.table + "' must declare column '" +
                               required.column + "' with type " + ColumnTypeName(required.type));
      }
    }
    for (const RequiredColumn& plan : kPlanColumns) {
      const TableSpec* table = rules_.FindTable(plan.table);
      const ColumnSpec* column = table != nullptr ? table->FindColumn(plan.column) : nullptr;
      if (column != nullptr && column->type != plan.type) {
        diagnostics_.Error(column->location, "",
                           std::string("column '") + plan.column + "' of table '" + plan.table +
                               "' must have type " + ColumnTypeName(plan.type) +
                               " (the engine reads it as a task's plan)");
      }
    }
  }

  void CheckIds() {
    std::map<std::string, const Obligation*> seen;
    for (const Obligation& obligation : rules_.obligations) {
      auto [it, inserted] = seen.emplace(obligation.id, &obligation);
      if (!inserted) {
        diagnostics_.Error(
            obligation.location, obligation.id,
            "duplicate obligation id (first declared at " + it->second->location.ToString() + ")");
      }
    }
  }

  void CheckCheck(Obligation& obligation) {
    Check& check = obligation.check;
    if (check.table.empty()) return;  // The loader reported it.
    const TableSpec* table = rules_.FindTable(check.table);
    if (table == nullptr) {
      diagnostics_.Error(check.location, obligation.id,
                         "table '" + check.table + "' is not declared in tables.yaml");
      return;
    }
    CheckPredicate(obligation, *table, check.where);
    CheckPredicate(obligation, *table, check.satisfied);
  }

  void CheckPredicate(const Obligation& obligation, const TableSpec& table, Predicate& predicate) {
    for (Condition& condition : predicate) {
      const ColumnSpec* column = table.FindColumn(condition.column);
      if (column == nullptr) {
        std::vector<std::string> names;
        for (const ColumnSpec& spec : table.columns) names.push_back(spec.name);
        const std::string nearest = NearestWord(condition.column, names);
        diagnostics_.Error(condition.location, obligation.id,
                           "column '" + condition.column + "' is not declared for table '" +
                               table.name + "'" +
                               (nearest.empty() ? "" : " (did you mean '" + nearest + "'?)"));
        continue;
      }
      const bool ordered = condition.op == CompareOp::kLt || condition.op == CompareOp::kLe ||
                           condition.op == CompareOp::kGt || condition.op == CompareOp::kGe;
      if (ordered && (column->type == ColumnType::kText || column->type == ColumnType::kBoolean)) {
        diagnostics_.Error(condition.location, obligation.id,
                           std::string(CompareOpName(condition.op)) +
                               " needs a date or number column; '" + column->name + "' is " +
                               ColumnTypeName(column->type));
      }
      for (Operand& operand : condition.values) {
        std::string problem;
        if (!TypeOperand(operand, *column, problem)) {
          diagnostics_.Error(condition.location, obligation.id,
                             "value for column '" + column->name + "': " + problem);
        }
      }
    }
  }

  // Which due-date forms go with which checks, and what they point at.
  void CheckDue(Obligation& obligation) {
    const Due& due = obligation.due;
    const CheckKind kind = obligation.check.kind;
    switch (due.kind) {
      case Due::Kind::kFixed:
        break;
      case Due::Kind::kRecurring:
        if (kind != CheckKind::kTask) {
          diagnostics_.Error(due.location, obligation.id,
                             "a recurring due date needs a task check (one task per period)");
        }
        if (!obligation.period.empty()) {
          diagnostics_.Error(due.location, obligation.id,
                             "a recurring obligation takes its periods from 'every'; remove "
                             "'period'");
        }
        break;
      case Due::Kind::kPerRecord: {
        const TableSpec* table = rules_.FindTable(obligation.check.table);
        const ColumnSpec* column = table ? table->FindColumn(due.after_column) : nullptr;
        if (kind != CheckKind::kCoverage) {
          diagnostics_.Error(due.location, obligation.id,
                             "after_column gives each row its own due date; it needs a coverage "
                             "check");
        } else if (table != nullptr && (column == nullptr || column->type != ColumnType::kDate)) {
          diagnostics_.Error(due.location, obligation.id,
                             "after_column '" + due.after_column + "' is not a date column of '" +
                                 table->name + "'");
        }
        break;
      }
      case Due::Kind::kAfter: {
        const Obligation* event = rules_.FindObligation(due.after);
        if (event == nullptr) {
          diagnostics_.Error(due.location, obligation.id,
                             "due after unknown obligation '" + due.after + "'");
          break;
        }
        if (event->due.kind == Due::Kind::kRecurring ||
            (event->check.kind != CheckKind::kTask && event->check.kind != CheckKind::kCoverage)) {
          diagnostics_.Error(due.location, obligation.id,
                             "due after '" + due.after +
                                 "': the date an obligation is met is known for task and coverage "
                                 "checks that do not recur");
        }
        // The clock starts when the other obligation is met: that is a
        // dependency, for blocking and for cycle checks.
        const bool listed = std::any_of(
            obligation.depends_on.begin(), obligation.depends_on.end(), [&](const Dependency& d) {
              return d.obligation == due.after && d.agencies.empty() && d.kinds.empty();
            });
        if (!listed) {
          Dependency implicit;
          implicit.obligation = due.after;
          implicit.location = due.location;
          obligation.depends_on.push_back(implicit);
        }
        break;
      }
    }
  }

  void CheckDependencies(const Obligation& obligation) {
    std::vector<std::string> ids;
    for (const Obligation& other : rules_.obligations) ids.push_back(other.id);
    for (const Dependency& dependency : obligation.depends_on) {
      if (rules_.FindObligation(dependency.obligation) == nullptr) {
        const std::string nearest = NearestWord(dependency.obligation, ids);
        diagnostics_.Error(dependency.location, obligation.id,
                           "depends_on names unknown obligation '" + dependency.obligation + "'" +
                               (nearest.empty() ? "" : " (did you mean '" + nearest + "'?)"));
      }
    }
  }

  RuleSet& rules_;
  Diagnostics& diagnostics_;
};

}  // namespace

void CheckRuleSet(RuleSet& rules, Diagnostics& diagnostics) {
  CheckAuthorities(rules, diagnostics);
  RuleSetChecker(rules, diagnostics).Run();
}

}  // namespace dxcomply
