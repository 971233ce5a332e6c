// Asking the processor to load memory ahead of use, for scans whose rows
// land on per-agency data in no order (the load would otherwise be a cache
// miss on nearly every row).
#pragma once

#include <cstddef>

namespace dxcomply {

// The cache lines of [first, first + bytes).
inline void PrefetchBytes(const void* first, std::size_t bytes, bool for_write) {
  constexpr std::size_t kLine = 64;
  const auto* byte = static_cast<const char*>(first);
  for (std::size_t offset = 0; offset < bytes; offset += kLine) {
    if (for_write) {
      __builtin_prefetch(byte + offset, 1);
    } else {
      __builtin_prefetch(byte + offset, 0);
    }
  }
}

}  // namespace dxcomply
