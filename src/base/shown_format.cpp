#include "base/shown_format.hpp"

#include "base/language.hpp"

namespace dxcomply {

char ThousandsSeparator() { return CurrentLanguage() == Language::kVietnamese ? '.' : ','; }

char DecimalSeparator() { return CurrentLanguage() == Language::kVietnamese ? ',' : '.'; }

std::string ShownDate(const Date& date) {
  std::string iso = FormatIsoDate(date);
  if (CurrentLanguage() != Language::kVietnamese) return iso;
  // FormatVnDate's text, rearranged from the ISO one without printf:
  // reasons show a date or two each, a quarter of a million times.
  return {iso[8], iso[9], '/', iso[5], iso[6], '/', iso[0], iso[1], iso[2], iso[3]};
}

}  // namespace dxcomply
