// Text from records and rules made safe to show on a terminal. A name in
// the database can hold an escape sequence (ESC ] 0 ; ... retitles the
// terminal, ESC [ 2 J clears it), a line break (which breaks a table), or a
// right-to-left override (which shows text in another order). Each such
// character is shown as a visible escape instead: "\x1B", "\n", "\u202E".
// Nothing else changes, so Vietnamese text stays as it is.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dxcomply {
namespace terminal_text {

// The length of the character at text[i] that must not reach a terminal
// raw (1 for a C0 control or DEL, 2 for a C1 control, 3 for a bidirectional
// control), 0 for a character that may, -1 when text ends before the
// character does (so a stream can wait for the rest).
inline int UnsafeLength(std::string_view text, std::size_t i, bool keep_newlines) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x20) return lead == '\n' && keep_newlines ? 0 : 1;
  if (lead == 0x7F) return 1;
  if (lead == 0xC2) {  // U+0080..U+00BF: C1 controls are U+0080..U+009F
    if (i + 1 >= text.size()) return -1;
    return byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9F ? 2 : 0;
  }
  if (lead == 0xE2) {  // U+2000..U+2FFF
    if (i + 1 >= text.size()) return -1;
    const unsigned char second = byte(i + 1);
    if (second != 0x80 && second != 0x81) return 0;
    if (i + 2 >= text.size()) return -1;
    const unsigned char third = byte(i + 2);
    // U+200E-200F marks, U+202A-202E embeddings and overrides, U+2066-2069 isolates.
    const bool bidi =
        (second == 0x80 && (third == 0x8E || third == 0x8F || (third >= 0xAA && third <= 0xAE))) ||
        (second == 0x81 && third >= 0xA6 && third <= 0xA9);
    return bidi ? 3 : 0;
  }
  return 0;
}

// The visible form of the unsafe character text[i .. i + length).
inline void AppendEscape(std::string_view text, std::size_t i, int length, std::string& out) {
  static const char kHex[] = "0123456789ABCDEF";
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned>(static_cast<unsigned char>(text[k]));
  };
  if (length == 1) {
    switch (text[i]) {
      case '\n':
        out += "\\n";
        return;
      case '\r':
        out += "\\r";
        return;
      case '\t':
        out += "\\t";
        return;
      default:
        out += "\\x";
        out += kHex[byte(i) >> 4];
        out += kHex[byte(i) & 0xF];
        return;
    }
  }
  const unsigned code_point =
      length == 2 ? ((byte(i) & 0x1F) << 6) | (byte(i + 1) & 0x3F)
                  : ((byte(i) & 0x0F) << 12) | ((byte(i + 1) & 0x3F) << 6) | (byte(i + 2) & 0x3F);
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code_point >> shift) & 0xF];
}

}  // namespace terminal_text

// `text` with every character that must not reach a terminal raw shown as
// a visible escape, on one line (a line break is "\n" too).
inline std::string TerminalSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const int length = terminal_text::UnsafeLength(text, i, false);
    if (length > 0) {
      terminal_text::AppendEscape(text, i, length, out);
      i += static_cast<std::size_t>(length);
    } else {
      out += text[i++];  // a truncated sequence at the end is no control
    }
  }
  return out;
}

}  // namespace dxcomply
