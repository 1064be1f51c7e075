/// @file
/// @brief COHb uptake (Stewart et al. 1973 / Purser) and ISO 13571 FED for CO.
#include "sim/hazards/mine/Dose.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hg::mine {

double cohb_rate_pct_per_min(double co_ppm, double rmv_l_min) {
  if (co_ppm <= 0 || rmv_l_min <= 0) return 0;
  return 3.317e-5 * std::pow(co_ppm, 1.036) * rmv_l_min;
}

double cohb_after_pct(double co_ppm, double rmv_l_min, double minutes, double initial_pct) {
  return std::min(100.0, initial_pct + cohb_rate_pct_per_min(co_ppm, rmv_l_min) * std::max(0.0, minutes));
}

double minutes_to_cohb(double co_ppm, double rmv_l_min, double target_pct, double initial_pct) {
  const double r = cohb_rate_pct_per_min(co_ppm, rmv_l_min);
  if (r <= 0) return std::numeric_limits<double>::infinity();
  return std::max(0.0, target_pct - initial_pct) / r;
}

double iso13571_fed_co(double co_ppm, double minutes) {
  return std::max(0.0, co_ppm) * std::max(0.0, minutes) / kIso13571CoDosePpmMin;
}

} // namespace hg::mine
