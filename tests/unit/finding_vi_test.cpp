// Findings in Vietnamese: figures with a decimal comma and a dot between
// thousands, labels, and the reason composed from a finding's figures.
#include "report/finding_vi.hpp"

#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

namespace dxcomply {
namespace {

const Date kAsOf(2022, 11, 1);

Finding Make(const std::string& check, Status status, const std::string& agency = "Nghệ An") {
  Finding f;
  ObligationText text;
  text.id = "is-classify";
  text.title = "Phân loại hệ thống thông tin";
  text.check_kind = check;
  f.obligation = std::make_shared<const ObligationText>(std::move(text));
  f.agency = std::make_shared<const Agency>(Agency{"NGHE-AN", agency, "province"});
  f.status = status;
  f.as_of = kAsOf;
  f.lookback_date = Date(2022, 10, 2);
  f.target = check == "count" ? 5 : 1;
  return f;
}

Measure Share(std::int64_t numerator, std::int64_t denominator) {
  return {true, static_cast<double>(numerator) / static_cast<double>(denominator), numerator,
          denominator};
}

BOOST_AUTO_TEST_SUITE(finding_vi)

BOOST_AUTO_TEST_CASE(numbers_as_vietnamese_writes_them) {
  BOOST_TEST(ViInteger(0) == "0");
  BOOST_TEST(ViInteger(1045) == "1.045");
  BOOST_TEST(ViInteger(-1234567) == "-1.234.567");
  BOOST_TEST(ViPercent(0.125) == "12,5%");
  BOOST_TEST(ViPercent(1) == "100%");
  BOOST_TEST(ViPercent(0.99999) == "99,9%");  // never 100% below the target
  BOOST_TEST(ViPercent(12.345) == "1.234,5%");
  BOOST_TEST(ViTenths(4.25) == "4,2");  // ties to even, as printf rounds
  BOOST_TEST(ViTenths(4) == "4");
  BOOST_TEST(ViDays(1, DayUnit::kCalendar) == "1 ngày");
  BOOST_TEST(ViDays(3, DayUnit::kWorking) == "3 ngày làm việc");
}

BOOST_AUTO_TEST_CASE(labels) {
  BOOST_TEST(StatusLabelVi(Status::kOverdue) == std::string("Quá hạn"));
  BOOST_TEST(StatusLabelVi(Status::kAtRisk) == std::string("Có nguy cơ chậm"));
  BOOST_TEST(StatusLabelVi(Status::kNotApplicable) == std::string("Không áp dụng"));
  BOOST_TEST(KindLabelVi("ministry") == "Bộ, cơ quan ngang bộ");
  BOOST_TEST(KindLabelVi("somewhere") == "somewhere");
  BOOST_TEST(CheckLabelVi("task") == "Nhiệm vụ");
}

BOOST_AUTO_TEST_CASE(an_overdue_share) {
  Finding f = Make("coverage", Status::kOverdue);
  f.at_as_of = Share(4, 32);
  f.due = Date(2022, 9, 30);
  f.days_overdue = 32;
  f.holds_back = 3;
  f.holds_back_agencies = 1;
  BOOST_TEST(MeasureVi(f, f.at_as_of) == "12,5% (4/32)");
  BOOST_TEST(StatusWithDaysVi(f) == "Quá hạn 32 ngày");
  BOOST_TEST(ReasonVi(f) ==
             "đạt 12,5% (4/32), yêu cầu 100%; quá hạn 32 ngày (hạn 30/09/2022); làm chậm 3 việc "
             "của 1 cơ quan");
}

// An assumed due date never reads as law; an inherited duty says whose it was.
BOOST_AUTO_TEST_CASE(an_assumed_due_date_and_an_inherited_duty) {
  Finding f = Make("task", Status::kOverdue, "Lâm Đồng");
  f.at_as_of = {true, 1.0 / 3.0, 1, 3};
  f.due = Date(2022, 6, 30);
  f.due_assumed = true;
  f.days_overdue = 1615;
  f.inherited_from = {{"BINH-THUAN", "Bình Thuận", Date(2025, 7, 1)},
                      {"DAK-NONG", "Đắk Nông", Date(2025, 7, 1)}};
  BOOST_TEST(InheritedVi(f) ==
             "Bình Thuận (BINH-THUAN) từ 01/07/2025, Đắk Nông (DAK-NONG) từ "
             "01/07/2025");
  BOOST_TEST(ReasonVi(f) ==
             "hoàn thành 1/3 nhiệm vụ; quá hạn 1.615 ngày (hạn dự kiến 30/06/2022); kế thừa từ "
             "Bình Thuận (BINH-THUAN) từ 01/07/2025, Đắk Nông (DAK-NONG) từ 01/07/2025");
  f.status = Status::kMet;
  f.inherited_from.clear();
  BOOST_TEST(ReasonVi(f).find("đạt trước hạn dự kiến 30/06/2022") != std::string::npos);
  f.due_assumed = false;
  BOOST_TEST(ReasonVi(f).find("đạt trước hạn 30/06/2022") != std::string::npos);
  BOOST_TEST(InheritedVi(f).empty());
}

BOOST_AUTO_TEST_CASE(at_risk_behind_pace_and_blocked) {
  Finding f = Make("coverage", Status::kAtRisk);
  f.at_as_of = Share(13, 40);
  f.due = Date(2022, 11, 15);
  f.days_left = 14;
  f.projection = 0.3287;
  f.grounds = GroundBit(RiskGround::kWarnWindow) | GroundBit(RiskGround::kTrend) |
              GroundBit(RiskGround::kBlocked);
  InstanceRef root{"is-classify", "BINH-DUONG", "Bình Dương", "", "", "", Status::kOverdue, 32};
  f.blocked_by.push_back({{root}, ""});
  f.blocked_by.push_back({{root}, ""});
  BOOST_TEST(ReasonVi(f) ==
             "đạt 32,5% (13/40), yêu cầu 100%; còn 14 ngày đến hạn 15/11/2022; theo tốc độ 30 "
             "ngày qua, đến hạn chỉ đạt khoảng 32,9%; phụ thuộc việc chưa xong của Bình Dương "
             "(quá hạn 32 ngày) và 1 việc khác");
  BOOST_TEST(GroundsVi(f) == "sắp đến hạn, tốc độ không kịp, bị việc khác chặn");
  const TitleIndex titles = {{"is-classify", "Phân loại hệ thống thông tin"}};
  BOOST_TEST(BlockersVi(f, titles) ==
             "Bình Dương · Phân loại hệ thống thông tin (quá hạn 32 ngày); Bình Dương · Phân loại "
             "hệ thống thông tin (quá hạn 32 ngày)");
}

BOOST_AUTO_TEST_CASE(tasks_counts_and_indicators) {
  Finding task = Make("task", Status::kAtRisk);
  task.at_as_of = Share(0, 1);
  task.due = Date(2022, 11, 30);
  task.days_left = 29;
  task.day_unit = DayUnit::kWorking;
  task.projection = 0;
  task.grounds = GroundBit(RiskGround::kTaskProgress);
  BOOST_TEST(ReasonVi(task) ==
             "chưa hoàn thành; còn 29 ngày làm việc đến hạn 30/11/2022; chưa ghi nhận tiến độ "
             "thực hiện");
  task.grounds = GroundBit(RiskGround::kNotStarted) | GroundBit(RiskGround::kNegativeSlack);
  task.latest_start = Date(2022, 10, 20);
  task.latest_finish = Date(2022, 11, 20);
  BOOST_TEST(ReasonVi(task) ==
             "chưa hoàn thành; còn 29 ngày làm việc đến hạn 30/11/2022; chưa bắt đầu dù đã đến "
             "ngày phải bắt đầu 20/10/2022; phải xong trước 20/11/2022 để các việc đang chờ kịp "
             "hạn");
  Finding count = Make("count", Status::kOverdue);
  count.at_as_of = {true, 2, 2, 0};
  count.due = Date(2022, 10, 15);
  count.days_overdue = 17;
  BOOST_TEST(ReasonVi(count) == "có 2, yêu cầu ít nhất 5; quá hạn 17 ngày (hạn 15/10/2022)");
  Finding indicator = Make("indicator", Status::kAtRisk);
  indicator.target = 0.5;
  indicator.due = Date(2022, 12, 31);
  indicator.days_left = 10;
  indicator.grounds = GroundBit(RiskGround::kWarnWindow);
  BOOST_TEST(ReasonVi(indicator) ==
             "chưa có số liệu, mục tiêu 50%; còn 10 ngày đến hạn 31/12/2022");
}

BOOST_AUTO_TEST_CASE(met_late_and_not_applicable) {
  Finding f = Make("task", Status::kMetLate);
  f.at_as_of = Share(1, 1);
  f.at_due = Share(0, 1);
  f.due = Date(2021, 12, 15);
  BOOST_TEST(ReasonVi(f) == "đã hoàn thành; đạt sau hạn 15/12/2021 (khi đến hạn: chưa hoàn thành)");
  Finding empty = Make("coverage", Status::kNotApplicable);
  BOOST_TEST(ReasonVi(empty) == "không có đối tượng để đánh giá vào ngày 01/11/2022");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
