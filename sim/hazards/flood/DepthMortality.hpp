#pragma once
/// @file
/// @brief Flood mortality (share of the exposed people who die) as a function of water depth, by
/// zone type, after Jonkman's method for flooding of low-lying areas protected by flood defences:
/// Jonkman, Vrijling & Vrouwenvelder (2008), Natural Hazards 46:353–389; Jonkman (2007), PhD thesis
/// TU Delft, "Loss of life estimation in flood risk assessment"; applied to New Orleans and compared
/// with Katrina data in Jonkman, Maaskant, Boyd & Levitan (2009), Risk Analysis 29(5):676–698.
///
///   breach zone          F = 1 where h·v >= 7 m2/s and v >= 2 m/s (buildings collapse)
///   rapidly rising zone  F = Φ((ln h − 1.46) / 0.28)   where h >= 2.1 m and rise rate w >= 0.5 m/h
///   remaining zone       F = Φ((ln h − 7.60) / 2.75)
///
/// Φ is the standard normal distribution function, h in metres. The source tables could not be
/// retrieved while this was written (see docs/models/flood.md §9): the constants are the ones these
/// publications are widely quoted with; their consistency is checked in tests/flood (the rapidly
/// rising and remaining-zone curves cross at h = 2.15 m, the 2.1 m threshold of the zone criterion).
namespace hg::flood {

/// @brief Zone types of the method (Jonkman et al. 2008, §5; Jonkman 2007, ch. 7).
enum class ZoneType {
  kBreach,        ///< close to a breach: high flow velocity, h·v >= 7 m2/s and v >= 2 m/s
  kRapidlyRising, ///< water rises fast and deep: h >= 2.1 m and w >= 0.5 m/h
  kRemaining,     ///< everywhere else in the flooded area
};

/// @brief Lognormal depth–mortality constants μ (of ln h, h in m) and σ.
struct LognormalMortality {
  double mu = 0;
  double sigma = 1;
};

/// @brief Rapidly rising zone: μ 1.46, σ 0.28 (Jonkman et al. 2008; Jonkman 2007).
inline constexpr LognormalMortality kRapidlyRisingMortality{1.46, 0.28};
/// @brief Remaining zone: μ 7.60, σ 2.75 (Jonkman et al. 2008; Jonkman 2007; quoted for New Orleans
/// in Jonkman et al. 2009).
inline constexpr LognormalMortality kRemainingZoneMortality{7.60, 2.75};
/// @brief Depth from which the rapidly rising zone applies, m.
inline constexpr double kRapidlyRisingMinDepthM = 2.1;
/// @brief Rise rate from which the rapidly rising zone applies, m/h.
inline constexpr double kRapidlyRisingMinRateMH = 0.5;
/// @brief Breach zone criteria: depth × velocity, m2/s, and velocity, m/s.
inline constexpr double kBreachZoneMinDepthVelocityM2S = 7.0;
inline constexpr double kBreachZoneMinVelocityMS = 2.0;

/// @brief Mortality (0–1) at water depth `depth_m` in a zone of the given type. Depth <= 0 gives 0.
/// kBreach gives 1 (the zone is defined by its velocity criterion, not by depth). kRapidlyRising below
/// 2.1 m falls back to the remaining-zone function, since such a place is not in that zone. A negative
/// or non-finite depth is std::invalid_argument naming "depth_m".
double depth_mortality(double depth_m, ZoneType zone);

/// @brief The zone type of a place from its flood characteristics (depth m, velocity m/s, rise rate m/h),
/// by the criteria above (breach first, then rapidly rising, else remaining).
ZoneType classify_zone(double depth_m, double velocity_m_s, double rise_rate_m_h);

/// @brief Standard normal distribution function Φ(x) = erfc(−x/√2)/2.
double standard_normal_cdf(double x);

} // namespace hg::flood
