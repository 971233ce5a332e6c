#include "remind/letter_settings.hpp"

#include "base/file_text.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"

#include <yaml-cpp/yaml.h>

namespace dxcomply {
namespace {

constexpr const char* kKeys =
    "place, reference, drafting_unit, letterhead, signing_title, signer, copies_to";

[[noreturn]] void Fail(const std::string& path, const YAML::Mark& mark,
                       const std::string& message) {
  const std::string where = mark.is_null() ? path
                                           : path + ":" + std::to_string(mark.line + 1) + ":" +
                                                 std::to_string(mark.column + 1);
  throw TemplateError(where + ": " + message);
}

std::string Text(const std::string& path, const std::string& key, const YAML::Node& value) {
  if (value.IsNull()) return "";
  if (!value.IsScalar()) Fail(path, value.Mark(), Format(Tr("{0} must be a text"), {key}));
  return value.Scalar();
}

std::vector<std::string> Lines(const std::string& path, const std::string& key,
                               const YAML::Node& value) {
  std::vector<std::string> lines;
  if (value.IsNull()) return lines;
  if (value.IsScalar()) return {value.Scalar()};
  if (!value.IsSequence())
    Fail(path, value.Mark(), Format(Tr("{0} must be a list of lines"), {key}));
  for (const YAML::Node& line : value) {
    if (!line.IsScalar()) Fail(path, line.Mark(), Format(Tr("{0} must be a list of lines"), {key}));
    lines.push_back(line.Scalar());
  }
  return lines;
}

}  // namespace

std::string ReferenceNumber(const std::string& pattern, const std::string& suffix,
                            const std::string& year, const std::string& source) {
  std::string result;
  std::size_t at = 0;
  while (at < pattern.size()) {
    const std::size_t open = pattern.find('{', at);
    if (open == std::string::npos) {
      result += pattern.substr(at);
      break;
    }
    result += pattern.substr(at, open - at);
    const std::size_t close = pattern.find('}', open);
    if (close == std::string::npos) {
      throw TemplateError(
          source + ": " +
          Format(Tr("reference \"{0}\" has a {1} without {2}"), {pattern, "'{'", "'}'"}));
    }
    const std::string name = pattern.substr(open + 1, close - open - 1);
    if (name == "number") {
      result += kReferenceNumberBlank;
    } else if (name == "suffix") {
      result += suffix;
    } else if (name == "year") {
      result += year;
    } else {
      throw TemplateError(
          source + ": " +
          Format(Tr("reference \"{0}\" has an unknown placeholder {1} (known: {2})"),
                 {pattern, "{" + name + "}", "{number}, {suffix}, {year}"}));
    }
    at = close + 1;
  }
  // A suffix left empty by the authority must not leave "..../".
  while (!result.empty() && result.back() == '/') result.pop_back();
  return result;
}

LetterSettings LoadLetterSettings(const std::string& path) {
  FileText file = ReadFileText(path);
  if (!file.ok())
    throw TemplateError(Format(Tr("cannot read letter settings {0}: {1}"), {path, file.error}));
  YAML::Node root;
  try {
    root = YAML::Load(file.text);
  } catch (const YAML::Exception& e) {
    Fail(path, e.mark, Format(Tr("invalid YAML: {0}"), {e.msg}));
  }
  LetterSettings settings;
  if (!root.IsDefined() || root.IsNull()) return settings;
  if (!root.IsMap()) Fail(path, root.Mark(), Format(Tr("expected a map with keys {0}"), {kKeys}));
  for (const auto& entry : root) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (key == "place") {
      settings.place = Text(path, key, value);
      if (settings.place.empty()) Fail(path, value.Mark(), Tr("place must not be empty"));
    } else if (key == "reference") {
      settings.reference = Text(path, key, value);
      if (settings.reference.find("{number}") == std::string::npos) {
        Fail(path, value.Mark(),
             Format(Tr("reference must hold {0}, the blank the clerk fills in (e.g. \"{1}\")"),
                    {"{number}", "{number}/{suffix}"}));
      }
      ReferenceNumber(settings.reference, "", "",
                      path + ":" + std::to_string(value.Mark().line + 1));
    } else if (key == "drafting_unit") {
      settings.drafting_unit = Text(path, key, value);
    } else if (key == "letterhead") {
      settings.letterhead = Lines(path, key, value);
    } else if (key == "signing_title") {
      settings.signing_title = Lines(path, key, value);
    } else if (key == "signer") {
      settings.signer = Text(path, key, value);
    } else if (key == "copies_to") {
      settings.copies_to = Lines(path, key, value);
    } else {
      Fail(path, entry.first.Mark(),
           Format(Tr("unknown key {0} (expected: {1})"), {"'" + key + "'", kKeys}));
    }
  }
  return settings;
}

}  // namespace dxcomply
