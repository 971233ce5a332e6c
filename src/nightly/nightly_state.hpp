// The nightly batch's memory between runs: <state>/state.bin.
//
// It holds tonight's tracked items and the baseline they were compared
// with (the previous night's items), and the same for the agencies' letter
// and calendar digests. A second run on the same night compares with the
// same baseline again, so it produces the same files and escalates nothing
// twice; a run on a later night takes tonight's as its baseline. The file
// is replaced atomically, after every other output.
//
// The file (version 2), all integers little-endian:
//   "DXNSTATE"                    8 bytes
//   u32 version                   2
//   u32 flags                     1: baseline_as_of set, 2: baseline digests known,
//                                 4: tonight's digests known
//   i32 as_of, i32 baseline_as_of days since 1970-01-01 (0 when not set)
//   u32 n, then n texts           each u32 length + UTF-8 bytes; items refer
//                                 to them by index, so each name and title is
//                                 kept once
//   u32 n, then n baseline items  each: u32 obligation_id, obligation_title,
//   u32 n, then n items             agency_id, agency_name, period (text
//                                 indexes); i32 due, days, tier,
//                                 escalated_tier; u8 status (1 overdue,
//                                 2 at risk), u8 day_unit (0 calendar,
//                                 1 working), u8 has_due
//   u32 n, then n baseline digests each: u32 agency_id (text index), u64
//   u32 n, then n digests            letter, u64 calendar
//   u32 CRC-32 (zlib's) of every byte before it
//
// Version 1 was <state>/state.json (JSON); it is still read, so that a
// batch upgraded between two nights goes on with the same baseline, and it
// is removed once a version 2 file is in place.
#pragma once

#include "nightly/agency_digests.hpp"
#include "nightly/tracked_item.hpp"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace dxcomply {

class StateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr const char* kStateFileName = "state.bin";
inline constexpr const char* kLegacyStateFileName = "state.json";

struct NightlyState {
  Date as_of;                          // the night these items are of
  std::optional<Date> baseline_as_of;  // the night before it; none on the first run
  TrackedItems baseline;
  TrackedItems items;
  // Unknown (nullopt) on a first night and in a version 1 state: then every
  // letter and calendar is written.
  std::optional<AgencyDigests> baseline_agencies;
  std::optional<AgencyDigests> agencies;
  // Owns the texts the items and digests point to when they were read from
  // a file (null when they point into tonight's report).
  std::shared_ptr<TextStore> texts;
};

// The state in `folder` (state.bin, else a version 1 state.json), or
// nullopt when there is none (first run). Throws StateError naming the
// file and what is wrong with it.
std::optional<NightlyState> LoadState(const std::string& folder);

// Version 2 bytes: the same state gives the same bytes.
std::string SerializeState(const NightlyState& state);

// Reads version 2 bytes; `name` is the file they come from, for messages.
// Throws StateError.
NightlyState ParseState(std::string_view bytes, const std::string& name);

// Reads a version 1 state.json's text. Throws StateError.
NightlyState ParseLegacyState(const std::string& text, const std::string& name);

}  // namespace dxcomply
