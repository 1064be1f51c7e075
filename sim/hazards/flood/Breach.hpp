#pragma once
/// @file
/// @brief Levee breach hydraulics as HEC-RAS documents them: a trapezoidal opening (bottom width,
/// invert, H:V side slopes) that grows linearly over the formation time, with flow computed by the
/// weir equation Q = C L H^(3/2) applied across the opening's crest profile, and the Villemonte (1947)
/// reduction when the tailwater rises above the local crest. Used by FloodModel for levee breaches.
namespace hg::flood {

/// @brief Converts a weir coefficient from US customary units (ft^0.5/s) to SI (m^0.5/s):
/// Q[m3/s] = C_US · 0.3048^(3 − 1 − 1.5) · L[m] · H[m]^1.5, so C_SI = C_US · √0.3048.
inline constexpr double kUsToSiWeirCoefficient = 0.5520869496736904;

/// @brief HEC-RAS default breach weir coefficient, 2.6 ft^0.5/s ("Suggested range of values are 2.0 to
/// 3.2, with 2.6 as a default value for most earth dams", HEC-RAS User's Manual, Breach Weir Coef of the
/// User Entered Breach Data), in SI: 2.6 × √0.3048 = 1.4354 m^0.5/s (range 1.104–1.767).
inline constexpr double kHecRasBreachWeirCoefficient = 2.6 * kUsToSiWeirCoefficient;
/// @brief Lower and upper ends of the HEC-RAS suggested breach weir coefficient range, SI.
inline constexpr double kHecRasBreachWeirCoefficientMin = 2.0 * kUsToSiWeirCoefficient;
inline constexpr double kHecRasBreachWeirCoefficientMax = 3.2 * kUsToSiWeirCoefficient;

/// @brief The shape of a breach opening at one instant.
struct BreachOpening {
  double bottom_width_m = 0; ///< width of the breach floor
  double invert_elev_m = 0;  ///< elevation of the breach floor
  double top_elev_m = 0;     ///< levee crest: the sides of the trapezoid end here
  double side_slope_h_v = 0; ///< horizontal : vertical slope of each side (HEC-RAS convention)
  /// @brief Width of the opening at crest level: bottom width + 2 z (top − invert).
  double top_width_m() const;
};

/// @brief Breach opening after `fraction` (0–1) of the formation time, HEC-RAS linear progression:
/// bottom width grows from 0 to final_bottom_width_m and the invert erodes from crest_elev_m to
/// final_invert_elev_m, both linearly; the side slopes stay constant. The sides rise to top_elev_m
/// (the current crest, which sandbags may have raised above crest_elev_m).
BreachOpening breach_opening_at(double fraction, double crest_elev_m, double top_elev_m,
                                double final_bottom_width_m, double final_invert_elev_m,
                                double side_slope_h_v);

/// @brief Free-flow discharge through a trapezoidal breach, m3/s, for a water level `level_m` on the
/// high side and nothing on the low side above the invert:
///   Q = C [ b H^1.5 + (2/5) · 2z · (H^2.5 − H_top^2.5) ],   H = level − invert, H_top = max(0, level − top)
/// (the weir equation integrated across the crest profile: each side contributes
/// C ∫ (level − y)^1.5 z dy from the invert to min(level, top)). 0 when level <= invert.
double breach_free_flow_m3_s(const BreachOpening& opening, double level_m, double coefficient);

/// @brief Signed flow through the breach between two water levels, positive from side A to side B.
/// Each horizontal strip of the opening is a weir with its own crest height y; when the tailwater is
/// above y the strip's flow is reduced by Villemonte (1947), (1 − ((T − y)/(W − y))^1.5)^0.385.
/// Strips above the tailwater are integrated exactly (formula above); the submerged part of the sides
/// with 16-panel Gauss–Legendre quadrature. 0 when both levels are at or below the invert, or equal.
double breach_flow_between_levels_m3_s(const BreachOpening& opening, double level_a_m, double level_b_m,
                                       double coefficient);

} // namespace hg::flood
