// Whose instance a depends_on entry points at.
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/obligation.hpp"

#include <string>
#include <vector>

namespace dxcomply {

// The agency ids owning the upstream instances of `dependency` for an
// instance of `waiting_agency`: that agency itself when the entry names no
// agency or kind, otherwise the listed agencies and every agency of the
// listed kinds (in that order, without repeats).
std::vector<std::string> DependencyOwners(const Dependency& dependency,
                                          const std::string& waiting_agency,
                                          const std::vector<Agency>& agencies);

}  // namespace dxcomply
