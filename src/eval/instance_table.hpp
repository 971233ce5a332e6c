// Which obligation instances exist as of T: obligation x agency in its
// scope, and for a recurring obligation one instance per period.
//
// Lookup is a dense agencies x rules matrix of first instances, so the scans
// find a row's instance in constant time; a recurring rule's periods follow
// its first instance contiguously.
//
// A rule not in force on T (before its issued_on; a one-off rule from its
// `until`) has no instance: a report as of 2022 does not list the duties of
// 2026, nor one of 2026 the superseded deadlines of 2022.
//
// Over time (AgencyTimeline): only agencies existing on T have instances. An
// instance is owed by the agencies in the rule's scope on its scope day: its
// due date when that is known and not after T, else T (who owed a duty that
// fell due in 2022 is the map of 2022, with an agency listed by id standing
// for its successor once it has ceased). Duties a ceased agency left unmet
// (InheritedDuty) are added to its successors' instances.
#pragma once

#include "dxcomply/rule_set.hpp"

#include "base/prefetch.hpp"
#include "base/string_index.hpp"
#include "eval/deadlines.hpp"
#include "records/agency_directory.hpp"
#include "records/agency_timeline.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dxcomply {

struct Instance {
  int rule = 0;     // index into RuleSet::obligations
  int agency = 0;   // index into AgencyDirectory
  int period = -1;  // index into InstanceTable::Periods(rule); -1 when not recurring
  // Known up front for fixed and recurring due dates; set after the scans
  // for `after` (when the other obligation was met); never for per-record
  // due dates (each row has its own).
  std::optional<Date> due;
  int origin = -1;             // index of its InstanceTable::Origins, -1 when its own only
  bool inherited_due = false;  // `due` came with an inherited duty and stays
};

// An open duty a ceased agency passes to a successor: the successor gets
// the instance (rule, period), with the due date it had, and the extension
// that date came from (README "Extensions and waivers").
struct InheritedDuty {
  int rule = 0;
  std::string period;  // the period's label; "" when not recurring
  int agency = 0;      // the successor (AgencyDirectory index)
  std::optional<Date> due;
  std::vector<DutyOrigin> origins;                    // who left it, oldest first
  std::shared_ptr<const GrantedException> extension;  // null: not extended
  std::optional<Date> original_due;                   // the date it moved
};

// What besides the rules decides which instances exist.
struct InstanceScope {
  const AgencyTimeline* timeline = nullptr;  // null or empty: the map never changes
  const std::vector<InheritedDuty>* inherited = nullptr;
  // When set, only these agencies (by index) have instances.
  const std::vector<bool>* only_agencies = nullptr;
};

// The exception in force on T for an instance (eval/exception_grants.hpp).
struct InstanceException {
  int instance = -1;
  std::shared_ptr<const GrantedException> grant;  // null: none after all
  std::optional<Date> original_due;               // the due date an extension moved
};

class InstanceTable {
 public:
  // `national_agency` is the directory index of the national pseudo-agency,
  // or -1 when no rule is national.
  InstanceTable(const RuleSet& rules, const AgencyDirectory& agencies, int national_agency,
                const Deadlines& deadlines, const Date& as_of, const InstanceScope& scope = {});

  // The first instance of rule x agency, or -1 when out of scope.
  int Find(int rule, int agency) const {
    return cells_[static_cast<std::size_t>(agency) * rule_count_ + static_cast<std::size_t>(rule)];
  }
  // Asks the processor to load an agency's cells (every rule's Find for it)
  // ahead of use, for scans whose rows come in no agency order.
  void PrefetchAgency(int agency) const {
    PrefetchBytes(cells_.data() + static_cast<std::size_t>(agency) * rule_count_,
                  rule_count_ * sizeof(std::int32_t), false);
  }
  // The instance of rule x agency for a task row's period label, or -1.
  int FindPeriod(int rule, int agency, std::string_view label) const;
  // How many instances rule x agency has (they follow Find(rule, agency)).
  int CountOf(int rule, int agency) const;
  const std::vector<Period>& Periods(int rule) const {
    return periods_[static_cast<std::size_t>(rule)];
  }
  // The agencies whose open duty an instance continues; empty for most.
  const std::vector<DutyOrigin>& Origins(int instance) const;

  const Instance& at(int index) const { return instances_[static_cast<std::size_t>(index)]; }
  Instance& at(int index) { return instances_[static_cast<std::size_t>(index)]; }
  int size() const { return static_cast<int>(instances_.size()); }

  // The exceptions in force (GrantExceptions), and an instance's; null when
  // it has none. Few: looked up by binary search. Before GrantExceptions:
  // the extensions that came with inherited duties (the successor's own
  // duty keeps its own due date, and so none).
  const std::vector<InstanceException>& Exceptions() const { return exceptions_; }
  void SetExceptions(std::vector<InstanceException> exceptions);
  const InstanceException* ExceptionOf(int instance) const;
  InstanceException* ExceptionOf(int instance);

 private:
  std::size_t rule_count_;
  std::vector<std::int32_t> cells_;  // by agency, then rule: a row's lookups stay in a few lines
  std::vector<std::vector<Period>> periods_;   // by rule; empty when not recurring
  std::vector<StringIndex> period_of_label_;   // by rule
  std::vector<Instance> instances_;            // by rule, then agency, then period
  std::vector<InstanceException> exceptions_;  // by instance
  // Recurring rule x agency owing only some of the rule's periods: by rule,
  // agency -> the instance of each period (-1 where none). Empty for most.
  std::vector<std::unordered_map<int, std::vector<std::int32_t>>> partial_;
  std::vector<std::vector<DutyOrigin>> origins_;
};

// Whether `agency` is in `scope`.
bool InScope(const Scope& scope, const Agency& agency, bool is_national);

}  // namespace dxcomply
