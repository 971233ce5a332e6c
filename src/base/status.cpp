#include "dxcomply/finding.hpp"

namespace dxcomply {

const char* StatusName(Status status) {
  switch (status) {
    case Status::kOverdue:
      return "overdue";
    case Status::kAtRisk:
      return "at_risk";
    case Status::kOnTrack:
      return "on_track";
    case Status::kWaiting:
      return "waiting";
    case Status::kMetLate:
      return "met_late";
    case Status::kMet:
      return "met";
    case Status::kNotApplicable:
      return "not_applicable";
  }
  return "unknown";
}

const char* DayUnitName(DayUnit unit) {
  return unit == DayUnit::kWorking ? "working days" : "days";
}

std::optional<Status> ParseStatus(const std::string& name) {
  for (Status status : {Status::kOverdue, Status::kAtRisk, Status::kOnTrack, Status::kWaiting,
                        Status::kMetLate, Status::kMet, Status::kNotApplicable}) {
    if (name == StatusName(status)) return status;
  }
  return std::nullopt;
}

}  // namespace dxcomply
