#include "ruletest/test_output.hpp"

#include "base/labels.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"

#include <algorithm>

namespace dxcomply {
namespace {

constexpr const char* kIndent = "        ";  // under "  PASS  "
constexpr std::size_t kDataIssuesShown = 5;

std::string Line(const SourceLocation& location) {
  return Format(Tr("line {0}"), {std::to_string(location.line)});
}

std::string Days(int days, DayUnit unit) { return DaysCount(days, unit); }

bool Differs(const ExpectationOutcome& outcome, const std::string& field) {
  return std::any_of(outcome.diffs.begin(), outcome.diffs.end(),
                     [&](const FieldDiff& diff) { return diff.field == field; });
}

// "met, due 2022-09-30: 100% (1/1), target 100%"
std::string Summary(const ActualInstance& actual) {
  std::string text = StatusName(actual.status);
  if (actual.status == Status::kOverdue) {
    text += " " + Days(actual.days_overdue, actual.day_unit);
  }
  if (actual.status == Status::kAtRisk || actual.status == Status::kOnTrack) {
    text += Format(Tr(", {0} left"), {Days(actual.days_left, actual.day_unit)});
  }
  if (actual.due) text += Format(Tr(", due {0}"), {FormatIsoDate(*actual.due)});
  return text + ": \"" + actual.reason + "\"";
}

}  // namespace

void TestOutput::Case(const CaseOutcome& outcome) {
  if (outcome.file != file_) {
    file_ = outcome.file;
    out_ << file_->path << "\n";
  }
  const RuleTestCase& test = *outcome.test;
  if (!outcome.error.empty()) {
    ++errors_;
    out_ << "  " << Tr("ERROR") << " " << test.name << " (" << Line(test.location) << ")\n"
         << kIndent << outcome.error << "\n";
    return;
  }
  if (outcome.passed()) {
    ++passed_;
    out_ << "  " << Tr("PASS ") << " " << test.name << "\n";
    if (!verbose_) return;
    for (const ExpectationOutcome& expectation : outcome.expectations) {
      out_ << kIndent << DescribeInstance(expectation.actual->name) << ": "
           << Summary(*expectation.actual) << "\n";
    }
    DataIssues(outcome);
    return;
  }
  ++failed_;
  out_ << "  " << Tr("FAIL ") << " " << test.name << " (" << Line(test.location) << ")\n";
  for (const ExpectationOutcome& expectation : outcome.expectations) {
    if (!expectation.passed() || verbose_) Expectation(expectation);
  }
  for (const ActualInstance& actual : outcome.unexpected) Unexpected(actual);
  DataIssues(outcome);
}

void TestOutput::Expectation(const ExpectationOutcome& outcome) {
  const dxcomply::Expectation& expected = *outcome.expectation;
  const InstanceName name{expected.obligation, expected.agency, expected.period.value_or(""), {}};
  if (outcome.passed()) {
    out_ << kIndent << DescribeInstance(name) << " (" << Line(expected.location)
         << "): " << Format(Tr("as expected, {0}"), {Summary(*outcome.actual)}) << "\n";
    return;
  }
  if (!outcome.problem.empty()) {
    out_ << kIndent << DescribeInstance(name) << " (" << Line(expected.location)
         << "): " << Tr("- expected, + actual") << "\n"
         << kIndent << "- status: " << (expected.none ? "none" : StatusName(expected.status))
         << "\n"
         << kIndent << "+ " << outcome.problem << "\n";
    return;
  }
  out_ << kIndent << DescribeInstance(name) << " (" << Line(expected.location)
       << "): " << Tr("- expected, + actual") << "\n";
  for (const FieldDiff& diff : outcome.diffs) {
    out_ << kIndent << "- " << diff.field << ": " << diff.expected << "\n";
    out_ << kIndent << "+ " << diff.field << ": " << diff.actual << "\n";
  }
  // What did not differ, for context: the engine's view of the instance.
  const ActualInstance& actual = *outcome.actual;
  if (!Differs(outcome, "status")) {
    out_ << kIndent << "  status: " << StatusName(actual.status) << "\n";
  }
  if (!Differs(outcome, "due")) {
    out_ << kIndent << "  due: "
         << (actual.due ? FormatIsoDate(*actual.due) : std::string(Tr("none (waiting)"))) << "\n";
  }
  if (!Differs(outcome, "reason")) {
    out_ << kIndent << "  reason: \"" << actual.reason << "\"\n";
  }
}

void TestOutput::Unexpected(const ActualInstance& actual) {
  out_ << kIndent << DescribeInstance(actual.name) << ": "
       << Tr("not expected (the case is exhaustive), - expected, + actual") << "\n"
       << kIndent << "- " << Tr("(no such instance)") << "\n"
       << kIndent << "+ " << Summary(actual) << "\n";
}

void TestOutput::DataIssues(const CaseOutcome& outcome) {
  if (outcome.data_issues.empty()) return;
  out_ << kIndent
       << Format(TrN("note: the rows have {0} data issue", "note: the rows have {0} data issues",
                     static_cast<long long>(outcome.data_issues.size())),
                 {std::to_string(outcome.data_issues.size())})
       << "\n";
  for (std::size_t i = 0; i < outcome.data_issues.size() && i < kDataIssuesShown; ++i) {
    const DataIssue& issue = outcome.data_issues[i];
    out_ << kIndent << "  " << issue.table << " " << issue.row_id << ", " << issue.column << " = '"
         << issue.value << "': " << issue.problem << "\n";
  }
}

void TestOutput::Totals() {
  const std::size_t total = passed_ + failed_ + errors_;
  out_ << std::string(80, '-') << "\n";
  const std::string all = std::to_string(total);
  out_ << Tr("PASS") << ": " << passed_ << "/" << all << "\n";
  if (failed_ > 0) out_ << Tr("FAIL") << ": " << failed_ << "/" << all << "\n";
  if (errors_ > 0) out_ << Tr("ERROR") << ": " << errors_ << "/" << all << "\n";
}

void TestOutput::Coverage(const std::string& rules_directory, std::size_t obligations,
                          std::size_t tested) {
  out_ << Format(Tr("coverage: {0} of {1} obligations in {2} have a test"),
                 {std::to_string(tested), std::to_string(obligations), rules_directory})
       << "\n";
}

}  // namespace dxcomply
