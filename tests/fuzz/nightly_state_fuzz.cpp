// The nightly batch's state reader: any bytes as <state>/state.json. A bad
// state is a StateError naming the file, never a crash; a state it accepts
// is written back to the same bytes it reads again.
//
// To retarget when the state's format changes: LoadState and SerializeState
// are the reader and writer; this file calls nothing else of the batch.
#include "fuzz_support.hpp"
#include "nightly/nightly_state.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

using namespace dxcomply;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path =
      fuzz::WriteScratch("state.json", std::string_view(reinterpret_cast<const char*>(data), size));
  std::optional<NightlyState> state;
  try {
    state = LoadState(path);
  } catch (const StateError&) {
    return 0;
  }
  if (!state) return 0;
  const std::string written = SerializeState(*state);
  const std::string again_path = fuzz::WriteScratch("state-again.json", written);
  const std::optional<NightlyState> again = LoadState(again_path);
  if (!again || SerializeState(*again) != written) std::abort();
  return 0;
}
