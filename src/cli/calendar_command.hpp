// `dxcomply calendar`: the questions officials ask of the working-day
// calendar (rules/calendar/*.yaml, or the Labor Code where a year has no
// decision file).
#pragma once

#include "cli/exit_status.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace dxcomply {

struct CalendarOptions {
  std::string rules;                              // its calendar/; empty: the shipped rules
  std::optional<int> year;                        // days off and working Saturdays of a year
  std::vector<std::string> add_working_days;      // {date, n}: the n-th working day after date
  std::vector<std::string> add_days;              // {date, n}: n days after, moved off a day off
  std::vector<std::string> working_days_between;  // {from, to}: working days in (from, to]
  std::string is_working_day;                     // date
  std::string lunar;                              // date: its lunar date
};

ExitStatus RunCalendar(const CalendarOptions& options, std::ostream& out, std::ostream& err);

}  // namespace dxcomply
