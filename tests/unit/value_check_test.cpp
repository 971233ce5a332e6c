// ValueProblem and ValueFits: the data contract for every stored value,
// read back from SQLite as the scans read it. (Scans apply it to the rules'
// atoms too: an atom on an invalid value reads as on NULL, see
// scan_plan_test.)
#include "records/value_check.hpp"

#include "records/scan_plan.hpp"
#include "store/record_store.hpp"
#include "support/test_files.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace dxcomply {
namespace {

ColumnSpec Column(ColumnType type, bool nullable = true) {
  ColumnSpec column;
  column.name = "x";
  column.type = type;
  column.nullable = nullable;
  return column;
}

ColumnSpec Integer(std::optional<std::int64_t> min, std::optional<std::int64_t> max) {
  ColumnSpec column = Column(ColumnType::kInteger);
  column.min = min;
  column.max = max;
  return column;
}

ColumnSpec Text(std::vector<std::string> values, bool nullable = true) {
  ColumnSpec column = Column(ColumnType::kText, nullable);
  column.values = std::move(values);
  return column;
}

struct Case {
  ColumnSpec column;
  const char* type_name;
  std::string literal;  // SQL literal stored as is (the column has no affinity)
  std::string problem;  // "" when the value fits
  std::string text;     // ValueText of the stored value
};

std::vector<Case> Cases() {
  const ColumnSpec date = Column(ColumnType::kDate);
  const ColumnSpec level = Integer(1, 5);
  const ColumnSpec boolean = Column(ColumnType::kBoolean, false);
  const ColumnSpec real = Column(ColumnType::kReal);
  const ColumnSpec fraction = Column(ColumnType::kFraction);
  const ColumnSpec role = Text({"security_specialist", "manager"}, false);
  const std::string kNotIso = "not an ISO date YYYY-MM-DD";
  return {
      {date, "date", "'2022-09-30'", "", "2022-09-30"},
      {date, "date", "'2024-02-29'", "", "2024-02-29"},
      {date, "date", "NULL", "", "NULL"},
      {date, "date", "'2022-02-30'", "no such date", "2022-02-30"},
      {date, "date", "'2023-02-29'", "no such date", "2023-02-29"},
      {date, "date", "'2022-13-01'", "no such date", "2022-13-01"},
      {date, "date", "'2022-00-10'", "no such date", "2022-00-10"},
      {date, "date", "'1899-12-31'", "outside the years dxcomply handles (1900-2199)",
       "1899-12-31"},
      {date, "date", "'1900-01-01'", "", "1900-01-01"},
      {date, "date", "'2199-12-31'", "", "2199-12-31"},
      {date, "date", "'2200-01-01'", "outside the years dxcomply handles (1900-2199)",
       "2200-01-01"},
      {date, "date", "'9999-12-31'", "outside the years dxcomply handles (1900-2199)",
       "9999-12-31"},
      {date, "date", "'30/09/2022'", kNotIso, "30/09/2022"},
      {date, "date", "'2022-9-30'", kNotIso, "2022-9-30"},
      {date, "date", "'2022-09-30 '", kNotIso, "2022-09-30 "},
      {date, "date", "'2022-09-30T00:00:00'", kNotIso, "2022-09-30T00:00:00"},
      {date, "date", "''", kNotIso, ""},
      {date, "date", "20220930", kNotIso, "20220930"},
      {date, "date", "x'32303232'", kNotIso, "<blob>"},
      {Column(ColumnType::kDate, false), "date, not nullable", "NULL", "missing value", "NULL"},

      {level, "integer 1-5", "3", "", "3"},
      {level, "integer 1-5", "1", "", "1"},
      {level, "integer 1-5", "5", "", "5"},
      {level, "integer 1-5", "NULL", "", "NULL"},
      {level, "integer 1-5", "7", "outside 1-5", "7"},
      {level, "integer 1-5", "0", "outside 1-5", "0"},
      {level, "integer 1-5", "-3", "outside 1-5", "-3"},
      {level, "integer 1-5", "3.5", "not a whole number", "3.5"},
      {level, "integer 1-5", "3.0", "not a whole number", "3.0"},
      {level, "integer 1-5", "'3'", "not a whole number", "3"},
      {level, "integer 1-5", "'high'", "not a whole number", "high"},
      {level, "integer 1-5", "x'03'", "not a whole number", "<blob>"},
      {Integer(0, std::nullopt), "integer >= 0", "-1", "outside 0-..", "-1"},
      {Integer(0, std::nullopt), "integer >= 0", "9000000000", "", "9000000000"},
      {Integer(std::nullopt, 5), "integer <= 5", "6", "outside ..-5", "6"},
      {Integer(std::nullopt, std::nullopt), "integer", "-9000000000", "", "-9000000000"},

      {boolean, "boolean", "0", "", "0"},
      {boolean, "boolean", "1", "", "1"},
      {boolean, "boolean", "2", "not 0 or 1", "2"},
      {boolean, "boolean", "-1", "not 0 or 1", "-1"},
      {boolean, "boolean", "1.0", "not 0 or 1", "1.0"},
      {boolean, "boolean", "'1'", "not 0 or 1", "1"},
      {boolean, "boolean", "'yes'", "not 0 or 1", "yes"},
      {boolean, "boolean", "x'01'", "not 0 or 1", "<blob>"},
      {boolean, "boolean", "NULL", "missing value", "NULL"},

      {real, "real", "1.5", "", "1.5"},
      {real, "real", "-3", "", "-3"},
      {real, "real", "NULL", "", "NULL"},
      {real, "real", "'1.5'", "not a number", "1.5"},
      {real, "real", "'abc'", "not a number", "abc"},
      {real, "real", "x'00'", "not a number", "<blob>"},

      {fraction, "fraction", "0", "", "0"},
      {fraction, "fraction", "1", "", "1"},
      {fraction, "fraction", "0.5", "", "0.5"},
      {fraction, "fraction", "1.0", "", "1.0"},
      {fraction, "fraction", "NULL", "", "NULL"},
      {fraction, "fraction", "1.5", "outside 0-1", "1.5"},
      {fraction, "fraction", "-0.1", "outside 0-1", "-0.1"},
      {fraction, "fraction", "2", "outside 0-1", "2"},
      {fraction, "fraction", "'0.5'", "not a number between 0 and 1", "0.5"},
      {fraction, "fraction", "'50%'", "not a number between 0 and 1", "50%"},
      {fraction, "fraction", "x'00'", "not a number between 0 and 1", "<blob>"},

      {role, "text with values", "'manager'", "", "manager"},
      {role, "text with values", "'security_specialist'", "", "security_specialist"},
      {role, "text with values", "'Manager'", "not one of: security_specialist, manager",
       "Manager"},
      {role, "text with values", "'intern'", "not one of: security_specialist, manager", "intern"},
      {role, "text with values", "''", "not one of: security_specialist, manager", ""},
      {role, "text with values", "3", "not text", "3"},
      {role, "text with values", "x'6d'", "not text", "<blob>"},
      {role, "text with values", "NULL", "missing value", "NULL"},
      {Text({}), "free text", "'Cổng dịch vụ công'", "", "Cổng dịch vụ công"},
      {Text({}), "free text", "''", "", ""},
      {Text({}), "free text", "NULL", "", "NULL"},
      {Text({}), "free text", "42", "not text", "42"},
      {Text({}, false), "free text, not nullable", "NULL", "missing value", "NULL"},
  };
}

BOOST_AUTO_TEST_SUITE(value_check)

BOOST_AUTO_TEST_CASE(value_problem_and_value_fits_agree_on_every_stored_value) {
  const std::vector<Case> cases = Cases();
  std::string sql = testing::SchemaSql() + "CREATE TABLE v (id INTEGER PRIMARY KEY, x);\n";
  for (std::size_t i = 0; i < cases.size(); ++i) {
    sql += "INSERT INTO v VALUES (" + std::to_string(i) + ", " + cases[i].literal + ");\n";
  }
  const testing::TestDatabase database(sql);
  RecordStore store = RecordStore::Open(database.path());

  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    BOOST_TEST_CONTEXT(c.type_name << " column, stored " << c.literal) {
      Statement statement = store.Prepare("SELECT x FROM v WHERE id = ?");
      statement.Bind(1, static_cast<std::int64_t>(i));
      BOOST_TEST_REQUIRE(statement.Step());

      DayNumber day = 12345;
      const std::string problem = ValueProblem(c.column, statement.Row(), 0, &day);
      BOOST_TEST(problem == c.problem);
      DayNumber fit_day = 12345;
      BOOST_TEST(ValueFits(c.column, statement.Row(), 0, &fit_day) == problem.empty());
      BOOST_TEST(fit_day == day);
      BOOST_TEST(ValueText(statement.Row(), 0) == c.text);
      // A day only for a valid date; otherwise *day is left alone.
      if (c.column.type == ColumnType::kDate && problem.empty() && !statement.IsNull(0)) {
        BOOST_TEST(day == *ParseIsoDay(c.text));
      } else {
        BOOST_TEST(day == 12345);
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
