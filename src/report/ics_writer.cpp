// PLACEHOLDER until the iCalendar writer lands (helper task in progress).
#include "report/ics_writer.hpp"

namespace dxcomply {

std::string AgencyCalendar(const Report&, const std::string&) { return ""; }

}  // namespace dxcomply
