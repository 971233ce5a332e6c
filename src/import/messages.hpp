// What the import and the template say to people, in one place.
#pragma once

#include "base/messages.hpp"
#include "base/phrase.hpp"

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

// Cell problems: each follows "<sheet>!<cell>: ". In the run's language
// (the message catalogue); the sheets' own words above stay Vietnamese,
// being what the workbook holds and the import reads back.
inline std::string Required() { return Tr("required, may not be empty"); }
inline std::string NotDate(const std::string& text) {
  return Format(Tr("'{0}' is not a date that exists (type dd/mm/yyyy or yyyy-mm-dd)"), {text});
}
inline std::string NotWholeNumber(const std::string& text) {
  return Format(Tr("'{0}' is not a whole number"), {text});
}
inline std::string OutsideRange(const std::string& text, const std::string& range) {
  return Format(Tr("'{0}' is outside {1}"), {text, range});
}
inline std::string NotYesNo(const std::string& text) {
  return Format(Tr("'{0}' is not Có or Không"), {text});
}
inline std::string NotNumber(const std::string& text) {
  return Format(Tr("'{0}' is not a number"), {text});
}
inline std::string NotFraction(const std::string& text) {
  return Format(Tr("'{0}' must be from 0% to 100% (or from 0 to 1)"), {text});
}
inline std::string NotInList(const std::string& text, const std::string& list) {
  return Format(Tr("'{0}' is not in the list: {1}"), {text, list});
}
inline std::string FormulaError(const std::string& text) {
  return Format(Tr("the cell holds the formula error {0}"), {text});
}
inline std::string NotUtf8() {
  return Tr("the cell's text is not UTF-8 (a damaged file?): type it again");
}
inline std::string DateInTextCell() {
  return Tr("a date cell in a text column (format the cell as Text and type it again)");
}
inline std::string UnknownObligation(const std::string& id) {
  return Format(Tr("no obligation '{0}' in the rules"), {id});
}
inline std::string UnknownAgency(const std::string& id) {
  return Format(Tr("no agency '{0}' in the database"), {id});
}
inline std::string OtherAgency(const std::string& row, const std::string& file) {
  return Format(Tr("a row of agency '{0}', but this file is agency '{1}''s"), {row, file});
}
inline std::string UnknownRowId(const std::string& id) {
  return Format(Tr("no row with id {0} in the database (leave the id empty for a new row)"), {id});
}
inline std::string RowIdOfOtherAgency(const std::string& id, const std::string& agency) {
  return Format(Tr("row {0} is agency '{1}''s"), {id, agency});
}
inline std::string RowIdTwice(const std::string& id, const std::string& first_cell) {
  return Format(Tr("id {0} is already at {1}"), {id, first_cell});
}
inline std::string Before(const std::string& label, const std::string& date,
                          const std::string& earlier_label, const std::string& earlier) {
  return Format(Tr("{0} {1} before {2} {3}"), {label, date, earlier_label, earlier});
}
inline std::string RequiredWhen(const std::string& label, const std::string& value) {
  return Format(Tr("required when {0} is {1}"), {label, value});
}
inline std::string UnknownHeader(const std::string& header, const std::string& sheet) {
  return Format(Tr("column '{0}' is not in table {1}"), {header, sheet});
}
inline std::string HeaderTwice(const std::string& header, const std::string& first_cell) {
  return Format(Tr("column '{0}' given twice (first at {1})"), {header, first_cell});
}
inline std::string MissingColumn(const std::string& label) {
  return Format(Tr("the required column '{0}' is missing"), {label});
}
inline std::string MissingAgency() {
  return Tr("no agency id (the file names none; use --agency or fill in the Mã cơ quan column)");
}

}  // namespace msg
}  // namespace dxcomply
