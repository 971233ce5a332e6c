// Open duties follow succession: an instance an agency had not met on the
// last day it existed passes to its successor(s), with the due date it had.
//
// What an agency had met on that day is what a report as of that day says,
// so the engine evaluates the agencies that cease, as of the day before
// each succession, in date order (each of those evaluations sees the duties
// passed on before it), and collects what they leave unmet.
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"

#include "eval/instance_table.hpp"
#include "records/agency_directory.hpp"
#include "records/agency_timeline.hpp"

#include <functional>
#include <vector>

namespace dxcomply {

// Evaluates, as of `day`, only the agencies marked in `only`, with the
// duties `inherited` passed on so far; returns their findings.
using EvaluateAgenciesOn = std::function<std::vector<Finding>(
    DayNumber day, const std::vector<InheritedDuty>& inherited, const std::vector<bool>& only)>;

// Every duty passed on by a succession that takes effect on or before
// `as_of`, merged per successor, rule and period.
std::vector<InheritedDuty> PassOpenDuties(const RuleSet& rules, const AgencyDirectory& agencies,
                                          const AgencyTimeline& timeline, DayNumber as_of,
                                          const EvaluateAgenciesOn& evaluate);

}  // namespace dxcomply
