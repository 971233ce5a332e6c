// The astronomy behind the Vietnamese lunisolar calendar (internal).
//
// The public functions (SolarToLunar, LunarToSolar, LunarNewYear,
// HungKingsDay in dxcomply/work_calendar.hpp) always use Vietnam's time zone,
// UTC+7. The functions here take the zone as a parameter so that tests can
// show why a calendar computed for China (UTC+8) is wrong for Vietnam.
//
// Days are Julian Day Numbers (JDN, an integer per civil day; 2000-01-01 is
// 2451545). Instants are Julian Dates (JD, a real number; days since
// -4712-01-01 12:00). "UT" instants are civil (UTC-like) time; "TT" instants
// are the dynamical time of the astronomical series; DeltaTSeconds converts.
//
// Sources (formulas implemented from the published text, not from anyone's
// code): Jean Meeus, "Astronomical Algorithms", 2nd ed., Willmann-Bell 1998,
// chapter 25 (solar coordinates, low accuracy: 0.01 degree), chapter 49
// (phases of the Moon: new moons to a few seconds); Espenak & Meeus, "Five
// Millennium Canon of Solar Eclipses" (NASA/TP-2006-214141), polynomial
// expressions for Delta T. The calendar rules are those of the Chinese
// calendar since 1645 (as described in Helmer Aslaksen, "The Mathematics of
// the Chinese Calendar"), applied at UTC+7 as Vietnam does since 1968; see
// docs/calendar.md. Hồ Ngọc Đức's reference code (non-commercial licence)
// was not used.
#pragma once

#include "dxcomply/work_calendar.hpp"

#include <optional>

namespace dxcomply::lunar {

inline constexpr double kVietnamUtcOffsetHours = 7.0;
inline constexpr double kChinaUtcOffsetHours = 8.0;

// JDN of 1970-01-01, the origin of DayNumber.
inline constexpr long kJdnOfUnixEpoch = 2440588;

// TT - UT in seconds for a decimal year (Espenak & Meeus 2006).
double DeltaTSeconds(double decimal_year);

// Lunation k: k = 0 is the new moon of 2000-01-06; k < 0 before it.
// The instant of new moon k in TT (Meeus ch. 49, with all periodic terms and
// the 14 planetary corrections).
double NewMoonJde(int k);
double NewMoonUt(int k);

// The apparent geocentric longitude of the Sun, degrees in [0, 360)
// (Meeus ch. 25: true longitude, corrected for nutation and aberration).
double ApparentSunLongitudeTt(double jde);
double ApparentSunLongitudeUt(double jd_ut);

// The instant of the December solstice (apparent longitude 270 degrees) of a
// Gregorian year, in UT.
double DecemberSolsticeUt(int year);

// The civil day (JDN) in a zone `utc_offset_hours` east of Greenwich that
// contains the UT instant `jd_ut`.
long LocalJdn(double jd_ut, double utc_offset_hours);

// The first day (JDN) of the lunar month that begins with new moon k.
long MonthStartJdn(int k, double utc_offset_hours);

// Conversions in a given zone. JdnToLunar requires a JDN in the supported
// Gregorian years (kFirstCalendarYear..kLastCalendarYear, give or take a
// lunar year); LunarToJdn returns nullopt for a day that does not exist.
LunarDate JdnToLunar(long jdn, double utc_offset_hours);
std::optional<long> LunarToJdn(const LunarDate& lunar, double utc_offset_hours);

}  // namespace dxcomply::lunar
