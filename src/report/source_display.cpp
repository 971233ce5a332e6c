#include "report/source_display.hpp"

#include <algorithm>
#include <vector>

namespace dxcomply {
namespace {

// Vietnamese document types, capitalised as a citation starts them.
constexpr std::string_view kDocumentTypes[] = {
    "Quyết định", "Nghị quyết", "Nghị định", "Chỉ thị",    "Thông tư",     "Luật",
    "Công văn",   "Văn bản",    "Kế hoạch",  "Chiến lược", "Chương trình", "Báo cáo",
    "Sơ kết",     "Thông báo",  "Đề án",     "Kết luận",   "Quy định",     "Hướng dẫn"};

// Where a document's name ends and its locator or a note begins. ", mục"
// only before a number (", mục I.1.1", not ", mục tiêu").
constexpr std::string_view kLocators[] = {", slide", ", trang ", ", phần ", ", trích ",
                                          ", điểm ", ", khoản ", ", Điều ", ", phụ lục"};

constexpr std::string_view kFileExtensions[] = {".md",   ".pdf",  ".yaml", ".yml", ".txt",
                                                ".docx", ".xlsx", ".html", ".csv", ".json",
                                                ".sql",  ".py",   ".png"};

bool IsTokenEnd(char c) {
  return c == ' ' || c == ';' || c == ',' || c == '(' || c == ')' || c == '"' || c == '\'';
}

bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }

bool IsPathChar(char c) {
  return IsLowerAscii(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-' || c == '/';
}

bool EndsWith(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// A token a reader cannot use: "seeds/002", "docs/sources.md", "DOMAIN.md".
bool IsInternalReference(std::string_view token) {
  if (token.empty() || !std::all_of(token.begin(), token.end(), IsPathChar)) return false;
  const std::size_t slash = token.find('/');
  if (slash != std::string_view::npos && slash > 0 && (IsLowerAscii(token[0]) || token[0] == '.')) {
    // "seeds/002", "docs/a.md", "../x/y": not "and/or".
    const std::string_view first = token.substr(0, slash);
    const std::string_view rest = token.substr(slash + 1);
    return std::none_of(first.begin(), first.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
           std::any_of(rest.begin(), rest.end(),
                       [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == '/'; });
  }
  return std::any_of(std::begin(kFileExtensions), std::end(kFileExtensions),
                     [&](std::string_view ext) { return EndsWith(token, ext); });
}

bool ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  bool changed = false;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
    changed = true;
  }
  return changed;
}

std::string Trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" ,;");
  if (first == std::string_view::npos) return "";
  const std::size_t last = text.find_last_not_of(" ,;");
  return std::string(text.substr(first, last - first + 1));
}

// Splits at "; " outside brackets.
std::vector<std::string> Parts(const std::string& text) {
  std::vector<std::string> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && depth > 0) --depth;
    if (depth == 0 && text.compare(i, 2, "; ") == 0) {
      parts.push_back(text.substr(start, i - start));
      start = i + 2;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

// Where the document's name in `part` ends: its first locator, or its
// first bracket, outside brackets.
std::size_t NameEnd(const std::string& part, std::size_t from) {
  int depth = 0;
  for (std::size_t i = from; i < part.size(); ++i) {
    if (part[i] == '(') {
      if (depth == 0 && i > from && part[i - 1] == ' ') return i - 1;
      ++depth;
    }
    if (part[i] == ')' && depth > 0) --depth;
    if (depth > 0 || part[i] != ',') continue;
    for (std::string_view locator : kLocators) {
      if (part.compare(i, locator.size(), locator) == 0) return i;
    }
    constexpr std::string_view kSection = ", mục ";
    if (part.compare(i, kSection.size(), kSection) == 0 && i + kSection.size() < part.size()) {
      const char next = part[i + kSection.size()];
      if ((next >= '0' && next <= '9') || next == 'I' || next == 'V' || next == 'X') return i;
    }
  }
  return part.size();
}

// The first document type in `part` at the start of a word.
std::size_t FirstDocumentType(const std::string& part) {
  std::size_t best = std::string::npos;
  for (std::string_view type : kDocumentTypes) {
    for (std::size_t at = part.find(type); at != std::string::npos; at = part.find(type, at + 1)) {
      if (at == 0 || part[at - 1] == ' ') {
        best = std::min(best, at);
        break;
      }
    }
  }
  return best;
}

}  // namespace

std::string WithoutInternalReferences(std::string_view text) {
  std::string kept;
  kept.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (IsTokenEnd(text[i])) {
      kept += text[i++];
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !IsTokenEnd(text[end])) ++end;
    std::string_view token = text.substr(i, end - i);
    // A sentence's full stop after a file name is not part of it.
    const bool stop = token.size() > 1 && token.back() == '.';
    if (IsInternalReference(stop ? token.substr(0, token.size() - 1) : token)) {
      if (stop) kept += '.';
    } else {
      kept += token;
    }
    i = end;
  }
  // Tidy what the removed tokens leave: empty brackets, doubled or dangling
  // separators.
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& [from, to] : {std::pair<std::string_view, std::string_view>{"  ", " "},
                                   {"( ", "("},
                                   {" )", ")"},
                                   {"; )", ")"},
                                   {", )", ")"},
                                   {";)", ")"},
                                   {",)", ")"},
                                   {"(; ", "("},
                                   {"(, ", "("},
                                   {" ()", ""},
                                   {"()", ""},
                                   {" ,", ","},
                                   {" ;", ";"},
                                   {" .", "."},
                                   {";;", ";"},
                                   {",,", ","}}) {
      changed = ReplaceAll(kept, from, to) || changed;
    }
  }
  return Trim(kept);
}

std::string CitationText(const LegalSource& source) {
  return WithoutInternalReferences(source.document);
}

std::string DocumentName(const LegalSource& source) {
  const std::string citation = CitationText(source);
  std::string names;
  for (const std::string& part : Parts(citation)) {
    const std::size_t start = FirstDocumentType(part);
    if (start == std::string::npos) continue;
    const std::string name = Trim(part.substr(start, NameEnd(part, start) - start));
    if (name.empty() || names.find(name) != std::string::npos) continue;
    if (!names.empty()) names += "; ";
    names += name;
  }
  if (!names.empty()) return names;
  const std::string first = Parts(citation).front();
  return Trim(first.substr(0, NameEnd(first, 0)));
}

}  // namespace dxcomply
