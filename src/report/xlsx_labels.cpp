#include "report/xlsx_labels.hpp"

#include <stdexcept>
#include <string>

namespace dxcomply {
namespace {

struct Label {
  std::string_view code;
  const char* vietnamese;
};

constexpr Label kLabels[] = {
    // The overdue and at-risk sheets.
    {"agency_name", "Cơ quan"},
    {"obligation_title", "Nghĩa vụ"},
    {"period", "Kỳ"},
    {"status", "Trạng thái"},
    {"priority", "Thứ tự ưu tiên"},
    {"heading_tier", "Cấp cảnh báo sắp tới"},
    {"days_overdue", "Số ngày quá hạn"},
    {"days_left", "Số ngày còn lại"},
    {"day_unit", "Cách tính ngày"},
    {"due", "Hạn"},
    {"due_assumed", "Hạn dự kiến"},
    {"value", "Hiện đạt"},
    {"numerator", "Số đã đạt"},
    {"denominator", "Tổng số"},
    {"target", "Yêu cầu"},
    {"value_due", "Đạt khi đến hạn"},
    {"projection", "Dự báo đến hạn"},
    {"reason", "Lý do"},
    {"grounds", "Căn cứ đánh giá nguy cơ"},
    {"blocked_by", "Đang chờ việc chưa xong"},
    {"holds_back", "Làm chậm (số việc)"},
    {"holds_back_agencies", "Làm chậm (số cơ quan)"},
    {"latest_finish", "Phải xong trước"},
    {"slack_days", "Số ngày dự phòng"},
    {"latest_start", "Phải bắt đầu trước"},
    {"spare_days", "Số ngày còn để bắt đầu"},
    {"data_issues", "Lỗi dữ liệu liên quan"},
    {"data_issue_count", "Số lỗi dữ liệu"},
    {"source_document", "Văn bản"},
    {"source_citation", "Nguồn (chi tiết)"},
    {"source_assumed", "Giả định của quy tắc"},
    {"inherited_from", "Kế thừa từ"},
    {"agency_kind", "Loại cơ quan"},
    {"agency_id", "Mã cơ quan"},
    {"obligation_id", "Mã nghĩa vụ"},
    {"check", "Loại kiểm tra"},
    // The data-quality sheet.
    {"issue_table", "Bảng"},
    {"issue_row_id", "Mã dòng"},
    {"issue_column", "Cột"},
    {"issue_value", "Giá trị"},
    {"issue_problem", "Vấn đề"},
    // The summary sheet.
    {"title", "dxcomply · Tổng hợp kết quả đánh giá nghĩa vụ chuyển đổi số"},
    {"as_of", "Số liệu đến ngày"},
    {"agencies", "Số cơ quan"},
    {"findings", "Số kết quả đánh giá (nghĩa vụ × cơ quan × kỳ)"},
    {"by_kind", "Theo loại cơ quan"},
    {"by_obligation", "Theo nghĩa vụ"},
    {"by_agency", "Theo cơ quan"},
    {"all_kinds", "Tất cả"},
    {"total", "Tổng"},
    {"theme", "Chủ đề"},
    {"national_numerator", "Số đã đạt (toàn quốc)"},
    {"national_denominator", "Tổng số (toàn quốc)"},
    {"national_share", "Tỷ lệ (toàn quốc)"},
    {"chart", "Trạng thái theo loại cơ quan"},
    {"chart_axis", "Số kết quả đánh giá"},
    // The printed page header of every sheet of a sample database.
    {"sample_header", "&C&\"-,Bold\"DỮ LIỆU MẪU (sample data)"},
};

}  // namespace

const char* WorkbookLabel(std::string_view code) {
  for (const Label& label : kLabels) {
    if (label.code == code) return label.vietnamese;
  }
  throw std::logic_error("the workbook has no label for '" + std::string(code) + "'");
}

}  // namespace dxcomply
