// Counts behind the summary of every output: per status, per obligation (with
// the national total of the measure), per agency kind, and data issues.
#pragma once

#include "dxcomply/finding.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace dxcomply {

using StatusCounts = std::array<int, kStatusCount>;  // indexed by static_cast<int>(Status)

struct ObligationSummary {
  std::string obligation_id;
  std::string title;
  std::string check_kind;
  StatusCounts statuses{};
  // Sum over agencies of v(T)'s numerator/denominator (coverage, task) or
  // numerator (count): e.g. 1,982 of 3,161 systems approved nationally.
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
};

struct Summary {
  StatusCounts statuses{};
  std::vector<ObligationSummary> obligations;  // in rule order of first appearance
  std::map<std::string, StatusCounts> kinds;   // agency kind -> counts
  int data_issues = 0;
  int agencies = 0;
};

Summary Summarize(const Report& report);

}  // namespace dxcomply
