// Running a helper program (pandoc, Chromium) and waiting for it: no shell,
// the arguments passed as they are, standard input and output closed, the
// tail of its standard error kept for the error message.
#pragma once

#include <string>
#include <vector>

namespace dxcomply {

struct ProgramRun {
  bool started = false;    // false: it could not be started (`error` says why)
  bool timed_out = false;  // killed after the time allowed
  int exit_code = -1;      // its exit status; -1 when killed by a signal
  std::string error;       // why it could not start, or the end of its stderr
  bool ok() const { return started && !timed_out && exit_code == 0; }
};

// Runs `arguments` (the program first, found on PATH) and waits at most
// `timeout_seconds` for it; a program still running then is killed.
ProgramRun RunProgram(const std::vector<std::string>& arguments, int timeout_seconds);

// The program's path when `name` is found on PATH (or is a path to an
// executable file); empty otherwise.
std::string FindProgram(const std::string& name);

}  // namespace dxcomply
