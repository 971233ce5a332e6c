// What each agency's letter and calendar say tonight, as one number each,
// so that the batch writes them only for agencies whose content changed
// since the night it compares with (the state keeps the numbers).
//
// A letter's content is its items: for each overdue or at-risk instance of
// the agency, the obligation (id and title), period, status, escalation tier
// and due date, whether that date is assumed, whom the duty was inherited
// from and whether its basis is cited yet; with the agency's name and the
// letter settings (templates, reply time, the issuing authority of the date,
// the sample-data notice) and the language of the run. A calendar's content
// is its events: for each upcoming deadline, the obligation, period, status,
// due date, warning date, assumed or not, inherited from whom; with the
// agency's name, the sample-data notice and the language of the run. What changes every night by itself (the date of the
// letter, days overdue or left, the measured figures) is not content: a
// letter is not written again only because a day has passed.
#pragma once

#include "dxcomply/finding.hpp"

#include "nightly/tracked_item.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dxcomply {

struct AgencyDigest {
  std::string_view agency_id;
  std::uint64_t letter = 0;  // 0: no letter (nothing overdue or at risk)
  std::uint64_t calendar = 0;
};

using AgencyDigests = std::vector<AgencyDigest>;  // by agency id, each once

// 64-bit FNV-1a, the same on every platform: digests are kept in the state.
class Digest {
 public:
  Digest& Add(std::string_view text);
  Digest& Add(std::int64_t number);
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325u;
};

// Every agency of the report (its calendar) and every agency but the
// national one with an item (its letter). `items` are tonight's (tiers
// set); `letter_settings` stands for what every letter shares (a digest of
// the templates, the reply time, the authority and the sample notice). Views point into the report and the
// items.
AgencyDigests DigestAgencies(const Report& report, const TrackedItems& items,
                             std::uint64_t letter_settings);

// The agencies whose letter (or calendar) is to be written tonight: every
// one that has one when `baseline` is unknown (a first night, a state
// without digests) or `full`; otherwise those whose digest differs from
// the baseline's or that the baseline does not have. By agency id.
struct AgenciesToWrite {
  std::vector<std::string_view> letters;
  std::vector<std::string_view> calendars;
};
AgenciesToWrite ChangedAgencies(const std::optional<AgencyDigests>& baseline,
                                const AgencyDigests& tonight, bool full);

}  // namespace dxcomply
