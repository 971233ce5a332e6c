// PlanTableScan: the SQL text and the bound parameters of compiled
// predicates, and the one promise that matters most: a value from a rule is
// always bound, never pasted into SQL.
#include "records/scan_plan.hpp"

#include "dxcomply/engine.hpp"

#include "records/table_scan.hpp"
#include "rules/rule_checker.hpp"
#include "rules/yaml_loader.hpp"
#include "store/record_store.hpp"
#include "support/test_files.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>  // prints Date in failures
#include <boost/test/unit_test.hpp>
#include <sqlite3.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace dxcomply {
namespace {

const Date kAsOf(2022, 6, 30);

// An obligation due 2022-09-30 for every province, with the given check.
std::string Rule(const std::string& id, const std::string& check) {
  return "  - id: " + id +
         "\n    title: T\n    source: {document: D}\n    applies_to: {kinds: [province]}\n"
         "    due: 2022-09-30\n    check: " +
         check + "\n";
}

// tables.yaml plus the rules, loaded and typed as the CLI does.
RuleSet Load(const std::string& obligations) {
  RuleSet rules;
  Diagnostics diagnostics;
  LoadRuleText("rules/tables.yaml", testing::TablesYaml(), rules, diagnostics);
  LoadRuleText("rules/test.yaml", "obligations:\n" + obligations, rules, diagnostics);
  CheckRuleSet(rules, diagnostics);
  std::string all;
  for (const Diagnostic& diagnostic : diagnostics.Sorted()) all += diagnostic.ToString() + "\n";
  BOOST_TEST_REQUIRE(all == "");
  return rules;
}

TableScanPlan Plan(const RuleSet& rules, const std::string& table) {
  std::vector<const Obligation*> reading;
  for (const Obligation& rule : rules.obligations) {
    if (rule.check.table == table) reading.push_back(&rule);
  }
  return PlanTableScan(*rules.FindTable(table), reading, kAsOf);
}

// "1", "'2022-09-30'", "0.5": parameters as a person reads them.
std::vector<std::string> Texts(const std::vector<SqlValue>& values) {
  std::vector<std::string> texts;
  for (const SqlValue& value : values) {
    switch (value.kind) {
      case SqlValue::Kind::kInteger:
        texts.push_back(std::to_string(value.integer));
        break;
      case SqlValue::Kind::kReal: {
        std::ostringstream out;
        out << value.real;
        texts.push_back(out.str());
        break;
      }
      case SqlValue::Kind::kText:
        texts.push_back("'" + value.text + "'");
        break;
    }
  }
  return texts;
}

const std::string kSystemColumns =
    "SELECT \"id\", \"agency_id\", \"name\", \"level\", \"level_approved_on\", "
    "\"protection_deployed_on\", \"monitored_since\", \"connects_population_db\", "
    "\"created_on\", \"stopped_on\"";
EngineOptions Options(const Date& as_of) {
  EngineOptions options;
  options.as_of = as_of;
  return options;
}

const std::string kHostile = "x'); DROP TABLE agency; --";

BOOST_AUTO_TEST_SUITE(scan_plan)

BOOST_AUTO_TEST_CASE(a_plan_without_conditions_reads_the_typed_columns) {
  const RuleSet rules = Load(Rule("all", "{kind: count, table: information_system, at_least: 1}"));
  const TableScanPlan plan = Plan(rules, "information_system");
  BOOST_TEST(plan.Sql() == kSystemColumns + " FROM \"information_system\"");
  BOOST_TEST(plan.Parameters().empty());
  BOOST_TEST(plan.FirstAtomColumn() == 10);
  BOOST_TEST(plan.ColumnIndex("name") == 2);
  BOOST_TEST(plan.ColumnIndex("stopped_on") == 9);
  BOOST_TEST(plan.ColumnIndex("nope") == -1);
  // Date slots in column order; the lifetime columns among them.
  BOOST_TEST(plan.date_slots == 5);
  BOOST_TEST(plan.date_slot_of_column == (std::vector<int>{-1, -1, 0, 1, 2, -1, 3, 4}),
             boost::test_tools::per_element());
  BOOST_TEST(plan.lifetime_from_slot == 3);
  BOOST_TEST(plan.lifetime_until_slot == 4);
  BOOST_TEST_REQUIRE(plan.rules.size() == 1u);
  BOOST_TEST(plan.rules[0].where.atoms.empty());
  BOOST_TEST(plan.rules[0].where.known_by.empty());
  BOOST_TEST(plan.rules[0].where.null_after.empty());
}

BOOST_AUTO_TEST_CASE(predicates_compile_to_static_atoms_and_date_slots) {
  const RuleSet rules =
      Load(Rule("approved",
                "{kind: coverage, table: information_system, "
                "where: [{column: level, op: in, values: [3, 4, 5]}], "
                "satisfied: [{column: level_approved_on, op: not_null}]}") +
           Rule("protected",
                "{kind: coverage, table: information_system, "
                "where: [{column: level, op: in, values: [3, 4, 5]}], "
                "satisfied: [{column: protection_deployed_on, op: le, value: $due}]}") +
           Rule("unmonitored",
                "{kind: count, table: information_system, at_least: 1, "
                "where: [{column: connects_population_db, op: eq, value: 1}, "
                "{column: monitored_since, op: is_null}, "
                "{column: level_approved_on, op: ge, value: $as_of}, "
                "{column: level, op: ne, value: 2}, "
                "{column: name, op: not_in, values: [a, b]}]}"));
  const TableScanPlan plan = Plan(rules, "information_system");

  // level in [3,4,5] appears in two rules but is one atom. SQLite compares
  // the stored values; the scan reads an atom on an invalid value as on NULL.
  BOOST_TEST(plan.Sql() == kSystemColumns + ", (\"level\" IN (?, ?, ?))" +
                               ", (\"protection_deployed_on\" <= ?)" +
                               ", (\"connects_population_db\" = ?)" +
                               ", (\"level_approved_on\" >= ?)" + ", (\"level\" <> ?)" +
                               ", (\"name\" NOT IN (?, ?))" + " FROM \"information_system\"");
  // $due is the rule's due date, $as_of the report's date.
  BOOST_TEST(
      Texts(plan.Parameters()) == (std::vector<std::string>{"3", "4", "5", "'2022-09-30'", "1",
                                                            "'2022-06-30'", "2", "'a'", "'b'"}),
      boost::test_tools::per_element());
  // Each atom knows its column, whose validity the scan applies.
  BOOST_TEST_REQUIRE(plan.atoms.size() == 6u);
  BOOST_TEST(plan.columns[static_cast<std::size_t>(plan.atoms[0].column)]->name == "level");
  BOOST_TEST(plan.columns[static_cast<std::size_t>(plan.atoms[2].column)]->name ==
             "connects_population_db");
  BOOST_TEST(plan.columns[static_cast<std::size_t>(plan.atoms[5].column)]->name == "name");

  BOOST_TEST_REQUIRE(plan.rules.size() == 3u);
  const RuleScanPlan& approved = plan.rules[0];
  BOOST_TEST(approved.where.atoms == std::vector<int>{0}, boost::test_tools::per_element());
  // not_null on a date column is pure time: "approved on or before t".
  BOOST_TEST(approved.satisfied.atoms.empty());
  BOOST_TEST(approved.satisfied.known_by == std::vector<int>{0}, boost::test_tools::per_element());
  const RuleScanPlan& protected_rule = plan.rules[1];
  BOOST_TEST(protected_rule.where.atoms == std::vector<int>{0}, boost::test_tools::per_element());
  // A comparison on a date column is an atom and a "known by t" slot.
  BOOST_TEST(protected_rule.satisfied.atoms == std::vector<int>{1},
             boost::test_tools::per_element());
  BOOST_TEST(protected_rule.satisfied.known_by == std::vector<int>{1},
             boost::test_tools::per_element());
  const RuleScanPlan& unmonitored = plan.rules[2];
  BOOST_TEST(unmonitored.where.atoms == (std::vector<int>{2, 3, 4, 5}),
             boost::test_tools::per_element());
  // is_null on a date column holds only until the date: "not yet on t".
  BOOST_TEST(unmonitored.where.null_after == std::vector<int>{2}, boost::test_tools::per_element());
  BOOST_TEST(unmonitored.where.known_by == std::vector<int>{0}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(due_binds_each_rules_own_date) {
  std::string second = Rule("later",
                            "{kind: count, table: information_system, at_least: 1, "
                            "where: [{column: level_approved_on, op: le, value: $due}]}");
  second.replace(second.find("2022-09-30"), 10, "2023-03-31");
  const RuleSet rules = Load(Rule("sooner",
                                  "{kind: count, table: information_system, at_least: 1, "
                                  "where: [{column: level_approved_on, op: le, value: $due}]}") +
                             second);
  const TableScanPlan plan = Plan(rules, "information_system");
  // Same text, different values: two atoms.
  BOOST_TEST(plan.atoms.size() == 2u);
  BOOST_TEST(Texts(plan.Parameters()) == (std::vector<std::string>{"'2022-09-30'", "'2023-03-31'"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(text_columns_with_values_and_scan_options) {
  const RuleSet rules =
      Load(Rule("staff",
                "{kind: count, table: security_staff, at_least: 2, "
                "where: [{column: role, op: in, values: [security_specialist]}]}"));
  TableScanPlan plan = Plan(rules, "security_staff");
  plan.only_agency = "HA-NOI";
  plan.order_by_id = true;
  BOOST_TEST(plan.Sql() ==
             "SELECT \"id\", \"agency_id\", \"role\", \"employment\", \"joined_on\", \"left_on\", "
             "(\"role\" IN (?)) FROM \"security_staff\" WHERE \"agency_id\" = ? ORDER BY \"id\"");
  BOOST_TEST(
      Texts(plan.Parameters()) == (std::vector<std::string>{"'security_specialist'", "'HA-NOI'"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(real_values_are_bound_as_reals) {
  const RuleSet rules = Load(
      "  - id: half\n    title: T\n    source: {document: D}\n    applies_to: {kinds: [province]}\n"
      "    due: 2022-09-30\n    check: {kind: task, where: [{column: progress, op: ge, value: "
      "0.5}]}\n");
  const TableScanPlan plan = Plan(rules, "task");
  BOOST_TEST_REQUIRE(plan.atoms.size() == 1u);
  BOOST_TEST(plan.atoms[0].sql == "\"progress\" >= ?");
  BOOST_TEST_REQUIRE(plan.atoms[0].parameters.size() == 1u);
  BOOST_TEST((plan.atoms[0].parameters[0].kind == SqlValue::Kind::kReal));
  BOOST_TEST(plan.atoms[0].parameters[0].real == 0.5);
}

BOOST_AUTO_TEST_CASE(the_scan_reads_bad_values_as_null_and_dates_as_intervals) {
  // Through ScanTable: atoms evaluated by SQLite on the clean view, dates as
  // day numbers, the interval of days each row matches.
  const RuleSet rules = Load(Rule("approved",
                                  "{kind: coverage, table: information_system, "
                                  "where: [{column: level, op: ge, value: 3}], "
                                  "satisfied: [{column: level_approved_on, op: not_null}]}"));
  const TableScanPlan plan = Plan(rules, "information_system");
  const testing::TestDatabase database(
      testing::SchemaSql() +
      "INSERT INTO agency (id, name, kind, parent_id) VALUES ('HA-NOI', 'Hà Nội', 'province', "
      "NULL);\n"
      "INSERT INTO information_system (id, agency_id, name, level, level_approved_on, "
      "created_on, stopped_on) VALUES\n"
      " (1, 'HA-NOI', 'ok', 3, '2022-05-01', '2020-01-01', NULL),\n"
      " (2, 'HA-NOI', 'level 7', 7, '2022-05-01', NULL, NULL),\n"
      " (3, 'HA-NOI', 'bad date', 4, '2022-02-30', NULL, '2023-01-01'),\n"
      " (4, 'HA-NOI', 'level as text', 'high', NULL, NULL, NULL),\n"
      " (5, 'NOWHERE', 'unknown agency', 5, NULL, NULL, NULL);\n");
  RecordStore store = RecordStore::Open(database.path());
  const AgencyDirectory agencies({Agency{"HA-NOI", "Hà Nội", "province"}});
  std::vector<DataIssue> issues;
  std::vector<std::string> seen;
  const ScanResult result =
      ScanTable(store, plan, agencies, false, issues, [&](const ScanRow& row) {
        const RuleScanPlan& rule = plan.rules[0];
        DayNumber where_from, where_until, sat_from, sat_until;
        row.Interval(plan, rule.where, &where_from, &where_until);
        row.Interval(plan, rule.satisfied, &sat_from, &sat_until);
        const auto day = [](DayNumber d) {
          return d == kMinusInfinity  ? std::string("-inf")
                 : d == kPlusInfinity ? std::string("+inf")
                                      : FormatIsoDay(d);
        };
        seen.push_back(row.values.String(0) + ": agency " + std::to_string(row.agency) +
                       (row.AtomsHold(rule.where) ? ", in base" : ", not in base") + " [" +
                       day(where_from) + ", " + day(where_until) + ") satisfied [" + day(sat_from) +
                       ", " + day(sat_until) + ")" + (row.has_issue ? ", has issue" : ""));
      });
  BOOST_TEST(result.rows == 5);
  BOOST_TEST(result.rows_with_issues == std::vector<int>{3}, boost::test_tools::per_element());
  BOOST_TEST(
      seen == (std::vector<std::string>{
                  "1: agency 0, in base [2020-01-01, +inf) satisfied [2022-05-01, +inf)",
                  "2: agency 0, not in base [-inf, +inf) satisfied [2022-05-01, +inf), has "
                  "issue",
                  "3: agency 0, in base [-inf, 2023-01-01) satisfied [+inf, 2023-01-01), has "
                  "issue",
                  "4: agency 0, not in base [-inf, +inf) satisfied [+inf, +inf), has issue",
                  "5: agency -2, in base [-inf, +inf) satisfied [+inf, +inf), has issue"}),
      boost::test_tools::per_element());
  std::vector<std::string> problems;
  for (const DataIssue& issue : issues) {
    problems.push_back(issue.table + " " + issue.row_id + " " + issue.column + " '" + issue.value +
                       "': " + issue.problem + " [" + issue.agency_id + "]");
  }
  BOOST_TEST(
      problems == (std::vector<std::string>{
                      "information_system 2 level '7': outside 1-5 [HA-NOI]",
                      "information_system 3 level_approved_on '2022-02-30': no such date [HA-NOI]",
                      "information_system 4 level 'high': not a whole number [HA-NOI]",
                      "information_system 5 agency_id 'NOWHERE': unknown agency (not counted for "
                      "any agency) []"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_atom_on_an_invalid_value_reads_as_on_null) {
  // level 7 and 'high' break the column's type (1-5): like NULL, they are
  // "is_null" and neither "ne 2" nor "not_in [1, 2]".
  const RuleSet rules = Load(Rule("unknown",
                                  "{kind: count, table: information_system, at_least: 1, "
                                  "where: [{column: level, op: is_null}]}") +
                             Rule("not_two",
                                  "{kind: count, table: information_system, at_least: 1, "
                                  "where: [{column: level, op: ne, value: 2}]}") +
                             Rule("neither",
                                  "{kind: count, table: information_system, at_least: 1, "
                                  "where: [{column: level, op: not_in, values: [1, 2]}]}"));
  const TableScanPlan plan = Plan(rules, "information_system");
  const testing::TestDatabase database(
      testing::SchemaSql() +
      "INSERT INTO agency (id, name, kind, parent_id) VALUES ('HA-NOI', 'Hà Nội', 'province', "
      "NULL);\n"
      "INSERT INTO information_system (id, agency_id, name, level) VALUES\n"
      " (1, 'HA-NOI', 'three', 3), (2, 'HA-NOI', 'two', 2), (3, 'HA-NOI', 'none', NULL),\n"
      " (4, 'HA-NOI', 'seven', 7), (5, 'HA-NOI', 'high', 'high');\n");
  RecordStore store = RecordStore::Open(database.path());
  const AgencyDirectory agencies({Agency{"HA-NOI", "Hà Nội", "province"}});
  std::vector<DataIssue> issues;
  std::vector<std::string> seen;
  const auto scan = [&] {
    ScanTable(store, plan, agencies, false, issues, [&](const ScanRow& row) {
      std::string line = row.values.String(2) + ":";
      for (const RuleScanPlan& rule : plan.rules) {
        line += row.AtomsHold(rule.where) ? " " + rule.rule->id : "";
      }
      seen.push_back(line);
    });
  };
  scan();
  const std::vector<std::string> expected = {"three: not_two neither", "two:", "none: unknown",
                                             "seven: unknown", "high: unknown"};
  BOOST_TEST(seen == expected, boost::test_tools::per_element());
  BOOST_TEST(issues.size() == 2u);

  // More values per row than SQLite hands a function: read as result rows,
  // the same.
  BOOST_TEST(store.FunctionArgumentLimit(3) == 3);
  seen.clear();
  issues.clear();
  scan();
  BOOST_TEST(seen == expected, boost::test_tools::per_element());
  BOOST_TEST(issues.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_hostile_value_is_bound_not_executed) {
  const std::string rule =
      Rule("named",
           "{kind: count, table: information_system, at_least: 1, "
           "where: [{column: name, op: eq, value: \"" +
               kHostile + "\"}, {column: name, op: in, values: [\"" + kHostile + "\", b]}]}");
  const RuleSet rules = Load(rule);
  const TableScanPlan plan = Plan(rules, "information_system");
  BOOST_TEST(plan.Sql().find("DROP") == std::string::npos, plan.Sql());
  BOOST_TEST(plan.Sql().find("x')") == std::string::npos);
  BOOST_TEST(Texts(plan.Parameters()) ==
                 (std::vector<std::string>{"'" + kHostile + "'", "'" + kHostile + "'", "'b'"}),
             boost::test_tools::per_element());

  // A real run: the agency table survives and no row matches.
  const testing::TestDatabase database(
      testing::SchemaSql() +
      "INSERT INTO agency (id, name, kind, parent_id) VALUES ('HA-NOI', 'Hà Nội', 'province', "
      "NULL);\n"
      "INSERT INTO agency (id, name, kind, parent_id) VALUES ('HUE', 'Huế', 'province', NULL);\n"
      "INSERT INTO information_system (id, agency_id, name) VALUES (1, 'HA-NOI', 'x'),\n"
      " (2, 'HA-NOI', 'b'), (3, 'HA-NOI', 'x''); DROP TABLE agency; --x');\n");
  {
    RecordStore store = RecordStore::Open(database.path());
    const Report report = Evaluate(rules, store, Options(Date(2022, 10, 1)));
    BOOST_TEST_REQUIRE(report.findings.size() == 2u);
    for (const Finding& finding : report.findings) {
      BOOST_TEST(StatusName(finding.status) == "overdue");
      BOOST_TEST(finding.at_as_of.numerator == 0);
    }
    BOOST_TEST(report.data_issues.empty());
  }
  // The same value stored in a row is matched as plain text.
  database.Execute("INSERT INTO information_system (id, agency_id, name) VALUES (4, 'HUE', '" +
                   std::string("x''); DROP TABLE agency; --") + "');");
  RecordStore store = RecordStore::Open(database.path());
  const Report report = Evaluate(rules, store, Options(Date(2022, 10, 1)));
  std::map<std::string, std::int64_t> matched;
  for (const Finding& finding : report.findings) {
    matched[finding.agency->id] = finding.at_as_of.numerator;
  }
  BOOST_TEST(matched["HA-NOI"] == 0);
  BOOST_TEST(matched["HUE"] == 1);
  Statement count = store.Prepare("SELECT count(*) FROM agency");
  BOOST_TEST_REQUIRE(count.Step());
  BOOST_TEST(count.Int64(0) == 2);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
