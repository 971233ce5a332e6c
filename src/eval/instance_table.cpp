#include "eval/instance_table.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace dxcomply {
namespace {

bool Contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// Who owes a rule on a day, over time.
class ScopeOverTime {
 public:
  ScopeOverTime(const AgencyDirectory& agencies, const AgencyTimeline& timeline)
      : agencies_(agencies), timeline_(timeline) {}

  bool Owes(const Obligation& rule, int agency, DayNumber day) const {
    if (!timeline_.ExistsOn(agency, day)) return false;
    const Scope& scope = rule.applies_to;
    const std::string& id = agencies_.at(agency).id;
    if (Contains(scope.except, id)) return false;
    if (Contains(scope.kinds, timeline_.KindOn(agency, day))) return true;
    if (Contains(scope.agencies, id)) return true;
    // An agency listed by id that has ceased stands for its successor(s).
    for (const std::string& listed : scope.agencies) {
      const int predecessor = agencies_.Find(listed);
      if (predecessor >= 0 && predecessor != agency &&
          Succeeds(agency, predecessor, day, rule.on_succession == OnSuccession::kEvery)) {
        return true;
      }
    }
    return false;
  }

 private:
  // Whether `agency` has taken over from `predecessor` by `day`: its main
  // successor, or with `every` any successor, through any chain.
  bool Succeeds(int agency, int predecessor, DayNumber day, bool every) const {
    std::vector<int> open = {predecessor};
    for (std::size_t step = 0; !open.empty() && step <= agencies_.size(); ++step) {
      const int at = open.back();
      open.pop_back();
      if (timeline_.ExistsOn(at, day)) continue;
      for (const Succession& succession : timeline_.SuccessorsOf(at)) {
        if (succession.effective > day) break;
        if (!every && !succession.main) continue;
        if (succession.successor == agency) return true;
        open.push_back(succession.successor);
      }
    }
    return false;
  }

  const AgencyDirectory& agencies_;
  const AgencyTimeline& timeline_;
};

}  // namespace

bool InScope(const Scope& scope, const Agency& agency, bool is_national) {
  if (is_national) return scope.national;
  if (Contains(scope.except, agency.id)) return false;
  return Contains(scope.kinds, agency.kind) || Contains(scope.agencies, agency.id);
}

InstanceTable::InstanceTable(const RuleSet& rules, const AgencyDirectory& agencies,
                             int national_agency, const Deadlines& deadlines, const Date& as_of,
                             const InstanceScope& scope)
    : rule_count_(rules.obligations.size()),
      cells_(rules.obligations.size() * agencies.size(), -1),
      periods_(rules.obligations.size()),
      period_of_label_(rules.obligations.size()),
      partial_(rules.obligations.size()) {
  const DayNumber today = ToDayNumber(as_of);
  const bool over_time = scope.timeline != nullptr && !scope.timeline->empty();
  const AgencyTimeline no_history;
  const ScopeOverTime over(agencies, over_time ? *scope.timeline : no_history);
  // The duties passed on, by rule, agency and period label.
  std::map<std::tuple<int, int, std::string>, const InheritedDuty*> inherited;
  if (scope.inherited != nullptr) {
    for (const InheritedDuty& duty : *scope.inherited) {
      inherited.emplace(std::make_tuple(duty.rule, duty.agency, duty.period), &duty);
    }
  }
  const auto find_inherited = [&](std::size_t rule, std::size_t agency,
                                  const std::string& label) -> const InheritedDuty* {
    if (inherited.empty()) return nullptr;
    const auto found =
        inherited.find(std::make_tuple(static_cast<int>(rule), static_cast<int>(agency), label));
    return found == inherited.end() ? nullptr : found->second;
  };
  const auto owes = [&](std::size_t rule, std::size_t agency, bool national,
                        const std::optional<Date>& due) {
    const Obligation& obligation = rules.obligations[rule];
    if (!over_time || national) {
      return InScope(obligation.applies_to, agencies.at(static_cast<int>(agency)), national);
    }
    const DayNumber day = due ? std::min(today, ToDayNumber(*due)) : today;
    return over.Owes(obligation, static_cast<int>(agency), day);
  };
  const auto add = [&](Instance instance, const InheritedDuty* duty, bool own) {
    if (duty != nullptr) {
      instance.origin = static_cast<int>(origins_.size());
      origins_.push_back(duty->origins);
      if (!own) {
        instance.due = duty->due;
        instance.inherited_due = true;
        if (duty->extension) {
          exceptions_.push_back(
              {static_cast<int>(instances_.size()), duty->extension, duty->original_due});
        }
      }
    }
    instances_.push_back(instance);
  };

  for (std::size_t rule = 0; rule < rules.obligations.size(); ++rule) {
    const Obligation& obligation = rules.obligations[rule];
    const Due& due = obligation.due;
    const bool recurring = due.kind == Due::Kind::kRecurring;
    // Not in force on T: not yet set, or (one-off) no longer in force.
    if (obligation.issued_on && as_of < *obligation.issued_on) continue;
    if (obligation.until && !recurring && *obligation.until <= as_of) continue;
    std::vector<Date> period_dues;
    if (recurring) {
      periods_[rule] = deadlines.Periods(due, as_of);
      if (obligation.until) {
        // No period that begins once the duty is no longer in force.
        auto& periods = periods_[rule];
        periods.erase(
            std::remove_if(periods.begin(), periods.end(),
                           [&](const Period& p) { return p.First() >= *obligation.until; }),
            periods.end());
      }
      for (std::size_t p = 0; p < periods_[rule].size(); ++p) {
        period_of_label_[rule].Insert(periods_[rule][p].Label(), static_cast<int>(p));
        period_dues.push_back(deadlines.PeriodDue(due, periods_[rule][p]));
      }
      if (periods_[rule].empty()) continue;  // Nothing due yet.
    }
    const std::optional<Date> fixed_due =
        due.kind == Due::Kind::kFixed ? std::optional<Date>(deadlines.Fixed(due)) : std::nullopt;
    for (std::size_t agency = 0; agency < agencies.size(); ++agency) {
      if (scope.only_agencies != nullptr &&
          (agency >= scope.only_agencies->size() || !(*scope.only_agencies)[agency])) {
        continue;
      }
      const bool national = static_cast<int>(agency) == national_agency;
      if (over_time && !national && !scope.timeline->ExistsOn(static_cast<int>(agency), today)) {
        continue;
      }
      const std::int32_t first = static_cast<std::int32_t>(instances_.size());
      Instance instance{static_cast<int>(rule), static_cast<int>(agency), -1, fixed_due};
      if (!recurring) {
        const bool own = owes(rule, agency, national, fixed_due);
        const InheritedDuty* duty = find_inherited(rule, agency, "");
        if (!own && duty == nullptr) continue;
        cells_[agency * rule_count_ + rule] = first;
        add(instance, duty, own);
        continue;
      }
      // Without a history, the scope is the same for every period.
      const bool same_scope = !over_time || national;
      const bool owed_always = same_scope && owes(rule, agency, national, std::nullopt);
      if (same_scope && !owed_always && inherited.empty()) continue;
      std::vector<std::int32_t> of_period(periods_[rule].size(), -1);
      bool every_period = true;
      for (std::size_t p = 0; p < periods_[rule].size(); ++p) {
        const bool own = same_scope ? owed_always : owes(rule, agency, national, period_dues[p]);
        const InheritedDuty* duty = find_inherited(rule, agency, periods_[rule][p].Label());
        if (!own && duty == nullptr) {
          every_period = false;
          continue;
        }
        instance.period = static_cast<int>(p);
        instance.due = period_dues[p];
        of_period[p] = static_cast<std::int32_t>(instances_.size());
        add(instance, duty, own);
      }
      if (instances_.size() == static_cast<std::size_t>(first)) continue;
      cells_[agency * rule_count_ + rule] = first;
      if (!every_period) partial_[rule].emplace(static_cast<int>(agency), std::move(of_period));
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
  if (period < 0) return -1;
  const auto& partial = partial_[static_cast<std::size_t>(rule)];
  if (!partial.empty()) {
    const auto found = partial.find(agency);
    if (found != partial.end()) return found->second[static_cast<std::size_t>(period)];
  }
  return first + period;
}

int InstanceTable::CountOf(int rule, int agency) const {
  if (Find(rule, agency) < 0) return 0;
  const auto& partial = partial_[static_cast<std::size_t>(rule)];
  const auto found = partial.find(agency);
  if (found != partial.end()) {
    return static_cast<int>(
        std::count_if(found->second.begin(), found->second.end(), [](int i) { return i >= 0; }));
  }
  return std::max<int>(1, static_cast<int>(Periods(rule).size()));
}

const std::vector<DutyOrigin>& InstanceTable::Origins(int instance) const {
  static const std::vector<DutyOrigin> kNone;
  const int origin = at(instance).origin;
  return origin < 0 ? kNone : origins_[static_cast<std::size_t>(origin)];
}

}  // namespace dxcomply
