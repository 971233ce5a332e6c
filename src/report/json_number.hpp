// JSON numbers for doubles, as the JSON reports have always written them.
#pragma once

#include <string>

namespace dxcomply {

// Appends the shortest of %.15g, %.16g and %.17g that reads back as the same
// double, with ".0" added when that has no '.' or exponent ("1.0", "0.0",
// "1e-05", "0.0001"); "null" for infinities and NaN.
void AppendJsonNumber(double value, std::string& out);

}  // namespace dxcomply
