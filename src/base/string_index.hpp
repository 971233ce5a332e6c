// A string -> int map looked up by string_view, for the scans' per-row
// lookups (agency ids, obligation ids, period labels). std::unordered_map
// would need the key copied into a std::string on every lookup (C++17 has no
// heterogeneous lookup) and chases a node per probe; this one hashes the
// view directly into an open-addressing table of indices.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace dxcomply {

class StringIndex {
 public:
  // Adds `key` -> `value` unless `key` is present; false if it was.
  bool Insert(std::string_view key, int value) {
    if (Contains(key)) return false;
    if ((values_.size() + 1) * 2 > slots_.size()) Grow();
    text_.append(key.data(), key.size());
    key_end_.push_back(static_cast<std::uint32_t>(text_.size()));
    values_.push_back(value);
    Place(static_cast<std::int32_t>(values_.size() - 1));
    return true;
  }

  // The value of `key`, or -1 (values are expected to be >= 0).
  int Find(std::string_view key) const {
    const std::int32_t entry = EntryOf(key);
    return entry < 0 ? -1 : values_[static_cast<std::size_t>(entry)];
  }

  bool Contains(std::string_view key) const { return EntryOf(key) >= 0; }

  std::size_t size() const { return values_.size(); }

 private:
  // A slot holds an entry and the high half of its key's hash, so that a
  // probe reads the keys' text only when the hashes agree. The scans look up
  // a key per row; keeping the table and the text compact keeps them cached.
  struct Slot {
    std::int32_t entry = -1;  // -1 empty
    std::uint32_t tag = 0;
  };

  // Eight bytes a step (FNV-1a's multiply per byte is a chain of
  // dependent multiplies: most of a lookup, for the short ids of records).
  static std::uint64_t Hash(std::string_view key) {
    constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
    std::uint64_t hash = key.size() * kMultiplier;
    std::size_t i = 0;
    for (; i + sizeof(std::uint64_t) <= key.size(); i += sizeof(std::uint64_t)) {
      std::uint64_t word;
      std::memcpy(&word, key.data() + i, sizeof word);
      hash = (hash ^ word) * kMultiplier;
      hash ^= hash >> 32;
    }
    if (i < key.size()) {
      std::uint64_t tail = 0;
      for (std::size_t shift = 0; i < key.size(); ++i, shift += 8) {
        tail |= std::uint64_t{static_cast<unsigned char>(key[i])} << shift;
      }
      hash = (hash ^ tail) * kMultiplier;
    }
    hash ^= hash >> 29;
    hash *= 0xBF58476D1CE4E5B9ULL;
    return hash ^ (hash >> 32);
  }
  static std::uint32_t Tag(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

  std::string_view Key(std::int32_t entry) const {
    const auto index = static_cast<std::size_t>(entry);
    const std::size_t begin = index == 0 ? 0 : key_end_[index - 1];
    return std::string_view(text_).substr(begin, key_end_[index] - begin);
  }

  std::int32_t EntryOf(std::string_view key) const {
    if (slots_.empty()) return -1;
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t hash = Hash(key);
    const std::uint32_t tag = Tag(hash);
    for (std::size_t slot = static_cast<std::size_t>(hash) & mask;; slot = (slot + 1) & mask) {
      const Slot& probe = slots_[slot];
      if (probe.entry < 0) return -1;
      if (probe.tag == tag && Key(probe.entry) == key) return probe.entry;
    }
  }

  void Place(std::int32_t entry) {
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t hash = Hash(Key(entry));
    std::size_t slot = static_cast<std::size_t>(hash) & mask;
    while (slots_[slot].entry >= 0) slot = (slot + 1) & mask;
    slots_[slot] = {entry, Tag(hash)};
  }

  void Grow() {
    slots_.assign(slots_.empty() ? 16 : slots_.size() * 2, Slot());
    for (std::size_t i = 0; i < values_.size(); ++i) Place(static_cast<std::int32_t>(i));
  }

  std::string text_;                    // the keys, one after another
  std::vector<std::uint32_t> key_end_;  // by entry: where its key ends in text_
  std::vector<int> values_;             // by entry
  std::vector<Slot> slots_;             // power-of-two size, at most half full
};

}  // namespace dxcomply
