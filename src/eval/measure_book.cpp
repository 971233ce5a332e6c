#include "eval/measure_book.hpp"

#include <algorithm>

namespace dxcomply {

MeasureBook::MeasureBook(const RuleSet& rules, const InstanceTable& instances, const Date& as_of)
    : rules_(rules),
      instances_(instances),
      as_of_day_(ToDayNumber(as_of)),
      counts_(static_cast<std::size_t>(instances.size())) {
  for (const Obligation& rule : rules.obligations) {
    const DayNumber due = ToDayNumber(rule.due.date);
    days_.push_back({as_of_day_, as_of_day_ - rule.lookback_days, std::min(as_of_day_, due)});
  }
}

Measure MeasureBook::MeasureAt(int instance, MeasureDate date) const {
  const Check& check = rules_.obligations[static_cast<std::size_t>(instances_.at(instance).rule)].check;
  const InstanceCounts& counts = counts_[static_cast<std::size_t>(instance)];
  Measure measure;
  switch (check.kind) {
    case CheckKind::kCoverage:
      measure.numerator = counts.hits[date];
      measure.denominator = counts.base[date];
      measure.known = measure.denominator > 0;
      break;
    case CheckKind::kTask:
      // Known even without a task row: nothing recorded means nothing done.
      measure.numerator = counts.hits[date];
      measure.denominator = counts.base[date];
      measure.known = true;
      break;
    case CheckKind::kCount:
      measure.numerator = counts.hits[date];
      measure.value = static_cast<double>(measure.numerator);
      measure.known = true;
      return measure;
    case CheckKind::kIndicator:
      measure.known = counts.value_day[date] != kMinusInfinity;
      measure.value = counts.value[date];
      return measure;
  }
  if (measure.denominator > 0) {
    measure.value = static_cast<double>(measure.numerator) / static_cast<double>(measure.denominator);
  }
  return measure;
}

}  // namespace dxcomply
