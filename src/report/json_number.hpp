// JSON numbers for doubles, as the JSON reports have always written them.
#pragma once

#include <cstddef>
#include <string>

namespace dxcomply {

// The most WriteJsonNumber writes ("-2.2250738585072014e-308" and ".0" fit).
inline constexpr std::size_t kMaxJsonNumber = 32;

// Writes the shortest of %.15g, %.16g and %.17g that reads back as the same
// double, with ".0" added when that has no '.' or exponent ("1.0", "0.0",
// "1e-05", "0.0001"); "null" for infinities and NaN. At most kMaxJsonNumber
// chars at `out`; returns the end.
char* WriteJsonNumber(double value, char* out);

// The same, appended to `out`.
void AppendJsonNumber(double value, std::string& out);

}  // namespace dxcomply
