#include "report/json_number.hpp"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

namespace dxcomply {
namespace {

// The definition, as the JSON reports first wrote numbers with printf.
std::string Reference(double value) {
  if (!std::isfinite(value)) return "null";
  char buffer[32];
  for (int precision = 15; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  std::string text = buffer;
  if (text.find_first_of(".eE") == std::string::npos) text += ".0";
  return text;
}

std::string Written(double value) {
  std::string out = "x";  // appends, never rewrites what is there
  AppendJsonNumber(value, out);
  return out.substr(1);
}

BOOST_AUTO_TEST_CASE(json_numbers_read_as_before) {
  for (double value : {0.0,
                       -0.0,
                       1.0,
                       -1.0,
                       0.5,
                       1e-05,
                       0.0001,
                       1e-4 * 3,
                       123456.0,
                       1e14,
                       1e15,
                       1e16,
                       1e17,
                       1e21,
                       1.5e300,
                       5e-324,
                       0.1 + 0.2,
                       1.0 / 3,
                       std::numeric_limits<double>::max(),
                       std::numeric_limits<double>::min(),
                       std::numeric_limits<double>::infinity(),
                       std::nan(""),
                       12345678901234567.0,
                       999999999999999.0,
                       -42.0,
                       9007199254740992.0,
                       9007199254740993.0}) {
    BOOST_TEST(Written(value) == Reference(value), value);
  }
  // Shares and counts as the engine computes them, and arbitrary doubles.
  for (int denominator = 1; denominator <= 400; ++denominator) {
    for (int numerator = 0; numerator <= denominator; ++numerator) {
      const double share = static_cast<double>(numerator) / denominator;
      BOOST_TEST_REQUIRE(Written(share) == Reference(share), share);
      BOOST_TEST_REQUIRE(Written(share * 1e6) == Reference(share * 1e6), share * 1e6);
    }
  }
  // Powers of two, whose neighbour below is nearer than the one above, and
  // their neighbours.
  for (int exponent = -1074; exponent <= 1023; ++exponent) {
    const double power = std::ldexp(1.0, exponent);
    for (double value : {power, std::nextafter(power, 0.0), std::nextafter(power, 2 * power)}) {
      BOOST_TEST_REQUIRE(Written(value) == Reference(value), value);
    }
  }
  std::mt19937_64 random(20221101);
  for (int i = 0; i < 50000; ++i) {
    const std::uint64_t bits = random();
    double value;
    std::memcpy(&value, &bits, sizeof value);
    BOOST_TEST_REQUIRE(Written(value) == Reference(value), value);
    const double near_one = std::ldexp(static_cast<double>(bits >> 11), -53) * 1000;
    BOOST_TEST_REQUIRE(Written(near_one) == Reference(near_one), near_one);
  }
}

}  // namespace
}  // namespace dxcomply
