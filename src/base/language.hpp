// The language of every text a person reads: Vietnamese unless asked
// otherwise (`--lang en`, or DXCOMPLY_LANG=en), for the civil servants who
// read the outputs; English for the engineers who keep the tool.
//
// One language per process, chosen once at start before any second thread
// runs and only read after, as C's setlocale and gettext's textdomain are:
// the texts it selects are made in every stage (the reasons in eval, the
// chains in engine, the lists in report and nightly), and passing it
// through each would change every signature between main and them.
#pragma once

#include <optional>
#include <string_view>

namespace dxcomply {

enum class Language { kVietnamese, kEnglish };
inline constexpr int kLanguageCount = 2;

// "vi" or "en" (exactly, lower case); nullopt for anything else.
std::optional<Language> ParseLanguage(std::string_view code);
const char* LanguageCode(Language language);  // "vi", "en"

// The environment variable that sets the default language (`--lang` wins).
inline constexpr const char* kLanguageVariable = "DXCOMPLY_LANG";

// Default: Vietnamese. Set once at start (main), or by tests.
void SetLanguage(Language language);
Language CurrentLanguage();

// Sets a language for a scope and restores the one before (tests).
class ScopedLanguage {
 public:
  explicit ScopedLanguage(Language language) : before_(CurrentLanguage()) { SetLanguage(language); }
  ~ScopedLanguage() { SetLanguage(before_); }
  ScopedLanguage(const ScopedLanguage&) = delete;
  ScopedLanguage& operator=(const ScopedLanguage&) = delete;

 private:
  Language before_;
};

}  // namespace dxcomply
