// Dates as Vietnamese offices type them: 30/09/2022 or 30/9/2022.
#pragma once

#include "dxcomply/date.hpp"

#include <optional>
#include <string_view>

namespace dxcomply {

// Parses exactly "d/m/yyyy" (day and month of one or two digits, a year of
// four) into the date it names, if that day exists (29/02/2023 fails).
// Years kFirstDateYear..kLastDateYear (1900-2199), as ParseIsoDate. Nothing else is accepted: no
// spaces, no other separators, no two-digit years, no "30/09/2022 10:00"; nullopt for anything
// else. Spreadsheets type dates this way; the engine stores them ISO.
std::optional<Date> ParseDayMonthYear(std::string_view text);

}  // namespace dxcomply
