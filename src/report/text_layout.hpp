// Fixed-width text for terminals, counting characters (code points), not
// bytes, so that columns of Vietnamese names line up.
#pragma once

#include <cstddef>
#include <string>

namespace dxcomply {

std::size_t DisplayWidth(const std::string& utf8);
// Pads with spaces to `width`, or cuts at `width` ending in "…".
std::string FitWidth(const std::string& utf8, std::size_t width);
std::string PadLeft(const std::string& utf8, std::size_t width);
// 3161 -> "3.161" in Vietnamese, "3,161" in English (base/shown_format.hpp).
std::string GroupThousands(long long value);
std::string GroupThousands(long long value, char separator);

}  // namespace dxcomply
