// The office's own settings for its reminder letters (letter.yaml): the
// place in "Hà Nội, ngày ...", the số ký hiệu pattern, the drafting unit in
// "Lưu: VT, ...", and who signs. The issuing body and its default signing
// title come from rules/authorities.yaml (the authority of the letter's
// date); this file may override them. Documented in docs/reminders.md.
#pragma once

#include "remind/letter_templates.hpp"  // TemplateError

#include <string>
#include <vector>

namespace dxcomply {

// The settings file a templates folder may hold (used when no other is given).
inline constexpr const char* kLetterSettingsName = "letter.yaml";

struct LetterSettings {
  std::string place = "Hà Nội";
  // "Số: <reference>": {number} is the blank the clerk fills in when the
  // letter is registered, {suffix} the authority's ký hiệu, {year} the
  // letter's year.
  std::string reference = "{number}/{suffix}";
  std::string drafting_unit;               // "Lưu: VT, <unit>."; empty: "Lưu: VT."
  std::vector<std::string> letterhead;     // empty: the authority's
  std::vector<std::string> signing_title;  // empty: the authority's
  std::string signer;                      // the signer's full name; empty: left blank
  std::vector<std::string> copies_to;      // more lines of "Nơi nhận" before "Lưu"
};

// What {number} stands for: the blank the clerk fills in.
inline constexpr const char* kReferenceNumberBlank = "........";

// Reads and checks a settings file. Throws TemplateError naming the file,
// and the line and column of a bad key or value.
LetterSettings LoadLetterSettings(const std::string& path);

// The number line after "Số: ", from the pattern. Throws TemplateError
// (naming `source`) on a placeholder other than {number}, {suffix}, {year}.
std::string ReferenceNumber(const std::string& pattern, const std::string& suffix,
                            const std::string& year, const std::string& source);

}  // namespace dxcomply
