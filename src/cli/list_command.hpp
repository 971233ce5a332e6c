// `dxcomply list agencies|obligations`: the ids the other commands take,
// with what a person needs to pick one (names, kinds; titles, themes, due
// dates and periods, scopes).
#pragma once

#include "cli/exit_status.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace dxcomply {

struct ListOptions {
  std::string what;                // "agencies" or "obligations"
  std::string database;            // agencies: required
  std::string rules;               // obligations; empty: the shipped rules
  std::string as_of;               // ISO date; empty: today
  std::vector<std::string> kinds;  // agencies: only these kinds
  std::string format = "text";     // text or json
};

ExitStatus RunList(const ListOptions& options, std::ostream& out, std::ostream& err);

}  // namespace dxcomply
