// CLI11's messages for a command line it cannot parse ("--db is required",
// "The following argument was not expected: x"), in the run's language.
// CLI11 writes them in English; the shapes it uses are recognised and
// translated, and a message of another shape is kept as CLI11 wrote it.
#pragma once

#include <string>

namespace dxcomply {

// The whole text to print for a usage error whose CLI11 message is `what`,
// ending with the hint to run with --help. In English, CLI11's own text.
std::string UsageErrorText(const std::string& what);

}  // namespace dxcomply
