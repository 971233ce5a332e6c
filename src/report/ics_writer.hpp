// iCalendar (RFC 5545) files: one per agency, one event per upcoming
// deadline of that agency, with the obligation's title, its legal source and
// an alarm `warn_before` ahead. UIDs are stable (obligation, period, agency),
// so importing a newer file updates the events instead of duplicating them.
#pragma once

#include <string>

#include "dxcomply/finding.hpp"

namespace dxcomply {

// The calendar of `agency_id`'s upcoming deadlines in `report` (due on or
// after the as-of date, not yet met). Deterministic for the same report.
std::string AgencyCalendar(const Report& report, const std::string& agency_id);

}  // namespace dxcomply
