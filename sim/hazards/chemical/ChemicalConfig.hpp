#pragma once
/// @file
/// @brief Everything a chemical-release hazard needs, as read from a scenario's `hazards: - kind:
/// chemical_release` entry (ChemicalLoader) or built by tests: the source, the weather over time, the
/// receptor grid, population zones, roads, sensors and response settings. docs/formats.md-style
/// reference in docs/models/chemical.md §5.
#include "sim/hazards/chemical/Chemical.hpp"
#include "sim/hazards/chemical/Sigmas.hpp"
#include "sim/hazards/chemical/SourceTerm.hpp"
#include "sim/hazards/chemical/Stability.hpp"
#include "sim/hazards/chemical/ThreatZone.hpp"
#include "sim/world/Geo.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hg::chemical {

/// @brief How the release rate is given.
enum class SourceKind {
  kTank,     ///< a hole in a tank (TankSpec): rate from the orifice equations, falling as it empties
  kFixedRate ///< a given airborne rate for a given duration (ALOHA "direct source")
};

/// @brief A hot release from a stack or vent, for Briggs plume rise.
struct StackConfig {
  double exit_velocity_m_s = 0;
  double diameter_m = 0;
  double temperature_k = 0;
};

struct SourceConfig {
  std::string id = "source";
  const Chemical* chemical = nullptr;
  LatLon position;
  std::string node; ///< road node the responders go to (location_of)
  SourceKind kind = SourceKind::kTank;
  TankSpec tank;
  double fixed_rate_g_s = 0;
  double fixed_duration_s = 0;
  double start_s = 0;
  double release_height_m = 1;
  /// Fraction of the released mass that becomes airborne (vapour + aerosol); < 0 = the default rule:
  /// liquefied liquid releases min(1, 2 × flash fraction) (CCPS 1999 §2.3), gas releases 1.
  double airborne_fraction = -1;
  std::optional<StackConfig> stack;
  double initial_sigma_m = 1.0;
};

/// @brief Weather from `at_s` on (until the next entry).
struct WeatherPoint {
  double at_s = 0;
  double wind_m_s = 2;
  double from_deg = 0;
  std::optional<Stability> stability; ///< given; otherwise chosen by the Pasquill table
  double cloud_oktas = 0;
  CloudBase cloud_base = CloudBase::kLow;
  double air_temp_k = 288.15;
};

/// @brief A population zone as the hazard sees it: a circle (or polygon) of people.
struct ZoneReceptor {
  std::string id;
  LatLon centre;
  double radius_m = 700;
  std::vector<LatLon> polygon;  ///< when given, used instead of the circle
  double people = 0;            ///< people at risk declared to the population account (the zone's population)
  double indoor_fraction = 0.9; ///< share of the people not told to shelter who are indoors anyway
  double air_changes_per_h = 0.5; ///< air-exchange rate of their buildings (ordinary use)
  /// Air-exchange rate once people shelter in place (windows and doors shut, ventilation off).
  double shelter_air_changes_per_h = 0.3;
};

/// @brief A road segment between two node positions.
struct RoadReceptor {
  std::string id;
  LatLon a;
  LatLon b;
  std::string a_node, b_node; ///< road node ids of the ends ("" if unknown)
};

/// @brief A fixed gas detector or an observer point that reports the concentration.
struct SensorConfig {
  std::string id;
  LatLon position;
  std::string reporter; ///< post id; "" = the hazard site
  double every_s = 600;
};

/// @brief Hazmat crews on scene: who works in gas-tight suits, for how long a breathing-air cylinder
/// lasts, what their respirators keep out, and the decontamination point.
struct ResponderConfig {
  double entry_team = 2;                ///< people of a unit who work on the leak in gas-tight suits
  double ppe_air_s = 30 * 60;           ///< work per entry before the air runs low and the team withdraws
  double ppe_turnaround_s = 20 * 60;    ///< out of the hot zone between entries (decon, new cylinder)
  double protection_factor = 10000;     ///< assigned protection factor of the crews' SCBA
  double decon_people_per_person_h = 6; ///< people one decon crew member processes per hour
  bool casualties_need_decon = true;    ///< casualties pass the decon point before an ambulance takes them
  std::string decon_id;                 ///< target id of the decontamination point ("" = <id>_decon)
  std::string decon_node;               ///< its road node ("" = the source's node)
  LatLon decon_position;
};

struct ChemicalConfig {
  std::string id;
  double step_s = 60;
  double substep_s = 60;       ///< puff release interval (≤ step)
  double report_every_s = 300; ///< threat-zone and zone-exposure events
  SigmaSet sigmas = SigmaSet::kIsc3Rural;
  ReceptorGrid grid;
  double max_travel_m = 40000;
  double receptor_height_m = 0;       ///< ground level, as ALOHA's threat zones
  double threshold_duration_min = 60; ///< which AEGL column the zones use (ALOHA default 60 min)
  ToxicLevel closure_level = ToxicLevel::kAegl2;
  ToxicLevel reach_level = ToxicLevel::kAegl2;
  double plug_leak_person_h = 2.0;    ///< work to plug the leak (estimated; see the docs)
  std::optional<double> start_unix_s; ///< clock of t = 0 for the sun elevation
  /// Cascade: the release starts (source.start_s later) once this facility is lost to any hazard.
  std::string trigger_facility;
  std::string
      incident_node; ///< the scenario's incident node: "incident" names the leak if it is the source's
  double evacuation_transit_s = 10 * 60; ///< time evacuees spend outdoors leaving a zone with the gas in it
  ResponderConfig responders;
  SourceConfig source;
  std::vector<WeatherPoint> weather;
  std::vector<ZoneReceptor> zones;
  std::vector<RoadReceptor> roads;
  std::vector<SensorConfig> sensors;
};

} // namespace hg::chemical
