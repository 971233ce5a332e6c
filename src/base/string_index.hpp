// A string -> int map looked up by string_view, for the scans' per-row
// lookups (agency ids, obligation ids, period labels). std::unordered_map
// would need the key copied into a std::string on every lookup (C++17 has no
// heterogeneous lookup) and chases a node per probe; this one hashes the
// view directly into an open-addressing table whose slots hold the values.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dxcomply {

class StringIndex {
 public:
  // Adds `key` -> `value` unless `key` is present; false if it was.
  bool Insert(std::string_view key, int value) {
    if (Contains(key)) return false;
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Slot slot;
    slot.length = static_cast<std::uint32_t>(key.size());
    slot.value = value;
    if (key.size() <= kInlineLength) {
      slot.head = ShortHead(key);
    } else {
      // Offsets and lengths are 32 bits in a slot (kEmpty is not a length).
      if (key.size() >= kEmpty || text_.size() + key.size() > kEmpty) {
        throw std::length_error("StringIndex: more than 4 GiB of keys");
      }
      const std::uint64_t begin = text_.size();
      text_.append(key.data(), key.size());
      slot.head = begin | (std::uint64_t{Tag(LongHash(key))} << 32);
    }
    Place(slot);
    ++size_;
    return true;
  }

  // The value of `key`, or -1 (values are expected to be >= 0).
  int Find(std::string_view key) const {
    if (slots_.empty()) return -1;
    const std::size_t mask = slots_.size() - 1;
    const auto length = static_cast<std::uint32_t>(key.size());
    if (key.size() <= kInlineLength) {
      // The whole key is in the slot: one cache line read, no text.
      const std::uint64_t head = ShortHead(key);
      for (std::size_t i = ShortHash(head, length) & mask;; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.length == kEmpty) return -1;
        if (slot.length == length && slot.head == head) return slot.value;
      }
    }
    const std::uint64_t hash = LongHash(key);
    const std::uint32_t tag = Tag(hash);
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.length == kEmpty) return -1;
      if (slot.length == length && static_cast<std::uint32_t>(slot.head >> 32) == tag &&
          LongKey(slot) == key) {
        return slot.value;
      }
    }
  }

  bool Contains(std::string_view key) const { return Find(key) >= 0; }

  std::size_t size() const { return size_; }

 private:
  // A key of at most kInlineLength bytes lives in its slot (`head`, with
  // `length`); a longer one in text_, its slot holding where it begins (low
  // half of `head`) and the high half of its hash (high half), so that a
  // probe reads the text only when the hashes agree.
  static constexpr std::size_t kInlineLength = 8;
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFF;

  struct Slot {
    std::uint64_t head = 0;
    std::uint32_t length = kEmpty;
    std::int32_t value = -1;
  };

  static std::uint32_t Load32(const char* bytes) {
    std::uint32_t word;
    std::memcpy(&word, bytes, sizeof word);
    return word;
  }

  // The bytes of a key of at most eight bytes, packed into one word without
  // a byte-by-byte loop. Together with the length, different keys give
  // different words: 4-8 bytes are the first four and the last four (which
  // may overlap), 1-3 bytes the first, middle and last.
  static std::uint64_t ShortHead(std::string_view key) {
    const char* bytes = key.data();
    const std::size_t n = key.size();
    if (n >= 4) return Load32(bytes) | (std::uint64_t{Load32(bytes + n - 4)} << 32);
    if (n == 0) return 0;
    const auto byte = [&](std::size_t i) {
      return std::uint64_t{static_cast<unsigned char>(bytes[i])};
    };
    return byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16);
  }

  static std::uint64_t Mix(std::uint64_t hash) {
    hash ^= hash >> 29;
    hash *= 0xBF58476D1CE4E5B9ULL;
    return hash ^ (hash >> 32);
  }

  static std::uint64_t ShortHash(std::uint64_t head, std::uint32_t length) {
    return Mix((head ^ length) * kMultiplier);
  }

  // Eight bytes a step (FNV-1a's multiply per byte is a chain of dependent
  // multiplies: most of a lookup, for the short ids of records).
  static std::uint64_t LongHash(std::string_view key) {
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
    return Mix(hash);
  }
  static constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;

  static std::uint32_t Tag(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

  std::string_view LongKey(const Slot& slot) const {
    return std::string_view(text_).substr(static_cast<std::uint32_t>(slot.head), slot.length);
  }

  std::uint64_t HashOf(const Slot& slot) const {
    return slot.length <= kInlineLength ? ShortHash(slot.head, slot.length)
                                        : LongHash(LongKey(slot));
  }

  void Place(const Slot& slot) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = HashOf(slot) & mask;
    while (slots_[i].length != kEmpty) i = (i + 1) & mask;
    slots_[i] = slot;
  }

  void Grow() {
    std::vector<Slot> old(slots_.empty() ? 16 : slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.length != kEmpty) Place(slot);
    }
  }

  std::string text_;         // the long keys, one after another
  std::vector<Slot> slots_;  // power-of-two size, at most half full
  std::size_t size_ = 0;
};

}  // namespace dxcomply
