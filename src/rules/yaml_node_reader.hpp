// Typed, diagnosing access to the nodes of one YAML file.
//
// Every accessor reports a problem as a Diagnostic at the node's position and
// returns nullopt/false, so callers can keep going and report more.
#pragma once

#include "dxcomply/date.hpp"
#include "dxcomply/diagnostics.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

class YamlNodeReader {
 public:
  // `text` is the file's content, used to turn yaml-cpp's byte columns into
  // code-point columns.
  YamlNodeReader(std::string file, const std::string& text, Diagnostics& diagnostics);

  // Parses the document; on a syntax error reports it and returns nullopt.
  std::optional<YAML::Node> Parse(const std::string& text);

  SourceLocation At(const YAML::Node& node) const;
  SourceLocation AtMark(const YAML::Mark& mark) const;
  SourceLocation FileStart() const { return {file_, 0, 0}; }

  void Error(const YAML::Node& node, const std::string& rule_id, const std::string& message);
  void Warning(const YAML::Node& node, const std::string& rule_id, const std::string& message);

  // Reports keys not in `allowed` (suggesting the nearest allowed key) and
  // duplicate keys. Returns false if `node` is not a map.
  bool CheckMap(const YAML::Node& node, const std::vector<std::string>& allowed,
                const std::string& rule_id, const std::string& what);

  // The value of `key` in `map`, or an undefined node when absent.
  static YAML::Node Get(const YAML::Node& map, const std::string& key);

  std::optional<std::string> Text(const YAML::Node& node, const std::string& rule_id,
                                  const std::string& what);
  std::optional<std::int64_t> Integer(const YAML::Node& node, const std::string& rule_id,
                                      const std::string& what);
  std::optional<Date> IsoDate(const YAML::Node& node, const std::string& rule_id,
                              const std::string& what);
  std::optional<bool> Boolean(const YAML::Node& node, const std::string& rule_id,
                              const std::string& what);
  // A scalar or a sequence of scalars, as text.
  std::optional<std::vector<std::string>> TextList(const YAML::Node& node,
                                                   const std::string& rule_id,
                                                   const std::string& what);

  const std::string& file() const { return file_; }

 private:
  // Adds a diagnostic carrying its source line, for the caret.
  void Report(Severity severity, const SourceLocation& location, const std::string& rule_id,
              const std::string& message);

  std::string file_;
  std::vector<std::string> lines_;
  Diagnostics& diagnostics_;
  // Where AtMark last counted characters: line index, byte, characters.
  struct Cursor {
    std::size_t line = static_cast<std::size_t>(-1);
    std::size_t byte = 0;
    int code_points = 0;
  };
  mutable Cursor cursor_;
};

// The allowed word closest to `word` (edit distance <= 2), or "".
std::string NearestWord(const std::string& word, const std::vector<std::string>& allowed);

// "a, b, c"
std::string JoinWords(const std::vector<std::string>& words);

}  // namespace dxcomply
