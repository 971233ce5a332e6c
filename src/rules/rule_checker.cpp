#include "rules/rule_checker.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
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
    problem = Tr("$as_of and $due compare only with date columns");
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
      problem = Format(Tr("'{0}' is not an ISO date YYYY-MM-DD that exists"), {text});
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
      problem = Format(Tr("'{0}' is not a whole number"), {text});
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
      problem = Format(Tr("'{0}' is not a number"), {text});
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
        diagnostics_.Error(table.location, "",
                           Format(Tr("table '{0}' is declared twice"), {table.name}));
      }
    }
    std::set<std::string> reported;
    for (const RequiredColumn& required : kRequiredColumns) {
      const TableSpec* table = rules_.FindTable(required.table);
      if (table == nullptr) continue;  // Reported when a rule needs the table.
      const ColumnSpec* column = table->FindColumn(required.column);
      if (column == nullptr || column->type != required.type) {
        diagnostics_.Error(
            table->location, "",
            Format(Tr("table '{0}' must declare column '{1}' with type {2}"),
                   {required.table, required.column, ColumnTypeName(required.type)}));
      }
    }
    for (const RequiredColumn& plan : kPlanColumns) {
      const TableSpec* table = rules_.FindTable(plan.table);
      const ColumnSpec* column = table != nullptr ? table->FindColumn(plan.column) : nullptr;
      if (column != nullptr && column->type != plan.type) {
        diagnostics_.Error(column->location, "",
                           Format(Tr("column '{0}' of table '{1}' must have type {2} (the engine "
                                     "reads it as a task's plan)"),
                                  {plan.column, plan.table, ColumnTypeName(plan.type)}));
      }
    }
  }

  void CheckIds() {
    std::map<std::string, const Obligation*> seen;
    for (const Obligation& obligation : rules_.obligations) {
      auto [it, inserted] = seen.emplace(obligation.id, &obligation);
      if (!inserted) {
        diagnostics_.Error(obligation.location, obligation.id,
                           Format(Tr("duplicate obligation id (first declared at {0})"),
                                  {it->second->location.ToString()}));
      }
    }
  }

  void CheckCheck(Obligation& obligation) {
    Check& check = obligation.check;
    if (check.table.empty()) return;  // The loader reported it.
    const TableSpec* table = rules_.FindTable(check.table);
    if (table == nullptr) {
      diagnostics_.Error(check.location, obligation.id,
                         Format(Tr("table '{0}' is not declared in tables.yaml"), {check.table}));
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
        diagnostics_.Error(
            condition.location, obligation.id,
            nearest.empty()
                ? Format(Tr("column '{0}' is not declared for table '{1}'"),
                         {condition.column, table.name})
                : Format(Tr("column '{0}' is not declared for table '{1}' (did you mean '{2}'?)"),
                         {condition.column, table.name, nearest}));
        continue;
      }
      const bool ordered = condition.op == CompareOp::kLt || condition.op == CompareOp::kLe ||
                           condition.op == CompareOp::kGt || condition.op == CompareOp::kGe;
      if (ordered && (column->type == ColumnType::kText || column->type == ColumnType::kBoolean)) {
        diagnostics_.Error(
            condition.location, obligation.id,
            Format(Tr("{0} needs a date or number column; '{1}' is {2}"),
                   {CompareOpName(condition.op), column->name, ColumnTypeName(column->type)}));
      }
      for (Operand& operand : condition.values) {
        std::string problem;
        if (!TypeOperand(operand, *column, problem)) {
          diagnostics_.Error(condition.location, obligation.id,
                             Format(Tr("value for column '{0}': {1}"), {column->name, problem}));
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
                             Tr("a recurring due date needs a task check (one task per period)"));
        }
        if (!obligation.period.empty()) {
          diagnostics_.Error(due.location, obligation.id,
                             Tr("a recurring obligation takes its periods from 'every'; remove "
                                "'period'"));
        }
        break;
      case Due::Kind::kPerRecord: {
        const TableSpec* table = rules_.FindTable(obligation.check.table);
        const ColumnSpec* column = table ? table->FindColumn(due.after_column) : nullptr;
        if (kind != CheckKind::kCoverage) {
          diagnostics_.Error(due.location, obligation.id,
                             Tr("after_column gives each row its own due date; it needs a "
                                "coverage check"));
        } else if (table != nullptr && (column == nullptr || column->type != ColumnType::kDate)) {
          diagnostics_.Error(due.location, obligation.id,
                             Format(Tr("after_column '{0}' is not a date column of '{1}'"),
                                    {due.after_column, table->name}));
        }
        break;
      }
      case Due::Kind::kAfter: {
        const Obligation* event = rules_.FindObligation(due.after);
        if (event == nullptr) {
          diagnostics_.Error(due.location, obligation.id,
                             Format(Tr("due after unknown obligation '{0}'"), {due.after}));
          break;
        }
        if (event->due.kind == Due::Kind::kRecurring ||
            (event->check.kind != CheckKind::kTask && event->check.kind != CheckKind::kCoverage)) {
          diagnostics_.Error(due.location, obligation.id,
                             Format(Tr("due after '{0}': the date an obligation is met is known "
                                       "for task and coverage checks that do not recur"),
                                    {due.after}));
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
        diagnostics_.Error(
            dependency.location, obligation.id,
            nearest.empty()
                ? Format(Tr("depends_on names unknown obligation '{0}'"), {dependency.obligation})
                : Format(Tr("depends_on names unknown obligation '{0}' (did you mean '{1}'?)"),
                         {dependency.obligation, nearest}));
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
