#include "import/cell_value.hpp"

#include "import/sheet.hpp"
#include "import/xlsx_reader.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/test/unit_test.hpp>

#include <limits>

namespace dxcomply {
namespace {

SheetCell Text(const std::string& text) { return {SheetCell::Kind::kText, text, 0, false}; }
SheetCell Number(double number) { return {SheetCell::Kind::kNumber, "", number, false}; }
SheetCell Serial(double number) { return {SheetCell::Kind::kNumber, "", number, true}; }

ColumnSpec Column(ColumnType type) {
  ColumnSpec column;
  column.name = "c";
  column.type = type;
  return column;
}

std::string Read(const SheetCell& cell, const ColumnSpec& column) {
  const CellReading reading = ReadCellAs(cell, column);
  return reading.problem.empty() ? reading.value.ToString() : "! " + reading.problem;
}

BOOST_AUTO_TEST_SUITE(cell_value)

BOOST_AUTO_TEST_CASE(dates_from_serials_vietnamese_and_iso_text) {
  const ColumnSpec date = Column(ColumnType::kDate);
  BOOST_TEST(Read(Serial(44834), date) == "2022-09-30");
  BOOST_TEST(Read(Serial(44834.75), date) == "2022-09-30");  // a time of day is dropped
  BOOST_TEST(Read(Text("30/9/2022"), date) == "2022-09-30");
  BOOST_TEST(Read(Text(" 2022-09-30 "), date) == "2022-09-30");
  BOOST_TEST(Read(Text("31/02/2022"), date) ==
             "! '31/02/2022' không phải ngày có thật (nhập dd/mm/yyyy hoặc yyyy-mm-dd)");
  BOOST_TEST(Read(Number(44834), date).rfind("! '44834' không phải ngày", 0) == 0);
  BOOST_TEST(Read(SheetCell{}, date) == "");
}

BOOST_AUTO_TEST_CASE(excel_serial_days) {
  BOOST_TEST(ExcelSerialDate(1).value() == Date(1900, 1, 1));
  BOOST_TEST(ExcelSerialDate(59).value() == Date(1900, 2, 28));
  BOOST_TEST(!ExcelSerialDate(60).has_value());  // Excel's 29/02/1900
  BOOST_TEST(ExcelSerialDate(61).value() == Date(1900, 3, 1));
  BOOST_TEST(ExcelSerialDate(25569).value() == Date(1970, 1, 1));
  BOOST_TEST(!ExcelSerialDate(0).has_value());
}

BOOST_AUTO_TEST_CASE(whole_numbers_in_their_range) {
  ColumnSpec level = Column(ColumnType::kInteger);
  level.min = 1;
  level.max = 5;
  BOOST_TEST(Read(Number(3), level) == "3");
  BOOST_TEST(Read(Text("3"), level) == "3");
  BOOST_TEST(Read(Number(7), level) == "! '7' nằm ngoài khoảng 1 đến 5");
  BOOST_TEST(Read(Number(2.5), level) == "! '2.5' không phải số nguyên");
  BOOST_TEST(Read(Text("ba"), level) == "! 'ba' không phải số nguyên");
}

BOOST_AUTO_TEST_CASE(fractions_as_percent_decimal_comma_or_share) {
  const ColumnSpec progress = Column(ColumnType::kFraction);
  BOOST_TEST(Read(Number(0.25), progress) == "0.25");
  BOOST_TEST(Read(Text("50%"), progress) == "0.5");
  BOOST_TEST(Read(Text("0,75"), progress) == "0.75");
  BOOST_TEST(Read(Text("150%"), progress).rfind("! '150%' phải từ 0% đến 100%", 0) == 0);
  BOOST_TEST(Read(Number(50), progress).rfind("! '50' phải từ 0%", 0) == 0);
  const ColumnSpec value = Column(ColumnType::kReal);
  BOOST_TEST(Read(Text("14,96%"), value) == "0.1496");
  BOOST_TEST(Read(Text("abc"), value) == "! 'abc' không phải số");
}

// An .xlsx may hold "NaN" or "1e400" in a number cell (the fuzzer's
// find): read as is, SQLite stored NaN as NULL (in a NOT NULL column the
// import failed at the insert, naming no cell) and infinity as a value.
BOOST_AUTO_TEST_CASE(nan_and_infinity_are_no_numbers) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double infinity = std::numeric_limits<double>::infinity();
  BOOST_TEST(Read(Number(nan), Column(ColumnType::kReal)) == "! 'nan' không phải số");
  BOOST_TEST(Read(Number(infinity), Column(ColumnType::kReal)) == "! 'inf' không phải số");
  BOOST_TEST(Read(Number(nan), Column(ColumnType::kFraction)).rfind("! 'nan' phải từ 0%", 0) == 0);
  BOOST_TEST(Read(Number(-infinity), Column(ColumnType::kInteger)) ==
             "! '-inf' không phải số nguyên");
}

// An .xlsx part's XML is read byte for byte: an overlong "/" or a UTF-16
// surrogate in a cell reached the database as it was.
BOOST_AUTO_TEST_CASE(text_that_is_not_utf8_is_refused) {
  const std::string refused = "! văn bản trong ô không phải UTF-8 (tệp hỏng?): hãy nhập lại";
  BOOST_TEST(Read(Text("Ban h\xC0\xAFnh"), Column(ColumnType::kText)) == refused);
  BOOST_TEST(Read(Text("\xED\xA0\x80"), Column(ColumnType::kInteger)) == refused);
  BOOST_TEST(Read(Text("Ban hành \xF0\x9F\x93\x84"), Column(ColumnType::kText)) ==
             "Ban hành \xF0\x9F\x93\x84");
}

BOOST_AUTO_TEST_CASE(booleans_as_co_khong) {
  const ColumnSpec flag = Column(ColumnType::kBoolean);
  BOOST_TEST(Read(Text("Có"), flag) == "1");
  BOOST_TEST(Read(Text("Không"), flag) == "0");
  BOOST_TEST(Read(SheetCell{SheetCell::Kind::kBoolean, "", 1, false}, flag) == "1");
  BOOST_TEST(Read(Number(0), flag) == "0");
  BOOST_TEST(Read(Text("x"), flag) == "! 'x' không phải Có hoặc Không");
}

BOOST_AUTO_TEST_CASE(listed_text_by_value_or_vietnamese_label) {
  ColumnSpec role = Column(ColumnType::kText);
  role.values = {"security_specialist", "manager"};
  role.value_labels = {"Chuyên gia an toàn thông tin", "Quản lý"};
  BOOST_TEST(Read(Text("Quản lý"), role) == "manager");
  BOOST_TEST(Read(Text("security_specialist"), role) == "security_specialist");
  BOOST_TEST(Read(Text("Chuyên viên"), role) ==
             "! 'Chuyên viên' không có trong danh sách: Chuyên gia an toàn thông tin, Quản lý");
  BOOST_TEST(Labelled(role, Value::Text("manager")) == "Quản lý");
  const ColumnSpec period = Column(ColumnType::kText);
  BOOST_TEST(Read(Number(2022), period) == "2022");  // a year typed into Excel is a number
  BOOST_TEST(Read(Serial(44834), period).rfind("! ô kiểu ngày", 0) == 0);
  BOOST_TEST(Read(SheetCell{SheetCell::Kind::kError, "#REF!", 0, false}, period) ==
             "! ô có lỗi công thức #REF!");
}

BOOST_AUTO_TEST_CASE(date_formats_and_cell_names) {
  BOOST_TEST(IsDateFormat(14, ""));
  BOOST_TEST(!IsDateFormat(0, ""));
  BOOST_TEST(!IsDateFormat(10, "0.00%"));
  BOOST_TEST(IsDateFormat(164, "dd/mm/yyyy"));
  BOOST_TEST(IsDateFormat(165, "[$-42A]d mmmm yyyy"));
  BOOST_TEST(!IsDateFormat(166, "#,##0\" đồng\""));
  BOOST_TEST(!IsDateFormat(167, "[Red]0.0"));
  BOOST_TEST(CellName("Hệ thống", 5, 12) == "Hệ thống!F12");
  BOOST_TEST(ColumnLetters(26) == "AA");
  BOOST_TEST(ColumnIndex("AA") == 26);
  BOOST_TEST(ColumnIndex("F") == 5);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
