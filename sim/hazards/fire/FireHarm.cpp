/// @file
/// @brief Radiant heat and the thermal-dose probit (see FireHarm.hpp).
#include "sim/hazards/fire/FireHarm.hpp"

#include <cmath>
#include <limits>

namespace hg::fire {

namespace {
constexpr double kPi = 3.14159265358979323846;
}

double point_source_flux_kw_m2(double heat_kw, double radiative_fraction, double distance_m) {
  if (!(heat_kw > 0) || !(distance_m > 0)) return 0;
  return radiative_fraction * heat_kw / (4 * kPi * distance_m * distance_m);
}

double eisenberg_probit(double flux_w_m2, double exposure_s) {
  if (!(flux_w_m2 > 0) || !(exposure_s > 0)) return -std::numeric_limits<double>::infinity();
  return -38.48 + 2.56 * std::log(exposure_s * std::pow(flux_w_m2, 4.0 / 3.0));
}

double probit_probability(double y) {
  if (std::isinf(y)) return y > 0 ? 1.0 : 0.0;
  return 0.5 * std::erfc(-(y - 5.0) / std::sqrt(2.0));
}

double thermal_fatality_share(double flux_kw_m2, double exposure_s) {
  return probit_probability(eisenberg_probit(flux_kw_m2 * 1000.0, exposure_s));
}

} // namespace hg::fire
