#include "remind/letter_templates.hpp"

#include "base/file_text.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/terminal_text.hpp"

namespace dxcomply {
namespace {

std::string ReadTemplateFile(const std::string& path) {
  FileText file = ReadFileText(path);
  if (!file.ok())
    throw TemplateError(Format(Tr("cannot read template {0}: {1}"), {path, file.error}));
  return std::move(file.text);
}

// kainjow ends a parse error with " at <byte offset>": said as line and
// column instead, for the officials who edit these files.
std::string Located(const std::string& path, const std::string& text, std::string message) {
  const std::size_t at = message.rfind(" at ");
  std::size_t offset = 0;
  if (at == std::string::npos || at + 4 >= message.size() ||
      message.find_first_not_of("0123456789", at + 4) != std::string::npos ||
      (offset = std::stoul(message.substr(at + 4))) > text.size()) {
    return Format(Tr("template {0} is malformed: {1}"), {path, message});
  }
  message.resize(at);
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++line;
      column = 1;
    } else if ((byte & 0xC0) != 0x80) {  // a character's first byte
      ++column;
    }
  }
  return path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
         Format(Tr("template is malformed: {0}"), {message});
}

}  // namespace

std::string MarkdownEscaped(const std::string& value) {
  std::string escaped;
  escaped.reserve(value.size());
  for (std::size_t i = 0; i < value.size();) {
    const int control = terminal_text::UnsafeLength(value, i, false);
    if (control > 0) {
      if (escaped.empty() || escaped.back() != ' ') escaped += ' ';
      i += static_cast<std::size_t>(control);
      continue;
    }
    const char c = value[i++];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '#':
      case '~':
      case '&':
        escaped += '\\';
        break;
      default:
        break;
    }
    escaped += c;
  }
  return escaped;
}

namespace {

kainjow::mustache::mustache Parse(const std::string& path, const std::string& text,
                                  Escaping escaping) {
  kainjow::mustache::mustache parsed(text);
  if (!parsed.is_valid()) throw TemplateError(Located(path, text, parsed.error_message()));
  if (escaping == Escaping::kMarkdown) parsed.set_custom_escape(MarkdownEscaped);
  return parsed;
}

}  // namespace

LetterTemplate::LetterTemplate(const std::string& path, Escaping escaping)
    : path_(path), parsed_(Parse(path, ReadTemplateFile(path), escaping)) {}

std::string LetterTemplate::Render(const kainjow::mustache::data& data) {
  std::string text = parsed_.render(data);
  if (!parsed_.is_valid()) {
    throw TemplateError(
        Format(Tr("template {0} failed to render: {1}"), {path_, parsed_.error_message()}));
  }
  return text;
}

}  // namespace dxcomply
