#pragma once
/// @file
/// @brief The engine's model constants as data: each has a default with its provenance, a documented
/// range and a unit, and a scenario may set any of them under `parameters:` (and vary them with
/// `uncertain:` entries that apply to `parameters.NAME`). The table in ModelParameters.cpp is the one
/// place the defaults live; docs/formats.md lists it.
#include <string>
#include <vector>

namespace hg {

struct ModelParameters {
  double zone_step_s = 300;                  ///< population-zone step
  double urban_mobilisation_mean_s = 3600;   ///< mean time to leave after an order, urban zones
  double rural_mobilisation_mean_s = 5400;   ///< same, rural and forest zones
  double evacuation_assist_speedup = 1.67;   ///< evacuation speed-up while rescue units help
  double evacuation_complete_share = 0.99;   ///< share of the warned who have left when it is "complete"
  double relief_people_per_vehicle = 2000;   ///< people served basic relief per relief vehicle load
  double relief_loading_s = 1800;            ///< loading a relief truck at a depot
  double relief_handover_s = 1800;           ///< unloading and handing out at a zone
  double order_retry_s = 60;                 ///< wait before re-sending a lost order
  double order_max_attempts = 30;            ///< then the order is given up
  double post_tick_s = 60;                   ///< a post re-reads its plan this often without mail
  double work_step_s = 600;                  ///< units report work to a hazard in steps this long
  double turnout_scale = 1.0;                ///< multiplies every unit's turnout time
  double road_speed_scale = 1.0;             ///< multiplies every road's speed (snow, night, traffic)
  double hospital_free_bed_share = 0.1;      ///< share of a hospital's beds free for casualties
  double patients_per_vehicle = 1;           ///< stretcher patients one ambulance carries
};

/// @brief One row of the parameter table.
struct ParameterInfo {
  std::string name;  ///< key under `parameters:` ("urban_mobilisation_mean_min")
  std::string unit;  ///< "s", "min", "h", "factor", "share", "count", "people"
  double scale;      ///< value in the file × scale = value in the struct (e.g. 60 for minutes)
  double lo, hi;     ///< allowed range, in file units
  double ModelParameters::*field;
  std::string src;   ///< provenance of the default
  std::string meaning;
};

const std::vector<ParameterInfo>& parameter_table();

} // namespace hg
