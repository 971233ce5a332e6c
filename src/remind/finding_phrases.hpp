// The Vietnamese phrases a reminder letter needs about one finding: what was
// measured, why an item is at risk, what blocks it. Composed from the
// Finding's fields (never from its English `reason`); the letter's fixed
// wording lives in the templates (templates/reminder.*.mustache).
#pragma once

#include "dxcomply/finding.hpp"
#include "dxcomply/rule_set.hpp"

#include <string>
#include <vector>

namespace dxcomply {

// What the records are called in a letter, by the check's table:
// information_system -> "hệ thống thông tin", security_staff -> "chuyên gia",
// task -> "công việc"; empty for a table it does not know.
std::string RecordNoun(const std::string& table);

// What was measured as of the letter's date, with the target when it is not
// implied: "đạt 12,5% (4/32 hệ thống thông tin), yêu cầu 100%", "hiện có
// 4/5 chuyên gia", "chưa hoàn thành", "đạt 51,8%, mục tiêu 80%".
// `obligation` may be null (then the records go unnamed).
std::string MeasuredPhrase(const Finding& finding, const Obligation* obligation);

// The documents a rule's source cites, as a letter names them. A rule's
// `source.document` is a researcher's citation: document titles mixed with
// locators and notes, some in English ("(seeds/002), slide 21 (...)",
// "national value at mid-2022 on slide 25"). The letter keeps, of each
// "; "-separated part that starts with a Vietnamese document type (Sơ kết,
// Báo cáo, Quyết định, Nghị quyết, Văn bản, ...), the title before its
// first " (" ; and the whole citation if no part qualifies. The quoted
// passage carries the exact wording.
std::string LegalBasis(const LegalSource& source);

// Why an at-risk finding is at risk, one phrase per ground it names
// (Finding::grounds), in this order: close to its due date, nothing
// measured (said, though not a ground), behind pace (the measure's trend or
// the progress reported, with the projection), not started by its latest
// start, blocked, needed sooner by what waits on it.
struct RiskReasons {
  bool close_to_due = false;
  bool no_measurement = false;
  bool behind_pace = false;
  bool not_started = false;
  bool blocked = false;
  bool short_of_time_for_others = false;
  std::vector<std::string> phrases;
};
RiskReasons ExplainRisk(const Finding& finding, const Obligation* obligation);

// The document that granted an exception, as a letter cites it: "Văn bản
// số 2785/BTTTT-CATTT ngày 23/09/2022 của Bộ Thông tin và Truyền thông".
std::string ExceptionDocumentPhrase(const GrantedException& grant);

// What an exception grants the finding: "được miễn thực hiện", "được gia
// hạn đến ngày 31/12/2022 (thời hạn ban đầu 30/09/2022)".
std::string GrantedPhrase(const Finding& finding);

// The state of an upstream instance named in a blocker chain:
// "đã quá hạn 32 ngày", "có nguy cơ chậm, còn 14 ngày làm việc đến hạn",
// "chưa hoàn thành". `day_unit` is the upstream instance's.
std::string BlockerStatePhrase(const InstanceRef& ref, DayUnit day_unit);

}  // namespace dxcomply
