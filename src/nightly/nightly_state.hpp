// The nightly batch's memory between runs: <state>/state.json.
//
// It holds tonight's tracked items and the baseline they were compared
// with (the previous night's items). A second run on the same night compares
// with the same baseline again, so it produces the same files and escalates
// nothing twice; a run on a later night takes tonight's items as its
// baseline. The file is replaced atomically, after every other output.
#pragma once

#include "nightly/tracked_item.hpp"

#include <optional>
#include <stdexcept>
#include <string>

namespace dxcomply {

class StateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct NightlyState {
  Date as_of;                          // the night these items are of
  std::optional<Date> baseline_as_of;  // the night before it; none on the first run
  TrackedItems baseline;
  TrackedItems items;
};

// The state in `path`, or nullopt when there is no such file (first run).
// Throws StateError naming the file and what is wrong with it.
std::optional<NightlyState> LoadState(const std::string& path);

// Deterministic JSON: the same state gives the same bytes.
std::string SerializeState(const NightlyState& state);

}  // namespace dxcomply
