#include "dxcomply/diagnostics.hpp"

#include "base/messages.hpp"
#include "base/terminal_text.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <string_view>
#include <tuple>

namespace dxcomply {

std::string SourceLocation::ToString() const {
  std::string text = file;
  if (line > 0) text += ":" + std::to_string(line);
  if (line > 0 && column > 0) text += ":" + std::to_string(column);
  return text;
}

namespace {

bool StartsCharacter(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }

// Byte offset of the code point `index` of `line` (its size past the end).
std::size_t ByteOfCharacter(std::string_view line, int index) {
  int seen = -1;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (StartsCharacter(line[i]) && ++seen == index) return i;
  }
  return line.size();
}

int CharacterCount(std::string_view text) {
  int count = 0;
  for (const char byte : text) count += StartsCharacter(byte) ? 1 : 0;
  return count;
}

struct LineWindow {
  std::string text;  // with "…" where it was cut
  int start = 0;     // characters left out before it
};

// The part of `line` around the caret, at byte `caret_byte`, character
// `caret_index`: a few characters before it, the rest after. Costs the
// window, not the line.
LineWindow WindowAround(std::string_view line, std::size_t caret_byte, int caret_index) {
  if (line.size() <= static_cast<std::size_t>(kSourceWindow)) return {std::string(line), 0};
  caret_byte = std::min(caret_byte, line.size());
  std::size_t from = caret_byte;
  int start = caret_index;
  const auto back = [&] {  // one character back
    do --from;
    while (from > 0 && !StartsCharacter(line[from]));
    --start;
  };
  while (from > 0 && caret_index - start < kSourceWindow * 2 / 5) back();
  std::size_t to = from;
  int shown = 0;
  for (; to < line.size() && shown < kSourceWindow; ++shown) {
    do ++to;
    while (to < line.size() && !StartsCharacter(line[to]));
  }
  while (from > 0 && shown < kSourceWindow) {  // near the end: more before
    back();
    ++shown;
  }
  start = std::max(start, 0);
  std::string text = from > 0 ? "…" : "";
  text.append(line.substr(from, to - from));
  if (to < line.size()) text += "…";
  return {std::move(text), from > 0 ? start : 0};
}

}  // namespace

void Diagnostic::SetSourceLine(const std::string& line) {
  const int caret = std::max(location.column - 1, 0);
  const std::size_t caret_byte =
      line.size() <= static_cast<std::size_t>(kSourceWindow) ? 0 : ByteOfCharacter(line, caret);
  SetSourceLine(line, caret_byte);
}

void Diagnostic::SetSourceLine(const std::string& line, std::size_t caret_byte) {
  LineWindow window = WindowAround(line, caret_byte, std::max(location.column - 1, 0));
  source_line = std::move(window.text);
  source_line_start = window.start;
}

std::string Diagnostic::ToString() const {
  std::string text = location.ToString();
  if (!text.empty()) text += ": ";
  text += severity == Severity::kError ? TrC("diagnostic", "error") : TrC("diagnostic", "warning");
  if (!rule_id.empty()) text += " [" + rule_id + "]";
  text += ": " + TerminalSafe(message);
  if (!source_line.empty()) {
    // A whole line set directly may still be long: quote its window.
    LineWindow window{source_line, source_line_start};
    if (source_line_start == 0 && CharacterCount(source_line) > kSourceWindow + 1) {
      const int caret = std::max(location.column - 1, 0);
      window = WindowAround(source_line, ByteOfCharacter(source_line, caret), caret);
    }
    // Columns count code points (see SourceLocation), so one space per
    // character before the caret puts it under the right Vietnamese
    // character; an escaped control character counts as its escape.
    const int caret = location.column - 1 - window.start + (window.start > 0 ? 1 : 0);
    const std::size_t split = ByteOfCharacter(window.text, std::max(caret, 0));
    const std::string before = TerminalSafe(std::string_view(window.text).substr(0, split));
    text += "\n    " + before + TerminalSafe(std::string_view(window.text).substr(split));
    if (location.column > 0) {
      text += "\n    " + std::string(static_cast<std::size_t>(CharacterCount(before)), ' ') + "^";
    }
  }
  return text;
}

void Diagnostics::Add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) ++error_count_;
  items_.push_back(std::move(diagnostic));
}

void Diagnostics::Error(const SourceLocation& location, const std::string& rule_id,
                        const std::string& message) {
  Add({Severity::kError, location, rule_id, message, ""});
}

void Diagnostics::Warning(const SourceLocation& location, const std::string& rule_id,
                          const std::string& message) {
  Add({Severity::kWarning, location, rule_id, message, ""});
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> sorted = items_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.file, a.location.line, a.location.column) <
           std::tie(b.location.file, b.location.line, b.location.column);
  });
  return sorted;
}

void Diagnostics::AttachSourceLines() {
  std::map<std::string, std::vector<std::string>> files;
  for (Diagnostic& diagnostic : items_) {
    const SourceLocation& at = diagnostic.location;
    if (at.file.empty() || at.line <= 0 || !diagnostic.source_line.empty()) continue;
    auto found = files.find(at.file);
    if (found == files.end()) {
      std::vector<std::string> lines;
      std::ifstream in(at.file);
      for (std::string line; std::getline(in, line);) lines.push_back(line);
      found = files.emplace(at.file, std::move(lines)).first;
    }
    if (static_cast<std::size_t>(at.line) <= found->second.size()) {
      diagnostic.SetSourceLine(found->second[static_cast<std::size_t>(at.line) - 1]);
    }
  }
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const Diagnostic& diagnostic : other.items_) Add(diagnostic);
}

}  // namespace dxcomply
