// The nightly batch's account of the night: the escalation list (who moves
// to which tier tonight) as text for people and CSV for spreadsheets, and
// every change (new, worsened, resolved, unchanged) as JSON for programs.
#pragma once

#include "dxcomply/rule_set.hpp"

#include "nightly/night_changes.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

struct NightHeader {
  Date as_of;
  std::optional<Date> baseline_as_of;  // none on the first run
  const std::vector<EscalationTier>* tiers = nullptr;
};

// escalations.txt: tonight's escalations by tier, highest first, then the
// counts of every change and the resolved items.
std::string EscalationListText(const NightHeader& header, const NightChanges& changes);

// escalations.csv: one row per escalation tonight (UTF-8 with BOM, CRLF).
std::string EscalationListCsv(const NightHeader& header, const NightChanges& changes);

// changes.json: every tracked item with its change, tier and escalation.
std::string ChangesJson(const NightHeader& header, const NightChanges& changes);

// "5 new, 3 worsened, 2 resolved, 150 unchanged; 8 escalated (tier 1: 2, tier 2: 6)"
std::string ChangeCounts(const NightChanges& changes);

}  // namespace dxcomply
