// `dxcomply remind`: reminder letters into a folder, and the two pieces the
// nightly batch shares with it (the cap on letters, and writing them).
#pragma once

#include "cli/commands.hpp"
#include "remind/reminder_letters.hpp"

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace dxcomply {

// Empty when `count` letters may be written; otherwise the error message
// ("would write N letters, more than --max-letters M; ...").
std::string TooManyLetters(std::size_t count, const RemindOptions& options);

// The letter templates' folder: `given` (--templates) or, when empty, the
// one shipped with dxcomply; nullopt after saying where it looked.
std::optional<std::string> TemplatesFolder(const std::string& given, std::ostream& err);

// Writes <folder>/<agency id>.md and .html for each letter, each atomically;
// returns the paths written, relative to `folder`. Throws OutputError.
std::vector<std::string> WriteReminderLetters(const std::vector<ReminderLetter>& letters,
                                              const std::string& folder);

}  // namespace dxcomply
