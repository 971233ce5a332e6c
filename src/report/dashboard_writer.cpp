// PLACEHOLDER until the dashboard writer lands (helper task in progress).
#include "report/dashboard_writer.hpp"

namespace dxcomply {

void WriteDashboard(const Report&, const Summary&, std::ostream&) {}

}  // namespace dxcomply
