#pragma once
/// @file
/// @brief Pasquill–Gifford stability classes A–F and how to choose one from the weather: the Pasquill
/// (1961) / Turner (1970) key table (surface wind, daytime insolation, night-time cloud), insolation from
/// the sun's elevation and the cloud (Turner 1970), and the sun's elevation from date, time and place
/// (Spencer 1971 series, as in the NOAA solar calculator notes). docs/models/chemical.md §2.3.
#include <cstdint>
#include <optional>
#include <string>

namespace hg::chemical {

/// @brief Pasquill–Gifford class, A (very unstable) to F (moderately stable).
enum class Stability { kA, kB, kC, kD, kE, kF };

/// @brief "A".."F" (case-insensitive); std::invalid_argument naming `field` otherwise.
Stability parse_stability(const std::string& text, const std::string& field = "stability");
/// @brief "A".."F".
std::string to_string(Stability s);

/// @brief Column of the Pasquill table.
enum class Insolation {
  kStrong,
  kModerate,
  kSlight,
  kNightCloudy, ///< night, thinly overcast or ≥ 4/8 low cloud
  kNightClear,  ///< night, ≤ 3/8 cloud
  kOvercast     ///< 8/8 cloud, day or night: always D
};

/// @brief "strong", "moderate", …
std::string to_string(Insolation i);

/// @brief The Pasquill/Turner key (Turner 1970 Table 1; Crowl & Louvar 2011 Table 5-1). Wind speed is
/// the 10-m surface wind. Half classes of the table (A–B, B–C, C–D) resolve to the more stable of the
/// two, which gives the higher ground-level concentration for a ground release. At night with < 2 m/s the
/// table is blank in Turner (1970); F is used, as in Crowl & Louvar Table 5-1.
Stability pasquill_class(double wind_m_s, Insolation insolation);

/// @brief Cloud type for the insolation correction.
enum class CloudBase { kLow, kMiddle, kHigh };
/// @brief "low" | "middle" | "high".
CloudBase parse_cloud_base(const std::string& text, const std::string& field = "cloud_base");

/// @brief Insolation from the sun's elevation (degrees) and the cloud (oktas 0–8): strong > 60°,
/// moderate 35–60°, slight 15–35° with clear skies (Turner 1970 p.6); broken (5–7/8) middle cloud lowers
/// it one step, broken low cloud two steps; 8/8 is overcast (class D). Elevation ≤ 0 is night; 0–15°
/// counts as slight. At night ≥ 4/8 low cloud is the "thinly overcast" column.
Insolation insolation(double sun_elevation_deg, double cloud_oktas, CloudBase base);

/// @brief Sun elevation above the horizon, degrees, at `unix_s` (seconds since 1970-01-01 UTC) seen
/// from lat/lon (degrees, east positive); Spencer (1971) declination and equation of time. Refraction is
/// ignored (≤ 0.6° near the horizon).
double sun_elevation_deg(double unix_s, double lat_deg, double lon_deg);

/// @brief Parses "YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]" into seconds since 1970-01-01 UTC; nullopt if not that
/// form.
std::optional<double> parse_iso8601_utc_s(const std::string& text);

} // namespace hg::chemical
