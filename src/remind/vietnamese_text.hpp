// Vietnamese forms of dates, numbers, periods and addressees, as
// administrative letters write them (Nghị định 30/2020/NĐ-CP on the format
// of administrative documents). Pure functions, no I/O.
#pragma once

#include "dxcomply/date.hpp"
#include "dxcomply/finding.hpp"

#include <cstdint>
#include <string>

namespace dxcomply {

// The parts of "ngày 05 tháng 02 năm 2023": the day with two digits, the
// month with a leading zero only for January and February (Decree 30,
// Appendix I), the year with four.
struct LetterDate {
  std::string day;    // "05"
  std::string month;  // "02", "3", "11"
  std::string year;   // "2023"
};
LetterDate ToLetterDate(const Date& date);

// Whether `text` begins with `prefix`.
bool StartsWith(const std::string& text, const std::string& prefix);

// 1045 -> "1.045": a dot between thousands.
std::string VnInteger(std::int64_t value);

// A share as a percentage with up to one decimal and a decimal comma:
// 0.529 -> "52,9%", 1 -> "100%". Never rounds a share below 1 up to "100%".
std::string VnPercent(double share);

// A number with up to one decimal and a decimal comma: 4.25 -> "4,3", 4 -> "4".
std::string VnDecimal(double value);

// "ngày" or "ngày làm việc".
std::string VnDayUnit(DayUnit day_unit);

// A period label as a letter says it: "2023" -> "năm 2023", "2023-09" ->
// "tháng 9/2023", "2023-Q3" -> "quý III/2023"; anything else unchanged.
std::string VnPeriod(const std::string& period);

// 1 -> "I", 2 -> "II" ... (section numbers of a letter; 1-39).
std::string RomanNumeral(int number);

// Who a letter is addressed to: the agency itself for ministries and
// government agencies ("Bộ Công an"); its people's committee for a province
// ("Ủy ban nhân dân tỉnh Nghệ An") or a centrally-run city ("Ủy ban nhân dân
// thành phố Hà Nội", "Ủy ban nhân dân Thành phố Hồ Chí Minh").
std::string Addressee(const Agency& agency);

// Whether a province-kind agency is one of the six centrally-run cities
// (Hà Nội, Huế, Hồ Chí Minh, Hải Phòng, Đà Nẵng, Cần Thơ: Huế from 2025,
// when Thừa Thiên Huế province took the name; the name on the date decides).
bool IsCentralCity(const Agency& agency);

}  // namespace dxcomply
