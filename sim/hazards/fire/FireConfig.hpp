#pragma once
/// @file
/// @brief Everything a `kind: forest_fire` scenario entry says, after loading and checking
/// (FireLoader.cpp). Plain data; positions are already resolved to WGS84 lat/lon.
#include "sim/hazards/fire/FireWeatherIndex.hpp"
#include "sim/hazards/fire/ProductionRates.hpp"
#include "sim/hazards/fire/Rothermel.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hg::fire {

struct LatLonPoint {
  double lat = 0;
  double lon = 0;
};

/// @brief Wind from t_h on (piecewise constant).
struct WindPoint {
  double t_h = 0;
  double speed_10m_m_s = 0;
  double dir_deg = 0; ///< where the wind comes from
};

/// @brief Air temperature and humidity at t_h (linear between points).
struct WeatherPoint {
  double t_h = 0;
  double temp_c = 15;
  double rh_pct = 40;
};

/// @brief Noon weather of one day for the danger index; day 0 is the scenario's first day.
struct DangerDay {
  int day = 0;
  double temp_c = 15;
  double rh_pct = 40;
  double wind_km_h = 10;
  double rain_mm = 0;
};

/// @brief A place the fire may reach: a population zone (reached, evacuation, harm) or a facility.
struct Settlement {
  std::string id;
  bool is_zone = false;
  LatLonPoint pos;
  double people = 0; ///< a zone's residents, all of whom live at the settlement (forest farms, villages)
};

/// @brief Harm to the people still in a settlement when the fire is at it (docs/models/fire.md §6):
/// radiant heat from the flaming front (point sources, Modak 1977) and the Eisenberg et al. (1975)
/// thermal-dose probit.
struct HarmConfig {
  double radiative_fraction = 0.3; ///< share of the fire's heat release radiated
  double exposure_s = 60;          ///< time a person outdoors is exposed before reaching cover
};

/// @brief A planned fireline assignment that units can be sent to work on.
struct LineConfig {
  std::string id;
  std::string mode = "indirect"; ///< indirect | direct
  CrewType crew = CrewType::kType2;
  std::string node;                    ///< where crews are dropped (site_of)
  std::optional<LatLonPoint> node_pos; ///< that node's position (crews walk in from it)
  std::vector<LatLonPoint> path;       ///< indirect: the route; direct: unused
  LatLonPoint safety_zone;             ///< indirect: where the crew escapes to
  bool has_safety_zone = false;
  double escape_rate_m_min = 30;
};

/// @brief A world road whose width makes it a firebreak, or which is checked for closures.
struct RoadLine {
  std::string id;
  std::vector<LatLonPoint> points; ///< from and to node
  double width_m = 0;
};

struct FireConfig {
  std::string id;
  double step_s = 600;
  double report_every_s = 1800;
  std::string fuel_raster;      ///< absolute path
  std::string elevation_raster; ///< absolute path, may be empty (flat)
  LatLonPoint ignition;
  std::string ignition_node; ///< nearest road node (site_of the hazard id)
  bool is_incident = false;  ///< this fire is the scenario's incident: plans may call it `incident`
  std::optional<LatLonPoint> ignition_node_pos;
  double walk_in_m_min = 30; ///< crews walk from their drop node to the line at this speed
  double ignition_at_s = 0;
  int start_month = 4;
  double start_hour = 12;  ///< local clock time at t = 0
  double utc_offset_h = 8; ///< clock zone of start_hour (Beijing time)
  std::vector<WindPoint> wind;
  double wind_adjustment_factor = 0.4; ///< midflame / 20-ft wind
  std::vector<WeatherPoint> weather;
  FuelMoisture moisture; ///< live values always; dead ones only if !dead_by_time_of_day
  bool dead_by_time_of_day = true;
  bool apply_wind_limit = false;
  int farmland_fuel = 0; ///< fuel model of code-93 cells in this season, 0 = not burnable
  double firebreak_min_width_m = 10;
  std::vector<RoadLine> roads; ///< every world road touching the raster, with its width
  double closure_distance_m = 1000;
  double reopen_after_h = 2;
  double evacuation_horizon_h = 6;
  std::vector<Settlement> settlements;
  double settlement_radius_m = 500; ///< a settlement is reached when the fire is this close to its point
  HarmConfig harm;
  std::vector<LineConfig> lines;
  CrewType default_crew = CrewType::kType2;
  FwiCodes danger_start; ///< FWI codes before the first danger day
  std::vector<DangerDay> danger_days;
};

} // namespace hg::fire
