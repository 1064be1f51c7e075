/// @file
/// @brief σ curves: ISC3 rural (Pasquill–Gifford–Turner fits), Briggs rural, Slade puff.
#include "sim/hazards/chemical/Sigmas.hpp"

#include "sim/hazards/chemical/Checks.hpp"

#include <cmath>
#include <iterator>
#include <stdexcept>

namespace hg::chemical {

namespace {

/// ISC3 rural σy: σy = 465.11628 x tan(TH), TH = 0.017453293 (c − d ln x), x in km.
double isc3_sigma_y(Stability s, double x_km) {
  static const double c[6] = {24.1670, 18.3330, 12.5000, 8.3330, 6.2500, 4.1667};
  static const double d[6] = {2.5334, 1.8096, 1.0857, 0.72382, 0.54287, 0.36191};
  const int i = int(s);
  const double th = 0.017453293 * (c[i] - d[i] * std::log(x_km));
  return 465.11628 * x_km * std::tan(th);
}

struct Segment {
  double x_max_km; ///< upper end of the row (inclusive)
  double a;
  double b;
};

/// ISC3 rural σz = a x^b (x in km), ISC3 User's Guide vol. II Table 1-2.
double isc3_sigma_z(Stability s, double x_km) {
  static const Segment kA[] = {{0.10, 122.800, 0.94470}, {0.15, 158.080, 1.05420}, {0.20, 170.220, 1.09320},
                               {0.25, 179.520, 1.12620}, {0.30, 217.410, 1.26440}, {0.40, 258.890, 1.40940},
                               {0.50, 346.750, 1.72830}, {3.11, 453.850, 2.11660}};
  static const Segment kB[] = {{0.20, 90.673, 0.93198}, {0.40, 98.483, 0.98332}, {1e30, 109.300, 1.09710}};
  static const Segment kC[] = {{1e30, 61.141, 0.91465}};
  static const Segment kD[] = {{0.30, 34.459, 0.86974},  {1.00, 32.093, 0.81066},  {3.00, 32.093, 0.64403},
                               {10.00, 33.504, 0.60486}, {30.00, 36.650, 0.56589}, {1e30, 44.053, 0.51179}};
  static const Segment kE[] = {{0.10, 24.260, 0.83660},  {0.30, 23.331, 0.81956},  {1.00, 21.628, 0.75660},
                               {2.00, 21.628, 0.63077},  {4.00, 22.534, 0.57154},  {10.00, 24.703, 0.50527},
                               {20.00, 26.970, 0.46713}, {40.00, 35.420, 0.37615}, {1e30, 47.618, 0.29592}};
  static const Segment kF[] = {{0.20, 15.209, 0.81558},  {0.70, 14.457, 0.78407},  {1.00, 13.953, 0.68465},
                               {2.00, 13.953, 0.63227},  {3.00, 14.823, 0.54503},  {7.00, 16.187, 0.46490},
                               {15.00, 17.836, 0.41507}, {30.00, 22.651, 0.32681}, {60.00, 27.074, 0.27436},
                               {1e30, 34.219, 0.21716}};
  const Segment* rows = nullptr;
  size_t n = 0;
  switch (s) {
  case Stability::kA:
    if (x_km > 3.11) return 5000.0;
    rows = kA, n = std::size(kA);
    break;
  case Stability::kB:
    rows = kB, n = std::size(kB);
    break;
  case Stability::kC:
    rows = kC, n = std::size(kC);
    break;
  case Stability::kD:
    rows = kD, n = std::size(kD);
    break;
  case Stability::kE:
    rows = kE, n = std::size(kE);
    break;
  case Stability::kF:
    rows = kF, n = std::size(kF);
    break;
  }
  size_t i = 0;
  while (i + 1 < n && x_km > rows[i].x_max_km)
    ++i;
  return std::min(5000.0, rows[i].a * std::pow(x_km, rows[i].b));
}

Sigmas briggs_rural(Stability s, double x) {
  const double sy_coef[6] = {0.22, 0.16, 0.11, 0.08, 0.06, 0.04};
  const double sy = sy_coef[int(s)] * x / std::sqrt(1 + 0.0001 * x);
  double sz = 0;
  switch (s) {
  case Stability::kA:
    sz = 0.20 * x;
    break;
  case Stability::kB:
    sz = 0.12 * x;
    break;
  case Stability::kC:
    sz = 0.08 * x / std::sqrt(1 + 0.0002 * x);
    break;
  case Stability::kD:
    sz = 0.06 * x / std::sqrt(1 + 0.0015 * x);
    break;
  case Stability::kE:
    sz = 0.03 * x / (1 + 0.0003 * x);
    break;
  case Stability::kF:
    sz = 0.016 * x / (1 + 0.0003 * x);
    break;
  }
  return {sy, sz};
}

} // namespace

SigmaSet parse_sigma_set(const std::string& text, const std::string& field) {
  if (text == "isc3") return SigmaSet::kIsc3Rural;
  if (text == "briggs-rural" || text == "briggs_rural") return SigmaSet::kBriggsRural;
  throw std::invalid_argument(field + ": expected isc3 or briggs-rural (got \"" + text + "\")");
}

std::string to_string(SigmaSet s) {
  return s == SigmaSet::kIsc3Rural ? "isc3" : "briggs-rural";
}

Sigmas plume_sigmas(SigmaSet set, Stability s, double x_m) {
  require_positive("x_m", x_m, "m");
  if (set == SigmaSet::kBriggsRural) return briggs_rural(s, x_m);
  const double x_km = x_m / 1000.0;
  return {isc3_sigma_y(s, x_km), isc3_sigma_z(s, x_km)};
}

Sigmas puff_sigmas(Stability s, double x_m) {
  require_positive("x_m", x_m, "m");
  // Slade (1968) instantaneous-release coefficients, σx = σy = a x^b, σz = c x^d (x in m).
  static const double a[6] = {0.18, 0.14, 0.10, 0.06, 0.04, 0.02};
  static const double b[6] = {0.92, 0.92, 0.92, 0.92, 0.92, 0.89};
  static const double c[6] = {0.60, 0.53, 0.34, 0.15, 0.10, 0.05};
  static const double d[6] = {0.75, 0.73, 0.71, 0.70, 0.65, 0.61};
  const int i = int(s);
  return {a[i] * std::pow(x_m, b[i]), c[i] * std::pow(x_m, d[i])};
}

double virtual_distance_m(SigmaSet set, Stability s, double sigma_m, bool vertical) {
  if (!(sigma_m > 0)) return 0;
  auto f = [&](double x) {
    const Sigmas g = plume_sigmas(set, s, x);
    return vertical ? g.z_m : g.y_m;
  };
  double lo = 1e-3, hi = 1e6;
  if (f(hi) <= sigma_m) return hi; // capped curve (ISC3 σz = 5000 m)
  if (f(lo) >= sigma_m) return lo;
  for (int it = 0; it < 100; ++it) {
    const double mid = std::sqrt(lo * hi);
    (f(mid) < sigma_m ? lo : hi) = mid;
    if (hi / lo < 1 + 1e-12) break;
  }
  return std::sqrt(lo * hi);
}

} // namespace hg::chemical
