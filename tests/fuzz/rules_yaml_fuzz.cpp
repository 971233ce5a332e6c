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
  // tables.yaml is read once; each input gets a copy of what it declares.
  static const RuleSet kTables = [] {
    Diagnostics ignored;
    RuleSet tables;
    LoadRuleText("rules/tables.yaml", fuzz::ReadSource("rules/tables.yaml"), tables, ignored);
    return tables;
  }();
  Diagnostics diagnostics;
  RuleSet rules = kTables;
  LoadRuleText("rules/fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), rules,
               diagnostics);
  CheckRuleSet(rules, diagnostics);
  CheckRuleCycles(rules, diagnostics);
  for (const Diagnostic& diagnostic : diagnostics.Sorted()) (void)diagnostic.ToString();
  return 0;
}
