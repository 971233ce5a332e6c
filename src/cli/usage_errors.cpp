#include "cli/usage_errors.hpp"

#include "base/language.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"

#include <regex>
#include <vector>

namespace dxcomply {
namespace {

struct Shape {
  std::regex pattern;  // CLI11 2.x's message; its groups are the placeholders
  const char* format;  // the translation, TrNoop-marked
};

// The messages of CLI11 (CLI/Error.hpp, CLI/Validators.hpp) that dxcomply's
// options can raise.
const std::vector<Shape>& Shapes() {
  static const std::vector<Shape> shapes = {
      {std::regex("^A subcommand is required$"), TrNoop("a command is required")},
      {std::regex("^(.+) is required$"), TrNoop("{0} is required")},
      {std::regex("^The following arguments? (?:was|were) not expected: (.*)$"),
       TrNoop("not expected here: {0}")},
      {std::regex("^Could not convert: (.+) = (.*)$"), TrNoop("{0} does not take '{1}'")},
      {std::regex("^The value (.+) is not an allowed value for (.+)$"),
       TrNoop("{1} does not take '{0}'")},
      {std::regex("^(.+): Value (.+) not in range (.+) to (.+)$"),
       TrNoop("{0}: {1} is outside {2} to {3}")},
      {std::regex("^(.+): At least (\\d+) required but received (\\d+)$"),
       TrNoop("{0} takes at least {1} values, not {2}")},
      {std::regex("^(.+): At Most (\\d+) required but received (\\d+)$"),
       TrNoop("{0} takes at most {1} values, not {2}")},
      {std::regex("^(.+): (.+) not in \\{(.*)\\}$"),
       TrNoop("{0} does not take '{1}' (one of: {2})")},
      {std::regex("^(.+): File does not exist: (.*)$"), TrNoop("{0}: file {1} does not exist")},
  };
  return shapes;
}

}  // namespace

std::string UsageErrorText(const std::string& what) {
  const std::string hint = std::string(Tr("Run with --help for more information.")) + "\n";
  if (CurrentLanguage() == Language::kEnglish) return what + "\n" + hint;
  std::smatch match;
  for (const Shape& shape : Shapes()) {
    if (!std::regex_match(what, match, shape.pattern)) continue;
    const std::string a = match.size() > 1 ? match[1].str() : "";
    const std::string b = match.size() > 2 ? match[2].str() : "";
    const std::string c = match.size() > 3 ? match[3].str() : "";
    const std::string d = match.size() > 4 ? match[4].str() : "";
    return Tr("error: ") + Format(Tr(shape.format), {a, b, c, d}) + "\n" + hint;
  }
  return Tr("error: ") + what + "\n" + hint;
}

}  // namespace dxcomply
