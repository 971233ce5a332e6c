// The names people read for the codes every output carries (statuses,
// agency kinds, day units, check kinds), in the current language. Files for
// programs keep the codes ("at_risk") and add these beside them
// ("status_label": "có nguy cơ chậm"); the terms are docs/glossary.md's.
//
// Each returns a text made once per language (base/phrase.hpp's
// Translated), so a writer may call it per finding.
#pragma once

#include "dxcomply/finding.hpp"

#include <string>
#include <string_view>

namespace dxcomply {

const std::string& StatusLabel(Status status);  // "quá hạn", "có nguy cơ chậm" ...
// Upper-case heading of a status's list in the terminal report: "QUÁ HẠN".
const std::string& StatusHeading(Status status);
// "bộ, cơ quan ngang bộ", "cơ quan thuộc Chính phủ", "tỉnh, thành phố",
// "toàn quốc"; a kind it does not know is returned as it is.
std::string AgencyKindLabel(std::string_view kind);
const std::string& DayUnitLabel(DayUnit unit);  // "ngày", "ngày làm việc"
// Why an instance is at risk: "sắp đến hạn", "phải chờ nhiệm vụ khác" ...
const std::string& RiskGroundLabel(RiskGround ground);
// "tỷ lệ", "số lượng", "công việc", "chỉ tiêu"; an unknown kind as it is.
std::string CheckKindLabel(std::string_view kind);
// "gia hạn", "miễn thực hiện": an exception's kind (table `exception`).
const std::string& ExceptionKindLabel(ExceptionKind kind);
// "3 ngày", "1 day", "5 working days": a count of days in their unit.
std::string DaysCount(long long days, DayUnit unit);

}  // namespace dxcomply
