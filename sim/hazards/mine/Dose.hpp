#pragma once
/// @file
/// @brief Carbon-monoxide dose of people breathing contaminated air, as carboxyhaemoglobin (COHb).
///
/// Stewart et al. (1973), as used by Purser (SFPE Handbook of Fire Protection Engineering, "Toxicity
/// assessment of combustion products"): during short exposures to high concentrations, COHb rises
/// linearly in time,
///     %COHb(t) = %COHb(0) + 3.317e-5 · [CO]^1.036 · RMV · t      ([CO] ppm, RMV L/min, t min),
/// with the respiratory minute volume RMV 8.5 L/min at rest, 25 L/min in light work (walking) and
/// 50 L/min in heavy work (Purser). Purser takes incapacitation at 30 % COHb for light activity and death
/// at about 50 %. ISO 13571 (2012) writes the same incapacitation criterion as a fractional effective dose
/// FED = Σ [CO]/35 000 · Δt (ppm·min), i.e. 35 000 ppm·min to FED = 1, which is Stewart's equation with
/// RMV 20 L/min reaching 30 % COHb (checked in tests/mine/DoseTest.cpp).
/// Limits: no elimination of COHb (fine for exposures of minutes to an hour, not for hours at low CO),
/// no oxygen depletion, CO2-driven hyperventilation, HCN or heat; everyone in a group is alike.
namespace hg::mine {

/// @brief Respiratory minute volumes used by Purser, L/min.
inline constexpr double kRmvRestLMin = 8.5;
inline constexpr double kRmvLightWorkLMin = 25.0;
inline constexpr double kRmvHeavyWorkLMin = 50.0;
/// @brief Purser's incapacitation (light activity) and lethal COHb levels, %.
inline constexpr double kCohbIncapacitationPct = 30.0;
inline constexpr double kCohbLethalPct = 50.0;
/// @brief ISO 13571 CO exposure dose for FED = 1, ppm·min.
inline constexpr double kIso13571CoDosePpmMin = 35000.0;

/// @brief d%COHb/dt by Stewart et al. (1973), % per minute.
double cohb_rate_pct_per_min(double co_ppm, double rmv_l_min);
/// @brief %COHb after `minutes` at a constant concentration, capped at 100 %.
double cohb_after_pct(double co_ppm, double rmv_l_min, double minutes, double initial_pct = 0);
/// @brief Minutes until COHb reaches `target_pct` from `initial_pct` at a constant concentration
/// (infinity when co_ppm <= 0).
double minutes_to_cohb(double co_ppm, double rmv_l_min, double target_pct, double initial_pct = 0);
/// @brief ISO 13571 fractional effective dose of CO for a constant concentration over `minutes`.
double iso13571_fed_co(double co_ppm, double minutes);

} // namespace hg::mine
