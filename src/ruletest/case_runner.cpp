#include "ruletest/case_runner.hpp"

#include "dxcomply/engine.hpp"

#include "base/language.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "ruletest/fixture_database.hpp"
#include "ruletest/scratch_database.hpp"
#include "store/record_store.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

namespace dxcomply {
namespace {

namespace fs = std::filesystem;

// How many other instances a "no such instance" message names.
constexpr std::size_t kInstancesNamed = 6;

InstanceName NameOfRef(const InstanceRef& ref) {
  // A task that belongs to no instance is named by its id.
  if (!ref.task_id.empty() && ref.obligation_id.empty()) {
    return {"task#" + ref.task_id, ref.agency_id, "", {}};
  }
  return {ref.obligation_id, ref.agency_id, ref.period, {}};
}

ActualInstance Actual(const Finding& finding) {
  ActualInstance actual;
  actual.name = {finding.obligation->id, finding.agency->id, finding.period, {}};
  actual.status = finding.status;
  actual.days_overdue = finding.days_overdue;
  actual.days_left = finding.days_left;
  actual.day_unit = finding.day_unit;
  actual.due = finding.due;
  actual.reason = finding.reason;
  for (const BlockerChain& chain : finding.blocked_by) {
    if (!chain.chain.empty()) actual.blocked_by.push_back(NameOfRef(chain.chain.front()));
  }
  std::sort(actual.blocked_by.begin(), actual.blocked_by.end());
  actual.blocked_by.erase(std::unique(actual.blocked_by.begin(), actual.blocked_by.end()),
                          actual.blocked_by.end());
  return actual;
}

std::string Names(const std::vector<InstanceName>& names) {
  std::string text = "[";
  for (const InstanceName& name : names) {
    text += (text.size() == 1 ? "" : ", ") + name.ToString();
  }
  return text + "]";
}

std::string Quoted(const std::string& text) { return "\"" + text + "\""; }

std::vector<FieldDiff> Compare(const Expectation& expected, const ActualInstance& actual) {
  std::vector<FieldDiff> diffs;
  if (expected.status != actual.status) {
    diffs.push_back({"status", StatusName(expected.status), StatusName(actual.status)});
  }
  if (expected.days_overdue && *expected.days_overdue != actual.days_overdue) {
    diffs.push_back({"days_overdue", std::to_string(*expected.days_overdue),
                     std::to_string(actual.days_overdue)});
  }
  if (expected.days_left && *expected.days_left != actual.days_left) {
    diffs.push_back(
        {"days_left", std::to_string(*expected.days_left), std::to_string(actual.days_left)});
  }
  if (expected.due && expected.due != actual.due) {
    diffs.push_back({"due", FormatIsoDate(*expected.due),
                     actual.due ? FormatIsoDate(*actual.due) : std::string(Tr("none (waiting)"))});
  }
  if (expected.reason && actual.reason.find(*expected.reason) == std::string::npos) {
    diffs.push_back(
        {"reason", Format(Tr("contains {0}"), {Quoted(*expected.reason)}), Quoted(actual.reason)});
  }
  if (expected.blocked_by) {
    std::vector<InstanceName> names = *expected.blocked_by;
    std::sort(names.begin(), names.end());
    if (names != actual.blocked_by) {
      diffs.push_back({"blocked_by", Names(names), Names(actual.blocked_by)});
    }
  }
  return diffs;
}

bool Matches(const Expectation& expectation, const Finding& finding) {
  return finding.obligation->id == expectation.obligation &&
         finding.agency->id == expectation.agency &&
         (!expectation.period || *expectation.period == finding.period);
}

// Why no single instance answers `expectation`, naming what there is.
std::string NoSingleInstance(const Expectation& expectation,
                             const std::vector<const Finding*>& candidates,
                             const std::vector<Finding>& findings) {
  if (candidates.size() > 1) {
    std::string periods;
    for (const Finding* finding : candidates) {
      periods += (periods.empty() ? "" : ", ") + finding->period;
    }
    return Format(Tr("{0} instances (periods {1}): name one with 'period:'"),
                  {std::to_string(candidates.size()), periods});
  }
  std::vector<std::string> others;
  for (const Finding& finding : findings) {
    if (finding.obligation->id != expectation.obligation) continue;
    others.push_back(
        DescribeInstance({finding.obligation->id, finding.agency->id, finding.period, {}}));
  }
  if (others.empty()) {
    return Format(Tr("the engine made no such instance (and none of {0} at all)"),
                  {expectation.obligation});
  }
  std::string made;
  for (std::size_t i = 0; i < others.size() && i < kInstancesNamed; ++i) {
    made += (i == 0 ? "" : ", ") + others[i];
  }
  if (others.size() > kInstancesNamed) {
    made += Format(Tr(" and {0} more"), {std::to_string(others.size() - kInstancesNamed)});
  }
  return Format(Tr("the engine made no such instance (it made {0})"), {made});
}

Report EvaluateCase(const RuleTestCase& test, const RuleTestContext& context,
                    std::vector<RowProblem>& problems) {
  const std::string path = (fs::path(context.scratch_folder) / "case.db").string();
  fs::remove(path);
  problems = WriteFixtureDatabase(path, context.schema, test.rows);
  EngineOptions options;
  options.as_of = test.as_of;
  options.lookback_days = test.lookback_days;
  options.warn_before_days = test.warn_before_days;
  options.calendar = &context.calendar;
  Report report;
  {
    // A test file pins the reasons' English source texts (the catalogue's
    // keys), so that it means the same whatever --lang or DXCOMPLY_LANG.
    const ScopedLanguage english(Language::kEnglish);
    RecordStore store = RecordStore::Open(path);
    report = Evaluate(context.rules, store, options);
  }
  fs::remove(path);
  return report;
}

}  // namespace

bool CaseOutcome::passed() const {
  if (!error.empty() || !unexpected.empty()) return false;
  return std::all_of(expectations.begin(), expectations.end(),
                     [](const ExpectationOutcome& outcome) { return outcome.passed(); });
}

std::string DescribeInstance(const InstanceName& name) {
  return name.obligation + " · " + name.agency +
         (name.period.empty() ? "" : " [" + name.period + "]");
}

CaseOutcome RunRuleTestCase(const RuleTestFile& file, const RuleTestCase& test,
                            const RuleTestContext& context) {
  CaseOutcome outcome;
  outcome.file = &file;
  outcome.test = &test;
  Report report;
  try {
    std::vector<RowProblem> problems;
    report = EvaluateCase(test, context, problems);
    if (!problems.empty()) {
      // The checker tried these rows already; this would be a change between the two.
      outcome.error = problems.front().location.ToString() + ": " + problems.front().message;
      return outcome;
    }
  } catch (const std::exception& e) {
    outcome.error = e.what();
    return outcome;
  }
  outcome.data_issues = report.data_issues;

  std::set<const Finding*> expected;
  // What an exhaustive case covers: obligation and period ("" for any).
  std::set<std::pair<std::string, std::string>> named;
  for (const Expectation& expectation : test.expectations) {
    named.insert({expectation.obligation, expectation.period.value_or("")});
    std::vector<const Finding*> candidates;
    for (const Finding& finding : report.findings) {
      if (Matches(expectation, finding)) candidates.push_back(&finding);
    }
    ExpectationOutcome result;
    result.expectation = &expectation;
    if (expectation.none) {
      if (!candidates.empty()) {
        result.actual = Actual(*candidates.front());
        result.problem =
            Format(Tr("the engine made one ({0})"), {StatusName(result.actual->status)});
      }
    } else if (candidates.size() != 1) {
      result.problem = NoSingleInstance(expectation, candidates, report.findings);
    } else {
      expected.insert(candidates.front());
      result.actual = Actual(*candidates.front());
      result.diffs = Compare(expectation, *result.actual);
    }
    outcome.expectations.push_back(std::move(result));
  }
  if (test.exhaustive) {
    for (const Finding& finding : report.findings) {
      const bool covered = named.count({finding.obligation->id, ""}) > 0 ||
                           named.count({finding.obligation->id, finding.period}) > 0;
      if (covered && expected.count(&finding) == 0) {
        outcome.unexpected.push_back(Actual(finding));
      }
    }
    std::sort(outcome.unexpected.begin(), outcome.unexpected.end(),
              [](const ActualInstance& a, const ActualInstance& b) { return a.name < b.name; });
  }
  return outcome;
}

}  // namespace dxcomply
