// Numbers and dates as people read them, in the current language
// (base/language.hpp): Vietnamese 1.403, 12,5% and 30/09/2022; English
// 1,403, 12.5% and 2022-09-30. Files for programs (JSON, CSV codes and
// dates) keep ISO dates and plain numbers whatever the language.
#pragma once

#include "dxcomply/date.hpp"

#include <string>

namespace dxcomply {

char ThousandsSeparator();  // '.' in Vietnamese, ',' in English
char DecimalSeparator();    // ',' in Vietnamese, '.' in English

// "30/09/2022" in Vietnamese, "2022-09-30" in English.
std::string ShownDate(const Date& date);

}  // namespace dxcomply
