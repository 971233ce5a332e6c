// Whether output may be coloured: only on a terminal, and never when the
// NO_COLOR environment variable is set to anything but the empty string
// (https://no-color.org).
#pragma once

namespace dxcomply {

bool ColourAllowed();  // NO_COLOR unset or empty, and TERM not "dumb"
bool StdoutIsTerminal();

}  // namespace dxcomply
