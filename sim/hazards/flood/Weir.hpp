#pragma once
/// @file
/// @brief Broad-crested weir flow, Q = C B H^(3/2), with the Villemonte (1947) reduction when the
/// tailwater rises above the crest. The flood model uses it for levee breaches and for overtopping.
namespace hg::flood {

/// @brief Theoretical broad-crested weir coefficient in SI, C = (2/3)^(3/2) √g = 1.705 m^0.5/s
/// (critical depth 2/3 H over the crest; Henderson 1966, §6.2; Chow 1959, §14-6). It is the same as
/// the "0.385 √(2g)" form, 0.385 × 4.429 = 1.705. Real embankments give 85–100 % of it.
inline constexpr double kBroadCrestedWeirCoefficient = 1.705;

/// @brief Exponent of the free-flow head–discharge law of a rectangular weir (Q ∝ H^n).
inline constexpr double kRectangularWeirExponent = 1.5;

/// @brief Free-flow discharge Q = C B H^(3/2) in m3/s. H < 0 is "no flow" (0); B must be >= 0 and
/// C > 0 (std::invalid_argument naming "crest_width_m" or "coefficient").
double weir_discharge_m3_s(double crest_width_m, double head_m,
                           double coefficient = kBroadCrestedWeirCoefficient);

/// @brief Villemonte (1947) submergence factor Qs/Qfree = (1 − (H2/H1)^n)^0.385, where H1 and H2 are
/// the upstream and downstream heads over the crest. 1 when H2 <= 0, 0 when H2 >= H1.
double villemonte_factor(double upstream_head_m, double downstream_head_m,
                         double exponent = kRectangularWeirExponent);

/// @brief Flow over a crest between two water levels, positive from side A to side B and negative
/// when B is higher (a breach drains a filled polder back to a falling river). Free flow while the
/// lower level is below the crest, Villemonte-reduced once it is above.
double weir_flow_between_levels_m3_s(double crest_elev_m, double crest_width_m, double level_a_m,
                                     double level_b_m, double coefficient = kBroadCrestedWeirCoefficient);

} // namespace hg::flood
