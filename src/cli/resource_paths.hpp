// Where dxcomply finds the data it ships (the rules with their calendar/,
// the letter templates) when a command is not told: the same prefix as the
// program, so that an installed /usr/bin/dxcomply reads
// /usr/share/dxcomply/rules from any folder. The build tree mirrors that
// layout (build/share/dxcomply links to the source tree's folders).
//
// In order: the option (--rules, --templates); DXCOMPLY_DATA_DIR/<name>;
// <the program's folder>/<kDataFromProgram>/<name>. The first that applies
// is the only one used: a folder named by an option or the variable that
// does not exist is an error, never a reason to look further.
#pragma once

#include <optional>
#include <ostream>
#include <string>

namespace dxcomply {

inline constexpr const char* kDataDirVariable = "DXCOMPLY_DATA_DIR";

// The folder `name` ("rules", "templates") of the data, or nullopt after
// saying on `err` where it looked and how to point dxcomply at one.
// `given` is the option's value (empty when not given), `option` its name.
std::optional<std::string> FindDataFolder(const std::string& given, const std::string& name,
                                          const std::string& option, std::ostream& err);

// Where the data is looked for when neither option nor variable is given:
// <folder of the running program>/../share/dxcomply (empty if the program's
// path cannot be read). For --version and the help.
std::string InstalledDataDir();

}  // namespace dxcomply
