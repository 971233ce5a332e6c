#include "base/language.hpp"
#include "rules/yaml_loader.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>

namespace dxcomply {
namespace {

// The messages of loading one tables file.
std::vector<std::string> Load(const std::string& text, RuleSet* out = nullptr) {
  RuleSet rules;
  Diagnostics diagnostics;
  LoadRuleText("tables.yaml", text, rules, diagnostics);
  std::vector<std::string> messages;
  for (const Diagnostic& diagnostic : diagnostics.Sorted()) messages.push_back(diagnostic.message);
  if (out != nullptr) *out = std::move(rules);
  return messages;
}

BOOST_AUTO_TEST_SUITE(sheet_keys)

BOOST_AUTO_TEST_CASE(the_keys_for_people_are_read) {
  RuleSet rules;
  const auto messages = Load(R"(tables:
  - name: exception
    sheet: Ngoại lệ
    key: [kind]
    columns:
      - {name: kind, type: text, values: [extension, waiver], labels: [Gia hạn, Miễn], label: Loại, note: Chọn}
      - {name: new_due, type: date, required_when: {column: kind, value: extension}, not_before: issued}
      - {name: issued, type: date}
      - {name: obligation_id, type: text, references: obligation}
)",
                             &rules);
  BOOST_TEST(messages.empty());
  BOOST_TEST_REQUIRE(rules.tables.size() == 1u);
  const TableSpec& table = rules.tables[0];
  BOOST_TEST(table.sheet == "Ngoại lệ");
  BOOST_TEST(table.key == std::vector<std::string>{"kind"});
  BOOST_TEST(table.columns[0].label == "Loại");
  BOOST_TEST(table.columns[0].value_labels == (std::vector<std::string>{"Gia hạn", "Miễn"}));
  BOOST_TEST(table.columns[1].required_when_column == "kind");
  BOOST_TEST(table.columns[1].required_when_value == "extension");
  BOOST_TEST(table.columns[1].not_before == "issued");
  BOOST_TEST(table.columns[3].references == "obligation");
}

BOOST_AUTO_TEST_CASE(keys_that_name_nothing_are_errors) {
  const ScopedLanguage english(Language::kEnglish);  // the rules' messages, as written
  const auto messages = Load(R"(tables:
  - name: t
    key: [nothing]
    columns:
      - {name: kind, type: text, values: [a, b], labels: [A]}
      - {name: d, type: date, not_before: kind, required_when: {column: missing, value: x}}
      - {name: r, type: text, references: rule}
)");
  const std::vector<std::string> expected = {
      "key column 'nothing' of table 't' is not declared",
      "labels must name each of the column's values, in their order",
      "required_when of column 'd' names column 'missing', which is not declared",
      "not_before of column 'd' must name another date column, and apply to a date column",
      "references must be 'obligation' or 'agency'"};
  for (const std::string& message : expected) {
    BOOST_TEST_CONTEXT(message) {
      BOOST_TEST(std::count(messages.begin(), messages.end(), message) == 1);
    }
  }
  BOOST_TEST(messages.size() == expected.size());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
