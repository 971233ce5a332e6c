// Prints rule test results the way `opa test` does: the cases of each file,
// one line each (PASS, FAIL, ERROR); under a failure, each instance that
// differs as "- expected" and "+ actual" lines with the actual reason for
// context; then the totals. With `verbose`, passing cases show what the
// engine said too.
#pragma once

#include "ruletest/case_runner.hpp"

#include <cstddef>
#include <ostream>
#include <string>

namespace dxcomply {

class TestOutput {
 public:
  TestOutput(std::ostream& out, bool verbose) : out_(out), verbose_(verbose) {}

  // Prints the case's file name first when it is the first case of its file.
  void Case(const CaseOutcome& outcome);

  // "PASS: 140/141", "FAIL: 1/141", "ERROR: ..."; a line of dashes before.
  void Totals();
  // "coverage: 46 of 46 obligations in rules have a test"
  void Coverage(const std::string& rules_directory, std::size_t obligations, std::size_t tested);

  std::size_t passed() const { return passed_; }
  std::size_t failed() const { return failed_; }
  std::size_t errors() const { return errors_; }

 private:
  void Expectation(const ExpectationOutcome& outcome);
  void Unexpected(const ActualInstance& actual);
  void DataIssues(const CaseOutcome& outcome);

  std::ostream& out_;
  bool verbose_;
  const RuleTestFile* file_ = nullptr;
  std::size_t passed_ = 0;
  std::size_t failed_ = 0;
  std::size_t errors_ = 0;
};

}  // namespace dxcomply
