// The one way the engine and its writers use a second core: two jobs at
// once, joined before going on.
#pragma once

#include <exception>
#include <thread>

namespace dxcomply {

// Runs `beside` on a second thread while `here` runs on this one, and
// returns once both are done. An exception from either is rethrown here
// (this thread's first), after both have stopped.
template <typename Beside, typename Here>
void RunBeside(Beside&& beside, Here&& here) {
  std::exception_ptr beside_failure;
  std::thread thread([&] {
    try {
      beside();
    } catch (...) {
      beside_failure = std::current_exception();
    }
  });
  try {
    here();
  } catch (...) {
    thread.join();
    throw;
  }
  thread.join();
  if (beside_failure) std::rethrow_exception(beside_failure);
}

}  // namespace dxcomply
