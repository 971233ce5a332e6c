#include "report/finding_format.hpp"

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

std::string DaysText(const Finding& finding) {
  if (finding.status == Status::kOverdue) return std::to_string(finding.days_overdue);
  if (finding.status == Status::kAtRisk || finding.status == Status::kOnTrack) {
    return std::to_string(finding.days_left);
  }
  return "";
}

std::string StatusWithDaysText(const Finding& finding) {
  std::string text = StatusName(finding.status);
  if (finding.status == Status::kOverdue) {
    text += " (" + CountText(finding.days_overdue, finding.day_unit) + " overdue)";
  } else if (finding.status == Status::kAtRisk || finding.status == Status::kOnTrack) {
    text += " (" + CountText(finding.days_left, finding.day_unit) + " left)";
  }
  return text;
}

std::string NationalTotalText(const ObligationSummary& o) {
  if (o.check_kind == "coverage" && o.denominator > 0) {
    return GroupThousands(o.numerator) + " of " + GroupThousands(o.denominator) + " (" +
           FormatPercent(static_cast<double>(o.numerator) / o.denominator) + ")";
  }
  if (o.check_kind == "task" && o.denominator > 0) {
    return GroupThousands(o.numerator) + " of " + GroupThousands(o.denominator) + " tasks done";
  }
  if (o.check_kind == "count") return GroupThousands(o.numerator) + " in total";
  return "";
}

std::string SampleDataNotice(const Dataset& dataset) {
  if (!dataset.sample) return "";
  return dataset.description.empty()
             ? "DỮ LIỆU MẪU (sample data): the records are invented; they are not the named "
               "agencies' real figures"
             : dataset.description;
}

}  // namespace dxcomply
