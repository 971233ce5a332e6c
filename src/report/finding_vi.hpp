// Findings in Vietnamese, as the workbook and the dashboard show them to
// officials: status and agency-kind labels, figures with a decimal comma and
// a dot between thousands, dates dd/mm/yyyy, and a reason composed from the
// finding's own figures (never by translating its English `reason`).
//
// Every Vietnamese word the report outputs use is in the tables of
// finding_vi.cpp, so that the message catalogues (issue 14) can take them
// over in one place.
#pragma once

#include "dxcomply/finding.hpp"

#include "report/summary.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>

namespace dxcomply {

// "Quá hạn", "Có nguy cơ chậm", "Đúng tiến độ", "Đang chờ", "Đạt (trễ hạn)",
// "Đạt", "Không áp dụng".
const char* StatusLabelVi(Status status);

// Why an at-risk finding is at risk, its grounds in a few words each:
// "sắp đến hạn, tốc độ không kịp, bị việc khác chặn"; "" without grounds.
std::string GroundsVi(const Finding& finding);

// "Bộ, cơ quan ngang bộ", "Cơ quan thuộc Chính phủ", "Tỉnh, thành phố trực
// thuộc trung ương", "Toàn quốc"; an unknown kind as it is.
std::string KindLabelVi(const std::string& kind);

// "Bao phủ", "Số lượng", "Nhiệm vụ", "Chỉ tiêu" for the check kinds.
std::string CheckLabelVi(const std::string& check_kind);

// 1045 -> "1.045".
std::string ViInteger(std::int64_t value);
// 0.214 -> "21,4%", 1 -> "100%"; a share below 1 never reads "100%".
std::string ViPercent(double share);
// 4.25 -> "4,3", 4 -> "4".
std::string ViTenths(double value);

// "32 ngày", "3 ngày làm việc".
std::string ViDays(int days, DayUnit unit);

// v as of a date, as officials read it: "21,4% (6/28)", "1", "chưa hoàn
// thành", "hoàn thành 3/4 nhiệm vụ", "57,5%", "chưa có số liệu".
std::string MeasureVi(const Finding& finding, const Measure& measure);
// "100%", "ít nhất 5", "80%".
std::string TargetVi(const Finding& finding);
// The projection to the due date in the measure's unit, or "".
std::string ProjectionVi(const Finding& finding);

// The status with its days: "Quá hạn 32 ngày", "Có nguy cơ chậm, còn 14
// ngày", "Đạt".
std::string StatusWithDaysVi(const Finding& finding);

// The national total of an obligation's measure: "1.982/3.161 (62,7%)",
// "82/170 nhiệm vụ hoàn thành", "tổng 412", or "" for indicators.
std::string NationalTotalVi(const ObligationSummary& obligation);

// Obligation titles by id, for naming the instances a blocker chain holds
// (a chain names its obligations by id only).
using TitleIndex = std::unordered_map<std::string, std::string>;
TitleIndex TitlesOf(const Report& report);

// An upstream instance as a person reads it: "Bình Dương · Tổ chức xác
// định, phân loại ... (quá hạn 32 ngày)"; a free task "nhiệm vụ 812 'Nâng
// cấp phần mềm' của Bộ Công an (chưa hoàn thành)".
std::string InstanceRefVi(const InstanceRef& ref, const TitleIndex& titles);
// The root cause of each chain, joined by "; ".
std::string BlockersVi(const Finding& finding, const TitleIndex& titles);

// Whose unmet duty an inherited one was, and since when: "Bình Thuận
// (BINH-THUAN) từ 01/07/2025"; "" for an agency's own duty.
std::string InheritedVi(const Finding& finding);

// Why the finding has its status, in one sentence of parts joined by "; ":
// the figure now against the target, the days past or left with the due
// date, the grounds of an at-risk finding (the pace of the last W days or
// of the progress reported, not started by its latest start, blocked by
// another instance: "phụ thuộc việc chưa xong của Bình Dương", needed
// sooner by what waits on it), what it holds back, whose duty it inherited.
// An assumed due date reads "hạn dự kiến".
std::string ReasonVi(const Finding& finding);

}  // namespace dxcomply
