// What the process exit code means, for scripts that gate on dxcomply.
#pragma once

namespace dxcomply {

enum ExitStatus {
  kExitOk = 0,          // done; for `check`: nothing overdue (nor at risk with --fail-on-risk)
  kExitFindings = 1,    // `check` found something overdue (or at risk with --fail-on-risk)
  kExitInputError = 2,  // bad usage, rules or database; nothing written to stdout
  kExitRunFailed = 3,   // export, remind, nightly: writing an output failed (disk, rights)
};

}  // namespace dxcomply
