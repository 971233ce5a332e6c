// The rules loader on YAML text: any bytes as one rules file beside the
// shipped tables.yaml, then every check `validate` makes, and every
// diagnostic formatted. Nothing may crash, hang or throw; every problem is
// a diagnostic.
#include "fuzz_support.hpp"
#include "graph/rule_cycles.hpp"
#include "rules/rule_checker.hpp"
#include "rules/yaml_loader.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace dxcomply;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string tables = fuzz::ReadSource("rules/tables.yaml");
  Diagnostics diagnostics;
  RuleSet rules;
  LoadRuleText("rules/tables.yaml", tables, rules, diagnostics);
  LoadRuleText("rules/fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), rules,
               diagnostics);
  CheckRuleSet(rules, diagnostics);
  CheckRuleCycles(rules, diagnostics);
  std::size_t length = 0;
  for (const Diagnostic& diagnostic : diagnostics.Sorted()) length += diagnostic.ToString().size();
  return length > 0 ? 0 : 0;
}
