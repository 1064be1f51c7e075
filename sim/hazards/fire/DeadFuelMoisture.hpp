#pragma once
/// @file
/// @brief Fine dead fuel (1-h) moisture by time of day from the Rothermel (1983) tables (GTR INT-143,
/// tables 1–4, after Fosberg & Deeming 1971; the same tables as the NWCG Fireline Handbook appendix B and
/// the BehavePlus "fine dead fuel moisture" tool): a reference moisture from dry-bulb temperature and
/// relative humidity, plus a correction for month, shading, aspect, slope, time of day and the site's
/// elevation relative to the weather station. 10-h and 100-h moistures follow as 1-h + 1 and 1-h + 2
/// percentage points (Rothermel 1983, p. 21).
namespace hg::fire {

enum class Aspect { kNorth, kEast, kSouth, kWest };
enum class StationElevation { kBelow, kLevel, kAbove }; ///< site 1000–2000 ft below/level/above the station

/// @brief Where and when the moisture is wanted.
struct MoistureSite {
  double temp_c = 20;
  double rh_pct = 40;
  int month = 4;       ///< 1..12
  double hour = 14;    ///< local solar time, 0..24
  bool shaded = false; ///< ≥ 50 % of the fuel shaded by canopy or cloud
  Aspect aspect = Aspect::kSouth;
  double slope_pct = 0;
  StationElevation elevation = StationElevation::kLevel;
};

/// @brief Reference moisture, correction and their sum, percent.
struct DeadMoistureResult {
  int reference_pct = 0;
  int correction_pct = 0;
  int fine_dead_pct = 0;
};

/// @brief Table look-up. Outside 08:00–sunset the 18:00–sunset correction column is held (the night
/// table of Rothermel 1983 is not modelled; see docs/models/fire.md). Throws std::invalid_argument for
/// an RH outside 0..100 or a month outside 1..12.
DeadMoistureResult fine_dead_moisture(const MoistureSite& s);

/// @brief The aspect class of a downslope-facing azimuth (degrees clockwise from north).
Aspect aspect_class(double aspect_deg);

} // namespace hg::fire
