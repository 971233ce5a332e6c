#include "base/labels.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"

#include <array>

namespace dxcomply {
namespace {

struct Labels {
  // In Status order.
  std::array<std::string, kStatusCount> statuses = {
      Tr("overdue"),  TrC("status", "at risk"), Tr("on track"),          TrC("status", "waiting"),
      Tr("met late"), TrC("status", "met"),     TrC("status", "waived"), Tr("not applicable")};
  std::array<std::string, kStatusCount> headings = {
      Tr("OVERDUE"),  Tr("AT RISK"), Tr("ON TRACK"), Tr("WAITING"),
      Tr("MET LATE"), Tr("MET"),     Tr("WAIVED"),   Tr("NOT APPLICABLE")};
  std::string ministry = Tr("ministry");
  std::string gov_agency = Tr("government agency");
  std::string province = Tr("province");
  std::string national = Tr("national");
  std::string calendar_days = TrC("unit", "days");
  std::string working_days = TrC("unit", "working days");
  // In RiskGround order.
  std::array<std::string, kRiskGroundCount> grounds = {
      Tr("close to the due date"), Tr("behind pace"),          Tr("tasks behind"),
      Tr("not started in time"),   TrC("ground", "blocked"),  Tr("negative slack")};
  std::string coverage = TrC("check", "coverage");
  std::string count = TrC("check", "count");
  std::string task = TrC("check", "task");
  std::string indicator = TrC("check", "indicator");
  std::string extension = TrC("exception", "extension");
  std::string waiver = TrC("exception", "waiver");
  // English has one day and many days; Vietnamese one form.
  Phrase one_day{TrN("{0} day", "{0} days", 1)};
  Phrase days{TrN("{0} day", "{0} days", 2)};
  Phrase one_working_day{TrN("{0} working day", "{0} working days", 1)};
  Phrase working_days_count{TrN("{0} working day", "{0} working days", 2)};
};

const Labels& Current() { return Translated<Labels>(); }

}  // namespace

const std::string& StatusLabel(Status status) {
  return Current().statuses[static_cast<std::size_t>(status)];
}

const std::string& StatusHeading(Status status) {
  return Current().headings[static_cast<std::size_t>(status)];
}

std::string AgencyKindLabel(std::string_view kind) {
  const Labels& labels = Current();
  if (kind == "ministry") return labels.ministry;
  if (kind == "gov_agency") return labels.gov_agency;
  if (kind == "province") return labels.province;
  if (kind == "national") return labels.national;
  return std::string(kind);
}

const std::string& DayUnitLabel(DayUnit unit) {
  return unit == DayUnit::kWorking ? Current().working_days : Current().calendar_days;
}

const std::string& RiskGroundLabel(RiskGround ground) {
  return Current().grounds[static_cast<std::size_t>(ground)];
}

std::string CheckKindLabel(std::string_view kind) {
  const Labels& labels = Current();
  if (kind == "coverage") return labels.coverage;
  if (kind == "count") return labels.count;
  if (kind == "task") return labels.task;
  if (kind == "indicator") return labels.indicator;
  return std::string(kind);
}

const std::string& ExceptionKindLabel(ExceptionKind kind) {
  return kind == ExceptionKind::kWaiver ? Current().waiver : Current().extension;
}

std::string DaysCount(long long days, DayUnit unit) {
  const Labels& labels = Current();
  const bool one = days == 1 || days == -1;
  const Phrase& phrase = unit == DayUnit::kWorking
                             ? (one ? labels.one_working_day : labels.working_days_count)
                             : (one ? labels.one_day : labels.days);
  return phrase({std::to_string(days)});
}

}  // namespace dxcomply
