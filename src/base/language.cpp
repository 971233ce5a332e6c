#include "base/language.hpp"

#include <atomic>

namespace dxcomply {
namespace {

// Atomic only so that a test switching languages is never a data race; the
// program sets it once, before its threads start.
std::atomic<Language> current_language{Language::kVietnamese};

}  // namespace

std::optional<Language> ParseLanguage(std::string_view code) {
  if (code == "vi") return Language::kVietnamese;
  if (code == "en") return Language::kEnglish;
  return std::nullopt;
}

const char* LanguageCode(Language language) { return language == Language::kEnglish ? "en" : "vi"; }

void SetLanguage(Language language) { current_language.store(language, std::memory_order_relaxed); }

Language CurrentLanguage() { return current_language.load(std::memory_order_relaxed); }

}  // namespace dxcomply
