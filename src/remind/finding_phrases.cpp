#include "remind/finding_phrases.hpp"

#include "remind/vietnamese_text.hpp"

namespace dxcomply {
namespace {

constexpr double kEpsilon = 1e-9;

// " hệ thống thông tin" or "" when the table has no name in letters.
std::string NounAfterCount(const Obligation* obligation) {
  if (obligation == nullptr) return "";
  const std::string noun = RecordNoun(obligation->check.table);
  return noun.empty() ? "" : " " + noun;
}

std::string Fraction(const Measure& measure) {
  return VnInteger(measure.numerator) + "/" + VnInteger(measure.denominator);
}

std::string TaskPhrase(const Finding& finding) {
  const Measure& now = finding.at_as_of;
  std::string text;
  if (now.denominator == 0) {
    text = "chưa có công việc nào được ghi nhận";
  } else if (now.denominator == 1) {
    text = now.numerator == 1 ? "đã hoàn thành" : "chưa hoàn thành";
  } else {
    text = "hoàn thành " + Fraction(now) + " công việc";
  }
  if (finding.target < 1.0 - kEpsilon) text += ", yêu cầu " + VnPercent(finding.target);
  return text;
}

std::string Trim(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" ,");
  if (first == std::string::npos) return "";
  const std::size_t last = text.find_last_not_of(" ,");
  return text.substr(first, last - first + 1);
}

// The kinds of documents a letter may cite as its basis.
bool NamesDocument(const std::string& part) {
  for (const char* kind :
       {"Sơ kết", "Báo cáo", "Quyết định", "Nghị quyết", "Nghị định", "Văn bản", "Công văn",
        "Chỉ thị", "Kế hoạch", "Thông tư", "Thông báo", "Luật", "Chiến lược", "Chương trình"}) {
    if (StartsWith(part, kind)) return true;
  }
  return false;
}

}  // namespace

std::string LegalBasis(const LegalSource& source) {
  std::string basis;
  std::size_t start = 0;
  while (start <= source.document.size()) {
    std::size_t end = source.document.find("; ", start);
    if (end == std::string::npos) end = source.document.size();
    const std::string part = Trim(source.document.substr(start, end - start));
    if (NamesDocument(part)) {
      const std::string title = Trim(part.substr(0, part.find(" (")));
      if (!title.empty() && basis.find(title) == std::string::npos) {
        basis += (basis.empty() ? "" : "; ") + title;
      }
    }
    start = end + 2;
  }
  return basis.empty() ? source.document : basis;
}

std::string RecordNoun(const std::string& table) {
  if (table == "information_system") return "hệ thống thông tin";
  if (table == "security_staff") return "chuyên gia";
  if (table == "task") return "công việc";
  return "";
}

std::string MeasuredPhrase(const Finding& finding, const Obligation* obligation) {
  const Measure& now = finding.at_as_of;
  if (finding.obligation->check_kind == "task") {
    return now.known ? TaskPhrase(finding) : "chưa có công việc nào được ghi nhận";
  }
  if (finding.obligation->check_kind == "indicator") {
    const std::string target = "mục tiêu " + VnPercent(finding.target);
    return now.known ? "đạt " + VnPercent(now.value) + ", " + target
                     : "chưa có số liệu báo cáo, " + target;
  }
  if (finding.obligation->check_kind == "count") {
    const std::string target = VnInteger(static_cast<std::int64_t>(finding.target + 0.5));
    return "hiện có " + VnInteger(now.known ? now.numerator : 0) + "/" + target +
           NounAfterCount(obligation);
  }
  // coverage
  if (!now.known) return "chưa có dữ liệu để đánh giá";
  return "đạt " + VnPercent(now.value) + " (" + Fraction(now) + NounAfterCount(obligation) +
         "), yêu cầu " + VnPercent(finding.target);
}

RiskReasons ExplainRisk(const Finding& finding, const Obligation* obligation) {
  RiskReasons reasons;
  const auto holds = [&](RiskGround ground) { return (finding.grounds & GroundBit(ground)) != 0; };
  if (holds(RiskGround::kWarnWindow)) {
    reasons.close_to_due = true;
    reasons.phrases.push_back("sắp đến hạn");
  }
  if (!finding.at_as_of.known) {
    // Not a ground on its own (unknown is not behind), but it says why the
    // target is not reached.
    reasons.no_measurement = true;
    reasons.phrases.push_back("chưa có số liệu báo cáo đến ngày " + FormatVnDate(finding.as_of));
  } else if ((holds(RiskGround::kTrend) || holds(RiskGround::kTaskProgress)) &&
             finding.projection) {
    reasons.behind_pace = true;
    const double projected = *finding.projection;
    const int lookback = static_cast<int>((finding.as_of - finding.lookback_date).days());
    const std::string pace = "theo tốc độ " + VnInteger(lookback) + " ngày qua, đến hạn ";
    const bool stalled =
        finding.at_lookback.known && projected <= finding.at_as_of.value + kEpsilon;
    if (stalled && finding.obligation->check_kind != "task") {
      reasons.phrases.push_back(VnInteger(lookback) + " ngày qua không có tiến triển");
    } else if (finding.obligation->check_kind == "task") {
      reasons.phrases.push_back(projected <= kEpsilon
                                    ? "đã bắt đầu nhưng tiến độ báo cáo vẫn là 0%"
                                    : "theo tiến độ đã báo cáo, đến hạn mới hoàn thành khoảng " +
                                          VnPercent(projected));
    } else if (finding.obligation->check_kind == "count") {
      reasons.phrases.push_back(pace + "chỉ có khoảng " + VnDecimal(projected) +
                                NounAfterCount(obligation) + " (yêu cầu " +
                                VnDecimal(finding.target) + ")");
    } else {
      reasons.phrases.push_back(
          pace + "chỉ đạt khoảng " + VnPercent(projected) +
          (finding.obligation->check_kind == "indicator" ? " (mục tiêu " : " (yêu cầu ") +
          VnPercent(finding.target) + ")");
    }
  }
  if (holds(RiskGround::kNotStarted)) {
    reasons.not_started = true;
    reasons.phrases.push_back(
        "chưa bắt đầu thực hiện" +
        (finding.latest_start
             ? ", trong khi phải bắt đầu chậm nhất từ ngày " + FormatVnDate(*finding.latest_start)
             : std::string()));
  }
  if (!finding.blocked_by.empty()) {
    reasons.blocked = true;
    reasons.phrases.push_back("phụ thuộc vào nhiệm vụ khác chưa hoàn thành");
  }
  if (holds(RiskGround::kNegativeSlack)) {
    reasons.short_of_time_for_others = true;
    reasons.phrases.push_back(
        "cần hoàn thành sớm hơn thời hạn để nhiệm vụ khác phụ thuộc vào kịp thời hạn" +
        (finding.latest_finish ? " (trước ngày " + FormatVnDate(*finding.latest_finish) + ")"
                               : std::string()));
  }
  return reasons;
}

std::string ExceptionDocumentPhrase(const GrantedException& grant) {
  return "Văn bản số " + grant.document_number + " ngày " + FormatVnDate(grant.document_date) +
         " của " + grant.granted_by;
}

std::string GrantedPhrase(const Finding& finding) {
  const GrantedException& grant = *finding.exception;
  if (grant.kind == ExceptionKind::kWaiver) return "được miễn thực hiện";
  std::string text = "được gia hạn đến ngày " + FormatVnDate(*grant.new_due);
  if (finding.original_due)
    text += " (thời hạn ban đầu " + FormatVnDate(*finding.original_due) + ")";
  return text;
}

std::string BlockerStatePhrase(const InstanceRef& ref, DayUnit day_unit) {
  if (ref.free_task) return "chưa hoàn thành";
  const std::string days = VnInteger(ref.days) + " " + VnDayUnit(day_unit);
  switch (ref.status) {
    case Status::kOverdue:
      return "đã quá hạn " + days;
    case Status::kAtRisk:
      return "có nguy cơ chậm, còn " + days + " đến hạn";
    default:
      return "chưa hoàn thành";
  }
}

}  // namespace dxcomply
