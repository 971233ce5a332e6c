// Reading rules/calendar/<year>.yaml (internal; the only user of yaml-cpp
// for calendar files). The format is documented in docs/calendar.md.
//
// Both functions collect every problem they find into `diagnostics`, with
// file:line:column (1-based), and never throw. A file with any error yields
// no CalendarYear; warnings (a statutory holiday that no range covers) do not
// reject the file.
#pragma once

#include "dxcomply/diagnostics.hpp"
#include "dxcomply/work_calendar.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dxcomply {

// Parses the text of one calendar file. `file` is its path as diagnostics
// should show it; its name must be <year>.yaml or <year>.yml, and the `year`
// key must repeat that year. The result has from_decision = true and
// file = `file`; ranges and working Saturdays are in date order.
std::optional<CalendarYear> ParseCalendarFile(const std::string& text, const std::string& file,
                                              Diagnostics& diagnostics);

// Reads every *.yaml and *.yml file directly in `directory`, in name order
// (other files and names starting with '.' are ignored). Two files for the
// same year are an error on the second. A missing or unreadable directory
// is one error and an empty result.
std::vector<CalendarYear> LoadCalendarDirectory(const std::string& directory,
                                                Diagnostics& diagnostics);

}  // namespace dxcomply
