#include "import/xlsx_reader.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

namespace dxcomply {
namespace {

std::string ReadRegression(const std::string& name) {
  std::ifstream in(std::string(DXCOMPLY_FUZZ_REGRESSIONS) + "/import_xlsx/" + name,
                   std::ios::binary);
  BOOST_TEST_REQUIRE(static_cast<bool>(in), name);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

BOOST_AUTO_TEST_SUITE(xlsx_reader)

// An 8 KB workbook whose shared string nests a million rich-text runs
// (<r><r>...<t>) once ran the reader's stack out (the fuzzer's find).
// Runs hold no runs in Office Open XML: the text of the outer ones is read.
BOOST_AUTO_TEST_CASE(deeply_nested_rich_text_is_no_crash) {
  std::string error;
  const std::optional<std::vector<Sheet>> sheets =
      ReadXlsx(ReadRegression("nested-rich-text.xlsx"), "nested.xlsx", &error);
  BOOST_TEST_REQUIRE(sheets.has_value(), error);
  BOOST_TEST_REQUIRE(sheets->size() == 1u);
  BOOST_TEST_REQUIRE((*sheets)[0].rows.size() == 1u);
  BOOST_TEST((*sheets)[0].rows[0].cells.at(0).text == "Tên hệ thống");
}

// One far cell a row (ZZZ2, ZZZ3...) made the reader keep 18,278 cells a
// row: 300 rows took 300 MB and a 250 KB file asked for 100 GB. The sheet
// is refused at the row that passes 4,194,304 cells (the 230th such row).
BOOST_AUTO_TEST_CASE(a_sheet_of_far_cells_is_refused_naming_the_cell) {
  std::string error;
  const std::optional<std::vector<Sheet>> sheets =
      ReadXlsx(ReadRegression("far-cells.xlsx"), "far.xlsx", &error);
  BOOST_TEST(!sheets.has_value());
  BOOST_TEST(error ==
             "far.xlsx: Hệ thống: quá 4194304 ô tính đến ô ZZZ231: hãy xóa những gì nằm ngoài "
             "các cột của bảng");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
