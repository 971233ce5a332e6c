#include "remind/vietnamese_text.hpp"

#include "eval/classify.hpp"
#include "report/text_layout.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>

namespace dxcomply {

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

namespace {

// The city's own name without a "TP. " or "Thành phố " in front of it.
std::string CityName(const std::string& name) {
  for (const char* prefix : {"TP. ", "TP.", "Thành phố ", "thành phố "}) {
    if (StartsWith(name, prefix)) return name.substr(std::string(prefix).size());
  }
  return name;
}

std::string TwoDigits(int value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", value);
  return buffer;
}

// A figure as the English reports write it ("62.1", "99.9%"), with the
// decimal point as a comma and no minus before a zero.
std::string WithDecimalComma(std::string text) {
  if (text == "-0" || text == "-0%") text.erase(0, 1);
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

}  // namespace

LetterDate ToLetterDate(const Date& date) {
  const int month = date.month();
  LetterDate parts;
  parts.day = TwoDigits(date.day());
  parts.month = month <= 2 ? TwoDigits(month) : std::to_string(month);
  parts.year = std::to_string(static_cast<int>(date.year()));
  return parts;
}

std::string VnInteger(std::int64_t value) { return GroupThousands(value, '.'); }

std::string VnPercent(double share) { return WithDecimalComma(FormatPercent(share)); }

std::string VnDecimal(double value) { return WithDecimalComma(FormatTenths(value)); }

std::string VnDayUnit(DayUnit day_unit) {
  return day_unit == DayUnit::kWorking ? "ngày làm việc" : "ngày";
}

std::string VnPeriod(const std::string& period) {
  if (period.size() == 4) return "năm " + period;
  if (period.size() == 7 && period[4] == '-' && period[5] == 'Q') {
    const int quarter = period[6] - '0';
    if (quarter >= 1 && quarter <= 4)
      return "quý " + RomanNumeral(quarter) + "/" + period.substr(0, 4);
  }
  if (period.size() == 7 && period[4] == '-') {
    const int month = std::atoi(period.substr(5).c_str());
    if (month >= 1 && month <= 12)
      return "tháng " + std::to_string(month) + "/" + period.substr(0, 4);
  }
  return period;
}

std::string RomanNumeral(int number) {
  static const std::array<const char*, 10> kOnes = {"",  "I",  "II",  "III",  "IV",
                                                    "V", "VI", "VII", "VIII", "IX"};
  static const std::array<const char*, 4> kTens = {"", "X", "XX", "XXX"};
  if (number < 1 || number > 39) return std::to_string(number);
  return std::string(kTens[number / 10]) + kOnes[number % 10];
}

bool IsCentralCity(const Agency& agency) {
  if (agency.kind != "province") return false;
  const std::string name = CityName(agency.name);
  for (const char* city : {"Hà Nội", "Huế", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"}) {
    if (name == city) return true;
  }
  return false;
}

std::string Addressee(const Agency& agency) {
  if (agency.kind != "province") return agency.name;
  if (!IsCentralCity(agency)) return "Ủy ban nhân dân tỉnh " + agency.name;
  const std::string city = CityName(agency.name);
  // "Thành phố Hồ Chí Minh" is the city's own name; the others are "thành
  // phố Hà Nội" and so on.
  if (city == "Hồ Chí Minh") return "Ủy ban nhân dân Thành phố Hồ Chí Minh";
  return "Ủy ban nhân dân thành phố " + city;
}

}  // namespace dxcomply
