#include "import/csv_reader.hpp"

#include <boost/test/unit_test.hpp>

namespace dxcomply {
namespace {

std::vector<std::string> Texts(const SheetRow& row) {
  std::vector<std::string> texts;
  for (const SheetCell& cell : row.cells) texts.push_back(cell.text);
  return texts;
}

BOOST_AUTO_TEST_SUITE(csv_reader)

BOOST_AUTO_TEST_CASE(bom_semicolons_crlf_and_quotes) {
  std::string error;
  const std::optional<Sheet> sheet = ParseCsv(
      "\xEF\xBB\xBFVai trò;Hình thức\r\n\"a;b\";\"say \"\"hi\"\"\"\r\n;x\r\n", "t.csv", &error);
  BOOST_TEST_REQUIRE(sheet.has_value(), error);
  BOOST_TEST(sheet->name == "t.csv");
  BOOST_TEST_REQUIRE(sheet->rows.size() == 3u);
  BOOST_TEST(Texts(sheet->rows[0]) == (std::vector<std::string>{"Vai trò", "Hình thức"}));
  BOOST_TEST(Texts(sheet->rows[1]) == (std::vector<std::string>{"a;b", "say \"hi\""}));
  BOOST_TEST((sheet->rows[2].cells[0].kind == SheetCell::Kind::kEmpty));
  BOOST_TEST(sheet->rows[2].cells[1].text == "x");
  BOOST_TEST(sheet->rows[2].number == 3);
}

BOOST_AUTO_TEST_CASE(commas_and_line_breaks_inside_quotes_keep_row_numbers) {
  std::string error;
  const std::optional<Sheet> sheet = ParseCsv("a,b\n\"one\ntwo\",2\n\n3,\"4,5\"", "t.csv", &error);
  BOOST_TEST_REQUIRE(sheet.has_value(), error);
  BOOST_TEST_REQUIRE(sheet->rows.size() == 3u);
  BOOST_TEST(Texts(sheet->rows[1]) == (std::vector<std::string>{"one\ntwo", "2"}));
  BOOST_TEST(sheet->rows[1].number == 2);
  BOOST_TEST(Texts(sheet->rows[2]) == (std::vector<std::string>{"3", "4,5"}));
  BOOST_TEST(sheet->rows[2].number == 5);  // an empty line 4 is skipped, not renumbered
}

BOOST_AUTO_TEST_CASE(the_header_decides_the_separator) {
  std::string error;
  const std::optional<Sheet> sheet = ParseCsv("a,b\n1;2,3\n", "t.csv", &error);
  BOOST_TEST_REQUIRE(sheet.has_value());
  BOOST_TEST(Texts(sheet->rows[1]) == (std::vector<std::string>{"1;2", "3"}));
}

BOOST_AUTO_TEST_CASE(refuses_an_open_quote_and_text_that_is_not_utf8) {
  std::string error;
  BOOST_TEST(!ParseCsv("a,b\n\"open,2\n", "t.csv", &error).has_value());
  BOOST_TEST(error == "t.csv: dòng 2: dấu ngoặc kép mở mà không đóng");
  BOOST_TEST(!ParseCsv("a\nNgh\xea An\n", "t.csv", &error).has_value());  // Latin-1/Windows-1258
  BOOST_TEST(error.find("không phải văn bản UTF-8") != std::string::npos);
}

// Byte sequences shaped like UTF-8 that are not: an overlong "/", a UTF-16
// surrogate, a code point past U+10FFFF. The reader let them into the
// database; Vietnamese in any form, and 4-byte characters, still pass.
BOOST_AUTO_TEST_CASE(refuses_overlong_forms_surrogates_and_past_unicode) {
  std::string error;
  for (const char* bad : {"a\n\xC0\xAF\n", "a\n\xE0\x80\xAF\n", "a\n\xED\xA0\x80\n",
                          "a\n\xF4\x90\x80\x80\n", "a\n\xF0\x80\x80\xAF\n"}) {
    BOOST_TEST(!ParseCsv(bad, "t.csv", &error).has_value(), bad);
  }
  const std::optional<Sheet> sheet =
      ParseCsv("a\nNghệ An \xF0\x9F\x93\x84 \xEF\xBF\xBF\n", "t.csv", &error);
  BOOST_TEST_REQUIRE(sheet.has_value(), error);
  BOOST_TEST(sheet->rows[1].cells[0].text == "Nghệ An \xF0\x9F\x93\x84 \xEF\xBF\xBF");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
