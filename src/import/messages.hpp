// What the import and the template say to people, in Vietnamese, in one
// place (until the message catalogues of issue 14 take them over).
#pragma once

#include <string>

namespace dxcomply {
namespace msg {

// Headers of the two fields every record sheet has.
inline constexpr const char* kIdLabel = "Mã dòng";
inline constexpr const char* kIdNote = "Do hệ thống cấp; để trống khi thêm dòng mới";
inline constexpr const char* kAgencyLabel = "Mã cơ quan";
inline constexpr const char* kAgencyNote = "Để trống: cơ quan của tệp";

// The template's information sheet, which names the workbook's agency.
inline constexpr const char* kInfoSheet = "Thông tin";
inline constexpr const char* kInfoAgencyId = "Mã cơ quan";
inline constexpr const char* kInfoAgencyName = "Tên cơ quan";
inline constexpr const char* kInfoAsOf = "Số liệu tính đến ngày";
inline constexpr const char* kListsSheet = "Danh mục";

inline constexpr const char* kYes = "Có";
inline constexpr const char* kNo = "Không";

// Cell problems: each follows "<sheet>!<cell>: ".
inline std::string Required() { return "bắt buộc, không được để trống"; }
inline std::string NotDate(const std::string& text) {
  return "'" + text + "' không phải ngày có thật (nhập dd/mm/yyyy hoặc yyyy-mm-dd)";
}
inline std::string NotWholeNumber(const std::string& text) {
  return "'" + text + "' không phải số nguyên";
}
inline std::string OutsideRange(const std::string& text, const std::string& range) {
  return "'" + text + "' nằm ngoài khoảng " + range;
}
inline std::string NotYesNo(const std::string& text) {
  return "'" + text + "' không phải Có hoặc Không";
}
inline std::string NotNumber(const std::string& text) { return "'" + text + "' không phải số"; }
inline std::string NotFraction(const std::string& text) {
  return "'" + text + "' phải từ 0% đến 100% (hoặc từ 0 đến 1)";
}
inline std::string NotInList(const std::string& text, const std::string& list) {
  return "'" + text + "' không có trong danh sách: " + list;
}
inline std::string FormulaError(const std::string& text) { return "ô có lỗi công thức " + text; }
inline std::string DateInTextCell() {
  return "ô kiểu ngày ở cột văn bản (hãy định dạng ô là Văn bản và nhập lại)";
}
inline std::string UnknownObligation(const std::string& id) {
  return "không có nghĩa vụ '" + id + "' trong bộ quy tắc";
}
inline std::string UnknownAgency(const std::string& id) {
  return "không có cơ quan '" + id + "' trong cơ sở dữ liệu";
}
inline std::string OtherAgency(const std::string& row, const std::string& file) {
  return "dòng của cơ quan '" + row + "', nhưng tệp này là của cơ quan '" + file + "'";
}
inline std::string UnknownRowId(const std::string& id) {
  return "không có dòng mã " + id + " trong cơ sở dữ liệu (để trống mã khi thêm dòng mới)";
}
inline std::string RowIdOfOtherAgency(const std::string& id, const std::string& agency) {
  return "dòng mã " + id + " là của cơ quan '" + agency + "'";
}
inline std::string RowIdTwice(const std::string& id, const std::string& first_cell) {
  return "mã " + id + " đã có ở " + first_cell;
}
inline std::string Before(const std::string& label, const std::string& date,
                          const std::string& earlier_label, const std::string& earlier) {
  return label + " " + date + " trước " + earlier_label + " " + earlier;
}
inline std::string RequiredWhen(const std::string& label, const std::string& value) {
  return "bắt buộc khi " + label + " là " + value;
}
inline std::string UnknownHeader(const std::string& header, const std::string& sheet) {
  return "cột '" + header + "' không có trong bảng " + sheet;
}
inline std::string HeaderTwice(const std::string& header, const std::string& first_cell) {
  return "cột '" + header + "' lặp lại (đã có ở " + first_cell + ")";
}
inline std::string MissingColumn(const std::string& label) {
  return "thiếu cột bắt buộc '" + label + "'";
}
inline std::string MissingAgency() {
  return "thiếu mã cơ quan (tệp không ghi cơ quan; dùng --agency hoặc điền cột Mã cơ quan)";
}

}  // namespace msg
}  // namespace dxcomply
