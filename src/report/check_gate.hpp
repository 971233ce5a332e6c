// `dxcomply check --format junit|sarif`: one agency's findings in the
// formats CI systems read, so that an agency can gate a pipeline on its
// duties as it gates on tests (JUnit XML) or on code scanning (SARIF).
// Both fail exactly what makes `check` exit 1: overdue, and at risk with
// --fail-on-risk.
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"

#include <ostream>
#include <string>

namespace dxcomply {

struct CheckGate {
  const Report& report;  // already only this agency's findings and data issues
  const RuleSet& rules;
  std::string agency_id;
  bool fail_on_risk = false;
  std::string tool_version;  // "0.1.0"
  std::string rules_folder;  // where the rules were read, for SARIF's locations
};

// Whether the finding fails the check (exit code 1).
bool FailsCheck(const Finding& finding, bool fail_on_risk);

// JUnit XML as Jenkins, GitLab and GitHub's test reporters read it: one
// <testsuite> per theme, one <testcase> per finding (a <failure> when it
// fails the check, <skipped> when waiting, waived or not applicable).
void WriteJunit(const CheckGate& gate, std::ostream& out);

// SARIF 2.1.0: rules are the obligations (id = obligation id), one result
// per finding (level error when it fails the check; at risk otherwise a
// warning; the rest kind pass, open or notApplicable; a waived one
// informational, with an external suppression giving the waiver's
// document), located at the obligation's `id:` in its rules file; data
// issues as results of rule "data-quality".
void WriteSarif(const CheckGate& gate, std::ostream& out);

}  // namespace dxcomply
