// What a test file names, checked against the rules and the fixture tables
// before anything runs; and the fixture schema those tables come from.
#include "ruletest/rule_test_checker.hpp"

#include "rules/yaml_loader.hpp"
#include "ruletest/fixture_schema.hpp"
#include "ruletest/rule_test_file.hpp"
#include "ruletest/scratch_database.hpp"
#include "support/test_files.hpp"

#include <boost/test/unit_test.hpp>

namespace dxcomply {
namespace {

// The shipped tables, one obligation, and a table the contract lacks.
RuleSet Rules() {
  RuleSet rules;
  Diagnostics diagnostics;
  LoadRuleText("tables.yaml", testing::TablesYaml(), rules, diagnostics);
  LoadRuleText("extra.yaml",
               "tables:\n  - name: training\n    columns:\n"
               "      - {name: trained_on, type: date}\n      - {name: hours, type: integer}\n",
               rules, diagnostics);
  LoadRuleText("duties.yaml",
               "obligations:\n  - id: is-classify\n    title: T\n    source: {document: D}\n"
               "    applies_to: {kinds: [ministry]}\n    due: 2022-09-30\n"
               "    check: {kind: count, table: training, where: [], at_least: 1}\n",
               rules, diagnostics);
  BOOST_TEST_REQUIRE(!diagnostics.HasErrors());
  return rules;
}

std::string Check(const std::string& text) {
  const RuleSet rules = Rules();
  const FixtureSchema schema = FixtureSchema::Build(BuiltInContractSql(), "data/schema.sql", rules);
  Diagnostics diagnostics;
  const RuleTestFile file = ReadRuleTestFile("t.yaml", text, diagnostics);
  BOOST_TEST_REQUIRE(!diagnostics.HasErrors());
  CheckRuleTestFile(file, rules, schema, diagnostics);
  std::string all;
  for (const Diagnostic& diagnostic : diagnostics.Sorted()) {
    all += diagnostic.location.ToString() + ": " + diagnostic.message + "\n";
  }
  return all;
}

std::string Required(const FixtureTable& table) {
  std::string names;
  for (const FixtureColumn& column : table.columns) {
    if (column.required) names += column.name + " ";
  }
  return names;
}

BOOST_AUTO_TEST_SUITE(rule_test_checker)

BOOST_AUTO_TEST_CASE(the_schema_is_the_contract_plus_declared_tables) {
  const FixtureSchema schema =
      FixtureSchema::Build(BuiltInContractSql(), "data/schema.sql", Rules());
  BOOST_TEST_REQUIRE(schema.Find("agency") != nullptr);
  // An INTEGER PRIMARY KEY is numbered by SQLite; a TEXT one must be given.
  BOOST_TEST(Required(*schema.Find("agency")) == "id name kind ");
  BOOST_TEST(Required(*schema.Find("information_system")) == "agency_id name ");
  BOOST_TEST(Required(*schema.Find("task_dependency")) == "task_id depends_on ");
  BOOST_TEST(!schema.Find("agency")->declared_only);
  const FixtureTable* training = schema.Find("training");
  BOOST_TEST_REQUIRE(training != nullptr);
  BOOST_TEST(training->declared_only);
  BOOST_TEST(training->ColumnNames() ==
             (std::vector<std::string>{"id", "agency_id", "trained_on", "hours"}));
  BOOST_TEST(Required(*training) == "");
  BOOST_CHECK_THROW(FixtureSchema::Build("CREATE TABLE (", "broken.sql", Rules()), FixtureError);
}

BOOST_AUTO_TEST_CASE(a_good_file_has_nothing_to_say) {
  BOOST_TEST(Check("rows:\n  agency: [{id: BTC, name: Bộ Tài chính, kind: ministry}]\n"
                   "tests:\n  - name: n\n    as_of: 2022-10-01\n"
                   "    rows: {training: [{agency_id: BTC, hours: 8}]}\n"
                   "    expect: [{obligation: is-classify, agency: BTC, status: met}]\n") == "");
}

BOOST_AUTO_TEST_CASE(names_what_the_rules_and_tables_do_not_have) {
  const std::string text = R"yaml(rows:
  agency:
    - {id: BTC, name: Bộ Tài chính, kind: ministry}
    - {id: BTC, name: Bộ Tài chính, kind: ministry}
tests:
  - name: one
    as_of: 2022-10-01
    rows:
      information_sytem:
        - {id: 1, agency_id: BTC}
      information_system:
        - {id: 1, agency_id: BTC, levl: 3}
    expect:
      - {obligation: is-clasify, agency: BTX, status: met, blocked_by: [plan@BTC, task#4@BTC]}
  - name: two
    as_of: 2022-10-01
    expect:
      - {obligation: is-classify, agency: VN, status: met}
      - {obligation: is-classify, agency: VN, status: overdue}
)yaml";
  BOOST_TEST(Check(text) ==
             // Rows shared by both cases are reported once.
             "t.yaml:4:7: SQLite refused this row: UNIQUE constraint failed: agency.id\n"
             "t.yaml:10:11: no table 'information_sytem' in data/schema.sql or the rules' "
             "tables.yaml (did you mean 'information_system'?)\n"
             "t.yaml:12:11: a row of table information_system needs 'name' (NOT NULL in "
             "data/schema.sql; give it here or under 'defaults:')\n"
             "t.yaml:12:35: table information_system has no column 'levl' (did you mean "
             "'level'?)\n"
             "t.yaml:14:22: the rules have no obligation 'is-clasify' (did you mean "
             "'is-classify'?)\n"
             "t.yaml:14:42: agency 'BTX' is not among this case's agency rows (did you mean "
             "'BTC'?)\n"
             "t.yaml:14:73: the rules have no obligation 'plan'\n"
             "t.yaml:19:9: this case already expects this instance\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
