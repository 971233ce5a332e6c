#include "eval/dependency_owners.hpp"

#include <algorithm>

namespace dxcomply {

std::vector<std::string> DependencyOwners(const Dependency& dependency,
                                          const std::string& waiting_agency,
                                          const std::vector<Agency>& agencies) {
  std::vector<std::string> owners;
  const auto add = [&](const std::string& id) {
    if (std::find(owners.begin(), owners.end(), id) == owners.end()) owners.push_back(id);
  };
  if (dependency.agencies.empty() && dependency.kinds.empty()) add(waiting_agency);
  for (const std::string& id : dependency.agencies) add(id);
  for (const std::string& kind : dependency.kinds) {
    for (const Agency& agency : agencies) {
      if (agency.kind == kind) add(agency.id);
    }
  }
  return owners;
}

}  // namespace dxcomply
