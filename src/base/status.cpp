#include "dxcomply/finding.hpp"

namespace dxcomply {

static_assert(static_cast<int>(Status::kNotApplicable) + 1 == kStatusCount,
              "kStatusCount counts every Status");

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
    case Status::kWaived:
      return "waived";
    case Status::kNotApplicable:
      return "not_applicable";
  }
  return "unknown";
}

const char* RiskGroundName(RiskGround ground) {
  switch (ground) {
    case RiskGround::kWarnWindow:
      return "warn_window";
    case RiskGround::kTrend:
      return "trend";
    case RiskGround::kTaskProgress:
      return "task_progress";
    case RiskGround::kNotStarted:
      return "not_started";
    case RiskGround::kBlocked:
      return "blocked";
    case RiskGround::kNegativeSlack:
      return "negative_slack";
  }
  return "unknown";
}

std::vector<RiskGround> GroundsIn(RiskGrounds set) {
  std::vector<RiskGround> grounds;
  for (int i = 0; i < kRiskGroundCount; ++i) {
    if ((set >> i) & 1u) grounds.push_back(static_cast<RiskGround>(i));
  }
  return grounds;
}

const char* DayUnitName(DayUnit unit) {
  return unit == DayUnit::kWorking ? "working days" : "days";
}

std::optional<Status> ParseStatus(const std::string& name) {
  for (Status status : {Status::kOverdue, Status::kAtRisk, Status::kOnTrack, Status::kWaiting,
                        Status::kMetLate, Status::kMet, Status::kWaived, Status::kNotApplicable}) {
    if (name == StatusName(status)) return status;
  }
  return std::nullopt;
}

const char* ExceptionKindName(ExceptionKind kind) {
  return kind == ExceptionKind::kWaiver ? "waiver" : "extension";
}

}  // namespace dxcomply
