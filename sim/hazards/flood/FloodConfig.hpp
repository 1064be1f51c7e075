#pragma once
/// @file
/// @brief Plain configuration of a FloodModel: river reaches, gauges, levees and protected zones.
/// No YAML here (the loader fills these structs); every number carries its unit in its name.
#include "sim/hazards/flood/Breach.hpp"
#include "sim/hazards/flood/ChannelSection.hpp"
#include "sim/hazards/flood/RatingCurve.hpp"
#include "sim/hazards/flood/StorageCurve.hpp"
#include "sim/hazards/flood/Weir.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hg::flood {

/// @brief One sample of a hydrograph; linear between samples, held constant beyond the ends.
struct HydrographPoint {
  double t_h = 0;
  double discharge_m3_s = 0;
};

/// @brief A river reach routed with Muskingum from its upstream end to its downstream gauge.
struct ReachConfig {
  std::string id;
  std::string river;          ///< river name, for reports
  std::string upstream_gauge; ///< inflow = flow passing this gauge (downstream gauge of an earlier reach)
  std::vector<HydrographPoint> inflow;         ///< inflow hydrograph when upstream_gauge is empty
  std::vector<HydrographPoint> lateral_inflow; ///< optional tributary/local inflow added to the inflow
  double k_h = 1;                              ///< Muskingum storage constant
  double x = 0.2;                              ///< Muskingum weighting factor
  std::string downstream_gauge;                ///< gauge at the outlet; empty = the reach leaves the model
};

/// @brief Stage from discharge by uniform flow in a surveyed section.
struct GaugeSectionConfig {
  ChannelSection section = ChannelSection::rectangular(1.0);
  double n = 0.035;    ///< Manning roughness
  double slope = 1e-4; ///< bed slope, m/m
  double bed_elev_m = 0;
};

/// @brief A water-level gauge (水文站/水位站). id is the facility id of the gauge.
struct GaugeConfig {
  std::string id;
  std::optional<RatingCurve> rating;         ///< stage ↔ discharge table or power law …
  std::optional<GaugeSectionConfig> manning; ///< … or a Manning section (one of the two is required)
  double warning_m = 0;                      ///< 警戒水位 warning stage
  double guarantee_m = 0;                    ///< 保证水位 guaranteed (design-safe) stage
  std::string reporter; ///< post that receives the readings (observe()); empty = the gauge itself
};

/// @brief How a levee breaches.
enum class BreachMode {
  kNone,      ///< only through inject({"what":"breach"})
  kScheduled, ///< at at_h
  kRandom,    ///< each hour above the guarantee stage with probability_per_h
};

/// @brief Breach trigger and geometry: a trapezoidal opening as HEC-RAS's "User Entered Data" breach
/// (final bottom width, final bottom elevation, side slopes, formation time, breach weir coefficient),
/// growing linearly from the crest over the formation time.
struct BreachConfig {
  BreachMode mode = BreachMode::kNone;
  double at_h = 0;
  double probability_per_h = 0;
  double final_width_m = 50; ///< final bottom width of the opening (HEC-RAS "Final Bottom Width")
  double formation_h = 1;    ///< time for the width to grow and the bottom to erode to their final values
  double bottom_elev_m = 0;  ///< final breach invert (HEC-RAS "Final Bottom Elevation")
  double side_slope_h_v = 0; ///< H:V slope of both sides of the trapezoid (0 = rectangular opening)
  double coefficient = kHecRasBreachWeirCoefficient; ///< breach weir coefficient, SI (HEC-RAS 2.6 US)
};

/// @brief A levee (堤防) along a gauge's reach, protecting one zone.
struct LeveeConfig {
  std::string id;
  std::string gauge; ///< the gauge whose stage loads the levee (and whose flow the breach draws from)
  double crest_elev_m = 0;
  double length_m = 1000; ///< crest length, used for overtopping
  std::string zone;       ///< protected zone
  std::string node;       ///< road node where crews reach the levee (site_of); empty = the zone's node
  BreachConfig breach;
  double overtop_coefficient = kBroadCrestedWeirCoefficient;
};

/// @brief A road inside a zone, closed when the water over its crest reaches closure_depth_m.
struct ZoneRoadConfig {
  std::string road;
  double crest_elev_m = 0;
  double closure_depth_m = 0.3;
};

/// @brief A protected zone (population zone) behind levees, as one level pool.
struct ZoneConfig {
  std::string id;                    ///< population-zone id
  std::vector<StoragePoint> storage; ///< storage–elevation table (e.g. from dem_storage_table)
  double ground_elev_m = 0;          ///< typical ground level for depth and people at risk
  double people = 0;
  double pump_rate_m3_s_per_unit = 0.5; ///< drainage by one pump unit
  std::vector<ZoneRoadConfig> roads;
};

/// @brief The whole flood model.
struct FloodConfig {
  std::string id = "flood";
  double step_s = 900;              ///< driver step; Muskingum Δt = step
  int gauge_report_every_steps = 1; ///< "flood.gauge" events and observations every N steps
  double zone_report_step_m = 0.05; ///< "flood.zone" when the depth moved this much since the last one
  std::vector<ReachConfig> reaches; ///< upstream reaches first
  std::vector<GaugeConfig> gauges;
  std::vector<LeveeConfig> levees;
  std::vector<ZoneConfig> zones;
};

} // namespace hg::flood
