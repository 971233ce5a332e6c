// `dxcomply test`: runs the rule tests (rules/tests/*.yaml) against the
// real engine, as `opa test` runs Rego tests. See README "Rule tests".
#pragma once

#include "cli/exit_status.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace dxcomply {

struct TestOptions {
  // Rules folders (their tests/*.yaml), test files, or folders of test files.
  std::vector<std::string> paths;  // empty: the rules folder, found as RulesFolder finds it
  std::string run;                // only the cases whose name matches this regex
  bool verbose = false;           // show what the engine said of passing cases too
  bool require_coverage = false;  // an obligation with no test is an error
  std::string schema;             // the data contract; empty: the built-in data/schema.sql
};

// 0: every case passed; 1: a case failed (or, with require_coverage, an
// obligation has no test); 2: a test file, the rules or an option is wrong,
// or a case could not run.
ExitStatus RunTest(const TestOptions& options, std::ostream& out, std::ostream& err);

}  // namespace dxcomply
