#include "dxcomply/diagnostics.hpp"

#include "base/messages.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <tuple>

namespace dxcomply {

std::string SourceLocation::ToString() const {
  std::string text = file;
  if (line > 0) text += ":" + std::to_string(line);
  if (line > 0 && column > 0) text += ":" + std::to_string(column);
  return text;
}

std::string Diagnostic::ToString() const {
  std::string text = location.ToString();
  if (!text.empty()) text += ": ";
  text += severity == Severity::kError ? TrC("diagnostic", "error") : TrC("diagnostic", "warning");
  if (!rule_id.empty()) text += " [" + rule_id + "]";
  text += ": " + message;
  if (!source_line.empty()) {
    text += "\n    " + source_line;
    if (location.column > 0) {
      // Columns count code points (see SourceLocation), so one space per
      // column puts the caret under the right Vietnamese character.
      text += "\n    " + std::string(static_cast<std::size_t>(location.column - 1), ' ') + "^";
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
      diagnostic.source_line = found->second[static_cast<std::size_t>(at.line) - 1];
    }
  }
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const Diagnostic& diagnostic : other.items_) Add(diagnostic);
}

}  // namespace dxcomply
