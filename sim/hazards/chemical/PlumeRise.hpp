#pragma once
/// @file
/// @brief Briggs plume rise for a hot stack (buoyancy- or momentum-dominated, unstable/neutral or
/// stable), as coded in ISC3 (EPA-454/B-95-003b vol. II §1.1.4): buoyancy flux F_b = g v d² ΔT/(4 T_s),
/// momentum flux F_m = v² d² T_a/(4 T_s), crossover ΔT, final rise and its distance.
/// docs/models/chemical.md §2.4.
#include "sim/hazards/chemical/Stability.hpp"

namespace hg::chemical {

/// @brief Standard gravity, m/s2.
inline constexpr double kGravity = 9.80665;

/// @brief Which branch of Briggs' equations applied.
enum class RiseRegime { kBuoyant, kMomentum };

/// @brief Result of a plume-rise calculation.
struct PlumeRise {
  double rise_m = 0;                ///< final plume rise Δh above the stack top
  double final_rise_distance_m = 0; ///< downwind distance where the rise ends (x_f)
  double buoyancy_flux_m4_s3 = 0;
  double momentum_flux_m4_s2 = 0;
  RiseRegime regime = RiseRegime::kBuoyant;
};

/// @brief Potential-temperature gradient ISC3 uses for stable classes: 0.020 K/m (E), 0.035 K/m (F).
double stable_dtheta_dz_k_m(Stability s);

/// @brief Final Briggs plume rise. Inputs: exit velocity v (m/s), inner stack diameter d (m), stack gas
/// temperature T_s and ambient temperature T_a (K; T_s ≥ T_a), wind speed at stack top u (m/s), class.
PlumeRise briggs_plume_rise(double exit_velocity_m_s, double diameter_m, double stack_temp_k,
                            double ambient_temp_k, double u_m_s, Stability s);

} // namespace hg::chemical
