#include "nightly/escalation_list.hpp"

#include "base/labels.hpp"
#include "base/language.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/shown_format.hpp"
#include "eval/classify.hpp"
#include "report/csv_field.hpp"
#include "report/json_stream.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <sstream>

namespace dxcomply {
namespace {

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

void WriteItemLine(const TrackedItem& item, std::ostream& out) {
  out << item.agency_name << " (" << item.agency_id << ") · " << item.obligation_id;
  if (!item.period.empty()) out << " [" << item.period << "]";
  out << ": " << StateText(item);
  if (item.due) out << Words().due({ShownDate(*item.due)});
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

// Text gathered and written in large pieces.
class ChunkedText {
 public:
  explicit ChunkedText(std::ostream& out) : out_(out) { text_.reserve(kChunk + 4096); }
  ~ChunkedText() { Flush(); }
  std::string& text() { return text_; }
  void MaybeFlush() {
    if (text_.size() >= kChunk) Flush();
  }
  void Flush() {
    out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
    text_.clear();
  }

 private:
  static constexpr std::size_t kChunk = 1 << 16;
  std::ostream& out_;
  std::string text_;
};

void AppendMember(std::string& text, const char* key) {
  text += ",\"";
  text += key;
  text += "\":";
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

void WriteEscalationListText(const NightHeader& header, const NightChanges& changes,
                             std::ostream& out) {
  const ListPhrases& words = Words();
  out << words.title({ShownDate(header.as_of),
                      header.baseline_as_of ? ShownDate(*header.baseline_as_of) : words.first_run})
      << "\n"
      << ChangeCounts(changes) << "\n";

  const std::vector<const ItemChange*> escalated = Escalated(changes);
  std::map<int, int> per_tier;
  for (const ItemChange* change : escalated) ++per_tier[change->escalate_to];
  int current_tier = -1;
  for (const ItemChange* change : escalated) {
    if (change->escalate_to != current_tier) {
      current_tier = change->escalate_to;
      out << "\n"
          << words.tier_heading({std::to_string(current_tier), TierName(header, current_tier),
                                 std::to_string(per_tier[current_tier])})
          << "\n";
    }
    out << "  ";
    WriteItemLine(*change->item, out);
    out << " — " << words.changes[static_cast<std::size_t>(change->change)];
    if (change->previous != nullptr) {
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
    out << "  ";
    WriteItemLine(*change.item, out);
    out << words.then << "\n";
  }
}

void WriteEscalationListCsv(const NightHeader& header, const NightChanges& changes,
                            std::ostream& out) {
  out << kUtf8ByteOrderMark
      << CsvRow({"as_of", "tier", "tier_name", "change", "agency_id", "agency_name",
                 "obligation_id", "obligation_title", "period", "status", "days", "day_unit", "due",
                 "previous_status", "previous_tier", "previous_escalated_tier"});
  const std::string as_of = FormatIsoDate(header.as_of);
  for (const ItemChange* change : Escalated(changes)) {
    const TrackedItem& item = *change->item;
    const TrackedItem* previous = change->previous;
    out << CsvRow({as_of, std::to_string(change->escalate_to),
                   TierName(header, change->escalate_to), ChangeName(change->change),
                   std::string(item.agency_id), std::string(item.agency_name),
                   std::string(item.obligation_id), std::string(item.obligation_title),
                   std::string(item.period), StatusName(item.status), std::to_string(item.days),
                   DayUnitName(item.day_unit), DueText(item.due),
                   previous != nullptr ? StatusName(previous->status) : "",
                   previous != nullptr ? std::to_string(previous->tier) : "",
                   previous != nullptr ? std::to_string(previous->escalated_tier) : ""});
  }
}

void WriteChangesJson(const NightHeader& header, const NightChanges& changes, std::ostream& out) {
  ChunkedText chunked(out);
  std::string& text = chunked.text();
  text += "{\"format\":\"dxcomply-nightly-changes\",\"version\":1,\"as_of\":\"" +
          FormatIsoDate(header.as_of) + "\",\"baseline_as_of\":" +
          (header.baseline_as_of ? "\"" + FormatIsoDate(*header.baseline_as_of) + "\"" : "null") +
          ",\"changes\":[";
  const char* separator = "\n";
  for (const ItemChange& change : changes.changes) {
    const TrackedItem& item = *change.item;
    const bool resolved = change.change == Change::kResolved;
    text += separator;
    separator = ",\n";
    text += "{\"change\":\"";
    text += ChangeName(change.change);
    text += '"';
    AppendMember(text, "obligation_id");
    AppendJsonString(item.obligation_id, text);
    AppendMember(text, "obligation_title");
    AppendJsonString(item.obligation_title, text);
    AppendMember(text, "agency_id");
    AppendJsonString(item.agency_id, text);
    AppendMember(text, "agency_name");
    AppendJsonString(item.agency_name, text);
    AppendMember(text, "period");
    AppendJsonString(item.period, text);
    AppendMember(text, "status");
    AppendJsonString(resolved ? "resolved" : StatusName(item.status), text);
    AppendMember(text, "days");
    text += std::to_string(item.days);
    AppendMember(text, "day_unit");
    AppendJsonString(DayUnitName(item.day_unit), text);
    AppendMember(text, "due");
    text += item.due ? "\"" + FormatIsoDate(*item.due) + "\"" : "null";
    AppendMember(text, "tier");
    text += std::to_string(resolved ? 0 : item.tier);
    AppendMember(text, "escalated_to");
    text += change.escalate_to > 0 ? std::to_string(change.escalate_to) : "null";
    AppendMember(text, "previous");
    if (change.previous != nullptr) {
      text += "{\"status\":\"";
      text += StatusName(change.previous->status);
      text += "\",\"tier\":" + std::to_string(change.previous->tier) +
              ",\"escalated_tier\":" + std::to_string(change.previous->escalated_tier) + "}";
    } else {
      text += "null";
    }
    text += '}';
    chunked.MaybeFlush();
  }
  text += "\n]}\n";
}

}  // namespace dxcomply
