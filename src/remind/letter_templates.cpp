#include "remind/letter_templates.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dxcomply {
namespace {

std::string ReadTemplateFile(const std::string& path) {
  std::error_code error;
  if (std::filesystem::exists(path, error) && !std::filesystem::is_regular_file(path, error)) {
    throw TemplateError("template " + path + " is not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw TemplateError("cannot read template " + path + ": " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw TemplateError("cannot read template " + path);
  return text.str();
}

kainjow::mustache::mustache Parse(const std::string& path, const std::string& text,
                                  Escaping escaping) {
  kainjow::mustache::mustache parsed(text);
  if (!parsed.is_valid()) {
    throw TemplateError("template " + path + " is malformed: " + parsed.error_message());
  }
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
    throw TemplateError("template " + path_ + " failed to render: " + parsed.error_message());
  }
  return text;
}

}  // namespace dxcomply
