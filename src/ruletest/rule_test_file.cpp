#include "ruletest/rule_test_file.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "rules/yaml_node_reader.hpp"

#include <filesystem>
#include <set>
#include <tuple>

namespace dxcomply {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kFileKeys = {"rules", "defaults", "rows", "tests"};
const std::vector<std::string> kCaseKeys = {"name", "as_of",  "lookback",  "warn_before",
                                            "rows", "expect", "exhaustive"};
const std::vector<std::string> kExpectationKeys = {"obligation", "agency",       "period",
                                                   "status",     "days_overdue", "days_left",
                                                   "due",        "reason",       "blocked_by"};
const std::vector<std::string> kInstanceKeys = {"obligation", "agency", "period"};

// "rules/tests/.." -> "rules", as people write it.
std::string NormalFolder(const fs::path& folder) {
  std::string text = folder.lexically_normal().string();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text.empty() ? "." : text;
}

std::string StatusNames() {
  std::vector<std::string> names;
  for (Status status : {Status::kOverdue, Status::kAtRisk, Status::kOnTrack, Status::kWaiting,
                        Status::kMetLate, Status::kMet, Status::kWaived, Status::kNotApplicable}) {
    names.push_back(StatusName(status));
  }
  names.push_back("none");
  return JoinWords(names);
}

// column -> value, for `defaults:` of one table.
using ColumnValues = std::vector<FixtureValue>;
struct TableDefaults {
  std::string table;
  ColumnValues values;
};

class TestFileReader {
 public:
  TestFileReader(const std::string& path, const std::string& text, Diagnostics& diagnostics)
      : reader_(path, text, diagnostics), text_(text) {
    file_.path = path;
    file_.rules_directory = DefaultRulesDirectory(path);
  }

  RuleTestFile Read() {
    const std::optional<YAML::Node> root = reader_.Parse(text_);
    if (!root) return std::move(file_);
    if (!root->IsMap() || !YamlNodeReader::Get(*root, "tests").IsDefined()) {
      reader_.Error(*root, "", Tr("a rule test file needs 'tests:', a list of cases"));
      return std::move(file_);
    }
    reader_.CheckMap(*root, kFileKeys, "", Tr("a rule test file"));
    if (const YAML::Node rules = YamlNodeReader::Get(*root, "rules"); rules.IsDefined()) {
      if (const auto folder = reader_.Text(rules, "", "'rules'")) {
        file_.rules_directory = NormalFolder(fs::path(file_.path).parent_path() / *folder);
        file_.rules_location = reader_.At(rules);
      }
    }
    if (const YAML::Node defaults = YamlNodeReader::Get(*root, "defaults"); defaults.IsDefined()) {
      ReadDefaults(defaults);
    }
    std::vector<FixtureRow> shared_rows;
    if (const YAML::Node rows = YamlNodeReader::Get(*root, "rows"); rows.IsDefined()) {
      ReadRows(rows, shared_rows);
    }
    const YAML::Node tests = YamlNodeReader::Get(*root, "tests");
    if (!tests.IsSequence() || tests.size() == 0) {
      reader_.Error(tests, "", Tr("'tests' must be a list of cases with at least one case"));
      return std::move(file_);
    }
    std::set<std::string> names;
    for (const YAML::Node& node : tests) {
      std::optional<RuleTestCase> test = ReadCase(node, shared_rows);
      if (!test) continue;
      if (!names.insert(test->name).second) {
        reader_.Error(YamlNodeReader::Get(node, "name"), "",
                      Format(Tr("a case named '{0}' is already in this file"), {test->name}));
        continue;
      }
      file_.cases.push_back(std::move(*test));
    }
    return std::move(file_);
  }

 private:
  // A column's value: a scalar, or empty/null/~ for SQL NULL.
  std::optional<FixtureValue> ReadValue(const YAML::Node& key, const YAML::Node& value,
                                        const std::string& table) {
    FixtureValue fixture{key.Scalar(), std::nullopt, reader_.At(key)};
    if (value.IsNull()) return fixture;
    if (!value.IsScalar()) {
      reader_.Error(value, "",
                    Format(Tr("the value of column '{0}' of a row of table {1} must be a single "
                              "value (or empty for NULL), not a list or a map"),
                           {fixture.column, table}));
      return std::nullopt;
    }
    fixture.text = value.Scalar();
    return fixture;
  }

  std::optional<ColumnValues> ReadColumns(const YAML::Node& node, const std::string& table,
                                          const std::string& what) {
    if (!node.IsMap()) {
      reader_.Error(node, "", Format(Tr("{0} must be a map of column: value"), {what}));
      return std::nullopt;
    }
    ColumnValues values;
    std::set<std::string> seen;
    for (const auto& entry : node) {
      if (!seen.insert(entry.first.Scalar()).second) {
        reader_.Error(
            entry.first, "",
            Format(Tr("column '{0}' is given twice in {1}"), {entry.first.Scalar(), what}));
        continue;
      }
      if (auto value = ReadValue(entry.first, entry.second, table)) {
        values.push_back(std::move(*value));
      }
    }
    return values;
  }

  void ReadDefaults(const YAML::Node& node) {
    if (!node.IsMap()) {
      reader_.Error(node, "", Tr("'defaults' must be a map of table: {column: value}"));
      return;
    }
    for (const auto& entry : node) {
      const std::string table = entry.first.Scalar();
      if (auto values =
              ReadColumns(entry.second, table, Format(Tr("the defaults of table {0}"), {table}))) {
        defaults_.push_back({table, std::move(*values)});
      }
    }
  }

  void ApplyDefaults(FixtureRow& row) const {
    for (const TableDefaults& defaults : defaults_) {
      if (defaults.table != row.table) continue;
      for (const FixtureValue& value : defaults.values) {
        bool given = false;
        for (const FixtureValue& own : row.values) given = given || own.column == value.column;
        if (!given) row.values.push_back(value);
      }
    }
  }

  void ReadRows(const YAML::Node& node, std::vector<FixtureRow>& rows) {
    if (!node.IsMap()) {
      reader_.Error(node, "", Tr("'rows' must be a map of table: [rows]"));
      return;
    }
    for (const auto& entry : node) {
      const std::string table = entry.first.Scalar();
      if (entry.second.IsNull()) continue;  // "task:" with no rows
      if (!entry.second.IsSequence()) {
        reader_.Error(
            entry.second, "",
            Format(Tr("the rows of table {0} must be a list of column: value maps"), {table}));
        continue;
      }
      for (const YAML::Node& item : entry.second) {
        std::optional<ColumnValues> values =
            ReadColumns(item, table, Format(Tr("a row of table {0}"), {table}));
        if (!values) continue;
        FixtureRow row{table, std::move(*values), reader_.At(item)};
        ApplyDefaults(row);
        rows.push_back(std::move(row));
      }
    }
  }

  std::optional<int> ReadDays(const YAML::Node& node, const std::string& what, int minimum) {
    const std::optional<std::int64_t> days = reader_.Integer(node, "", what);
    if (!days) return std::nullopt;
    if (*days < minimum || *days > 100000) {
      reader_.Error(
          node, "",
          Format(Tr("{0} must be between {1} and 100000 days"), {what, std::to_string(minimum)}));
      return std::nullopt;
    }
    return static_cast<int>(*days);
  }

  std::optional<InstanceName> ReadInstanceName(const YAML::Node& node) {
    InstanceName name;
    name.location = reader_.At(node);
    if (node.IsMap()) {
      if (!reader_.CheckMap(node, kInstanceKeys, "", Tr("an entry of blocked_by")))
        return std::nullopt;
      const auto obligation =
          reader_.Text(YamlNodeReader::Get(node, "obligation"), "", "its 'obligation'");
      const auto agency = reader_.Text(YamlNodeReader::Get(node, "agency"), "", "its 'agency'");
      if (!obligation || !agency) return std::nullopt;
      name.obligation = *obligation;
      name.agency = *agency;
      if (const YAML::Node period = YamlNodeReader::Get(node, "period"); period.IsDefined()) {
        const auto text = reader_.Text(period, "", "its 'period'");
        if (!text) return std::nullopt;
        name.period = *text;
      }
      return name;
    }
    // obligation@AGENCY or obligation@AGENCY[period]
    const std::string text = node.IsScalar() ? node.Scalar() : "";
    const std::size_t at = text.find('@');
    std::string agency = at == std::string::npos ? "" : text.substr(at + 1);
    if (!agency.empty() && agency.back() == ']') {
      const std::size_t open = agency.find('[');
      if (open != std::string::npos) {
        name.period = agency.substr(open + 1, agency.size() - open - 2);
        agency.resize(open);
      }
    }
    if (at == std::string::npos || at == 0 || agency.empty()) {
      reader_.Error(node, "",
                    Format(Tr("an entry of blocked_by is written obligation@AGENCY (or "
                              "obligation@AGENCY[period]), not '{0}'"),
                           {text}));
      return std::nullopt;
    }
    name.obligation = text.substr(0, at);
    name.agency = agency;
    return name;
  }

  std::optional<Expectation> ReadExpectation(const YAML::Node& node) {
    if (!reader_.CheckMap(node, kExpectationKeys, "", Tr("an expectation"))) return std::nullopt;
    Expectation expectation;
    expectation.location = reader_.At(node);
    bool ok = true;
    for (const char* required : {"obligation", "agency", "status"}) {
      if (!YamlNodeReader::Get(node, required).IsDefined()) {
        reader_.Error(node, "", Format(Tr("an expectation needs '{0}'"), {required}));
        ok = false;
      }
    }
    if (!ok) return std::nullopt;
    const YAML::Node obligation = YamlNodeReader::Get(node, "obligation");
    const YAML::Node agency = YamlNodeReader::Get(node, "agency");
    const auto obligation_id = reader_.Text(obligation, "", "'obligation'");
    const auto agency_id = reader_.Text(agency, "", "'agency'");
    if (!obligation_id || !agency_id) return std::nullopt;
    expectation.obligation = *obligation_id;
    expectation.agency = *agency_id;
    expectation.obligation_location = reader_.At(obligation);
    expectation.agency_location = reader_.At(agency);

    const YAML::Node status = YamlNodeReader::Get(node, "status");
    const std::optional<Status> parsed =
        status.IsScalar() ? ParseStatus(status.Scalar()) : std::nullopt;
    if (!parsed && status.IsScalar() && status.Scalar() == "none") {
      expectation.none = true;
    } else if (!parsed) {
      reader_.Error(status, expectation.obligation,
                    Format(Tr("'status' must be one of: {0}"), {StatusNames()}));
      ok = false;
    } else {
      expectation.status = *parsed;
    }
    if (const YAML::Node period = YamlNodeReader::Get(node, "period"); period.IsDefined()) {
      expectation.period = reader_.Text(period, expectation.obligation, "'period'");
      ok = ok && expectation.period.has_value();
    }
    for (auto [key, field] : {std::pair{"days_overdue", &expectation.days_overdue},
                              std::pair{"days_left", &expectation.days_left}}) {
      if (const YAML::Node days = YamlNodeReader::Get(node, key); days.IsDefined()) {
        *field = ReadDays(days, std::string("'") + key + "'", 0);
        ok = ok && field->has_value();
      }
    }
    if (const YAML::Node due = YamlNodeReader::Get(node, "due"); due.IsDefined()) {
      expectation.due = reader_.IsoDate(due, expectation.obligation, "'due'");
      ok = ok && expectation.due.has_value();
    }
    if (const YAML::Node reason = YamlNodeReader::Get(node, "reason"); reason.IsDefined()) {
      expectation.reason = reader_.Text(reason, expectation.obligation, "'reason'");
      ok = ok && expectation.reason.has_value();
    }
    if (const YAML::Node blocked = YamlNodeReader::Get(node, "blocked_by"); blocked.IsDefined()) {
      if (!blocked.IsSequence()) {
        reader_.Error(blocked, expectation.obligation,
                      Tr("'blocked_by' must be a list of obligation@AGENCY ([] for none)"));
        return std::nullopt;
      }
      std::vector<InstanceName> names;
      for (const YAML::Node& item : blocked) {
        std::optional<InstanceName> name = ReadInstanceName(item);
        if (!name) return std::nullopt;
        names.push_back(std::move(*name));
      }
      expectation.blocked_by = std::move(names);
    }
    // "No instance" has no due date, days or reason: a field given beside
    // it would look checked while nothing checks it.
    if (expectation.none) {
      for (const char* field : {"days_overdue", "days_left", "due", "reason", "blocked_by"}) {
        if (const YAML::Node given = YamlNodeReader::Get(node, field); given.IsDefined()) {
          reader_.Error(given, expectation.obligation,
                        Format(Tr("'{0}' cannot be checked with status none: no instance, "
                                  "nothing to compare"),
                               {field}));
          ok = false;
        }
      }
    }
    if (!ok) return std::nullopt;
    return expectation;
  }

  // A case with a name is kept even when parts of it are wrong, so that
  // its rows and other expectations are checked too; the errors stop the
  // run before any case runs.
  std::optional<RuleTestCase> ReadCase(const YAML::Node& node,
                                       const std::vector<FixtureRow>& shared_rows) {
    if (!reader_.CheckMap(node, kCaseKeys, "", Tr("a test case"))) return std::nullopt;
    RuleTestCase test;
    const YAML::Node name = YamlNodeReader::Get(node, "name");
    if (!name.IsDefined()) {
      reader_.Error(node, "", Tr("a test case needs 'name'"));
      return std::nullopt;
    }
    const auto name_text = reader_.Text(name, "", "'name'");
    if (!name_text) return std::nullopt;
    if (name_text->empty()) {
      reader_.Error(name, "", Tr("'name' must not be empty"));
      return std::nullopt;
    }
    test.name = *name_text;
    test.location = reader_.At(name);
    for (const char* required : {"as_of", "expect"}) {
      if (!YamlNodeReader::Get(node, required).IsDefined()) {
        reader_.Error(name, "", Format(Tr("test case '{0}' needs '{1}'"), {test.name, required}));
      }
    }
    if (const YAML::Node as_of = YamlNodeReader::Get(node, "as_of"); as_of.IsDefined()) {
      if (const auto date = reader_.IsoDate(as_of, "", "'as_of'")) test.as_of = *date;
    }
    if (const YAML::Node lookback = YamlNodeReader::Get(node, "lookback"); lookback.IsDefined()) {
      test.lookback_days = ReadDays(lookback, "'lookback'", 1);
    }
    if (const YAML::Node warn = YamlNodeReader::Get(node, "warn_before"); warn.IsDefined()) {
      test.warn_before_days = ReadDays(warn, "'warn_before'", 0);
    }
    if (const YAML::Node exhaustive = YamlNodeReader::Get(node, "exhaustive");
        exhaustive.IsDefined()) {
      test.exhaustive = reader_.Boolean(exhaustive, "", "'exhaustive'").value_or(false);
    }
    test.rows = shared_rows;
    if (const YAML::Node rows = YamlNodeReader::Get(node, "rows"); rows.IsDefined()) {
      ReadRows(rows, test.rows);
    }
    const YAML::Node expect = YamlNodeReader::Get(node, "expect");
    if (!expect.IsDefined()) return test;
    if (!expect.IsSequence() || expect.size() == 0) {
      reader_.Error(expect, "", Tr("'expect' must be a list of at least one expected instance"));
      return test;
    }
    for (const YAML::Node& item : expect) {
      std::optional<Expectation> expectation = ReadExpectation(item);
      if (expectation) test.expectations.push_back(std::move(*expectation));
    }
    return test;
  }

  YamlNodeReader reader_;
  const std::string& text_;
  RuleTestFile file_;
  std::vector<TableDefaults> defaults_;
};

}  // namespace

std::string InstanceName::ToString() const {
  return obligation + "@" + agency + (period.empty() ? "" : "[" + period + "]");
}

bool InstanceName::operator<(const InstanceName& other) const {
  return std::tie(obligation, agency, period) <
         std::tie(other.obligation, other.agency, other.period);
}

bool InstanceName::operator==(const InstanceName& other) const {
  return std::tie(obligation, agency, period) ==
         std::tie(other.obligation, other.agency, other.period);
}

RuleTestFile ReadRuleTestFile(const std::string& path, const std::string& text,
                              Diagnostics& diagnostics) {
  return TestFileReader(path, text, diagnostics).Read();
}

std::string DefaultRulesDirectory(const std::string& test_file_path) {
  return NormalFolder(fs::path(test_file_path).parent_path() / "..");
}

}  // namespace dxcomply
