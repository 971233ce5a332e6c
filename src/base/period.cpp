#include "dxcomply/obligation.hpp"

#include <cstdio>
#include <tuple>

namespace dxcomply {

std::string Period::Label() const {
  char buffer[16];
  switch (frequency) {
    case Frequency::kMonth:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, index);
      break;
    case Frequency::kQuarter:
      std::snprintf(buffer, sizeof buffer, "%04d-Q%d", year, index);
      break;
    case Frequency::kYear:
      std::snprintf(buffer, sizeof buffer, "%04d", year);
      break;
  }
  return buffer;
}

Date Period::First() const {
  switch (frequency) {
    case Frequency::kMonth:
      return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(index), 1);
    case Frequency::kQuarter:
      return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(3 * index - 2), 1);
    case Frequency::kYear:
      break;
  }
  return Date(static_cast<unsigned short>(year), 1, 1);
}

Period Period::Next() const {
  Period next = *this;
  const int count = frequency == Frequency::kMonth ? 12 : frequency == Frequency::kQuarter ? 4 : 0;
  if (count == 0 || next.index == count) {
    ++next.year;
    if (count != 0) next.index = 1;
  } else {
    ++next.index;
  }
  return next;
}

bool Period::operator<(const Period& other) const {
  return std::tie(year, index) < std::tie(other.year, other.index);
}

bool Period::operator==(const Period& other) const {
  return frequency == other.frequency && year == other.year && index == other.index;
}

}  // namespace dxcomply
