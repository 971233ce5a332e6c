#include "report/text_layout.hpp"

#include "base/shown_format.hpp"

namespace dxcomply {
namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::size_t DisplayWidth(const std::string& utf8) {
  std::size_t width = 0;
  for (unsigned char c : utf8) {
    if (!IsContinuation(c)) ++width;
  }
  return width;
}

std::string FitWidth(const std::string& utf8, std::size_t width) {
  const std::size_t current = DisplayWidth(utf8);
  if (current <= width) return utf8 + std::string(width - current, ' ');
  std::string cut;
  std::size_t characters = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (!IsContinuation(c) && ++characters > width - 1) break;
    cut += utf8[i];
  }
  return cut + "…";
}

std::string PadLeft(const std::string& utf8, std::size_t width) {
  const std::size_t current = DisplayWidth(utf8);
  return current >= width ? utf8 : std::string(width - current, ' ') + utf8;
}

std::string GroupThousands(long long value) { return GroupThousands(value, ThousandsSeparator()); }

std::string GroupThousands(long long value, char separator) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += separator;
    grouped += digits[i];
  }
  return (value < 0 ? "-" : "") + grouped;
}

}  // namespace dxcomply
