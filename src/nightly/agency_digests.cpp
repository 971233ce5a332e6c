#include "nightly/agency_digests.hpp"

#include "base/language.hpp"
#include "report/finding_format.hpp"
#include "report/ics_writer.hpp"

#include <algorithm>
#include <unordered_map>

namespace dxcomply {
namespace {

// Spreads one item's hash over all 64 bits (splitmix64's finalizer), so
// that a sum of items' hashes does not depend on their order and still
// changes with any one of them.
std::uint64_t Mixed(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9u;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebu;
  return x ^ (x >> 31);
}

std::int64_t DayOrNone(const std::optional<Date>& date) { return date ? ToDayNumber(*date) : -1; }

struct Sums {
  std::string_view name;
  std::uint64_t letter = 0;
  bool has_letter = false;
  std::uint64_t calendar = 0;
};

std::uint64_t NonZero(std::uint64_t digest) { return digest == 0 ? 1 : digest; }

// The exception in force for a finding, as letters and calendars say it:
// its kind, the due date it replaced, its document, reason and expiry.
Digest& AddException(const Finding& finding, Digest& digest) {
  digest.Add(DayOrNone(finding.original_due));
  if (!finding.exception) return digest.Add(-1);
  const GrantedException& grant = *finding.exception;
  return digest.Add(static_cast<std::int64_t>(grant.kind))
      .Add(DayOrNone(grant.new_due))
      .Add(grant.document_number)
      .Add(ToDayNumber(grant.document_date))
      .Add(grant.granted_by)
      .Add(grant.reason)
      .Add(DayOrNone(grant.expires_on));
}

// What a letter and a calendar say of a finding besides its item: whether
// its due date is assumed, whom the duty was inherited from, and the
// exception that extended it.
Digest& AddOrigin(const Finding& finding, Digest& digest) {
  digest.Add(finding.obligation->id).Add(finding.period).Add(finding.due_assumed ? 1 : 0);
  for (const DutyOrigin& origin : finding.inherited_from) {
    digest.Add(origin.agency_id).Add(origin.agency_name).Add(ToDayNumber(origin.since));
  }
  return AddException(finding, digest);
}

// A letter cites the document setting the duty once the letter's date
// reaches the document's (remind/letter_data.cpp).
bool BasisCited(const LegalSource& source, const Date& as_of) {
  return source.basis.empty() || !source.basis_date || *source.basis_date <= as_of;
}

}  // namespace

Digest& Digest::Add(std::string_view text) {
  for (const char c : text) {
    hash_ ^= static_cast<unsigned char>(c);
    hash_ *= 0x100000001b3u;
  }
  // A separator no UTF-8 text holds: "ab"+"c" differs from "a"+"bc".
  hash_ ^= 0xFF;
  hash_ *= 0x100000001b3u;
  return *this;
}

Digest& Digest::Add(std::int64_t number) {
  auto bits = static_cast<std::uint64_t>(number);
  for (int i = 0; i < 8; ++i, bits >>= 8) {
    hash_ ^= bits & 0xFF;
    hash_ *= 0x100000001b3u;
  }
  return *this;
}

AgencyDigests DigestAgencies(const Report& report, const TrackedItems& items,
                             std::uint64_t letter_settings) {
  std::unordered_map<std::string_view, Sums> sums(report.agencies.size() * 2);
  for (const Agency& agency : report.agencies) sums[agency.id].name = agency.name;
  for (const TrackedItem& item : items) {
    if (item.agency_id == kNationalAgencyId) continue;
    Sums& agency = sums[item.agency_id];
    agency.name = item.agency_name;
    agency.has_letter = true;
    agency.letter += Mixed(Digest()
                               .Add(item.obligation_id)
                               .Add(item.obligation_title)
                               .Add(item.period)
                               .Add(static_cast<std::int64_t>(item.status))
                               .Add(item.tier)
                               .Add(DayOrNone(item.due))
                               .value());
  }
  for (const Finding& finding : report.findings) {
    if (finding.agency->id == kNationalAgencyId) continue;
    if (finding.status != Status::kOverdue && finding.status != Status::kAtRisk) continue;
    const auto found = sums.find(finding.agency->id);
    if (found == sums.end() || !found->second.has_letter) continue;  // not an item
    Digest digest;
    AddOrigin(finding, digest).Add(BasisCited(finding.obligation->source, report.as_of) ? 1 : 0);
    found->second.letter += Mixed(digest.value());
  }
  // A letter also lists its agency's waived and extended duties, whatever
  // their status (remind/letter_data.cpp): a waiver granted, changed or
  // expired changes the letter.
  for (const Finding& finding : report.findings) {
    if (!finding.exception || finding.agency->id == kNationalAgencyId) continue;
    const auto found = sums.find(finding.agency->id);
    if (found == sums.end() || !found->second.has_letter) continue;
    Digest digest;
    digest.Add("exception")
        .Add(finding.obligation->id)
        .Add(finding.obligation->title)
        .Add(finding.period);
    found->second.letter += Mixed(AddException(finding, digest).value());
  }
  const std::string sample_notice = SampleDataNotice(report.dataset);
  for (const Finding& finding : report.findings) {
    if (!IsUpcomingDeadline(finding, report.as_of)) continue;
    const auto found = sums.find(finding.agency->id);
    if (found == sums.end()) continue;  // not in report.agencies: no calendar of its own
    found->second.calendar += Mixed(Digest()
                                        .Add(finding.obligation->id)
                                        .Add(finding.obligation->title)
                                        .Add(finding.period)
                                        .Add(static_cast<std::int64_t>(finding.status))
                                        .Add(DayOrNone(finding.due))
                                        .Add(DayOrNone(finding.warn_from))
                                        .value());
    Digest origin;
    found->second.calendar += Mixed(AddOrigin(finding, origin).value());
  }
  // The language of the night's texts: a calendar's descriptions are in
  // it, and so is whatever a letter takes from the catalogue; a night in
  // another language rewrites them rather than leave them in the old one.
  const std::string_view language = LanguageCode(CurrentLanguage());
  AgencyDigests digests;
  digests.reserve(sums.size());
  for (const auto& [id, agency] : sums) {
    AgencyDigest& digest = digests.emplace_back();
    digest.agency_id = id;
    if (agency.has_letter) {
      digest.letter = NonZero(Digest()
                                  .Add(agency.name)
                                  .Add(static_cast<std::int64_t>(letter_settings))
                                  .Add(language)
                                  .value() +
                              agency.letter);
    }
    digest.calendar = NonZero(Digest().Add(agency.name).Add(sample_notice).Add(language).value() +
                              agency.calendar);
  }
  std::sort(digests.begin(), digests.end(),
            [](const AgencyDigest& a, const AgencyDigest& b) { return a.agency_id < b.agency_id; });
  return digests;
}

AgenciesToWrite ChangedAgencies(const std::optional<AgencyDigests>& baseline,
                                const AgencyDigests& tonight, bool full) {
  AgenciesToWrite result;
  std::unordered_map<std::string_view, const AgencyDigest*> before;
  if (baseline && !full) {
    before.reserve(baseline->size() * 2);
    for (const AgencyDigest& digest : *baseline) before.emplace(digest.agency_id, &digest);
  }
  const bool everything = !baseline || full;
  for (const AgencyDigest& digest : tonight) {
    const auto found = before.find(digest.agency_id);
    const AgencyDigest* last = found == before.end() ? nullptr : found->second;
    if (digest.letter != 0 && (everything || last == nullptr || last->letter != digest.letter)) {
      result.letters.push_back(digest.agency_id);
    }
    if (everything || last == nullptr || last->calendar != digest.calendar) {
      result.calendars.push_back(digest.agency_id);
    }
  }
  return result;
}

}  // namespace dxcomply
