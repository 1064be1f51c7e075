#pragma once
/// @file
/// @brief A `kind: coal_mine` hazard as the scenario describes it: which mine network, which shift is
/// underground, the accident(s), and the parameters of miners' escape and of mine rescue underground.
#include "sim/hazards/mine/Escape.hpp"
#include "sim/hazards/mine/MineNetwork.hpp"

#include <string>
#include <utility>
#include <vector>

namespace hg::mine {

/// @brief Miners' escape and dose parameters.
struct MinerParams {
  double scsr_s = 45 * 60;             ///< rated duration of the self-rescuer worn (30 or 45 min)
  WalkSpeeds walk;                     ///< on foot
  double donning_s = 60;               ///< time to put on a self-rescuer
  double donning_failure_fraction = 0; ///< share of a group that fails to don (breathes mine air)
  double alarm_co_ppm = 24; ///< CO that a miner's detector/senses notice (《煤矿安全规程》 limit 24 ppm)
  double visible_cs_per_m = 0.1; ///< smoke noticed from this extinction coefficient (visibility 30 m)
  double rmv_walk_l_min = 25;    ///< Purser: light work
  double rmv_rest_l_min = 8.5;   ///< Purser: at rest (incapacitated)
  double incapacitation_cohb_pct = 30;
  double lethal_cohb_pct = 50;
  double wading_speed_factor = 0.3; ///< speed factor in water deeper than the travel depth
  /// Miners who walk out with at least this COHb are CO-poisoning casualties for the hospital
  /// (Purser: headache and exertional dyspnoea from about 10 % COHb; the level is an estimate).
  double hospital_cohb_pct = 10;
};

/// @brief Mine rescue teams underground.
struct RescueParams {
  double apparatus_s = 4 * 3600;   ///< rated duration of the breathing apparatus (BG4: 4 h)
  double reserve_fraction = 0.25;  ///< part of the apparatus time kept for the way back and emergencies
  double speed_m_s = 0.5;          ///< travel speed under apparatus, exploring
  double carry_speed_factor = 0.5; ///< with stretchers
  double treat_s = 600;            ///< first aid and packaging per group reached
  int bearers_per_casualty = 4;
  double turnaround_s = 1800; ///< at the shaft bottom: apparatus change and rest between entries
  /// Rescuers per team underground: a squad (小队) has at least 9 members (AQ 1008-2007 矿山救护规程).
  int team_size = 9;
};

/// @brief An escape shaft whose head is a road node other than the mine head (e.g. a second access).
struct ShaftHead {
  int branch = -1;
  std::string node; ///< road node id of the shaft head
};

/// @brief A gas explosion or coal-and-gas outburst.
struct ExplosionEvent {
  double at_s = 0;
  std::string kind = "explosion"; ///< explosion | outburst | outburst_explosion
  int centre = -1;                ///< junction
  double damage_radius_m = 0;     ///< airways (nearest point) within it are damaged
  std::vector<int> blocked;       ///< airways collapsed or filled with ejected coal
  double afterdamp_co_ppm = 0;    ///< CO left in damaged airways
  double afterdamp_smoke_mg_m3 = 0;
  double fatality_fraction = 0; ///< of the people inside the damaged zone, killed outright
  double felt_radius_m = 0;     ///< people within it notice the blast at once
};

/// @brief A mine fire.
struct FireEvent {
  double at_s = 0;
  int junction = -1; ///< either a junction …
  int branch = -1;   ///< … or an airway (products enter with its air)
  double co_g_s = 0;
  double smoke_g_s = 0;
  double growth_s = 0;   ///< linear growth to full rate
  double duration_s = 0; ///< 0 = burns to the end of the run
};

/// @brief A water inrush.
struct InrushEvent {
  double at_s = 0;
  int junction = -1;
  std::vector<std::pair<double, double>> inflow; ///< (seconds after the inrush, m3/s), linear between
  double pump_m3_s = 0;                          ///< mine pumps still running
  double travel_depth_m = 1.0;                   ///< deeper water closes an airway to walking
  double lethal_depth_m = 1.5;                   ///< people caught in deeper water drown
  double alert_radius_m = 0;
};

/// @brief A roof fall or mine quake.
struct RoofFallEvent {
  double at_s = 0;
  std::vector<int> airways;
  int centre = -1;
  double radius_m = 0;
  double fatality_fraction = 0;
  bool remove = false; ///< true: no air passes at all (else very high resistance)
};

/// @brief The whole hazard entry.
struct MineConfig {
  std::string id;
  std::string zh, en;
  std::string network_file;
  MineNetwork net;
  std::string shift;
  std::string head_node;              ///< road node of the mine head (location of the shafts for units)
  std::vector<ShaftHead> shaft_heads; ///< escape shafts whose head is elsewhere (`shafts:`)
  /// Population zone whose at-risk people stand for the shift underground (harm bookkeeping, "" = none).
  std::string shift_zone;
  /// The scenario's incident is at one of this mine's heads: a plan's target `incident` names the mine.
  bool incident_here = false;
  /// The mine tells the posts nothing before it has reported the accident (observations from then on).
  double reports_from_s = 0;
  std::string reporter; ///< post the mine dispatch reports to ("" = the lead post)
  double step_s = 30;
  double report_every_s = 300;
  double warning_delay_s = -1; ///< dispatcher's phone/radio warning this long after an event (<0: none)
  double airflow_report_fraction = 0.1; ///< report a branch whose flow changed by more than this share
  MinerParams miners;
  RescueParams rescue;
  std::vector<ExplosionEvent> explosions;
  std::vector<FireEvent> fires;
  std::vector<InrushEvent> inrushes;
  std::vector<RoofFallEvent> roof_falls;
};

} // namespace hg::mine
