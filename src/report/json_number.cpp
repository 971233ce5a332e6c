#include "report/json_number.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <system_error>

namespace dxcomply {
namespace {

char* Write(char* out, const char* text, std::size_t length) {
  std::memcpy(out, text, length);
  return out + length;
}

// %.{precision}g of `value` at `out` if it reads back as `value` (then the
// end), else null.
char* WriteIfExact(double value, int precision, char* out) {
  char buffer[kMaxJsonNumber];
  const auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, precision);
  double back = 0;
  std::from_chars(buffer, end, back);
  if (error != std::errc() || back != value) return nullptr;
  return Write(out, buffer, static_cast<std::size_t>(end - buffer));
}

// ".0" after a number written without '.' or exponent.
char* MarkAsReal(char* start, char* end) {
  const auto is_mark = [](char c) { return c == '.' || c == 'e' || c == 'E'; };
  return std::any_of(start, end, is_mark) ? end : Write(end, ".0", 2);
}

}  // namespace

char* WriteJsonNumber(double value, char* out) {
  if (!std::isfinite(value)) return Write(out, "null", 4);
  if (value != 0 && std::fabs(value) < std::numeric_limits<double>::min()) {
    // Subnormal: fewer significant bits, so the argument below does not hold.
    char* end = WriteIfExact(value, 15, out);
    if (end == nullptr) end = WriteIfExact(value, 16, out);
    if (end == nullptr) end = WriteIfExact(value, 17, out);
    return MarkAsReal(out, end == nullptr ? out : end);
  }
  // Whole numbers below 10^15 (counts, 0 and 1 shares): %g writes all their
  // digits, as the integer they are.
  if (std::fabs(value) < 1e15 && value == std::trunc(value)) {
    if (value == 0) return std::signbit(value) ? Write(out, "-0.0", 4) : Write(out, "0.0", 3);
    char* const end =
        std::to_chars(out, out + kMaxJsonNumber, static_cast<std::int64_t>(value)).ptr;
    return Write(end, ".0", 2);
  }
  // The shortest digits that read back, which are the digits %.{n}g prints
  // for n = their count (15 at least): %.{n}g rounds to the n digits
  // nearest the double, and when some n-digit text reads back the nearest
  // one does (it is within half a unit of the last bit: the shortest text
  // is, and the nearest is no farther), and the shortest digits are, of
  // those that read back, the nearest. The exception is a power of two,
  // whose neighbour below is nearer than the one above: 16 digits may read
  // back from above while the nearest, below, does not, so that %.16g
  // would not read back and %.17g is written.
  char buffer[kMaxJsonNumber];
  const char* const end =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific).ptr;
  char* const start = out;
  const char* p = buffer;
  if (*p == '-') *out++ = *p++;
  const char* const unsigned_start = p;
  char digits[20];
  int count = 0;
  for (; *p != 'e'; ++p) {
    if (*p != '.') digits[count++] = *p;
  }
  int exponent = 0;  // after 'e': a sign and at least two digits, not terminated
  for (const char* e = p + 2; e != end; ++e) exponent = exponent * 10 + (*e - '0');
  if (p[1] == '-') exponent = -exponent;
  if (count == 16) {
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    constexpr std::uint64_t kFraction = (std::uint64_t{1} << 52) - 1;
    if ((bits & kFraction) == 0) {
      char* written = WriteIfExact(value, 16, start);
      if (written == nullptr) written = WriteIfExact(value, 17, start);
      return MarkAsReal(start, written == nullptr ? start : written);
    }
  }
  const int precision = std::max(count, 15);  // the n of %.{n}g
  if (exponent < -4 || exponent >= precision) {
    return Write(out, unsigned_start, static_cast<std::size_t>(end - unsigned_start));  // d.ddde-XX
  }
  if (exponent < 0) {
    out = Write(out, "0.", 2);
    out = std::fill_n(out, -exponent - 1, '0');
    return Write(out, digits, static_cast<std::size_t>(count));
  }
  if (count > exponent + 1) {
    out = Write(out, digits, static_cast<std::size_t>(exponent + 1));
    *out++ = '.';
    return Write(out, digits + exponent + 1, static_cast<std::size_t>(count - exponent - 1));
  }
  out = Write(out, digits, static_cast<std::size_t>(count));
  out = std::fill_n(out, exponent + 1 - count, '0');
  return MarkAsReal(start, out);
}

void AppendJsonNumber(double value, std::string& out) {
  char buffer[kMaxJsonNumber];
  out.append(buffer, WriteJsonNumber(value, buffer));
}

}  // namespace dxcomply
