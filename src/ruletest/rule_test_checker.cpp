#include "ruletest/rule_test_checker.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
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
            nearest.empty()
                ? Format(Tr("no table '{0}' in {1} or the rules' tables.yaml (tables: {2})"),
                         {row.table, schema_.contract_name(), JoinWords(schema_.TableNames())})
                : Format(Tr("no table '{0}' in {1} or the rules' tables.yaml (did you mean "
                            "'{2}'?)"),
                         {row.table, schema_.contract_name(), nearest}));
      return false;
    }
    bool fits = true;
    for (const FixtureValue& value : row.values) {
      if (table->Find(value.column) != nullptr) continue;
      const std::string nearest = NearestWord(value.column, table->ColumnNames());
      Error(value.location, "",
            nearest.empty() ? Format(Tr("table {0} has no column '{1}' (columns: {2})"),
                                     {row.table, value.column, JoinWords(table->ColumnNames())})
                            : Format(Tr("table {0} has no column '{1}' (did you mean '{2}'?)"),
                                     {row.table, value.column, nearest}));
      fits = false;
    }
    for (const FixtureColumn& column : table->columns) {
      if (!column.required) continue;
      bool given = false;
      for (const FixtureValue& value : row.values) given = given || value.column == column.name;
      if (given) continue;
      Error(row.location, "",
            Format(Tr("a row of table {0} needs '{1}' (NOT NULL in {2}; give it here or under "
                      "'defaults:')"),
                   {row.table, column.name, schema_.contract_name()}));
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
          nearest.empty() ? Format(Tr("the rules have no obligation '{0}'"), {id})
                          : Format(Tr("the rules have no obligation '{0}' (did you mean '{1}'?)"),
                                   {id, nearest}));
  }

  void CheckAgency(const std::string& id, const std::set<std::string>& agencies,
                   const SourceLocation& location, const std::string& rule_id) {
    if (id == kNationalAgencyId || agencies.count(id) > 0) return;
    std::vector<std::string> known(agencies.begin(), agencies.end());
    const std::string nearest = NearestWord(id, known);
    Error(location, rule_id,
          nearest.empty()
              ? Format(Tr("agency '{0}' is not among this case's agency rows ({1}; {2} for the "
                          "country)"),
                       {id, known.empty() ? std::string(Tr("none")) : JoinWords(known),
                        kNationalAgencyId})
              : Format(Tr("agency '{0}' is not among this case's agency rows (did you mean "
                          "'{1}'?)"),
                       {id, nearest}));
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
              Tr("this case already expects this instance"));
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
