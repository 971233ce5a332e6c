#include "engine/open_duties.hpp"

#include "eval/collectors.hpp"

#include <map>
#include <tuple>

namespace dxcomply {
namespace {

bool Open(Status status) {
  return status == Status::kOverdue || status == Status::kAtRisk || status == Status::kOnTrack;
}

}  // namespace

std::vector<InheritedDuty> PassOpenDuties(const RuleSet& rules, const AgencyDirectory& agencies,
                                          const AgencyTimeline& timeline, DayNumber as_of,
                                          const EvaluateAgenciesOn& evaluate) {
  std::vector<InheritedDuty> passed;
  std::map<std::tuple<int, int, std::string>, std::size_t> position;  // rule, agency, period
  for (const DayNumber day : timeline.SuccessionDays()) {
    if (day > as_of) break;
    std::vector<bool> ceasing(agencies.size(), false);
    bool any = false;
    for (std::size_t i = 0; i < agencies.size(); ++i) {
      const std::vector<Succession>& successors = timeline.SuccessorsOf(static_cast<int>(i));
      if (!successors.empty() && successors.front().effective == day) ceasing[i] = any = true;
    }
    if (!any) continue;
    const DayNumber last_day = day - 1;
    for (const Finding& finding : evaluate(last_day, passed, ceasing)) {
      // Only a duty that had fallen due while it existed: one not yet due is
      // owed by whoever is in the rule's scope on its due date. Fallen due by
      // the rule's date: an extension granted to the predecessor moves the
      // date, not who owes the duty; it passes on with the duty. A waived
      // duty is not open: nothing passes on.
      if (!Open(finding.status) || !finding.due) continue;
      const Date& fell_due = finding.original_due ? *finding.original_due : *finding.due;
      if (ToDayNumber(fell_due) > last_day) continue;
      const Obligation* rule = rules.FindObligation(finding.obligation->id);
      const int predecessor = agencies.Find(finding.agency->id);
      if (rule == nullptr || predecessor < 0 || rule->on_succession == OnSuccession::kLapse) {
        continue;
      }
      std::vector<DutyOrigin> origins = finding.inherited_from;
      origins.push_back(
          {finding.agency->id, timeline.NameOn(predecessor, last_day), FromDayNumber(day)});
      for (const Succession& succession : timeline.SuccessorsOf(predecessor)) {
        if (!succession.main && rule->on_succession != OnSuccession::kEvery) continue;
        const auto key =
            std::make_tuple(RuleIndex(rules, rule), succession.successor, finding.period);
        const auto [at, added] = position.emplace(key, passed.size());
        std::shared_ptr<const GrantedException> extension;
        if (finding.exception && finding.exception->kind == ExceptionKind::kExtension &&
            finding.original_due) {
          extension = finding.exception;
        }
        const std::optional<Date> original_due = extension ? finding.original_due : std::nullopt;
        if (added) {
          passed.push_back({std::get<0>(key), finding.period, succession.successor, finding.due,
                            origins, extension, original_due});
          continue;
        }
        InheritedDuty& duty = passed[at->second];
        if (*finding.due < *duty.due) {
          // The earliest due date of those merged, and its extension if any.
          duty.due = finding.due;
          duty.extension = extension;
          duty.original_due = original_due;
        }
        duty.origins.insert(duty.origins.end(), origins.begin(), origins.end());
      }
    }
  }
  return passed;
}

}  // namespace dxcomply
