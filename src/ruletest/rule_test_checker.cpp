#include "ruletest/rule_test_checker.hpp"

#include "rules/rule_vocabulary.hpp"
#include "rules/yaml_node_reader.hpp"
#include "ruletest/fixture_database.hpp"

#include <set>
#include <tuple>

namespace dxcomply {
namespace {

class Checker {
 public:
  Checker(const RuleSet& rules, const FixtureSchema& schema, Diagnostics& diagnostics)
      : rules_(rules), schema_(schema), diagnostics_(diagnostics) {
    for (const Obligation& obligation : rules.obligations) obligation_ids_.push_back(obligation.id);
  }

  void Check(const RuleTestFile& file) {
    for (const RuleTestCase& test : file.cases) {
      bool rows_fit = true;
      for (const FixtureRow& row : test.rows) rows_fit = CheckRow(row) && rows_fit;
      if (rows_fit) TryRows(test);
      CheckExpectations(test);
    }
  }

 private:
  // Rows shared by the cases of a file would otherwise be reported once per case.
  void Error(const SourceLocation& location, const std::string& rule_id,
             const std::string& message) {
    if (!reported_.insert({location.file, location.line, location.column, message}).second) return;
    diagnostics_.Error(location, rule_id, message);
  }

  bool CheckRow(const FixtureRow& row) {
    const FixtureTable* table = schema_.Find(row.table);
    if (table == nullptr) {
      const std::string nearest = NearestWord(row.table, schema_.TableNames());
      Error(row.location, "",
            "no table '" + row.table + "' in " + schema_.contract_name() +
                " or the rules' tables.yaml" +
                (nearest.empty() ? " (tables: " + JoinWords(schema_.TableNames()) + ")"
                                 : " (did you mean '" + nearest + "'?)"));
      return false;
    }
    bool fits = true;
    for (const FixtureValue& value : row.values) {
      if (table->Find(value.column) != nullptr) continue;
      const std::string nearest = NearestWord(value.column, table->ColumnNames());
      Error(value.location, "",
            "table " + row.table + " has no column '" + value.column + "'" +
                (nearest.empty() ? " (columns: " + JoinWords(table->ColumnNames()) + ")"
                                 : " (did you mean '" + nearest + "'?)"));
      fits = false;
    }
    for (const FixtureColumn& column : table->columns) {
      if (!column.required) continue;
      bool given = false;
      for (const FixtureValue& value : row.values) given = given || value.column == column.name;
      if (given) continue;
      Error(row.location, "",
            "a row of table " + row.table + " needs '" + column.name + "' (NOT NULL in " +
                schema_.contract_name() + "; give it here or under 'defaults:')");
      fits = false;
    }
    return fits;
  }

  void TryRows(const RuleTestCase& test) {
    for (const RowProblem& problem : WriteFixtureDatabase(":memory:", schema_, test.rows)) {
      Error(problem.location, "", problem.message);
    }
  }

  std::set<std::string> AgencyIds(const RuleTestCase& test) const {
    std::set<std::string> ids;
    for (const FixtureRow& row : test.rows) {
      if (row.table != kAgencyTable) continue;
      for (const FixtureValue& value : row.values) {
        if (value.column == "id" && value.text) ids.insert(*value.text);
      }
    }
    return ids;
  }

  void CheckObligation(const std::string& id, const SourceLocation& location) {
    if (rules_.FindObligation(id) != nullptr) return;
    const std::string nearest = NearestWord(id, obligation_ids_);
    Error(location, "",
          "the rules have no obligation '" + id + "'" +
              (nearest.empty() ? "" : " (did you mean '" + nearest + "'?)"));
  }

  void CheckAgency(const std::string& id, const std::set<std::string>& agencies,
                   const SourceLocation& location, const std::string& rule_id) {
    if (id == kNationalAgencyId || agencies.count(id) > 0) return;
    std::vector<std::string> known(agencies.begin(), agencies.end());
    const std::string nearest = NearestWord(id, known);
    Error(location, rule_id,
          "agency '" + id + "' is not among this case's agency rows" +
              (nearest.empty() ? " (" + (known.empty() ? std::string("none") : JoinWords(known)) +
                                     "; " + kNationalAgencyId + " for the country)"
                               : " (did you mean '" + nearest + "'?)"));
  }

  void CheckExpectations(const RuleTestCase& test) {
    const std::set<std::string> agencies = AgencyIds(test);
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    for (const Expectation& expectation : test.expectations) {
      CheckObligation(expectation.obligation, expectation.obligation_location);
      CheckAgency(expectation.agency, agencies, expectation.agency_location,
                  expectation.obligation);
      if (!seen.insert({expectation.obligation, expectation.agency,
                        expectation.period.value_or("\x01any")})
               .second) {
        Error(expectation.location, expectation.obligation,
              "this case already expects this instance");
      }
      if (!expectation.blocked_by) continue;
      for (const InstanceName& blocker : *expectation.blocked_by) {
        // "task#812": a task that belongs to no instance.
        if (blocker.obligation.rfind("task#", 0) != 0) {
          CheckObligation(blocker.obligation, blocker.location);
        }
        CheckAgency(blocker.agency, agencies, blocker.location, expectation.obligation);
      }
    }
  }

  const RuleSet& rules_;
  const FixtureSchema& schema_;
  Diagnostics& diagnostics_;
  std::vector<std::string> obligation_ids_;
  std::set<std::tuple<std::string, int, int, std::string>> reported_;
};

}  // namespace

void CheckRuleTestFile(const RuleTestFile& file, const RuleSet& rules, const FixtureSchema& schema,
                       Diagnostics& diagnostics) {
  Checker(rules, schema, diagnostics).Check(file);
}

}  // namespace dxcomply
