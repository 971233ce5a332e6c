#include "rules/rule_checker.hpp"

#include "graph/rule_cycles.hpp"
#include "rules/yaml_loader.hpp"
#include "support/test_files.hpp"

#include <boost/test/unit_test.hpp>

namespace dxcomply {
namespace {

std::string Obligation(const std::string& id, const std::string& check,
                       const std::string& depends_on = "[]") {
  return "  - id: " + id + "\n    title: T\n    source: {document: D}\n" +
         "    applies_to: {kinds: [province]}\n    due: 2022-09-30\n    check: " + check +
         "\n    depends_on: " + depends_on + "\n";
}

const std::string kTaskCheck = "{kind: task}";

std::string Check(const std::string& obligations) {
  RuleSet rules;
  Diagnostics diagnostics;
  LoadRuleText("rules/tables.yaml", testing::TablesYaml(), rules, diagnostics);
  LoadRuleText("rules/x.yaml", "obligations:\n" + obligations, rules, diagnostics);
  CheckRuleSet(rules, diagnostics);
  CheckRuleCycles(rules, diagnostics);
  std::string all;
  for (const Diagnostic& diagnostic : diagnostics.Sorted()) all += diagnostic.ToString() + "\n";
  return all;
}

BOOST_AUTO_TEST_SUITE(rule_checker)

BOOST_AUTO_TEST_CASE(a_clean_rule_set_has_nothing_to_say) {
  BOOST_TEST(Check(Obligation("a", kTaskCheck) + Obligation("b", kTaskCheck, "[a]")) == "");
}

BOOST_AUTO_TEST_CASE(unknown_depends_on_is_named_with_a_suggestion) {
  BOOST_TEST(Check(Obligation("plan-a", kTaskCheck) + Obligation("b", kTaskCheck, "[plan-b]")) ==
             "rules/x.yaml:15:18: error [b]: depends_on names unknown obligation 'plan-b' "
             "(did you mean 'plan-a'?)\n");
}

BOOST_AUTO_TEST_CASE(duplicate_ids_point_at_the_first) {
  BOOST_TEST(Check(Obligation("a", kTaskCheck) + Obligation("a", kTaskCheck)) ==
             "rules/x.yaml:9:9: error [a]: duplicate obligation id (first declared at "
             "rules/x.yaml:2:9)\n");
}

BOOST_AUTO_TEST_CASE(columns_must_be_declared_and_values_must_fit_them) {
  const std::string all = Check(Obligation(
      "a",
      "{kind: coverage, table: information_system, where: [{column: levl, op: eq, value: 3}], "
      "satisfied: [{column: level_approved_on, op: le, value: 2022-02-30}, "
      "{column: level, op: eq, value: high}, {column: name, op: lt, value: x}]}"));
  BOOST_TEST(all.find("column 'levl' is not declared for table 'information_system' (did you "
                      "mean 'level'?)") != std::string::npos);
  BOOST_TEST(all.find("value for column 'level_approved_on': '2022-02-30' is not an ISO date "
                      "YYYY-MM-DD that exists") != std::string::npos);
  BOOST_TEST(all.find("value for column 'level': 'high' is not a whole number") !=
             std::string::npos);
  BOOST_TEST(all.find("lt needs a date or number column; 'name' is text") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(undeclared_table_is_an_error) {
  BOOST_TEST(Check(Obligation("a", "{kind: count, table: staff, at_least: 5}")) ==
             "rules/x.yaml:7:12: error [a]: table 'staff' is not declared in tables.yaml\n");
}

BOOST_AUTO_TEST_CASE(dependency_cycles_print_the_cycle) {
  const std::string all =
      Check(Obligation("a", kTaskCheck, "[b]") + Obligation("b", kTaskCheck, "[c]") +
            Obligation("c", kTaskCheck, "[a]") + Obligation("d", kTaskCheck, "[d]"));
  BOOST_TEST(all ==
             "rules/x.yaml:8:18: error [a]: dependency cycle: a -> b -> c -> a\n"
             "rules/x.yaml:29:18: error [d]: dependency cycle: d -> d\n");
}

// The engine reads a task's plan columns when declared, so their types
// must be the ones it reads.
BOOST_AUTO_TEST_CASE(plan_columns_must_have_the_types_the_engine_reads) {
  std::string tables = testing::TablesYaml();
  const std::string declared = "{name: planned_days, type: integer";
  const std::size_t at = tables.find(declared);
  BOOST_TEST_REQUIRE(at != std::string::npos);
  tables.replace(at, declared.size(), "{name: planned_days, type: text");
  RuleSet rules;
  Diagnostics diagnostics;
  LoadRuleText("rules/tables.yaml", tables, rules, diagnostics);
  CheckRuleSet(rules, diagnostics);
  std::string all;
  for (const Diagnostic& diagnostic : diagnostics.Sorted()) all += diagnostic.ToString() + "\n";
  BOOST_TEST(all.find("error: column 'planned_days' of table 'task' must have type integer (the "
                      "engine reads it as a task's plan)") != std::string::npos,
             all);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
