// `dxcomply --version`: what a bug report needs to say which dxcomply ran:
// its version, the git revision it was built from, and the libraries whose
// behaviour shows in its results.
#pragma once

#include <string>

namespace dxcomply {

// "0.1.0".
const char* VersionNumber();

// The git revision the program was built from ("unknown" outside git).
const char* GitRevision();

// Several lines, ending with a newline.
std::string VersionText();

}  // namespace dxcomply
