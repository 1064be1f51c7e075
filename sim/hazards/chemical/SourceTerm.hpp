#pragma once
/// @file
/// @brief Source terms: how fast gas or liquid leaves a hole in a tank, how the flashing of a
/// liquefied gas splits it into vapour, aerosol and pool, and how the tank empties over time. Equations
/// from Crowl & Louvar, Chemical Process Safety 3rd ed. (2011) ch. 4 (eqs. 4-6/4-7 liquid through a
/// hole, 4-18 tank draining, 4-49/4-50 gas through a hole, choked criterion 4-51, flash fraction 4-90)
/// and CCPS, Guidelines for Consequence Analysis of Chemical Releases (1999) §2.2–2.3.
/// docs/models/chemical.md §1.
#include "sim/hazards/chemical/Chemical.hpp"

#include <string>

namespace hg::chemical {

/// @brief Universal gas constant, J/(mol·K).
inline constexpr double kGasConstant = 8.314462618;
/// @brief Standard atmosphere, Pa.
inline constexpr double kAtmospherePa = 101325.0;

/// @brief Pressure ratio P0/Pa above which gas flow through a hole is choked (sonic):
/// ((γ+1)/2)^(γ/(γ−1)) (Crowl & Louvar eq. 4-51).
double choked_pressure_ratio(double gamma);

/// @brief Gas mass flow through a hole, kg/s: choked (eq. 4-50) when P0/Pa ≥ the choked ratio,
/// otherwise the subsonic isentropic nozzle (eq. 4-49). P0 absolute upstream pressure, Pa absolute
/// ambient pressure, T0 upstream temperature.
double gas_hole_rate_kg_s(double hole_area_m2, double discharge_coefficient, double upstream_pa_abs,
                          double ambient_pa_abs, double temperature_k, double molar_mass_g_mol, double gamma);

/// @brief Liquid mass flow through a hole, kg/s (Bernoulli with a discharge coefficient,
/// eq. 4-6/4-7 and 4-18): Q = ρ A C0 √(2 (ΔP/ρ + g h_L)), ΔP the gauge pressure above the liquid and
/// h_L the liquid head above the hole. Zero when the bracket is ≤ 0.
double liquid_hole_rate_kg_s(double hole_area_m2, double discharge_coefficient, double liquid_density_kg_m3,
                             double gauge_pressure_pa, double liquid_head_m);

/// @brief Fraction of a superheated liquid that flashes to vapour when depressurised to 1 atm:
/// f_v = c_p (T − T_b)/ΔH_v (Crowl & Louvar eq. 4-90), clamped to [0, 1].
double flash_fraction(const Chemical& c, double liquid_temp_k);

/// @brief Tank shapes the inventory model knows.
enum class TankShape { kVerticalCylinder, kHorizontalCylinder };

/// @brief Where the hole is.
enum class HolePhase { kLiquid, kVapour };

/// @brief A storage tank or road tanker with a hole: the state advances in time, and the release
/// rate follows the falling liquid level (liquid hole) or the falling pressure (gas or vapour-space hole).
struct TankSpec {
  const Chemical* chemical = nullptr;
  TankShape shape = TankShape::kHorizontalCylinder;
  double diameter_m = 2.4;
  double length_m = 10;          ///< horizontal: length; vertical: height
  double inventory_kg = 0;       ///< initial mass of the chemical in the tank
  double temperature_k = 288.15; ///< contents temperature (held constant: the shell exchanges heat)
  bool liquefied = true;         ///< stored as a liquid under its own vapour pressure
  double gauge_pressure_pa = 0;  ///< for a non-liquefied liquid or gas; ignored when liquefied
  HolePhase hole_phase = HolePhase::kLiquid;
  double hole_diameter_m = 0.05;
  double hole_height_m = 0; ///< hole height above the tank bottom
  double discharge_coefficient = 0.61;
  double ambient_pa = kAtmospherePa;
};

/// @brief Tank state while it releases.
class Tank {
public:
  /// @brief Checks the spec (std::invalid_argument naming the field).
  explicit Tank(TankSpec spec);
  /// @brief Mass release rate now, kg/s (0 once the hole is above the liquid or the pressure equals ambient).
  double rate_kg_s() const;
  /// @brief Advances by dt_s with internal sub-steps of at most 1 s; returns the mass released, kg.
  double advance(double dt_s);
  /// @brief Multiplies the effective hole area (a partly plugged hole), factor in [0, 1].
  void scale_hole(double factor);
  double mass_kg() const { return mass_kg_; }
  double liquid_level_m() const;
  /// @brief Gauge pressure above the liquid (or of the gas), Pa.
  double gauge_pressure_pa() const;
  const TankSpec& spec() const { return spec_; }
  /// @brief Total tank volume, m3.
  double volume_m3() const;

private:
  double liquid_volume_to_level(double v_m3) const;
  TankSpec spec_;
  double area_m2_ = 0;
  double mass_kg_ = 0;
};

} // namespace hg::chemical
