// Record ids as file names (calendars/<agency>.ics, reminders/<agency>.md).
// Ids come from the database, where nothing stops "../x", "a/b" or a name
// of 300 bytes: bytes other than A-Z a-z 0-9 _ - (and a '.' not in first
// place) are percent-encoded, so each id keeps a name of its own inside
// its folder; an id whose encoding is longer than kMaxFileStemBytes is cut
// and marked with a hash of the whole id, so that the name, its extension
// and the temporary suffix of an atomic write fit in a file system's 255
// bytes, and two long ids still get two names.
#pragma once

#include "base/percent_encoding.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dxcomply {

inline constexpr std::size_t kMaxFileStemBytes = 200;

// Whether `id` is too long to be its own file name, as encoded.
inline bool FileStemIsShortened(std::string_view id) {
  return PercentEncoded(id, false).size() > kMaxFileStemBytes;
}

// `id` as a file name without extension; never empty, never "." or "..".
inline std::string FileStemOf(std::string_view id) {
  std::string stem = PercentEncoded(id, false);
  if (stem.empty()) return "%";
  if (stem.size() <= kMaxFileStemBytes) return stem;
  // '~' is always encoded, so a cut name never equals a whole one.
  constexpr std::size_t kKept = kMaxFileStemBytes - 17;
  std::size_t cut = kKept;
  if (stem[cut - 1] == '%')
    cut -= 1;  // keep each %XX whole
  else if (stem[cut - 2] == '%')
    cut -= 2;
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a, 64 bits
  for (const char c : id) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  static const char kHex[] = "0123456789abcdef";
  stem.resize(cut);
  stem += '~';
  for (int shift = 60; shift >= 0; shift -= 4) stem += kHex[(hash >> shift) & 0xF];
  return stem;
}

}  // namespace dxcomply
