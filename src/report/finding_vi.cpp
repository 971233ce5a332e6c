#include "report/finding_vi.hpp"

#include "engine/finding_text.hpp"
#include "eval/classify.hpp"

#include <cmath>
#include <cstdlib>

namespace dxcomply {
namespace {

constexpr double kEpsilon = 1e-9;

// The words, in one place (to be taken over by po/vi.po, issue 14).
// Indexed by Status (worst first).
constexpr const char* kStatusVi[] = {"Quá hạn",      "Có nguy cơ chậm", "Đúng tiến độ",
                                     "Đang chờ",     "Đạt (trễ hạn)",   "Đạt",
                                     "Không áp dụng"};

struct KindWords {
  const char* kind;
  const char* label;
};
constexpr KindWords kKindVi[] = {
    {"ministry", "Bộ, cơ quan ngang bộ"},
    {"gov_agency", "Cơ quan thuộc Chính phủ"},
    {"province", "Tỉnh, thành phố trực thuộc trung ương"},
    {"national", "Toàn quốc"},
};

constexpr KindWords kCheckVi[] = {
    {"coverage", "Tỷ lệ bao phủ"},
    {"count", "Số lượng"},
    {"task", "Nhiệm vụ"},
    {"indicator", "Chỉ tiêu"},
};

// Indexed by RiskGround.
constexpr const char* kGroundVi[] = {
    "sắp đến hạn",  "tốc độ không kịp",  "tiến độ báo cáo không kịp",
    "chưa bắt đầu", "bị việc khác chặn", "làm chậm việc khác"};

constexpr const char* kDay = "ngày";
constexpr const char* kWorkingDay = "ngày làm việc";
constexpr const char* kTarget = "yêu cầu ";
constexpr const char* kGoal = "mục tiêu ";
constexpr const char* kAtLeast = "ít nhất ";
constexpr const char* kNoFigure = "chưa có số liệu";
constexpr const char* kNothingToMeasure = "không có đối tượng để đánh giá";
constexpr const char* kNoTask = "chưa có nhiệm vụ nào được ghi nhận";
constexpr const char* kCompleted = "đã hoàn thành";
constexpr const char* kNotCompleted = "chưa hoàn thành";

bool IsShare(const Finding& f) { return f.obligation->check_kind != "count"; }

// The figure in the measure's unit: a share as a percentage, a count of rows
// as a number.
std::string ValueVi(const Finding& f, double value) {
  return IsShare(f) ? ViPercent(value) : ViTenths(value);
}

std::string Fraction(const Measure& measure) {
  return ViInteger(measure.numerator) + "/" + ViInteger(measure.denominator);
}

std::string DateVi(const Date& date) { return FormatVnDate(date); }

// "hạn 31/12/2025", or "hạn dự kiến 31/12/2025" where the rule chose the
// date (its source gives none): an assumed date never reads as law.
std::string DueVi(const Finding& f) {
  return std::string(f.due_assumed ? "hạn dự kiến " : "hạn ") + DateVi(*f.due);
}

// "21,4% (6/28), yêu cầu 100%": the figure now with the target; a task
// check's usual target (all done) goes without saying.
std::string NowAgainstTarget(const Finding& f) {
  const std::string& check = f.obligation->check_kind;
  std::string text = MeasureVi(f, f.at_as_of);
  if (f.at_as_of.known && (check == "coverage" || check == "indicator")) text = "đạt " + text;
  if (f.at_as_of.known && check == "count") text = "có " + text;
  if (check == "task" && f.target >= 1.0 - kEpsilon) return text;
  if (!f.at_as_of.known && check != "indicator") return text;
  text += ", ";
  text += check == "indicator" ? kGoal : kTarget;
  text += TargetVi(f);
  return text;
}

// Why an at-risk instance is at risk, from its figures: no figure yet, or a
// pace that does not reach the target by the due date.
std::string PacePhrase(const Finding& f) {
  if (!f.at_as_of.known) return std::string(kNoFigure) + " đến ngày " + DateVi(f.as_of);
  if (!f.projection || *f.projection + kEpsilon >= f.target) return "";
  if (f.obligation->check_kind == "task") {
    if (*f.projection <= kEpsilon) return "chưa ghi nhận tiến độ thực hiện";
    return "theo tiến độ đã báo cáo, đến hạn mới hoàn thành khoảng " + ViPercent(*f.projection);
  }
  const int lookback = static_cast<int>((f.as_of - f.lookback_date).days());
  return "theo tốc độ " + ViInteger(lookback) + " ngày qua, đến hạn chỉ đạt khoảng " +
         ValueVi(f, *f.projection);
}

std::string RefStateVi(const InstanceRef& ref) {
  if (!ref.task_id.empty()) return kNotCompleted;
  switch (ref.status) {
    case Status::kOverdue:
      return "quá hạn " + ViInteger(ref.days) + " " + kDay;
    case Status::kAtRisk:
      return "có nguy cơ chậm, còn " + ViInteger(ref.days) + " " + kDay;
    default:
      return kNotCompleted;
  }
}

std::string BlockedPhrase(const Finding& f) {
  if (f.blocked_by.empty()) return "";
  const InstanceRef& root = f.blocked_by.front().chain.back();
  const std::string& name = root.agency_name.empty() ? root.agency_id : root.agency_name;
  std::string text = "phụ thuộc việc chưa xong của " + name + " (" + RefStateVi(root) + ")";
  if (f.blocked_by.size() > 1) {
    text += " và " + ViInteger(static_cast<std::int64_t>(f.blocked_by.size() - 1)) + " việc khác";
  }
  return text;
}

// The at-risk finding's grounds in words (the warn window is said by the
// days left before them).
std::string GroundPhrase(const Finding& f, RiskGround ground) {
  switch (ground) {
    case RiskGround::kWarnWindow:
      return "";
    case RiskGround::kTrend:
    case RiskGround::kTaskProgress:
      return PacePhrase(f);
    case RiskGround::kNotStarted:
      return f.latest_start ? "chưa bắt đầu dù đã đến ngày phải bắt đầu " + DateVi(*f.latest_start)
                            : "chưa bắt đầu";
    case RiskGround::kBlocked:
      return BlockedPhrase(f);
    case RiskGround::kNegativeSlack:
      return f.latest_finish
                 ? "phải xong trước " + DateVi(*f.latest_finish) + " để các việc đang chờ kịp hạn"
                 : "các việc đang chờ việc này sẽ không kịp hạn";
  }
  return "";
}

void Join(std::string& text, const std::string& part) {
  if (part.empty()) return;
  if (!text.empty()) text += "; ";
  text += part;
}

}  // namespace

const char* StatusLabelVi(Status status) { return kStatusVi[static_cast<int>(status)]; }

std::string GroundsVi(const Finding& finding) {
  std::string text;
  for (RiskGround ground : GroundsIn(finding.grounds)) {
    if (!text.empty()) text += ", ";
    text += kGroundVi[static_cast<int>(ground)];
  }
  return text;
}

std::string KindLabelVi(const std::string& kind) {
  for (const KindWords& words : kKindVi) {
    if (kind == words.kind) return words.label;
  }
  return kind;
}

std::string CheckLabelVi(const std::string& check_kind) {
  for (const KindWords& words : kCheckVi) {
    if (check_kind == words.kind) return words.label;
  }
  return check_kind;
}

std::string ViInteger(std::int64_t value) {
  const std::string digits = std::to_string(value < 0 ? -value : value);
  std::string text = value < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) text += '.';
    text += digits[i];
  }
  return text;
}

std::string ViTenths(double value) {
  std::string text = FormatTenths(value);
  const std::size_t point = text.find('.');
  std::string whole = text.substr(0, point);
  const bool negative = !whole.empty() && whole[0] == '-';
  if (negative) whole.erase(0, 1);
  std::string grouped = ViInteger(std::strtoll(whole.c_str(), nullptr, 10));
  if (negative) grouped = "-" + grouped;
  return point == std::string::npos ? grouped : grouped + "," + text.substr(point + 1);
}

std::string ViPercent(double share) {
  std::string text = FormatPercent(share);  // "21.4%", never "100%" below 1
  text.pop_back();
  return ViTenths(std::strtod(text.c_str(), nullptr)) + "%";
}

std::string ViDays(int days, DayUnit unit) {
  return ViInteger(days) + " " + (unit == DayUnit::kWorking ? kWorkingDay : kDay);
}

std::string MeasureVi(const Finding& f, const Measure& measure) {
  const std::string& check = f.obligation->check_kind;
  if (!measure.known) return check == "indicator" ? kNoFigure : kNothingToMeasure;
  if (check == "coverage") return ViPercent(measure.value) + " (" + Fraction(measure) + ")";
  if (check == "count") return ViInteger(measure.numerator);
  if (check == "task") {
    if (measure.denominator == 0) return kNoTask;
    if (measure.denominator == 1) return measure.numerator == 1 ? kCompleted : kNotCompleted;
    return "hoàn thành " + Fraction(measure) + " nhiệm vụ";
  }
  return ValueVi(f, measure.value);
}

std::string TargetVi(const Finding& f) {
  if (f.obligation->check_kind == "count") {
    return kAtLeast + ViInteger(static_cast<std::int64_t>(std::llround(f.target)));
  }
  return ViPercent(f.target);
}

std::string ProjectionVi(const Finding& f) { return f.projection ? ValueVi(f, *f.projection) : ""; }

std::string StatusWithDaysVi(const Finding& f) {
  std::string text = StatusLabelVi(f.status);
  if (f.status == Status::kOverdue) {
    text += " " + ViDays(f.days_overdue, f.day_unit);
  } else if (f.status == Status::kAtRisk || f.status == Status::kOnTrack) {
    text += ", còn " + ViDays(f.days_left, f.day_unit);
  }
  return text;
}

std::string NationalTotalVi(const ObligationSummary& o) {
  const std::string fraction = ViInteger(o.numerator) + "/" + ViInteger(o.denominator);
  if (o.check_kind == "coverage" && o.denominator > 0) {
    return fraction + " (" + ViPercent(static_cast<double>(o.numerator) / o.denominator) + ")";
  }
  if (o.check_kind == "task" && o.denominator > 0) return fraction + " nhiệm vụ hoàn thành";
  if (o.check_kind == "count") return "tổng " + ViInteger(o.numerator);
  return "";
}

TitleIndex TitlesOf(const Report& report) {
  TitleIndex titles;
  for (const Finding& f : report.findings) titles.emplace(f.obligation->id, f.obligation->title);
  return titles;
}

std::string InstanceRefVi(const InstanceRef& ref, const TitleIndex& titles) {
  const std::string& agency = ref.agency_name.empty() ? ref.agency_id : ref.agency_name;
  if (!ref.task_id.empty()) {
    std::string text = "nhiệm vụ " + ref.task_id;
    if (!ref.title.empty()) text += " '" + ref.title + "'";
    return text + " của " + agency + " (" + kNotCompleted + ")";
  }
  const auto title = titles.find(ref.obligation_id);
  std::string text = agency + " · " + (title != titles.end() ? title->second : ref.obligation_id);
  if (!ref.period.empty()) text += " (" + ref.period + ")";
  return text + " (" + RefStateVi(ref) + ")";
}

std::string BlockersVi(const Finding& f, const TitleIndex& titles) {
  std::string text;
  for (const BlockerChain& chain : f.blocked_by)
    Join(text, InstanceRefVi(chain.chain.back(), titles));
  return text;
}

std::string InheritedVi(const Finding& f) { return OriginsText(f.inherited_from); }

std::string ReasonVi(const Finding& f) {
  std::string text;
  switch (f.status) {
    case Status::kOverdue:
      text = NowAgainstTarget(f);
      Join(text,
           "quá hạn " + ViDays(f.days_overdue, f.day_unit) + (f.due ? " (" + DueVi(f) + ")" : ""));
      Join(text, BlockedPhrase(f));
      break;
    case Status::kAtRisk:
      text = NowAgainstTarget(f);
      if (f.due) Join(text, "còn " + ViDays(f.days_left, f.day_unit) + " đến " + DueVi(f));
      if (f.grounds == 0) {  // a finding from before the forecast named its grounds
        Join(text, PacePhrase(f));
        Join(text, BlockedPhrase(f));
      }
      for (RiskGround ground : GroundsIn(f.grounds)) Join(text, GroundPhrase(f, ground));
      break;
    case Status::kOnTrack:
      text = NowAgainstTarget(f);
      if (f.due) {
        Join(text,
             "còn " + ViDays(f.days_left, f.day_unit) + " đến " + DueVi(f) + ", đúng tiến độ");
      }
      break;
    case Status::kWaiting:
      text = "chưa tính hạn: thời hạn tính từ khi một nghĩa vụ khác hoàn thành";
      break;
    case Status::kMetLate:
      text = NowAgainstTarget(f);
      if (f.due) {
        Join(text, "đạt sau " + DueVi(f) + " (khi đến hạn: " + MeasureVi(f, f.at_due) + ")");
      }
      break;
    case Status::kMet:
      text = NowAgainstTarget(f);
      if (f.due) Join(text, "đạt trước " + DueVi(f));
      break;
    case Status::kNotApplicable:
      text = f.at_as_of.known ? "chưa có hiệu lực hoặc không áp dụng vào ngày " + DateVi(f.as_of)
                              : std::string(kNothingToMeasure) + " vào ngày " + DateVi(f.as_of);
      break;
  }
  if (f.holds_back > 0 && (f.status == Status::kOverdue || f.status == Status::kAtRisk)) {
    Join(text, "làm chậm " + ViInteger(f.holds_back) + " việc của " +
                   ViInteger(f.holds_back_agencies) + " cơ quan");
  }
  if (!f.inherited_from.empty()) Join(text, "kế thừa từ " + InheritedVi(f));
  return text;
}

}  // namespace dxcomply
