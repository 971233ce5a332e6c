#include "report/json_number.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace dxcomply {
namespace {

// %.{precision}g of `value` if it reads back as `value`.
bool AppendIfExact(double value, int precision, std::string& out) {
  char buffer[32];
  const auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, precision);
  double back = 0;
  std::from_chars(buffer, end, back);
  if (error != std::errc() || back != value) return false;
  out.append(buffer, end);
  return true;
}

}  // namespace

void AppendJsonNumber(double value, std::string& out) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  const std::size_t start = out.size();
  if (value != 0 && std::fabs(value) < std::numeric_limits<double>::min()) {
    // Subnormal: fewer significant bits, so the argument below does not hold.
    if (!AppendIfExact(value, 15, out) && !AppendIfExact(value, 16, out)) {
      AppendIfExact(value, 17, out);
    }
    if (out.find_first_of(".eE", start) == std::string::npos) out += ".0";
    return;
  }
  // The shortest digits that read back. When there are at most 15 of them,
  // %.15g prints exactly these digits (a double is within half a unit of the
  // 15th digit of them), so only %g's choice of layout is left to make here.
  char buffer[32];
  const char* const end =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific).ptr;
  const char* p = buffer;
  if (*p == '-') out += *p++;
  const char* const unsigned_start = p;
  char digits[20];
  int count = 0;
  for (; *p != 'e'; ++p) {
    if (*p != '.') digits[count++] = *p;
  }
  int exponent = 0;  // after 'e': a sign and at least two digits, not terminated
  for (const char* e = p + 2; e != end; ++e) exponent = exponent * 10 + (*e - '0');
  if (p[1] == '-') exponent = -exponent;
  if (count > 15) {
    out.resize(start);
    if (!AppendIfExact(value, 16, out)) AppendIfExact(value, 17, out);
  } else if (exponent < -4 || exponent >= 15) {
    out.append(unsigned_start, end);  // d.ddde-XX, as %g writes it
    return;
  } else if (exponent < 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-exponent - 1), '0');
    out.append(digits, static_cast<std::size_t>(count));
    return;
  } else if (count > exponent + 1) {
    out.append(digits, static_cast<std::size_t>(exponent + 1));
    out += '.';
    out.append(digits + exponent + 1, static_cast<std::size_t>(count - exponent - 1));
    return;
  } else {
    out.append(digits, static_cast<std::size_t>(count));
    out.append(static_cast<std::size_t>(exponent + 1 - count), '0');
  }
  if (out.find_first_of(".eE", start) == std::string::npos) out += ".0";
}

}  // namespace dxcomply
