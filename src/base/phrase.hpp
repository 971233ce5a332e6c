// Translated texts with figures: "{0}, quá hạn {1} so với hạn {2}". A
// Phrase is parsed once (at the start of a run, in the run's language) and
// filled many times: the reasons of a large report fill a few phrases a
// quarter of a million times, so no finding translates or parses anything.
//
// Placeholders are {0}..{9}, each used any number of times, in any order a
// translation needs; there is no other use of braces. tests/i18n checks that
// every translation keeps its source's placeholders.
#pragma once

#include "base/language.hpp"

#include <array>
#include <initializer_list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dxcomply {

class Phrase {
 public:
  Phrase() = default;
  // `format` in its final language, usually Tr("...").
  explicit Phrase(std::string_view format);

  // Appends the phrase with {i} replaced by arguments[i] (an argument that
  // is missing reads as nothing).
  void AppendTo(std::string& out, std::initializer_list<std::string_view> arguments) const;
  std::string operator()(std::initializer_list<std::string_view> arguments) const {
    std::string out;
    AppendTo(out, arguments);
    return out;
  }

 private:
  struct Part {
    std::size_t begin = 0;  // of the literal text in text_
    std::size_t size = 0;
    int argument = -1;  // then the argument to insert, if any
  };
  std::string text_;
  std::vector<Part> parts_;
};

// One-off texts (messages, headings): translates nothing itself, so pass it
// Tr("..."). Figures go in as text: Format(Tr("{0} of {1}"), {a, b}).
std::string Format(std::string_view format, std::initializer_list<std::string_view> arguments);

// A table of phrases made once per language, on first use, and shared by
// every thread after. `Table` builds its phrases in its default
// constructor from Tr(...), which reads the current language.
template <typename Table>
const Table& Translated() {
  static std::array<std::once_flag, kLanguageCount> once;
  static std::array<std::optional<Table>, kLanguageCount> tables;
  const auto index = static_cast<std::size_t>(CurrentLanguage());
  std::call_once(once[index],
                 [] { tables[static_cast<std::size_t>(CurrentLanguage())].emplace(); });
  return *tables[index];
}

}  // namespace dxcomply
