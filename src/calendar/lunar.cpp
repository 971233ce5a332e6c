#include "calendar/lunar.hpp"

#include <cmath>

namespace dxcomply::lunar {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kJ2000 = 2451545.0;             // 2000-01-01 12:00 TT
constexpr double kNewMoonEpoch = 2451550.09766;  // mean new moon k = 0 (Meeus 49.1)
constexpr double kSynodicMonth = 29.530588861;   // days (Meeus 49.1)
constexpr double kTropicalYear = 365.242189;     // days

double SinDeg(double degrees) { return std::sin(degrees * kPi / 180.0); }

double Normalize360(double degrees) {
  const double r = std::fmod(degrees, 360.0);
  return r < 0 ? r + 360.0 : r;
}

double DecimalYear(double jd) { return 2000.0 + (jd - 2451544.5) / 365.2425; }

// Proleptic Gregorian year of a JDN (Hinnant's civil_from_days, shifted).
int GregorianYearOfJdn(long jdn) {
  const long z = jdn - kJdnOfUnixEpoch + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long month = mp < 10 ? mp + 3 : mp - 9;
  return static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

// The lunation whose month contains day `jdn`. The mean-month estimate can
// be one off either way near a month boundary (the true new moon wanders up
// to about 14 hours from the mean); the loops correct it.
int MonthIndexContaining(long jdn, double zone) {
  int k = static_cast<int>(std::floor((static_cast<double>(jdn) - kNewMoonEpoch) / kSynodicMonth));
  while (MonthStartJdn(k + 1, zone) <= jdn) ++k;
  while (MonthStartJdn(k, zone) > jdn) --k;
  return k;
}

// The lunation of month 11, the month that contains the December solstice
// (counted by the civil day of the solstice in the zone).
int Month11Index(int year, double zone) {
  return MonthIndexContaining(LocalJdn(DecemberSolsticeUt(year), zone), zone);
}

// Whether the month of lunation k contains a major solar term (a multiple of
// 30 degrees of solar longitude), between its first day's midnight and the
// next month's first midnight.
// Comparing the 30-degree sector at both ends counts a term that falls on
// any day of the month, in the zone's civil time, which is what the rule
// means by "the month holds a major term".
bool HasMajorTerm(int k, double zone) {
  const double start = static_cast<double>(MonthStartJdn(k, zone)) - 0.5 - zone / 24.0;
  const double end = static_cast<double>(MonthStartJdn(k + 1, zone)) - 0.5 - zone / 24.0;
  return std::floor(ApparentSunLongitudeUt(start) / 30.0) !=
         std::floor(ApparentSunLongitudeUt(end) / 30.0);
}

// A "suì" runs from month 11 of one year (lunation a) to the next month 11
// (lunation b). It has 12 months, or 13 when one of them is a leap month:
// the first month after a that holds no major solar term.
struct Sui {
  int a = 0;
  int b = 0;
  int leap_offset = 0;  // 1..12 from a; 0: no leap month
};

Sui SuiEndingInYear(int year, double zone) {
  Sui sui;
  sui.a = Month11Index(year - 1, zone);
  sui.b = Month11Index(year, zone);
  if (sui.b - sui.a == 13) {
    for (int i = 1; i <= 12; ++i) {
      if (!HasMajorTerm(sui.a + i, zone)) {
        sui.leap_offset = i;
        break;
      }
    }
  }
  return sui;
}

}  // namespace

double DeltaTSeconds(double y) {
  if (y >= 2005 && y < 2050) {
    const double t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  if (y >= 1986 && y < 2005) {
    const double t = y - 2000;
    return 63.86 +
           t * (0.3345 + t * (-0.060374 + t * (0.0017275 + t * (0.000651814 + t * 0.00002373599))));
  }
  if (y >= 1961 && y < 1986) {
    const double t = y - 1975;
    return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
  }
  if (y >= 1941 && y < 1961) {
    const double t = y - 1950;
    return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
  }
  if (y >= 1920 && y < 1941) {
    const double t = y - 1920;
    return 21.20 + t * (0.84493 + t * (-0.076100 + t * 0.0020936));
  }
  if (y >= 1900 && y < 1920) {
    const double t = y - 1900;
    return -2.79 + t * (1.494119 + t * (-0.0598939 + t * (0.0061966 - t * 0.000197)));
  }
  const double u = (y - 1820) / 100;
  if (y >= 2050 && y < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - y);
  return -20 + 32 * u * u;  // the long-term parabola elsewhere
}

double NewMoonJde(int k_int) {
  const double k = k_int;
  const double t = k / 1236.85;
  const double t2 = t * t;
  const double t3 = t2 * t;
  const double t4 = t3 * t;
  double jde =
      kNewMoonEpoch + kSynodicMonth * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
  const double e = 1 - 0.002516 * t - 0.0000074 * t2;
  const double m = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;
  const double mp =
      201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
  const double f =
      160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
  const double omega = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;

  // Table 49.A, new moon column.
  jde += -0.40720 * SinDeg(mp) + 0.17241 * e * SinDeg(m) + 0.01608 * SinDeg(2 * mp) +
         0.01039 * SinDeg(2 * f) + 0.00739 * e * SinDeg(mp - m) - 0.00514 * e * SinDeg(mp + m) +
         0.00208 * e * e * SinDeg(2 * m) - 0.00111 * SinDeg(mp - 2 * f) -
         0.00057 * SinDeg(mp + 2 * f) + 0.00056 * e * SinDeg(2 * mp + m) -
         0.00042 * SinDeg(3 * mp) + 0.00042 * e * SinDeg(m + 2 * f) +
         0.00038 * e * SinDeg(m - 2 * f) - 0.00024 * e * SinDeg(2 * mp - m) -
         0.00017 * SinDeg(omega) - 0.00007 * SinDeg(mp + 2 * m) + 0.00004 * SinDeg(2 * mp - 2 * f) +
         0.00004 * SinDeg(3 * m) + 0.00003 * SinDeg(mp + m - 2 * f) +
         0.00003 * SinDeg(2 * mp + 2 * f) - 0.00003 * SinDeg(mp + m + 2 * f) +
         0.00003 * SinDeg(mp - m + 2 * f) - 0.00002 * SinDeg(mp - m - 2 * f) -
         0.00002 * SinDeg(3 * mp + m) + 0.00002 * SinDeg(4 * mp);

  // The planetary arguments A1..A14: amplitude, constant, rate per lunation
  // and (A1 only) a T^2 term.
  struct Term {
    double amplitude, constant, rate, rate_t2;
  };
  static const Term kPlanetary[] = {
      {0.000325, 299.77, 0.107408, -0.009173}, {0.000165, 251.88, 0.016321, 0},
      {0.000164, 251.83, 26.651886, 0},        {0.000126, 349.42, 36.412478, 0},
      {0.000110, 84.66, 18.206239, 0},         {0.000062, 141.74, 53.303771, 0},
      {0.000060, 207.14, 2.453732, 0},         {0.000056, 154.84, 7.306860, 0},
      {0.000047, 34.52, 27.261239, 0},         {0.000042, 207.19, 0.121824, 0},
      {0.000040, 291.34, 1.844379, 0},         {0.000037, 161.72, 24.198154, 0},
      {0.000035, 239.56, 25.513099, 0},        {0.000023, 331.55, 3.592518, 0},
  };
  for (const Term& term : kPlanetary) {
    jde += term.amplitude * SinDeg(term.constant + term.rate * k + term.rate_t2 * t2);
  }
  return jde;
}

// The series give dynamical time; civil days need UT (about 70 s apart in
// 2020, enough to move a new moon across midnight now and then).
double NewMoonUt(int k) {
  const double jde = NewMoonJde(k);
  return jde - DeltaTSeconds(DecimalYear(jde)) / 86400.0;
}

double ApparentSunLongitudeTt(double jde) {
  const double t = (jde - kJ2000) / 36525.0;
  const double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const double m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * SinDeg(m) +
                   (0.019993 - 0.000101 * t) * SinDeg(2 * m) + 0.000289 * SinDeg(3 * m);
  const double omega = 125.04 - 1934.136 * t;
  return Normalize360(l0 + c - 0.00569 - 0.00478 * SinDeg(omega));
}

double ApparentSunLongitudeUt(double jd_ut) {
  return ApparentSunLongitudeTt(jd_ut + DeltaTSeconds(DecimalYear(jd_ut)) / 86400.0);
}

double DecemberSolsticeUt(int year) {
  // Start near 21 December and step by the longitude still to go; the
  // longitude is almost linear in time, so this converges in a few steps.
  double jd = 2451535.0 + (year - 1999) * kTropicalYear;  // 1999-12-22 12:00 UT
  for (int i = 0; i < 8; ++i) {
    double to_go = 270.0 - ApparentSunLongitudeUt(jd);
    if (to_go > 180) to_go -= 360;
    if (to_go < -180) to_go += 360;
    jd += to_go * kTropicalYear / 360.0;
  }
  return jd;
}

long LocalJdn(double jd_ut, double utc_offset_hours) {
  return static_cast<long>(std::floor(jd_ut + 0.5 + utc_offset_hours / 24.0));
}

long MonthStartJdn(int k, double utc_offset_hours) {
  return LocalJdn(NewMoonUt(k), utc_offset_hours);
}

LunarDate JdnToLunar(long jdn, double zone) {
  const int k = MonthIndexContaining(jdn, zone);
  // Lunar years straddle Gregorian ones, so locate the suì (solstice year)
  // first: the month's number and leap status only make sense within it.
  int year = GregorianYearOfJdn(jdn);
  // The suì holding k ends with month 11 of `year` unless k is that month 11
  // or later (late November or December).
  if (k >= Month11Index(year, zone)) ++year;
  const Sui sui = SuiEndingInYear(year, zone);
  int offset = k - sui.a;
  LunarDate lunar;
  if (sui.leap_offset != 0 && offset >= sui.leap_offset) {
    lunar.leap_month = offset == sui.leap_offset;
    --offset;
  }
  lunar.month = (offset + 10) % 12 + 1;  // offset 0 is month 11
  // Months 11 and 12 at the start of a suì close the previous lunar year.
  lunar.year = lunar.month >= 11 ? year - 1 : year;
  lunar.day = static_cast<int>(jdn - MonthStartJdn(k, zone)) + 1;
  return lunar;
}

std::optional<long> LunarToJdn(const LunarDate& lunar, double zone) {
  if (lunar.month < 1 || lunar.month > 12 || lunar.day < 1 || lunar.day > 30) return std::nullopt;
  const int year = lunar.month >= 11 ? lunar.year + 1 : lunar.year;
  const Sui sui = SuiEndingInYear(year, zone);
  int offset = (lunar.month + 1) % 12;  // month 11 -> 0, 12 -> 1, 1 -> 2, ...
  if (lunar.leap_month) {
    // A leap month repeats the number of the month before it.
    if (sui.leap_offset == 0 || offset + 1 != sui.leap_offset) return std::nullopt;
    offset = sui.leap_offset;
  } else if (sui.leap_offset != 0 && offset >= sui.leap_offset) {
    ++offset;
  }
  const long start = MonthStartJdn(sui.a + offset, zone);
  const long length = MonthStartJdn(sui.a + offset + 1, zone) - start;
  if (lunar.day > length) return std::nullopt;
  return start + lunar.day - 1;
}

}  // namespace dxcomply::lunar

namespace dxcomply {
namespace {

bool InSupportedYears(int year) { return year >= kFirstCalendarYear && year <= kLastCalendarYear; }

Date DateOfJdn(long jdn) {
  return FromDayNumber(static_cast<DayNumber>(jdn - lunar::kJdnOfUnixEpoch));
}

}  // namespace

LunarDate SolarToLunar(const Date& date) {
  if (date.is_special() || !InSupportedYears(date.year())) return {};
  return lunar::JdnToLunar(ToDayNumber(date) + lunar::kJdnOfUnixEpoch,
                           lunar::kVietnamUtcOffsetHours);
}

std::optional<Date> LunarToSolar(const LunarDate& lunar) {
  // Lunar year Y ends in January or February of Y + 1.
  if (!InSupportedYears(lunar.year)) return std::nullopt;
  const auto jdn = lunar::LunarToJdn(lunar, lunar::kVietnamUtcOffsetHours);
  if (!jdn) return std::nullopt;
  return DateOfJdn(*jdn);
}

Date LunarNewYear(int year) {
  if (!InSupportedYears(year)) return Date(boost::gregorian::not_a_date_time);
  return DateOfJdn(*lunar::LunarToJdn({year, 1, 1, false}, lunar::kVietnamUtcOffsetHours));
}

Date HungKingsDay(int year) {
  if (!InSupportedYears(year)) return Date(boost::gregorian::not_a_date_time);
  return DateOfJdn(*lunar::LunarToJdn({year, 3, 10, false}, lunar::kVietnamUtcOffsetHours));
}

}  // namespace dxcomply
