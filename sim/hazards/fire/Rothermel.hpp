#pragma once
/// @file
/// @brief Rothermel (1972) surface fire spread with Albini's (1976) adjustments, the way BehavePlus
/// computes it (Andrews 2018, RMRS-GTR-371): reaction intensity, heat per unit area, rate of spread
/// with wind and slope combined as vectors (Rothermel 1983; Andrews 2018 §"cross-slope wind"),
/// effective wind speed, Byram (1959) fireline intensity and flame length, and the Anderson (1983)
/// elliptical shape (length-to-breadth, backing and flanking rates, rate in any direction).
///
/// The interface is SI; inside, the equations run in the US customary units of the original papers
/// (ft, lb, Btu, min) so that every coefficient is the published one.
#include "sim/hazards/fire/FuelModel.hpp"

namespace hg::fire {

/// @brief Fuel moistures, percent of oven-dry weight.
struct FuelMoisture {
  double dead_1h_pct = 6;
  double dead_10h_pct = 7;
  double dead_100h_pct = 8;
  double live_herb_pct = 60;
  double live_woody_pct = 90;
};

/// @brief Wind and terrain at the fire.
struct SpreadEnvironment {
  double midflame_wind_m_s = 0;     ///< wind speed at midflame height (no wind adjustment applied here)
  double wind_from_upslope_deg = 0; ///< direction the wind pushes the fire, clockwise from upslope
  double slope_pct = 0;             ///< rise over run × 100
  bool apply_wind_limit = false;    ///< cap the effective wind at 0.9·I_R (Rothermel 1972); default off
};

/// @brief Everything a surface-fire run produces (SI, and the US values the tables are printed in).
struct SurfaceFire {
  double ros_m_min = 0;                  ///< rate of spread in the direction of maximum spread
  double ros_no_wind_no_slope_m_min = 0; ///< R0
  double direction_from_upslope_deg = 0; ///< direction of maximum spread, clockwise from upslope
  double reaction_intensity_kw_m2 = 0;
  double heat_per_unit_area_kj_m2 = 0;
  double fireline_intensity_kw_m = 0; ///< Byram, at the head
  double flame_length_m = 0;          ///< Byram (1959), at the head
  double effective_wind_m_s = 0;
  double length_to_breadth = 1; ///< Anderson (1983), capped at 8 as BehavePlus does
  double eccentricity = 0;
  double backing_ros_m_min = 0;
  double flanking_ros_m_min = 0; ///< semi-minor axis growth rate
  double residence_time_min = 0;
  double phi_wind = 0;
  double phi_slope = 0;
  bool wind_limited = false;
  // Same quantities in the units BehavePlus prints (for tests against published tables).
  double ros_ch_h = 0;
  double reaction_intensity_btu_ft2_min = 0;
  double heat_per_unit_area_btu_ft2 = 0;
  double fireline_intensity_btu_ft_s = 0;
  double flame_length_ft = 0;
  double effective_wind_mi_h = 0;
};

/// @brief One surface-fire computation. Throws std::invalid_argument naming the field for a negative
/// moisture, wind or slope.
SurfaceFire surface_fire(const FuelModel& fm, const FuelMoisture& m, const SpreadEnvironment& env);

/// @brief Anderson (1983) length-to-breadth ratio of a wind-driven fire from the effective (midflame)
/// wind speed: L/B = 0.936 e^(0.1147 U) + 0.461 e^(−0.0692 U) − 0.397 with U in mi/h (Andrews 2018 eq. 95,
/// as BehavePlus evaluates it; 0.2566 and 0.1548 with U in m/s). Not capped here.
double anderson_length_to_breadth(double wind_m_s);

/// @brief Rate of spread at `angle_from_head_deg` off the direction of maximum spread, for a fire
/// point at the rear focus of the ellipse: R(ψ) = R (1 − e) / (1 − e cos ψ) (Andrews 2018 eq. for spread
/// in directions other than the head; Finney 1998 FARSITE).
double ros_at_angle_m_min(double head_ros_m_min, double eccentricity, double angle_from_head_deg);

/// @brief Byram (1959) flame length from fireline intensity: L = 0.0775 I^0.46 (m, kW/m), the SI form of
/// L = 0.45 I^0.46 (ft, Btu/ft/s).
double byram_flame_length_m(double fireline_intensity_kw_m);

// Unit conversions used by the model (exact definitions).
inline constexpr double kFtPerM = 1.0 / 0.3048;
inline constexpr double kMPerChain = 20.1168;
inline constexpr double kFtMinPerMS = 60.0 / 0.3048; ///< 196.85 ft/min per m/s
inline constexpr double kKwM2PerBtuFt2Min = 1055.05585262 / 0.09290304 / 60.0 / 1000.0; ///< 0.18927
inline constexpr double kKjM2PerBtuFt2 = 1055.05585262 / 0.09290304 / 1000.0;           ///< 11.3565
inline constexpr double kKwMPerBtuFtS = 1055.05585262 / 0.3048 / 1000.0;                ///< 3.46141
inline constexpr double kTonsAcreToLbFt2 = 2000.0 / 43560.0;

} // namespace hg::fire
