#pragma once
/// @file
/// @brief Dispersion coefficients σy, σz as functions of downwind distance and stability class: the
/// ISC3 fits of the Pasquill–Gifford–Turner curves (EPA-454/B-95-003b, ISC3 User's Guide vol. II,
/// eqs. 1-32/1-33 and Table 1-1/1-2; the same coefficients in Boubel, Fox, Turner & Stern 1994, Tables
/// 19-4/19-5), the Briggs (1973) open-country (rural) set (Gifford 1976; Boubel et al. 1994 Table 19-7;
/// Crowl & Louvar 2011 Table 5-2), and the instantaneous-puff set (Slade 1968 via CCPS 1999/Crowl &
/// Louvar Table 5-3). docs/models/chemical.md §2.2.
#include "sim/hazards/chemical/Stability.hpp"

#include <string>

namespace hg::chemical {

/// @brief Which σ curves a plume uses.
enum class SigmaSet { kIsc3Rural, kBriggsRural };

/// @brief "isc3" | "briggs-rural" (also "briggs_rural"); std::invalid_argument naming `field` otherwise.
SigmaSet parse_sigma_set(const std::string& text, const std::string& field = "sigmas");
/// @brief "isc3" | "briggs-rural".
std::string to_string(SigmaSet s);

/// @brief A pair of dispersion coefficients, m.
struct Sigmas {
  double y_m = 0;
  double z_m = 0;
};

/// @brief Continuous-plume σy, σz at downwind distance `x_m` (> 0). ISC3 caps σz at 5000 m as the
/// guide does; Briggs formulas are used as written at any distance (fitted for 100 m–10 km).
Sigmas plume_sigmas(SigmaSet set, Stability s, double x_m);

/// @brief Instantaneous-puff σx = σy and σz at travel distance `x_m` (Slade 1968: σ = a x^b, x in m).
Sigmas puff_sigmas(Stability s, double x_m);

/// @brief The travel distance at which the plume σy (or σz when `vertical`) of class `s` reaches
/// `sigma_m` (bisection on the monotonic curve): the "virtual distance" used when the class changes
/// under a moving puff. Returns 0 for sigma_m <= 0.
double virtual_distance_m(SigmaSet set, Stability s, double sigma_m, bool vertical);

} // namespace hg::chemical
