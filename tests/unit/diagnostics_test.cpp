// Diagnostics as people read them: a long source line is quoted as a window
// around the caret (10,000 errors on one line of a megabyte must not print
// the line 10,000 times), and control characters are shown as escapes.
#include "dxcomply/diagnostics.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

namespace dxcomply {
namespace {

Diagnostic Make(Severity severity, const std::string& file, int line, int column,
                const std::string& rule_id, const std::string& message) {
  Diagnostic diagnostic;
  diagnostic.severity = severity;
  diagnostic.location.file = file;
  diagnostic.location.line = line;
  diagnostic.location.column = column;
  diagnostic.rule_id = rule_id;
  diagnostic.message = message;
  return diagnostic;
}

Diagnostic At(int column, const std::string& line) {
  Diagnostic diagnostic = Make(Severity::kError, "rules/x.yaml", 3, column, "r", "bad");
  diagnostic.SetSourceLine(line);
  return diagnostic;
}

BOOST_AUTO_TEST_SUITE(diagnostics)

BOOST_AUTO_TEST_CASE(a_short_line_is_quoted_whole) {
  BOOST_TEST(At(7, "    op: gte").ToString() ==
             "rules/x.yaml:3:7: error [r]: bad\n        op: gte\n          ^");
}

BOOST_AUTO_TEST_CASE(a_long_line_is_quoted_around_the_caret) {
  std::string line = "agencies: [";
  for (int i = 0; i < 20000; ++i) line += (i ? ", " : "") + std::string("Huế-") + std::to_string(i);
  const std::size_t at = line.find("Huế-10000");
  int column = 1;
  for (std::size_t i = 0; i < at; ++i)
    column += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
  const Diagnostic diagnostic = At(column, line);
  BOOST_TEST(diagnostic.source_line.size() < 300u);
  const std::string text = diagnostic.ToString();
  const std::size_t quoted = text.find('\n') + 1;
  const std::size_t caret_line = text.find('\n', quoted) + 1;
  const std::string shown = text.substr(quoted, caret_line - 1 - quoted);
  BOOST_TEST(shown.rfind("    …", 0) == 0);
  BOOST_TEST(shown.substr(shown.size() - 3) == "…");
  // The caret stands under the 'H' of Huế-10000, counted in characters.
  const std::size_t caret = text.size() - 1 - caret_line;
  std::size_t characters = 0;
  const std::size_t target = shown.find("Huế-10000");
  for (std::size_t i = 0; i < target; ++i)
    characters += (static_cast<unsigned char>(shown[i]) & 0xC0) != 0x80;
  BOOST_TEST(caret == characters);
  BOOST_TEST(text.back() == '^');
}

BOOST_AUTO_TEST_CASE(near_either_end_the_window_is_full) {
  const std::string line(500, 'x');
  const Diagnostic first = At(1, line);
  BOOST_TEST(first.source_line == std::string(100, 'x') + "…");
  BOOST_TEST(first.ToString().substr(first.ToString().size() - 6) == "\n    ^");
  const Diagnostic last = At(500, line);
  BOOST_TEST(last.source_line == "…" + std::string(100, 'x'));
  BOOST_TEST(last.ToString().substr(last.ToString().size() - 106) ==
             "\n    " + std::string(100, ' ') + "^");
}

BOOST_AUTO_TEST_CASE(a_long_line_set_directly_is_still_quoted_as_a_window) {
  Diagnostic diagnostic = Make(Severity::kWarning, "cal.yaml", 1, 300, "", "w");
  diagnostic.source_line = std::string(1000, 'y');
  const std::string text = diagnostic.ToString();
  BOOST_TEST(text.size() < 300u);
  BOOST_TEST(text.find("…") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(control_characters_are_escaped_and_the_caret_follows) {
  const Diagnostic diagnostic = At(4, "a\tb: \x1b[2J");
  BOOST_TEST(diagnostic.ToString() ==
             "rules/x.yaml:3:4: error [r]: bad\n    a\\tb: \\x1B[2J\n        ^");
  const Diagnostic message = Make(Severity::kError, "f", 0, 0, "", "unknown key '\x1b]0;x\x07'");
  BOOST_TEST(message.ToString() == "f: error: unknown key '\\x1B]0;x\\x07'");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
