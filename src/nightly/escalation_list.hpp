// The nightly batch's account of the night: the escalation list (who moves
// to which tier tonight) as text for people and CSV for spreadsheets, and
// every change (new, worsened, resolved, unchanged) as JSON for programs.
// Each is written to a stream as it is made: on the first night of a large
// country they run to tens of megabytes.
#pragma once

#include "dxcomply/rule_set.hpp"

#include "nightly/night_changes.hpp"

#include <optional>
#include <ostream>
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
void WriteEscalationListText(const NightHeader& header, const NightChanges& changes,
                             std::ostream& out);

// escalations.csv: one row per escalation tonight (UTF-8 with BOM, CRLF).
void WriteEscalationListCsv(const NightHeader& header, const NightChanges& changes,
                            std::ostream& out);

// changes.json: every tracked item with its change, tier and escalation,
// one per line.
void WriteChangesJson(const NightHeader& header, const NightChanges& changes, std::ostream& out);

// "5 new, 3 worsened, 2 resolved, 150 unchanged; 8 escalated (tier 1: 2, tier 2: 6)"
std::string ChangeCounts(const NightChanges& changes);

}  // namespace dxcomply
