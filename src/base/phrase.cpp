#include "base/phrase.hpp"

namespace dxcomply {

Phrase::Phrase(std::string_view format) {
  text_.reserve(format.size());
  Part part{0, 0, -1};
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] == '{' && i + 2 < format.size() && format[i + 1] >= '0' && format[i + 1] <= '9' &&
        format[i + 2] == '}') {
      part.size = text_.size() - part.begin;
      part.argument = format[i + 1] - '0';
      parts_.push_back(part);
      part = {text_.size(), 0, -1};
      i += 2;
      continue;
    }
    text_ += format[i];
  }
  part.size = text_.size() - part.begin;
  if (part.size > 0) parts_.push_back(part);
}

void Phrase::AppendTo(std::string& out, std::initializer_list<std::string_view> arguments) const {
  for (const Part& part : parts_) {
    out.append(text_, part.begin, part.size);
    if (part.argument >= 0 && static_cast<std::size_t>(part.argument) < arguments.size()) {
      out += arguments.begin()[part.argument];
    }
  }
}

std::string Format(std::string_view format, std::initializer_list<std::string_view> arguments) {
  return Phrase(format)(arguments);
}

}  // namespace dxcomply
