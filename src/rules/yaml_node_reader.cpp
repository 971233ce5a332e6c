#include "rules/yaml_node_reader.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"

#include <algorithm>
#include <set>
#include <sstream>

namespace dxcomply {
namespace {

std::size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string KindOf(const YAML::Node& node) {
  if (node.IsMap()) return Tr("a map");
  if (node.IsSequence()) return Tr("a list");
  if (node.IsNull()) return Tr("empty");
  return "'" + node.Scalar() + "'";
}

}  // namespace

std::string NearestWord(const std::string& word, const std::vector<std::string>& allowed) {
  std::string best;
  std::size_t best_distance = 3;
  for (const std::string& candidate : allowed) {
    const std::size_t distance = EditDistance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& word : words) {
    if (!joined.empty()) joined += ", ";
    joined += word;
  }
  return joined;
}

YamlNodeReader::YamlNodeReader(std::string file, const std::string& text, Diagnostics& diagnostics)
    : file_(std::move(file)), diagnostics_(diagnostics) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines_.push_back(line);
  }
}

std::optional<YAML::Node> YamlNodeReader::Parse(const std::string& text) {
  try {
    return YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    Report(Severity::kError, AtMark(e.mark), "", Format(Tr("invalid YAML: {0}"), {e.msg}));
    return std::nullopt;
  }
}

SourceLocation YamlNodeReader::AtMark(const YAML::Mark& mark) const {
  SourceLocation location{file_, 0, 0};
  if (mark.is_null() || mark.line < 0) return location;
  location.line = mark.line + 1;
  // yaml-cpp counts bytes; people (and editors) count characters.
  int code_points = 0;
  const std::size_t line_index = static_cast<std::size_t>(mark.line);
  if (line_index < lines_.size()) {
    const std::string& line = lines_[line_index];
    const std::size_t bytes =
        std::min<std::size_t>(static_cast<std::size_t>(mark.column), line.size());
    for (std::size_t i = 0; i < bytes; ++i) {
      if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++code_points;
    }
    code_points += mark.column - static_cast<int>(bytes);
  } else {
    code_points = mark.column;
  }
  location.column = code_points + 1;
  return location;
}

SourceLocation YamlNodeReader::At(const YAML::Node& node) const { return AtMark(node.Mark()); }

void YamlNodeReader::Report(Severity severity, const SourceLocation& location,
                            const std::string& rule_id, const std::string& message) {
  Diagnostic diagnostic{severity, location, rule_id, message, ""};
  if (location.line > 0 && static_cast<std::size_t>(location.line) <= lines_.size()) {
    diagnostic.source_line = lines_[static_cast<std::size_t>(location.line) - 1];
  }
  diagnostics_.Add(std::move(diagnostic));
}

void YamlNodeReader::Error(const YAML::Node& node, const std::string& rule_id,
                           const std::string& message) {
  Report(Severity::kError, node.IsDefined() ? At(node) : FileStart(), rule_id, message);
}

void YamlNodeReader::Warning(const YAML::Node& node, const std::string& rule_id,
                             const std::string& message) {
  Report(Severity::kWarning, node.IsDefined() ? At(node) : FileStart(), rule_id, message);
}

bool YamlNodeReader::CheckMap(const YAML::Node& node, const std::vector<std::string>& allowed,
                              const std::string& rule_id, const std::string& what) {
  if (!node.IsMap()) {
    Error(node, rule_id, Format(Tr("{0} must be a map of keys, not {1}"), {what, KindOf(node)}));
    return false;
  }
  std::set<std::string> seen;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    if (!seen.insert(key).second) {
      Error(entry.first, rule_id, Format(Tr("duplicate key '{0}' in {1}"), {key, what}));
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    const std::string nearest = NearestWord(key, allowed);
    Error(entry.first, rule_id,
          nearest.empty()
              ? Format(Tr("unknown key '{0}' in {1} (expected one of: {2})"),
                       {key, what, JoinWords(allowed)})
              : Format(Tr("unknown key '{0}' in {1} (did you mean '{2}'?)"), {key, what, nearest}));
  }
  return true;
}

YAML::Node YamlNodeReader::Get(const YAML::Node& map, const std::string& key) {
  // yaml-cpp's operator[] on a const node never inserts. With duplicate keys
  // it returns the first, and CheckMap has reported the duplicate.
  for (const auto& entry : map) {
    if (entry.first.Scalar() == key) return entry.second;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

std::optional<std::string> YamlNodeReader::Text(const YAML::Node& node, const std::string& rule_id,
                                                const std::string& what) {
  if (!node.IsScalar()) {
    Error(node, rule_id, Format(Tr("{0} must be a text value, not {1}"), {what, KindOf(node)}));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<std::int64_t> YamlNodeReader::Integer(const YAML::Node& node,
                                                    const std::string& rule_id,
                                                    const std::string& what) {
  if (node.IsScalar()) {
    const std::string& text = node.Scalar();
    std::size_t used = 0;
    try {
      const long long value = std::stoll(text, &used);
      if (used == text.size()) return value;
    } catch (const std::exception&) {
      // Reported below.
    }
  }
  Error(node, rule_id, Format(Tr("{0} must be a whole number, not {1}"), {what, KindOf(node)}));
  return std::nullopt;
}

std::optional<Date> YamlNodeReader::IsoDate(const YAML::Node& node, const std::string& rule_id,
                                            const std::string& what) {
  if (node.IsScalar()) {
    if (auto date = ParseIsoDate(node.Scalar())) return date;
  }
  Error(
      node, rule_id,
      Format(Tr("{0} must be an ISO date YYYY-MM-DD that exists, not {1}"), {what, KindOf(node)}));
  return std::nullopt;
}

std::optional<bool> YamlNodeReader::Boolean(const YAML::Node& node, const std::string& rule_id,
                                            const std::string& what) {
  if (node.IsScalar()) {
    const std::string& text = node.Scalar();
    if (text == "true") return true;
    if (text == "false") return false;
  }
  Error(node, rule_id, Format(Tr("{0} must be true or false, not {1}"), {what, KindOf(node)}));
  return std::nullopt;
}

std::optional<std::vector<std::string>> YamlNodeReader::TextList(const YAML::Node& node,
                                                                 const std::string& rule_id,
                                                                 const std::string& what) {
  std::vector<std::string> items;
  if (node.IsScalar()) {
    items.push_back(node.Scalar());
    return items;
  }
  if (!node.IsSequence()) {
    Error(node, rule_id, Format(Tr("{0} must be a list, not {1}"), {what, KindOf(node)}));
    return std::nullopt;
  }
  bool ok = true;
  for (const YAML::Node& item : node) {
    if (item.IsScalar()) {
      items.push_back(item.Scalar());
    } else {
      Error(item, rule_id,
            Format(Tr("each entry of {0} must be a text value, not {1}"), {what, KindOf(item)}));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return items;
}

}  // namespace dxcomply
