#include "eval/instance_table.hpp"

#include <algorithm>

namespace dxcomply {
namespace {

bool Contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

bool InScope(const Scope& scope, const Agency& agency, bool is_national) {
  if (is_national) return scope.national;
  if (Contains(scope.except, agency.id)) return false;
  return Contains(scope.kinds, agency.kind) || Contains(scope.agencies, agency.id);
}

InstanceTable::InstanceTable(const RuleSet& rules, const AgencyDirectory& agencies,
                             int national_agency, const Deadlines& deadlines, const Date& as_of)
    : rule_count_(rules.obligations.size()),
      cells_(rules.obligations.size() * agencies.size(), -1),
      periods_(rules.obligations.size()),
      period_of_label_(rules.obligations.size()) {
  for (std::size_t rule = 0; rule < rules.obligations.size(); ++rule) {
    const Obligation& obligation = rules.obligations[rule];
    const Due& due = obligation.due;
    const bool recurring = due.kind == Due::Kind::kRecurring;
    std::vector<Date> period_dues;
    if (recurring) {
      periods_[rule] = deadlines.Periods(due, as_of);
      for (std::size_t p = 0; p < periods_[rule].size(); ++p) {
        period_of_label_[rule].Insert(periods_[rule][p].Label(), static_cast<int>(p));
        period_dues.push_back(deadlines.PeriodDue(due, periods_[rule][p]));
      }
      if (periods_[rule].empty()) continue;  // Nothing due yet.
    }
    for (std::size_t agency = 0; agency < agencies.size(); ++agency) {
      const bool national = static_cast<int>(agency) == national_agency;
      if (!InScope(obligation.applies_to, agencies.at(static_cast<int>(agency)), national))
        continue;
      cells_[agency * rule_count_ + rule] = static_cast<std::int32_t>(instances_.size());
      Instance instance{static_cast<int>(rule), static_cast<int>(agency), -1, std::nullopt};
      if (!recurring) {
        if (due.kind == Due::Kind::kFixed) instance.due = deadlines.Fixed(due);
        instances_.push_back(instance);
        continue;
      }
      for (std::size_t p = 0; p < periods_[rule].size(); ++p) {
        instance.period = static_cast<int>(p);
        instance.due = period_dues[p];
        instances_.push_back(instance);
      }
    }
  }
}

void InstanceTable::SetExceptions(std::vector<InstanceException> exceptions) {
  std::sort(exceptions.begin(), exceptions.end(),
            [](const InstanceException& a, const InstanceException& b) {
              return a.instance < b.instance;
            });
  exceptions_ = std::move(exceptions);
}

InstanceException* InstanceTable::ExceptionOf(int instance) {
  const auto found = std::lower_bound(
      exceptions_.begin(), exceptions_.end(), instance,
      [](const InstanceException& exception, int index) { return exception.instance < index; });
  if (found == exceptions_.end() || found->instance != instance || !found->grant) return nullptr;
  return &*found;
}

const InstanceException* InstanceTable::ExceptionOf(int instance) const {
  return const_cast<InstanceTable*>(this)->ExceptionOf(instance);
}

int InstanceTable::FindPeriod(int rule, int agency, std::string_view label) const {
  const int first = Find(rule, agency);
  if (first < 0) return -1;
  const int period = period_of_label_[static_cast<std::size_t>(rule)].Find(label);
  return period < 0 ? -1 : first + period;
}

}  // namespace dxcomply
