/// @file
/// @brief Canadian FWI System (Van Wagner & Pickett 1985; Van Wagner 1987). Equation numbers are those
/// of Van Wagner (1987).
#include "sim/hazards/fire/FireWeatherIndex.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hg::fire {

namespace {

// Effective day length (DMC) and day-length adjustment (DC) by month, Van Wagner (1987) tables 1–2.
constexpr double kDmcDayLength[12] = {6.5, 7.5, 9.0, 12.8, 13.9, 13.9, 12.4, 10.9, 9.4, 8.0, 7.0, 6.0};
constexpr double kDcDayFactor[12] = {-1.6, -1.6, -1.6, 0.9, 3.8, 5.8, 6.4, 5.0, 2.4, 0.4, -1.6, -1.6};

double ffmc(double f0, double t, double h, double w, double r) {
  double mo = 147.2 * (101 - f0) / (59.5 + f0); // eq. 1
  if (r > 0.5) {
    const double rf = r - 0.5;                                                             // eq. 2
    double mr = mo + 42.5 * rf * std::exp(-100 / (251 - mo)) * (1 - std::exp(-6.93 / rf)); // eq. 3a
    if (mo > 150) mr += 0.0015 * (mo - 150) * (mo - 150) * std::sqrt(rf);                  // eq. 3b
    mo = std::min(mr, 250.0);
  }
  const double ed = 0.942 * std::pow(h, 0.679) + 11 * std::exp((h - 100) / 10) +
                    0.18 * (21.1 - t) * (1 - std::exp(-0.115 * h)); // eq. 4
  double m = mo;
  if (mo > ed) {
    const double ko =
        0.424 * (1 - std::pow(h / 100, 1.7)) + 0.0694 * std::sqrt(w) * (1 - std::pow(h / 100, 8));
    const double kd = ko * 0.581 * std::exp(0.0365 * t); // eqs. 6a, 6b
    m = ed + (mo - ed) * std::pow(10, -kd);              // eq. 8
  } else {
    const double ew = 0.618 * std::pow(h, 0.753) + 10 * std::exp((h - 100) / 10) +
                      0.18 * (21.1 - t) * (1 - std::exp(-0.115 * h)); // eq. 5
    if (mo < ew) {
      const double k1 = 0.424 * (1 - std::pow((100 - h) / 100, 1.7)) +
                        0.0694 * std::sqrt(w) * (1 - std::pow((100 - h) / 100, 8));
      const double kw = k1 * 0.581 * std::exp(0.0365 * t); // eqs. 7a, 7b
      m = ew - (ew - mo) * std::pow(10, -kw);              // eq. 9
    }
  }
  return 59.5 * (250 - m) / (147.2 + m); // eq. 10
}

double dmc(double p0, double t, double h, double r, int month) {
  t = std::max(t, -1.1);
  const double k = 1.894 * (t + 1.1) * (100 - h) * kDmcDayLength[month - 1] * 1e-6; // eq. 16
  double pr = p0;
  if (r > 1.5) {
    const double re = 0.92 * r - 1.27;                    // eq. 11
    const double mo = 20 + std::exp(5.6348 - p0 / 43.43); // eq. 12
    double b = 0;
    if (p0 <= 33)
      b = 100 / (0.5 + 0.3 * p0); // eq. 13a
    else if (p0 <= 65)
      b = 14 - 1.3 * std::log(p0); // eq. 13b
    else
      b = 6.2 * std::log(p0) - 17.2;                        // eq. 13c
    const double mr = mo + 1000 * re / (48.77 + b * re);    // eq. 14
    pr = std::max(0.0, 244.72 - 43.43 * std::log(mr - 20)); // eq. 15
  }
  return pr + 100 * k; // eq. 17
}

double dc(double d0, double t, double r, int month) {
  t = std::max(t, -2.8);
  const double v = std::max(0.0, 0.36 * (t + 2.8) + kDcDayFactor[month - 1]); // eq. 22
  double dr = d0;
  if (r > 2.8) {
    const double rd = 0.83 * r - 1.27;            // eq. 18
    const double qo = 800 * std::exp(-d0 / 400);  // eq. 19
    const double qr = qo + 3.937 * rd;            // eq. 20
    dr = std::max(0.0, 400 * std::log(800 / qr)); // eq. 21
  }
  return dr + 0.5 * v; // eq. 23
}

} // namespace

FwiCodes fwi_next_day(const FwiCodes& y, const FwiWeather& w) {
  if (!(w.rh_pct >= 0 && w.rh_pct <= 100))
    throw std::invalid_argument("rh_pct: expected 0 to 100 % (got " + std::to_string(w.rh_pct) + ")");
  if (!(w.wind_km_h >= 0))
    throw std::invalid_argument("wind_km_h: expected a number >= 0 (got " + std::to_string(w.wind_km_h) +
                                ")");
  if (!(w.rain_mm >= 0))
    throw std::invalid_argument("rain_mm: expected a number >= 0 (got " + std::to_string(w.rain_mm) + ")");
  if (w.month < 1 || w.month > 12)
    throw std::invalid_argument("month: expected 1 to 12 (got " + std::to_string(w.month) + ")");
  FwiCodes c;
  c.ffmc = ffmc(y.ffmc, w.temp_c, w.rh_pct, w.wind_km_h, w.rain_mm);
  c.dmc = dmc(y.dmc, w.temp_c, w.rh_pct, w.rain_mm, w.month);
  c.dc = dc(y.dc, w.temp_c, w.rain_mm, w.month);
  // ISI (eqs. 24–26).
  const double m = 147.2 * (101 - c.ffmc) / (59.5 + c.ffmc);
  const double fw = std::exp(0.05039 * w.wind_km_h);
  const double ff = 91.9 * std::exp(-0.1386 * m) * (1 + std::pow(m, 5.31) / 4.93e7);
  c.isi = 0.208 * fw * ff;
  // BUI (eqs. 27a, 27b).
  if (c.dmc <= 0 && c.dc <= 0)
    c.bui = 0;
  else if (c.dmc <= 0.4 * c.dc)
    c.bui = 0.8 * c.dmc * c.dc / (c.dmc + 0.4 * c.dc);
  else
    c.bui = c.dmc - (1 - 0.8 * c.dc / (c.dmc + 0.4 * c.dc)) * (0.92 + std::pow(0.0114 * c.dmc, 1.7));
  c.bui = std::max(0.0, c.bui);
  // FWI (eqs. 28–30).
  const double fd =
      c.bui <= 80 ? 0.626 * std::pow(c.bui, 0.809) + 2 : 1000 / (25 + 108.64 * std::exp(-0.023 * c.bui));
  const double b = 0.1 * c.isi * fd;
  c.fwi = b > 1 ? std::exp(2.72 * std::pow(0.434 * std::log(b), 0.647)) : b;
  return c;
}

int fwi_danger_class(double fwi) {
  if (fwi < 5) return 1;
  if (fwi < 10) return 2;
  if (fwi < 20) return 3;
  if (fwi < 30) return 4;
  return 5;
}

std::string fwi_danger_label(int c) {
  switch (c) {
  case 1:
    return "low / 低";
  case 2:
    return "moderate / 中";
  case 3:
    return "high / 高";
  case 4:
    return "very high / 很高";
  default:
    return "extreme / 极高";
  }
}

} // namespace hg::fire
