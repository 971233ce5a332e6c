// Which language a run speaks: `--lang vi|en` on the command line, else the
// environment's DXCOMPLY_LANG, else Vietnamese. The command line is looked
// at before CLI11 parses it, so that the help and the usage errors are in
// that language too.
#pragma once

#include "base/language.hpp"

#include <optional>
#include <string>

namespace dxcomply {

struct LanguageChoice {
  std::optional<Language> language;  // none: `problem` says what is wrong
  std::string problem;
};

// `environment`: DXCOMPLY_LANG's value, or null when unset; empty counts as
// unset. An unknown or missing value is a problem, never silently Vietnamese.
LanguageChoice ChooseLanguage(int argc, const char* const* argv, const char* environment);

}  // namespace dxcomply
