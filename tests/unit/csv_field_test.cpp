// CSV fields: RFC 4180 quoting, and no field a spreadsheet would run as a
// formula (CSV injection).
#include "report/csv_field.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

namespace dxcomply {
namespace {

std::string Field(const std::string& value) {
  std::string out;
  AppendCsvField(value, out);
  return out;
}

BOOST_AUTO_TEST_SUITE(csv_field)

BOOST_AUTO_TEST_CASE(quotes_what_rfc_4180_needs_quoted) {
  BOOST_TEST(Field("Nghệ An") == "Nghệ An");
  BOOST_TEST(Field("a,b") == "\"a,b\"");
  BOOST_TEST(Field("say \"x\"") == "\"say \"\"x\"\"\"");
  BOOST_TEST(Field("two\nlines") == "\"two\nlines\"");
  BOOST_TEST(Field("") == "");
  BOOST_TEST(CsvRow({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
}

BOOST_AUTO_TEST_CASE(a_value_that_starts_like_a_formula_is_text) {
  BOOST_TEST(Field("=HYPERLINK(\"http://x\",\"y\")") ==
             "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  BOOST_TEST(Field("+1+cmd|' /C calc'!A0") == "\"'+1+cmd|' /C calc'!A0\"");
  BOOST_TEST(Field("-2+3") == "\"'-2+3\"");
  BOOST_TEST(Field("@SUM(A1)") == "\"'@SUM(A1)\"");
  BOOST_TEST(Field("\t=1") == "\"'\t=1\"");
  BOOST_TEST(Field("\r=1") == "\"'\r=1\"");
  BOOST_TEST(Field("- not a number") == "\"'- not a number\"");
  BOOST_TEST(Field("-") == "\"'-\"");
}

BOOST_AUTO_TEST_CASE(numbers_keep_their_sign) {
  for (const char* number : {"-5", "+5", "-0.125", "1e-05", "-1.5E+10", "0", "42"}) {
    BOOST_TEST_CONTEXT(number) {
      BOOST_TEST(!StartsLikeFormula(number));
      BOOST_TEST(Field(number) == number);
    }
  }
  for (const char* formula : {"-5+1", "-5.", "-.5", "-1e", "+", "-1e5x", "=1"}) {
    BOOST_TEST_CONTEXT(formula) { BOOST_TEST(StartsLikeFormula(formula)); }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
