// A string -> int map looked up by string_view, for the scans' per-row
// lookups (agency ids, obligation ids, period labels). std::unordered_map
// would need the key copied into a std::string on every lookup (C++17 has no
// heterogeneous lookup) and chases a node per probe; this one hashes the
// view directly into an open-addressing table of indices.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dxcomply {

class StringIndex {
 public:
  // Adds `key` -> `value` unless `key` is present; false if it was.
  bool Insert(std::string_view key, int value) {
    if (Contains(key)) return false;
    if ((keys_.size() + 1) * 2 > slots_.size()) Grow();
    keys_.emplace_back(key);
    values_.push_back(value);
    Place(static_cast<std::int32_t>(keys_.size() - 1));
    return true;
  }

  // The value of `key`, or -1 (values are expected to be >= 0).
  int Find(std::string_view key) const {
    if (slots_.empty()) return -1;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = Hash(key) & mask;; slot = (slot + 1) & mask) {
      const std::int32_t entry = slots_[slot];
      if (entry < 0) return -1;
      if (keys_[static_cast<std::size_t>(entry)] == key) {
        return values_[static_cast<std::size_t>(entry)];
      }
    }
  }

  bool Contains(std::string_view key) const {
    if (slots_.empty()) return false;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = Hash(key) & mask;; slot = (slot + 1) & mask) {
      const std::int32_t entry = slots_[slot];
      if (entry < 0) return false;
      if (keys_[static_cast<std::size_t>(entry)] == key) return true;
    }
  }

  std::size_t size() const { return keys_.size(); }

 private:
  static std::size_t Hash(std::string_view key) {
    std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a
    for (const char c : key) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;
    }
    return static_cast<std::size_t>(hash ^ (hash >> 29));
  }

  void Place(std::int32_t entry) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = Hash(keys_[static_cast<std::size_t>(entry)]) & mask;
    while (slots_[slot] >= 0) slot = (slot + 1) & mask;
    slots_[slot] = entry;
  }

  void Grow() {
    slots_.assign(slots_.empty() ? 16 : slots_.size() * 2, -1);
    for (std::size_t i = 0; i < keys_.size(); ++i) Place(static_cast<std::int32_t>(i));
  }

  std::vector<std::string> keys_;
  std::vector<int> values_;
  std::vector<std::int32_t> slots_;  // power-of-two size, at most half full; -1 empty
};

}  // namespace dxcomply
