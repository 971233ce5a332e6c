#include "remind/letter_templates.hpp"

#include "base/file_text.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"

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

kainjow::mustache::mustache Parse(const std::string& path, const std::string& text,
                                  Escaping escaping) {
  kainjow::mustache::mustache parsed(text);
  if (!parsed.is_valid()) throw TemplateError(Located(path, text, parsed.error_message()));
  if (escaping == Escaping::kNone) {
    parsed.set_custom_escape([](const std::string& value) { return value; });
  }
  return parsed;
}

}  // namespace

LetterTemplate::LetterTemplate(const std::string& path, Escaping escaping)
    : path_(path), text_(ReadTemplateFile(path)), escaping_(escaping) {
  Parse(path_, text_, escaping_);
}

std::string LetterTemplate::Render(const kainjow::mustache::data& data) const {
  // Rendering changes the parsed template's state, so each letter gets its
  // own (parsing a letter template takes microseconds).
  kainjow::mustache::mustache parsed = Parse(path_, text_, escaping_);
  std::string text = parsed.render(data);
  if (!parsed.is_valid()) {
    throw TemplateError(
        Format(Tr("template {0} failed to render: {1}"), {path_, parsed.error_message()}));
  }
  return text;
}

}  // namespace dxcomply
