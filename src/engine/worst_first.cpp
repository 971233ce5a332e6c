#include "engine/worst_first.hpp"

#include "base/run_beside.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>

namespace dxcomply {
namespace {

// Ranks of the distinct values `key(i)` for i < count: equal values get
// equal ranks and the ranks order as the values do, so comparing ranks
// compares the values.
template <typename Key>
std::vector<int> Ranks(std::size_t count, const Key& key) {
  std::vector<std::size_t> order(count);
  for (std::size_t i = 0; i < count; ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  std::vector<int> rank(count);
  int next = -1;
  for (std::size_t k = 0; k < count; ++k) {
    if (k == 0 || key(order[k - 1]) < key(order[k])) ++next;
    rank[order[k]] = next;
  }
  return rank;
}

// Fills `count` slots along a cycle of the permutation, from `slot` on
// (`from[slot]`: the slot whose finding belongs in it): each takes the
// finding of the slot after it, moved once (a swap would move each three
// times; a new vector would be 80 MB more on the large country). The last
// takes `last`: the finding of the slot after it, moved out before anything
// moved into that slot.
void FillSegment(std::vector<Finding>& findings, const std::vector<int>& from, std::size_t slot,
                 std::size_t count, Finding&& last) {
  for (std::size_t k = 1; k < count; ++k) {
    const auto source = static_cast<std::size_t>(from[slot]);
    findings[slot] = std::move(findings[source]);
    slot = source;
  }
  findings[slot] = std::move(last);
}

}  // namespace

std::vector<int> WorstFirstPositions(const std::vector<OrderFacts>& facts,
                                     const InstanceTable& instances, const RuleSet& rules,
                                     const AgencyDirectory& agencies) {
  // The ids and periods are ranked once, per rule, agency and period, so
  // the sort compares integers only.
  const std::vector<int> rule_rank = Ranks(rules.obligations.size(), [&](std::size_t r) {
    return std::string_view(rules.obligations[r].id);
  });
  const std::vector<int> agency_rank = Ranks(agencies.size(), [&](std::size_t a) {
    return std::string_view(agencies.at(static_cast<int>(a)).id);
  });
  // Each rule's period labels, then its own `period`, in one list.
  std::vector<std::string> labels;
  std::vector<std::size_t> first_label;
  for (std::size_t r = 0; r < rules.obligations.size(); ++r) {
    first_label.push_back(labels.size());
    for (const Period& period : instances.Periods(static_cast<int>(r))) {
      labels.push_back(period.Label());
    }
    labels.push_back(rules.obligations[r].period);
  }
  const std::vector<int> label_rank =
      Ranks(labels.size(), [&](std::size_t k) { return std::string_view(labels[k]); });

  struct SortKey {
    int status;
    int minus_days_overdue;
    int minus_tier;
    DayNumber latest_start;
    int minus_agencies;
    int minus_instances;
    int days_left;
    int obligation;
    int agency;
    int period;
    int finding;  // last: a total order even if two findings tie on all else
    bool operator<(const SortKey& other) const {
      return std::tie(status, minus_days_overdue, minus_tier, latest_start, minus_agencies,
                      minus_instances, days_left, obligation, agency, period, finding) <
             std::tie(other.status, other.minus_days_overdue, other.minus_tier, other.latest_start,
                      other.minus_agencies, other.minus_instances, other.days_left,
                      other.obligation, other.agency, other.period, other.finding);
    }
  };
  std::vector<SortKey> keys(facts.size());
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const OrderFacts& finding = facts[i];
    const Instance& instance = instances.at(static_cast<int>(i));
    const auto rule = static_cast<std::size_t>(instance.rule);
    const std::size_t label =
        first_label[rule] + (instance.period >= 0 ? static_cast<std::size_t>(instance.period)
                                                  : instances.Periods(instance.rule).size());
    // days_overdue and the counts are >= 0, so their negations cannot overflow.
    const bool at_risk = finding.status == Status::kAtRisk;
    keys[i] = {static_cast<int>(finding.status),  // Status is declared worst first
               -finding.days_overdue,
               at_risk ? -finding.heading_tier : 0,
               at_risk ? finding.latest_start : kPlusInfinity,
               at_risk ? -finding.holds_back_agencies : 0,
               at_risk ? -finding.holds_back : 0,
               finding.days_left,
               rule_rank[rule],
               agency_rank[static_cast<std::size_t>(instance.agency)],
               label_rank[label],
               static_cast<int>(i)};
  }
  std::sort(keys.begin(), keys.end());
  std::vector<int> position(facts.size());
  for (std::size_t k = 0; k < keys.size(); ++k) {
    position[static_cast<std::size_t>(keys[k].finding)] = static_cast<int>(k);
  }
  return position;
}

void MoveToPositions(std::vector<Finding>& findings, std::vector<int> position) {
  std::vector<int> from(findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    from[static_cast<std::size_t>(position[i])] = static_cast<int>(i);
  }
  const auto next = [&](std::size_t slot) { return static_cast<std::size_t>(from[slot]); };
  // The cycles, found on the indices alone (`position` marks the slots seen).
  struct Cycle {
    std::size_t start;
    std::size_t length;
  };
  std::vector<Cycle> cycles;
  std::size_t moves = 0;
  for (std::size_t start = 0; start < findings.size(); ++start) {
    if (position[start] < 0 || next(start) == start) continue;
    std::size_t length = 0;
    for (std::size_t slot = start; position[slot] >= 0; slot = next(slot)) {
      position[slot] = -1;
      ++length;
    }
    cycles.push_back({start, length});
    moves += length;
  }
  std::vector<int>().swap(position);
  // Half the moves each. Cycles are disjoint; the one cycle that crosses
  // the halfway mark (often one holds nearly every finding) is cut in two
  // segments, whose first findings are moved out before either thread
  // starts, so that neither reads a slot the other writes.
  std::size_t cut = 0;  // cycles[0, cut) whole on this thread
  std::size_t before_cut = 0;
  while (cut < cycles.size() && before_cut + cycles[cut].length <= moves / 2) {
    before_cut += cycles[cut++].length;
  }
  const std::size_t here_part = moves / 2 - before_cut;  // of cycles[cut], from its start
  std::size_t cut_slot = 0;
  Finding cut_start_finding;
  Finding cut_slot_finding;
  if (cut < cycles.size() && here_part > 0) {
    cut_slot = cycles[cut].start;
    for (std::size_t k = 0; k < here_part; ++k) cut_slot = next(cut_slot);
    cut_start_finding = std::move(findings[cycles[cut].start]);
    cut_slot_finding = std::move(findings[cut_slot]);
  }
  const auto whole = [&](std::size_t c) {
    FillSegment(findings, from, cycles[c].start, cycles[c].length,
                Finding(std::move(findings[cycles[c].start])));
  };
  RunBeside(
      [&] {
        std::size_t c = cut;
        if (c < cycles.size() && here_part > 0) {
          FillSegment(findings, from, cut_slot, cycles[c].length - here_part,
                      std::move(cut_start_finding));
          ++c;
        }
        for (; c < cycles.size(); ++c) whole(c);
      },
      [&] {
        for (std::size_t c = 0; c < cut; ++c) whole(c);
        if (cut < cycles.size() && here_part > 0) {
          FillSegment(findings, from, cycles[cut].start, here_part, std::move(cut_slot_finding));
        }
      });
}

}  // namespace dxcomply
