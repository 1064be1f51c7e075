/// @file
/// @brief Briggs plume rise (ISC3 formulation).
#include "sim/hazards/chemical/PlumeRise.hpp"

#include "sim/hazards/chemical/Checks.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hg::chemical {

double stable_dtheta_dz_k_m(Stability s) {
  return s == Stability::kE ? 0.020 : s == Stability::kF ? 0.035 : 0.0;
}

PlumeRise briggs_plume_rise(double v, double d, double ts, double ta, double u, Stability s) {
  require_positive("exit_velocity_m_s", v, "m/s");
  require_positive("diameter_m", d, "m");
  require_positive("stack_temp_k", ts, "K");
  require_positive("ambient_temp_k", ta, "K");
  require_positive("u_m_s", u, "m/s");
  if (ts < ta)
    throw std::invalid_argument("stack_temp_k: expected a stack temperature >= the ambient " + show(ta) +
                                " K (got " + show(ts) + ")");
  PlumeRise r;
  const double dt = ts - ta;
  r.buoyancy_flux_m4_s3 = kGravity * v * d * d * dt / (4 * ts);
  r.momentum_flux_m4_s2 = v * v * d * d * ta / (4 * ts);
  const double fb = r.buoyancy_flux_m4_s3, fm = r.momentum_flux_m4_s2;
  const bool stable = s == Stability::kE || s == Stability::kF;
  if (!stable) {
    // Crossover temperature difference (ISC3 eqs. 1-9, 1-10).
    const double dtc = fb < 55 ? 0.0297 * ts * std::cbrt(v) / std::pow(d, 2.0 / 3.0)
                               : 0.00575 * ts * std::pow(v, 2.0 / 3.0) / std::cbrt(d);
    if (dt >= dtc && fb > 0) {
      const double xstar = fb < 55 ? 14 * std::pow(fb, 0.625) : 34 * std::pow(fb, 0.4);
      r.final_rise_distance_m = 3.5 * xstar;
      r.rise_m = 1.6 * std::cbrt(fb) * std::pow(r.final_rise_distance_m, 2.0 / 3.0) / u;
      r.regime = RiseRegime::kBuoyant;
    } else {
      r.rise_m = 3 * d * v / u;
      r.final_rise_distance_m = 4 * d * std::pow(v + 3 * u, 2) / (v * u); // ISC3 eq. 1-13
      r.regime = RiseRegime::kMomentum;
    }
    return r;
  }
  const double stab = kGravity * stable_dtheta_dz_k_m(s) / ta; // s = g (dθ/dz)/T_a
  const double dtc = 0.019582 * ts * v * std::sqrt(stab);
  if (dt >= dtc && fb > 0) {
    r.rise_m = 2.6 * std::cbrt(fb / (u * stab));
    r.final_rise_distance_m = 2.0715 * u / std::sqrt(stab);
    r.regime = RiseRegime::kBuoyant;
  } else {
    const double stable_rise = 1.5 * std::cbrt(fm / (u * std::sqrt(stab)));
    r.rise_m = std::min(stable_rise, 3 * d * v / u);
    r.final_rise_distance_m = 0.5 * M_PI * u / std::sqrt(stab);
    r.regime = RiseRegime::kMomentum;
  }
  return r;
}

} // namespace hg::chemical
