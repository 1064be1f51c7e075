#pragma once
/// @file
/// @brief Airway resistance from Atkinson's friction factor, and the series/parallel combination rules
/// of the square law p = R·Q|Q| (McPherson 1993, Subsurface Ventilation Engineering, §5.3 and §7.3.1.1).
#include <vector>

namespace hg::mine {

/// @brief Air density at which Atkinson friction factors are tabulated, kg/m3 (McPherson §5.3.2).
inline constexpr double kStandardAirDensityKgM3 = 1.2;

/// @brief Atkinson resistance R = k (L + Le) per / A^3 · (rho / 1.2), Ns2/m8.
/// @param k_kg_m3 Atkinson friction factor at 1.2 kg/m3; @param length_m airway length;
/// @param perimeter_m rubbing perimeter; @param area_m2 cross-section; @param shock_length_m equivalent
/// length of bends and obstructions; @param density_kg_m3 actual air density.
/// Throws std::invalid_argument (message naming the field) for non-positive inputs.
double atkinson_resistance(double k_kg_m3, double length_m, double perimeter_m, double area_m2,
                           double shock_length_m = 0, double density_kg_m3 = kStandardAirDensityKgM3);

/// @brief Equivalent resistance of airways in series: R = ΣR.
double series_resistance(const std::vector<double>& r_ns2_m8);

/// @brief Equivalent resistance of airways in parallel: 1/√R = Σ 1/√R_i.
double parallel_resistance(const std::vector<double>& r_ns2_m8);

} // namespace hg::mine
