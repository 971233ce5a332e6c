// Terminal text: columns counted in characters, and nothing from a record
// that a terminal would act on (escape sequences, line breaks, direction
// overrides) reaches it raw.
#include "report/text_layout.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

namespace dxcomply {
namespace {

BOOST_AUTO_TEST_SUITE(text_layout)

BOOST_AUTO_TEST_CASE(vietnamese_text_is_unchanged_and_counted_in_characters) {
  BOOST_TEST(TerminalSafe("Thừa Thiên Huế – Bộ Tư pháp") == "Thừa Thiên Huế – Bộ Tư pháp");
  BOOST_TEST(FitWidth("Nghệ An", 10) == "Nghệ An   ");
  BOOST_TEST(FitWidth("Bộ Lao động - Thương binh", 10) == "Bộ Lao độ…");
  BOOST_TEST(PadLeft("Huế", 5) == "  Huế");
}

BOOST_AUTO_TEST_CASE(control_characters_show_as_escapes) {
  BOOST_TEST(TerminalSafe("a\x1b]0;title\x07"
                          "b") == "a\\x1B]0;title\\x07b");
  BOOST_TEST(TerminalSafe("line\nbreak\r\ttab\x7f") == "line\\nbreak\\r\\ttab\\x7F");
  BOOST_TEST(TerminalSafe(std::string("nul\0x", 5)) == "nul\\x00x");
  BOOST_TEST(TerminalSafe("\xC2\x9B"
                          "31m") == "\\u009B31m");  // C1 CSI
  BOOST_TEST(TerminalSafe("\xE2\x80\xAE"
                          "evil\xE2\x81\xA6") == "\\u202Eevil\\u2066");        // bidi
  BOOST_TEST(TerminalSafe("\xC2\xA0\xE2\x80\x93") == "\xC2\xA0\xE2\x80\x93");  // nbsp, en dash
  BOOST_TEST(TerminalSafe("cut \xE2\x80") == "cut \xE2\x80");
}

BOOST_AUTO_TEST_CASE(a_column_keeps_its_width_whatever_the_name_holds) {
  BOOST_TEST(FitWidth("Bộ\nOVERDUE", 12) == "Bộ\\nOVERDUE ");
  BOOST_TEST(FitWidth("\x1b[2J", 6) == "\\x1B[…");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
