#include "cli/language_choice.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"

#include <string_view>

namespace dxcomply {

LanguageChoice ChooseLanguage(int argc, const char* const* argv, const char* environment) {
  std::optional<std::string> given;  // the last --lang wins, as CLI11 would take it
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (argument == "--") break;
    if (argument == "--lang") {
      given = i + 1 < argc ? argv[++i] : "";
    } else if (argument.rfind("--lang=", 0) == 0) {
      given = std::string(argument.substr(7));
    }
  }
  LanguageChoice choice;
  if (given) {
    choice.language = ParseLanguage(*given);
    if (!choice.language) {
      choice.problem = Format(Tr("--lang takes vi or en, not '{0}'"), {*given});
    }
    return choice;
  }
  if (environment != nullptr && *environment != '\0') {
    choice.language = ParseLanguage(environment);
    if (!choice.language) {
      choice.problem =
          Format(Tr("{0} must be vi or en, not '{1}'"), {kLanguageVariable, environment});
    }
    return choice;
  }
  choice.language = Language::kVietnamese;
  return choice;
}

}  // namespace dxcomply
