// Finding figures as people read them, shared by every format:
// "62.1% (18/29)", "at least 5", "3 of 4 tasks completed".
#pragma once

#include "dxcomply/finding.hpp"

#include "report/summary.hpp"

#include <string>

namespace dxcomply {

std::string MeasureText(const Finding& finding, const Measure& measure);
std::string TargetText(const Finding& finding);
std::string ProjectionText(const Finding& finding);  // "" without a projection
// "2022-09-30", or "-" while waiting for the event it counts from (JSON).
std::string DueText(const Finding& finding);
// The same for people: "30/09/2022" in Vietnamese (base/shown_format.hpp).
std::string ShownDueText(const Finding& finding);
// "32" days overdue, days left when at risk or on track, else "".
std::string DaysText(const Finding& finding);
// The status with its days in the rule's unit, in the current language:
// "quá hạn 32 ngày", "at risk, 3 working days left", "met".
std::string StatusWithDaysText(const Finding& finding);
// Why an at-risk finding is at risk, its grounds by their labels joined by
// ", ": "sắp đến hạn, phải chờ nhiệm vụ khác"; "" without grounds.
std::string GroundsText(const Finding& finding);
// The root of each blocker chain (engine/finding_text.hpp's DescribeRef),
// joined by "; "; "" when nothing blocks it.
std::string BlockersText(const Finding& finding);
// The national total of an obligation's measure: "1,982 of 3,161 (62.7%)",
// "82 of 170 tasks done", "412 in total", or "" for indicators; in the
// current language.
std::string NationalTotalText(const ObligationSummary& obligation);
// The line every human output carries when the database holds invented
// sample data (its `dataset` table says so): its description (as written,
// whatever the language), or a default in the run's language, or
// `fallback` when given (letters, Vietnamese always); "" for real data.
std::string SampleDataNotice(const Dataset& dataset, const char* fallback = nullptr);

}  // namespace dxcomply
