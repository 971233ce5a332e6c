// Stable counting sort, the way the engine groups millions of items by a
// small integer key (links by node, task rows by instance): linear, and each
// group keeps its items in their original order.
#pragma once

#include <cstddef>
#include <vector>

namespace dxcomply {

// Where each group starts once grouped: group k is [start[k], start[k + 1]).
// `key_of(item)` must be < group_count.
template <typename Items, typename KeyOf>
std::vector<std::size_t> GroupStarts(const Items& items, std::size_t group_count, KeyOf key_of) {
  std::vector<std::size_t> start(group_count + 1, 0);
  for (const auto& item : items) ++start[static_cast<std::size_t>(key_of(item)) + 1];
  for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
  return start;
}

// `value_of(item)` for every item, grouped by `key_of(item)` as `start`
// (from GroupStarts) says, each group in the items' order.
template <typename Value, typename Items, typename KeyOf, typename ValueOf>
std::vector<Value> Grouped(const Items& items, const std::vector<std::size_t>& start, KeyOf key_of,
                           ValueOf value_of) {
  std::vector<Value> grouped(start.back());
  std::vector<std::size_t> next(start.begin(), start.end() - 1);
  for (const auto& item : items) {
    grouped[next[static_cast<std::size_t>(key_of(item))]++] = value_of(item);
  }
  return grouped;
}

}  // namespace dxcomply
