#include "nightly/escalation_list.hpp"

#include "base/labels.hpp"
#include "base/language.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "eval/classify.hpp"
#include "report/csv_field.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <sstream>

namespace dxcomply {
namespace {

using json = nlohmann::ordered_json;

std::string DueText(const std::optional<Date>& due) {
  return due ? FormatIsoDate(*due) : std::string();
}

// The list's words in the run's language, made once per run.
struct ListPhrases {
  Phrase overdue{Tr("overdue {0}")};
  Phrase at_risk{Tr("at risk, {0} left")};
  Phrase due{Tr(", due {0}")};
  Phrase counts{Tr("{0} new, {1} worsened, {2} resolved, {3} unchanged; {4} escalated")};
  Phrase tier_count{Tr("tier {0}: {1}")};
  Phrase title{Tr("Escalation list of the night of {0}, compared with {1}")};
  std::string first_run = Tr("nothing (first run)");
  Phrase tier_heading{Tr("Tier {0}: {1} ({2})")};
  Phrase was_at_tier{Tr(": was {0} at tier {1}")};
  Phrase was_below{Tr(": was {0}, below tier 1")};
  std::string nobody = Tr("Nobody moves to a higher tier tonight.");
  Phrase resolved_since{Tr("Resolved since {0}")};
  std::string then = Tr(" (then)");
  // In Change order: new, worsened, resolved, unchanged.
  std::array<std::string, 4> changes = {TrC("change", "new"), TrC("change", "worsened"),
                                        TrC("change", "resolved"), TrC("change", "unchanged")};
};

const ListPhrases& Words() { return Translated<ListPhrases>(); }

// "overdue 12 working days", "at risk, 3 days left"
std::string StateText(const TrackedItem& item) {
  const std::string days = CountText(item.days, item.day_unit);
  if (item.status == Status::kOverdue) return Words().overdue({days});
  return Words().at_risk({days});
}

// The tier's name from rules/escalation.yaml: `name_en` for English when
// given, else `name`.
std::string TierName(const NightHeader& header, int level) {
  if (header.tiers != nullptr) {
    for (const EscalationTier& tier : *header.tiers) {
      if (tier.level != level) continue;
      if (CurrentLanguage() == Language::kEnglish && !tier.name_en.empty()) return tier.name_en;
      return tier.name;
    }
  }
  return "";
}

std::string ItemLine(const TrackedItem& item) {
  std::string line = item.agency_name + " (" + item.agency_id + ") · " + item.obligation_id;
  if (!item.period.empty()) line += " [" + item.period + "]";
  line += ": " + StateText(item);
  if (item.due) Words().due.AppendTo(line, {ShownDate(*item.due)});
  return line;
}

std::vector<const ItemChange*> Escalated(const NightChanges& changes) {
  std::vector<const ItemChange*> escalated;
  for (const ItemChange& change : changes.changes) {
    if (change.escalate_to > 0) escalated.push_back(&change);
  }
  std::stable_sort(
      escalated.begin(), escalated.end(),
      [](const ItemChange* a, const ItemChange* b) { return a->escalate_to > b->escalate_to; });
  return escalated;
}

}  // namespace

std::string ChangeCounts(const NightChanges& changes) {
  std::array<int, 4> counts{};
  std::map<int, int> tiers;
  int escalated = 0;
  for (const ItemChange& change : changes.changes) {
    ++counts[static_cast<std::size_t>(change.change)];
    if (change.escalate_to > 0) {
      ++escalated;
      ++tiers[change.escalate_to];
    }
  }
  std::string text = Words().counts({std::to_string(counts[0]), std::to_string(counts[1]),
                                     std::to_string(counts[2]), std::to_string(counts[3]),
                                     std::to_string(escalated)});
  if (!tiers.empty()) {
    text += " (";
    const char* separator = "";
    for (const auto& [tier, count] : tiers) {
      text += separator;
      Words().tier_count.AppendTo(text, {std::to_string(tier), std::to_string(count)});
      separator = ", ";
    }
    text += ")";
  }
  return text;
}

std::string EscalationListText(const NightHeader& header, const NightChanges& changes) {
  std::ostringstream out;
  const ListPhrases& words = Words();
  out << words.title({ShownDate(header.as_of),
                      header.baseline_as_of ? ShownDate(*header.baseline_as_of) : words.first_run})
      << "\n"
      << ChangeCounts(changes) << "\n";

  const std::vector<const ItemChange*> escalated = Escalated(changes);
  int current_tier = -1;
  for (const ItemChange* change : escalated) {
    if (change->escalate_to != current_tier) {
      current_tier = change->escalate_to;
      int count = 0;
      for (const ItemChange* other : escalated) count += other->escalate_to == current_tier;
      out << "\n"
          << words.tier_heading({std::to_string(current_tier), TierName(header, current_tier),
                                 std::to_string(count)})
          << "\n";
    }
    out << "  " << ItemLine(change->item) << " — "
        << words.changes[static_cast<std::size_t>(change->change)];
    if (change->previous) {
      const std::string& was = StatusLabel(change->previous->status);
      if (change->previous->tier > 0) {
        out << words.was_at_tier({was, std::to_string(change->previous->tier)});
      } else {
        out << words.was_below({was});
      }
    }
    out << "\n";
  }
  if (escalated.empty()) out << "\n" << words.nobody << "\n";

  bool resolved_header = false;
  for (const ItemChange& change : changes.changes) {
    if (change.change != Change::kResolved) continue;
    if (!resolved_header) {
      out << "\n"
          << words.resolved_since({ShownDate(header.baseline_as_of.value_or(header.as_of))})
          << "\n";
      resolved_header = true;
    }
    out << "  " << ItemLine(change.item) << words.then << "\n";
  }
  return out.str();
}

std::string EscalationListCsv(const NightHeader& header, const NightChanges& changes) {
  std::string csv = kUtf8ByteOrderMark;
  csv += CsvRow({"as_of", "tier", "tier_name", "change", "agency_id", "agency_name",
                 "obligation_id", "obligation_title", "period", "status", "days", "day_unit", "due",
                 "previous_status", "previous_tier", "previous_escalated_tier"});
  for (const ItemChange* change : Escalated(changes)) {
    const TrackedItem& item = change->item;
    const bool had = change->previous.has_value();
    csv +=
        CsvRow({FormatIsoDate(header.as_of), std::to_string(change->escalate_to),
                TierName(header, change->escalate_to), ChangeName(change->change), item.agency_id,
                item.agency_name, item.obligation_id, item.obligation_title, item.period,
                StatusName(item.status), std::to_string(item.days), DayUnitName(item.day_unit),
                DueText(item.due), had ? StatusName(change->previous->status) : "",
                had ? std::to_string(change->previous->tier) : "",
                had ? std::to_string(change->previous->escalated_tier) : ""});
  }
  return csv;
}

std::string ChangesJson(const NightHeader& header, const NightChanges& changes) {
  std::ostringstream out;
  out << "{\"format\":\"dxcomply-nightly-changes\",\"version\":1,\"as_of\":\""
      << FormatIsoDate(header.as_of) << "\",\"baseline_as_of\":"
      << (header.baseline_as_of ? "\"" + FormatIsoDate(*header.baseline_as_of) + "\"" : "null")
      << ",\"changes\":[";
  const char* separator = "\n";
  for (const ItemChange& change : changes.changes) {
    const TrackedItem& item = change.item;
    json entry = {
        {"change", ChangeName(change.change)},
        {"obligation_id", item.obligation_id},
        {"obligation_title", item.obligation_title},
        {"agency_id", item.agency_id},
        {"agency_name", item.agency_name},
        {"period", item.period},
        {"status", change.change == Change::kResolved ? "resolved" : StatusName(item.status)},
        {"days", item.days},
        {"day_unit", DayUnitName(item.day_unit)},
        {"due", item.due ? json(FormatIsoDate(*item.due)) : json(nullptr)},
        {"tier", change.change == Change::kResolved ? 0 : item.tier},
        {"escalated_to", change.escalate_to > 0 ? json(change.escalate_to) : json(nullptr)},
        {"previous", change.previous ? json{{"status", StatusName(change.previous->status)},
                                            {"tier", change.previous->tier},
                                            {"escalated_tier", change.previous->escalated_tier}}
                                     : json(nullptr)}};
    out << separator << entry.dump(-1, ' ', false, json::error_handler_t::replace);
    separator = ",\n";
  }
  out << "\n]}\n";
  return out.str();
}

}  // namespace dxcomply
