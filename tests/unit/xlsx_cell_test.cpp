// CellText: what a workbook cell can hold, counted as Excel counts.
#include "report/xlsx_writer.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

namespace dxcomply {
namespace {

std::string Repeat(const std::string& piece, std::size_t times) {
  std::string text;
  for (std::size_t i = 0; i < times; ++i) text += piece;
  return text;
}

const std::string kEllipsis = "\u2026";
const std::string kEmoji = "\U0001F600";  // two UTF-16 units

BOOST_AUTO_TEST_SUITE(xlsx_cell)

BOOST_AUTO_TEST_CASE(text_up_to_the_limit_is_kept_whole) {
  BOOST_TEST(CellText(Repeat("a", kMaxCellUnits)) == Repeat("a", kMaxCellUnits));
  BOOST_TEST(CellText(Repeat("ệ", kMaxCellUnits)) == Repeat("ệ", kMaxCellUnits));
  // 16,383 emoji and one letter: 32,767 units.
  const std::string emoji = Repeat(kEmoji, kMaxCellUnits / 2) + "a";
  BOOST_TEST(CellText(emoji) == emoji);
  BOOST_TEST(CellText("") == "");
}

BOOST_AUTO_TEST_CASE(longer_text_is_cut_to_end_in_an_ellipsis) {
  BOOST_TEST(CellText(Repeat("a", kMaxCellUnits + 1)) ==
             Repeat("a", kMaxCellUnits - 1) + kEllipsis);
  BOOST_TEST(CellText(Repeat("ệ", kMaxCellUnits + 5)) ==
             Repeat("ệ", kMaxCellUnits - 1) + kEllipsis);
  // 16,384 emoji are 32,768 units: 16,383 of them and the ellipsis fit.
  BOOST_TEST(CellText(Repeat(kEmoji, kMaxCellUnits / 2 + 1)) ==
             Repeat(kEmoji, kMaxCellUnits / 2) + kEllipsis);
  // An emoji is never split: a letter, then emoji up to the limit.
  BOOST_TEST(CellText("a" + Repeat(kEmoji, kMaxCellUnits / 2 + 1)) ==
             "a" + Repeat(kEmoji, kMaxCellUnits / 2 - 1) + kEllipsis);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_becomes_the_replacement_character) {
  BOOST_TEST(CellText("Hà \xFF N\xE1i") == "Hà \uFFFD N\uFFFDi");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
