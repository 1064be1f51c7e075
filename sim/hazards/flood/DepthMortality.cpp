/// @file
/// @brief Jonkman depth–mortality functions by zone type.
#include "sim/hazards/flood/DepthMortality.hpp"

#include "sim/hazards/flood/Validate.hpp"

#include <cmath>

namespace hg::flood {

double standard_normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

namespace {

double lognormal(const LognormalMortality& m, double depth_m) {
  return standard_normal_cdf((std::log(depth_m) - m.mu) / m.sigma);
}

} // namespace

double depth_mortality(double depth_m, ZoneType zone) {
  require_non_negative("depth_m", depth_m, "m");
  if (depth_m == 0) return 0.0;
  switch (zone) {
  case ZoneType::kBreach:
    return 1.0;
  case ZoneType::kRapidlyRising:
    if (depth_m >= kRapidlyRisingMinDepthM) return lognormal(kRapidlyRisingMortality, depth_m);
    return lognormal(kRemainingZoneMortality, depth_m);
  case ZoneType::kRemaining:
    break;
  }
  return lognormal(kRemainingZoneMortality, depth_m);
}

ZoneType classify_zone(double depth_m, double velocity_m_s, double rise_rate_m_h) {
  require_non_negative("depth_m", depth_m, "m");
  require_non_negative("velocity_m_s", velocity_m_s, "m/s");
  require_finite("rise_rate_m_h", rise_rate_m_h);
  if (depth_m * velocity_m_s >= kBreachZoneMinDepthVelocityM2S && velocity_m_s >= kBreachZoneMinVelocityMS)
    return ZoneType::kBreach;
  if (depth_m >= kRapidlyRisingMinDepthM && rise_rate_m_h >= kRapidlyRisingMinRateMH)
    return ZoneType::kRapidlyRising;
  return ZoneType::kRemaining;
}

} // namespace hg::flood
