/// @file
/// @brief Orifice equations, flash fraction, tank inventory and depletion.
#include "sim/hazards/chemical/SourceTerm.hpp"

#include "sim/hazards/chemical/Checks.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hg::chemical {

double choked_pressure_ratio(double gamma) {
  require_positive("gamma", gamma - 1.0);
  return std::pow((gamma + 1) / 2, gamma / (gamma - 1));
}

double gas_hole_rate_kg_s(double area, double c0, double p0, double pa, double t0, double m_g_mol,
                          double gamma) {
  require_positive("hole_area_m2", area, "m2");
  require_in_range("discharge_coefficient", c0, 0.01, 1.0);
  require_positive("upstream_pa_abs", p0, "Pa");
  require_positive("ambient_pa_abs", pa, "Pa");
  require_positive("temperature_k", t0, "K");
  require_positive("molar_mass_g_mol", m_g_mol, "g/mol");
  if (p0 <= pa) return 0.0;
  const double m = m_g_mol / 1000.0; // kg/mol
  if (p0 / pa >= choked_pressure_ratio(gamma))
    return c0 * area * p0 *
           std::sqrt(gamma * m / (kGasConstant * t0) * std::pow(2 / (gamma + 1), (gamma + 1) / (gamma - 1)));
  const double r = pa / p0;
  const double bracket = std::pow(r, 2 / gamma) - std::pow(r, (gamma + 1) / gamma);
  return c0 * area * p0 *
         std::sqrt(2 * m / (kGasConstant * t0) * gamma / (gamma - 1) * std::max(0.0, bracket));
}

double liquid_hole_rate_kg_s(double area, double c0, double rho, double gauge_pa, double head_m) {
  require_positive("hole_area_m2", area, "m2");
  require_in_range("discharge_coefficient", c0, 0.01, 1.0);
  require_positive("liquid_density_kg_m3", rho, "kg/m3");
  const double bracket = gauge_pa / rho + 9.80665 * head_m;
  if (bracket <= 0) return 0.0;
  return rho * area * c0 * std::sqrt(2 * bracket);
}

double flash_fraction(const Chemical& c, double t_k) {
  require_positive("temperature_k", t_k, "K");
  if (c.liquid_heat_capacity_j_kg_k <= 0) return 1.0; // a permanent gas: all vapour
  const double f = c.liquid_heat_capacity_j_kg_k * (t_k - c.boiling_point_k) / c.heat_of_vaporization_j_kg;
  return std::min(1.0, std::max(0.0, f));
}

Tank::Tank(TankSpec spec) : spec_(std::move(spec)) {
  if (!spec_.chemical) throw std::invalid_argument("chemical: missing");
  require_positive("diameter_m", spec_.diameter_m, "m");
  require_positive("length_m", spec_.length_m, "m");
  require_non_negative("inventory_kg", spec_.inventory_kg, "kg");
  require_positive("temperature_k", spec_.temperature_k, "K");
  require_positive("hole_diameter_m", spec_.hole_diameter_m, "m");
  require_in_range("discharge_coefficient", spec_.discharge_coefficient, 0.01, 1.0);
  require_non_negative("hole_height_m", spec_.hole_height_m, "m");
  require_positive("ambient_pa", spec_.ambient_pa, "Pa");
  const double height = spec_.shape == TankShape::kVerticalCylinder ? spec_.length_m : spec_.diameter_m;
  if (spec_.hole_height_m > height)
    throw std::invalid_argument("hole_height_m: expected a height within the tank, 0 to " + show(height) +
                                " m (got " + show(spec_.hole_height_m) + ")");
  if (spec_.hole_diameter_m > 0.5 * spec_.diameter_m)
    throw std::invalid_argument("hole_diameter_m: expected a hole smaller than half the tank diameter (got " +
                                show(spec_.hole_diameter_m) + " m)");
  if (spec_.liquefied) {
    if (spec_.chemical->liquid_density_kg_m3 <= 0)
      throw std::invalid_argument("storage: " + spec_.chemical->en +
                                  " cannot be stored liquefied at ambient temperature");
    vapour_pressure_pa(*spec_.chemical, spec_.temperature_k, "temperature_k"); // throws above T_critical
    if (spec_.chemical->liquid_density_kg_m3 * volume_m3() < spec_.inventory_kg)
      throw std::invalid_argument("inventory_kg: more liquid than the tank holds (" +
                                  show(spec_.chemical->liquid_density_kg_m3 * volume_m3()) +
                                  " kg at most; got " + show(spec_.inventory_kg) + ")");
  }
  area_m2_ = M_PI * spec_.hole_diameter_m * spec_.hole_diameter_m / 4;
  mass_kg_ = spec_.inventory_kg;
  if (!spec_.liquefied) {
    // Compressed gas: the inventory follows from the pressure (isothermal ideal gas, P V = m R T / M).
    require_positive("gauge_pressure_pa", spec_.gauge_pressure_pa, "Pa");
    mass_kg_ = (spec_.gauge_pressure_pa + spec_.ambient_pa) * volume_m3() * spec_.chemical->molar_mass_g_mol /
               1000.0 / (kGasConstant * spec_.temperature_k);
    spec_.inventory_kg = mass_kg_;
  }
}

double Tank::volume_m3() const {
  return M_PI * spec_.diameter_m * spec_.diameter_m / 4 * spec_.length_m;
}

double Tank::liquid_volume_to_level(double v) const {
  if (spec_.shape == TankShape::kVerticalCylinder)
    return v / (M_PI * spec_.diameter_m * spec_.diameter_m / 4);
  // Horizontal cylinder: segment area A(h) = r² acos((r−h)/r) − (r−h)√(2rh − h²); bisection on h.
  const double r = spec_.diameter_m / 2, target = v / spec_.length_m;
  double lo = 0, hi = spec_.diameter_m;
  for (int i = 0; i < 60; ++i) {
    const double h = 0.5 * (lo + hi);
    const double a = r * r * std::acos((r - h) / r) - (r - h) * std::sqrt(std::max(0.0, 2 * r * h - h * h));
    (a < target ? lo : hi) = h;
  }
  return 0.5 * (lo + hi);
}

double Tank::liquid_level_m() const {
  const double rho = spec_.chemical->liquid_density_kg_m3;
  if (!spec_.liquefied || rho <= 0) return 0;
  return liquid_volume_to_level(std::min(volume_m3(), mass_kg_ / rho));
}

double Tank::gauge_pressure_pa() const {
  const Chemical& c = *spec_.chemical;
  if (spec_.liquefied) return std::max(0.0, vapour_pressure_pa(c, spec_.temperature_k) - spec_.ambient_pa);
  // Compressed gas, isothermal ideal gas: P = m R T / (M V).
  const double p_abs =
      mass_kg_ * kGasConstant * spec_.temperature_k / (c.molar_mass_g_mol / 1000.0 * volume_m3());
  return std::max(0.0, p_abs - spec_.ambient_pa);
}

double Tank::rate_kg_s() const {
  if (mass_kg_ <= 0 || area_m2_ <= 0) return 0;
  const Chemical& c = *spec_.chemical;
  if (spec_.hole_phase == HolePhase::kLiquid && spec_.liquefied) {
    const double head = liquid_level_m() - spec_.hole_height_m;
    if (head <= 0) return 0;
    return liquid_hole_rate_kg_s(area_m2_, spec_.discharge_coefficient, c.liquid_density_kg_m3,
                                 gauge_pressure_pa(), head);
  }
  const double p0 = gauge_pressure_pa() + spec_.ambient_pa;
  return gas_hole_rate_kg_s(area_m2_, spec_.discharge_coefficient, p0, spec_.ambient_pa, spec_.temperature_k,
                            c.molar_mass_g_mol, c.heat_capacity_ratio);
}

double Tank::advance(double dt_s) {
  require_non_negative("dt_s", dt_s, "s");
  double released = 0, left = dt_s;
  while (left > 1e-12 && mass_kg_ > 0) {
    const double h = std::min(1.0, left);
    // Midpoint (RK2) on the mass: the rate changes slowly over one second.
    const double r1 = rate_kg_s();
    if (r1 <= 0) break;
    const double saved = mass_kg_;
    mass_kg_ = std::max(0.0, saved - 0.5 * h * r1);
    const double r2 = rate_kg_s();
    mass_kg_ = saved;
    // Near empty the midpoint can fall below the hole (r2 = 0) while the start still flows: take the
    // start's rate, so that the last kilograms leave and the tank reports empty.
    const double dm = std::min(mass_kg_, h * (r2 > 0 ? r2 : r1));
    mass_kg_ -= dm;
    released += dm;
    left -= h;
  }
  return released;
}

void Tank::scale_hole(double factor) {
  require_in_range("factor", factor, 0, 1);
  area_m2_ *= factor;
}

} // namespace hg::chemical
