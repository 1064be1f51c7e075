/// @file
/// @brief Stability-class choice: Pasquill/Turner table, insolation, sun elevation, ISO times.
#include "sim/hazards/chemical/Stability.hpp"

#include "sim/hazards/chemical/Checks.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace hg::chemical {

Stability parse_stability(const std::string& text, const std::string& field) {
  if (text.size() == 1) {
    const char c = char(std::toupper(static_cast<unsigned char>(text[0])));
    if (c >= 'A' && c <= 'F') return Stability(c - 'A');
  }
  throw std::invalid_argument(field + ": expected a stability class A, B, C, D, E or F (got \"" + text +
                              "\")");
}

std::string to_string(Stability s) {
  return std::string(1, char('A' + int(s)));
}

std::string to_string(Insolation i) {
  switch (i) {
  case Insolation::kStrong:
    return "strong";
  case Insolation::kModerate:
    return "moderate";
  case Insolation::kSlight:
    return "slight";
  case Insolation::kNightCloudy:
    return "night_cloudy";
  case Insolation::kNightClear:
    return "night_clear";
  case Insolation::kOvercast:
    return "overcast";
  }
  return "overcast";
}

Stability pasquill_class(double wind_m_s, Insolation ins) {
  require_non_negative("wind_m_s", wind_m_s, "m/s");
  using S = Stability;
  if (ins == Insolation::kOvercast) return S::kD;
  // Rows: < 2, 2–3, 3–5, 5–6, > 6 m/s. Columns: strong, moderate, slight, night cloudy, night clear.
  // Turner (1970) Table 1 with half classes resolved to the more stable one (A–B → B, B–C → C, C–D → D).
  static const S table[5][5] = {
      {S::kA, S::kB, S::kB, S::kF, S::kF}, // < 2 (night: blank in Turner; F as in Crowl & Louvar)
      {S::kB, S::kB, S::kC, S::kE, S::kF}, // 2–3 (A–B, B, C, E, F)
      {S::kB, S::kC, S::kC, S::kD, S::kE}, // 3–5 (B, B–C, C, D, E)
      {S::kC, S::kD, S::kD, S::kD, S::kD}, // 5–6 (C, C–D, D, D, D)
      {S::kC, S::kD, S::kD, S::kD, S::kD}, // > 6 (C, D, D, D, D)
  };
  const int row = wind_m_s < 2 ? 0 : wind_m_s < 3 ? 1 : wind_m_s < 5 ? 2 : wind_m_s <= 6 ? 3 : 4;
  const int col = int(ins);
  return table[row][col];
}

CloudBase parse_cloud_base(const std::string& text, const std::string& field) {
  if (text == "low") return CloudBase::kLow;
  if (text == "middle") return CloudBase::kMiddle;
  if (text == "high") return CloudBase::kHigh;
  throw std::invalid_argument(field + ": expected low, middle or high (got \"" + text + "\")");
}

Insolation insolation(double elev_deg, double oktas, CloudBase base) {
  require_in_range("cloud_oktas", oktas, 0, 8, "oktas");
  require_finite("sun_elevation_deg", elev_deg);
  if (oktas >= 8) return Insolation::kOvercast;
  if (elev_deg <= 0)
    return oktas >= 4 && base == CloudBase::kLow ? Insolation::kNightCloudy : Insolation::kNightClear;
  int level = elev_deg > 60 ? 0 : elev_deg > 35 ? 1 : 2; // strong, moderate, slight
  if (oktas >= 5) {
    if (base == CloudBase::kMiddle) level += 1;
    if (base == CloudBase::kLow) level += 2;
  }
  if (level > 2) level = 2;
  return Insolation(level);
}

double sun_elevation_deg(double unix_s, double lat_deg, double lon_deg) {
  constexpr double kDeg = M_PI / 180.0;
  const double days = unix_s / 86400.0;
  const double whole_days = std::floor(days);
  // Day of year (0-based) and fractional hour of the UTC day.
  const long z = long(whole_days) + 719468; // days since 0000-03-01 (Hinnant's civil_from_days)
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = yoe + era * 400;
  const long doy_mar = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy_mar + 2) / 153;
  const long month = mp < 10 ? mp + 3 : mp - 9;
  const long year = month <= 2 ? y + 1 : y;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  static const int kCum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  const long day = doy_mar - (153 * mp + 2) / 5 + 1;
  const long doy = kCum[month - 1] + day - 1 + (leap && month > 2 ? 1 : 0);
  const double hour = (days - whole_days) * 24.0;
  const double gamma = 2 * M_PI / (leap ? 366 : 365) * (double(doy) + (hour - 12) / 24);
  const double eqtime = 229.18 * (0.000075 + 0.001868 * std::cos(gamma) - 0.032077 * std::sin(gamma) -
                                  0.014615 * std::cos(2 * gamma) - 0.040849 * std::sin(2 * gamma));
  const double decl = 0.006918 - 0.399912 * std::cos(gamma) + 0.070257 * std::sin(gamma) -
                      0.006758 * std::cos(2 * gamma) + 0.000907 * std::sin(2 * gamma) -
                      0.002697 * std::cos(3 * gamma) + 0.00148 * std::sin(3 * gamma);
  const double true_solar_min = hour * 60 + eqtime + 4 * lon_deg;
  const double hour_angle = (true_solar_min / 4 - 180) * kDeg;
  const double lat = lat_deg * kDeg;
  const double cos_zenith =
      std::sin(lat) * std::sin(decl) + std::cos(lat) * std::cos(decl) * std::cos(hour_angle);
  return 90.0 - std::acos(std::max(-1.0, std::min(1.0, cos_zenith))) / kDeg;
}

std::optional<double> parse_iso8601_utc_s(const std::string& t) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, consumed = 0;
  double s = 0;
  if (std::sscanf(t.c_str(), "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &consumed) != 5)
    return std::nullopt;
  size_t pos = size_t(consumed);
  if (pos < t.size() && t[pos] == ':') {
    int n = 0;
    if (std::sscanf(t.c_str() + pos, ":%lf%n", &s, &n) != 1) return std::nullopt;
    pos += size_t(n);
  }
  double offset_s = 0;
  if (pos < t.size()) {
    if (t[pos] == 'Z') {
      ++pos;
    } else if (t[pos] == '+' || t[pos] == '-') {
      int oh = 0, om = 0, n = 0;
      if (std::sscanf(t.c_str() + pos + 1, "%2d:%2d%n", &oh, &om, &n) != 2) return std::nullopt;
      offset_s = (t[pos] == '-' ? -1 : 1) * (oh * 3600.0 + om * 60.0);
      pos += 1 + size_t(n);
    } else {
      return std::nullopt;
    }
  }
  if (pos != t.size() || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return std::nullopt;
  // Hinnant's days_from_civil.
  const long yy = mo <= 2 ? y - 1 : y;
  const long era = (yy >= 0 ? yy : yy - 399) / 400;
  const long yoe = yy - era * 400;
  const long doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long days = era * 146097 + doe - 719468;
  return double(days) * 86400.0 + h * 3600.0 + mi * 60.0 + s - offset_s;
}

} // namespace hg::chemical
