#include "report/finding_format.hpp"

#include "base/labels.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "engine/finding_text.hpp"
#include "eval/classify.hpp"
#include "report/text_layout.hpp"
#include "rules/rule_vocabulary.hpp"

#include <cmath>

namespace dxcomply {
namespace {

// The parts of the rule's check that formatting needs, rebuilt from the
// finding so that reporters need no rule set.
Check CheckOf(const Finding& finding) {
  Check check;
  check.kind = ParseCheckKind(finding.obligation->check_kind).value_or(CheckKind::kCoverage);
  check.target = finding.target;
  check.at_least = std::llround(finding.target);
  check.complete = finding.obligation->complete;
  return check;
}

}  // namespace

std::string MeasureText(const Finding& finding, const Measure& measure) {
  return DescribeMeasure(CheckOf(finding), measure);
}

std::string TargetText(const Finding& finding) { return DescribeTarget(CheckOf(finding)); }

std::string ProjectionText(const Finding& finding) {
  if (!finding.projection) return "";
  if (finding.obligation->check_kind == "count")
    return std::to_string(std::llround(*finding.projection));
  return FormatPercent(*finding.projection);
}

std::string DueText(const Finding& finding) {
  return finding.due ? FormatIsoDate(*finding.due) : "-";
}

std::string ShownDueText(const Finding& finding) {
  return finding.due ? ShownDate(*finding.due) : "-";
}

std::string DaysText(const Finding& finding) {
  if (finding.status == Status::kOverdue) return std::to_string(finding.days_overdue);
  if (finding.status == Status::kAtRisk || finding.status == Status::kOnTrack) {
    return std::to_string(finding.days_left);
  }
  return "";
}

std::string StatusWithDaysText(const Finding& finding) {
  switch (finding.status) {
    case Status::kOverdue:
      return Format(Tr("overdue by {0}"), {DaysCount(finding.days_overdue, finding.day_unit)});
    case Status::kAtRisk:
      return Format(Tr("at risk, {0} left"), {DaysCount(finding.days_left, finding.day_unit)});
    case Status::kOnTrack:
      return Format(Tr("on track, {0} left"), {DaysCount(finding.days_left, finding.day_unit)});
    default:
      return StatusLabel(finding.status);
  }
}

std::string GroundsText(const Finding& finding) {
  std::string text;
  for (RiskGround ground : GroundsIn(finding.grounds)) {
    text += (text.empty() ? "" : ", ") + RiskGroundLabel(ground);
  }
  return text;
}

std::string BlockersText(const Finding& finding) {
  std::string text;
  for (const BlockerChain& chain : finding.blocked_by) {
    text += (text.empty() ? "" : "; ") + DescribeRef(chain.chain.back());
  }
  return text;
}

std::string NationalTotalText(const ObligationSummary& o) {
  if (o.check_kind == "coverage" && o.denominator > 0) {
    return Format(Tr("{0} of {1} ({2})"),
                  {GroupThousands(o.numerator), GroupThousands(o.denominator),
                   FormatPercent(static_cast<double>(o.numerator) / o.denominator)});
  }
  if (o.check_kind == "task" && o.denominator > 0) {
    return Format(Tr("{0} of {1} tasks done"),
                  {GroupThousands(o.numerator), GroupThousands(o.denominator)});
  }
  if (o.check_kind == "count") return Format(Tr("{0} in total"), {GroupThousands(o.numerator)});
  return "";
}

std::string SampleDataNotice(const Dataset& dataset, const char* fallback) {
  if (!dataset.sample) return "";
  if (!dataset.description.empty()) return dataset.description;
  return fallback != nullptr ? fallback
                             : Tr("SAMPLE DATA: the records are invented; they are not the named "
                                  "agencies' real figures");
}

}  // namespace dxcomply
