// Text made safe for names built from record values (file names, calendar
// UIDs): A-Z a-z 0-9 '_' '-' stay, every other byte becomes %XX.
#pragma once

#include <string>
#include <string_view>

namespace dxcomply {

// `leading_dot`: whether a '.' may stay in first place (not in a file name,
// where it would make the file hidden, or "." and ".." of their own).
inline std::string PercentEncoded(std::string_view text, bool leading_dot) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const bool alnum = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                       (byte >= '0' && byte <= '9');
    if (alnum || byte == '_' || byte == '-' || (byte == '.' && (i > 0 || leading_dot))) {
      encoded += text[i];
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 0xF];
    }
  }
  return encoded;
}

}  // namespace dxcomply
