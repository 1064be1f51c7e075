#pragma once
/// @file
/// @brief The river-flood hazard: Muskingum reaches carry the flood wave from gauge to gauge, levees
/// breach or overtop into level-pool zones, roads in those zones close as the water rises, and the
/// response (sandbagging, pumping) changes the outcome. Pure C++, no SimGrid: the driver calls advance().
#include "sim/hazards/Hazard.hpp"
#include "sim/hazards/flood/FloodConfig.hpp"
#include "sim/hazards/flood/LevelPool.hpp"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace hg::flood {

/// @brief Bags one person fills and places per hour: a 3-person team (filler, holder, carrier/placer)
/// manages about 20–30 bags/h (USACE Northwestern Division "Sandbagging" guidance; FEMA/state flood-fight
/// handbooks), i.e. 25/3 ≈ 8.3 bags per person-hour including placing.
inline constexpr double kSandbagBagsPerPersonHour = 25.0 / 3.0;
/// @brief Bags per metre of a 0.3 m high sandbag wall (pyramid placement): 25–30; 27.5 taken.
inline constexpr double kSandbagBagsPerMetreOf03mWall = 27.5;
/// @brief Height one bag course adds to the crest, m.
inline constexpr double kSandbagWallHeightM = 0.3;
/// @brief Highest sandbag raise without a widened base (USACE: ~1 m / 3 ft for a single pyramid).
inline constexpr double kSandbagMaxRaiseM = 1.0;

/// @brief Water-balance totals since start(), m3 (for reports and tests).
struct FloodBalance {
  double inflow_m3 = 0;  ///< upstream hydrographs + lateral inflows
  double outflow_m3 = 0; ///< leaving the last reaches
  double levee_m3 = 0;   ///< net river → zones through breaches and overtopping, as the zones got it
  /// River-side minus zone-side levee volume. The river loses the trapezoid of the flows applied at the
  /// gauges (as Muskingum integrates every flow); the zones gain each step's implicit flow × Δt. The
  /// two integrals of the same flow differ by half a step of its change, which this holds so that both
  /// balances close exactly: inflow − outflow − levee − levee_lag = Δ reach storage.
  double levee_lag_m3 = 0;
  double pumped_m3 = 0;        ///< drained out of zones by pumps (leaves the model)
  double reach_storage_m3 = 0; ///< current Muskingum storage in all reaches
  double zone_storage_m3 = 0;  ///< current water in all zones
};

/// @brief A flood hazard instance built from a FloodConfig.
class FloodModel : public hg::Hazard {
public:
  /// @brief Validates the config (unknown or duplicate ids → std::invalid_argument naming the id) and
  /// keeps `rng` for random breaches, so that the same config and seed give the same events.
  FloodModel(FloodConfig config, std::mt19937_64 rng);
  /// @brief Same, with the generator seeded from `seed`.
  FloodModel(FloodConfig config, std::uint64_t seed);
  // The state points into config_; a copy would point into the original's config.
  FloodModel(const FloodModel&) = delete;
  FloodModel& operator=(const FloodModel&) = delete;

  std::string id() const override { return config_.id; }
  std::string kind() const override { return "flood"; }
  double step_s() const override { return config_.step_s; }
  void start(const HazardView& view, EffectSink& sink) override;
  void advance(double t_s, double dt_s, EffectSink& sink) override;
  /// @brief "sandbag" on a levee, "pump" on a zone.
  bool accepts_work(const std::string& task, const std::string& target) const override;
  /// @brief "sandbag" (personnel) raises a levee's crest; "pump" (vehicles = pump units) drains a zone
  /// during the next advance().
  bool work(const Work& w, EffectSink& sink) override;
  /// @brief {"what":"breach","levee":id} breaches a levee now. False if unknown.
  bool inject(const nlohmann::json& what, double t_s, EffectSink& sink) override;
  /// @brief Levee ids and zone ids.
  std::vector<std::string> targets() const override;
  /// @brief A levee's road node (or its zone id when no node is configured), a zone's own id.
  std::string site_of(const std::string& target) const override;
  /// @brief Every zone behind a levee of this model, in config order, with the people in the polder.
  std::vector<ZoneAtRisk> zones_at_risk() const override;

  /// @brief Water-balance totals.
  FloodBalance balance() const;
  /// @brief Current stage at a gauge, m (std::invalid_argument for an unknown id).
  double gauge_stage_m(const std::string& gauge) const;
  /// @brief Current depth in a zone, m.
  double zone_depth_m(const std::string& zone) const;
  /// @brief Current water level in a zone, m (the table's lowest level while it is empty).
  double zone_level_m(const std::string& zone) const;
  /// @brief Current crest elevation of a levee (after sandbagging), m.
  double levee_crest_m(const std::string& levee) const;
  /// @brief Whether a levee has breached.
  bool levee_breached(const std::string& levee) const;

private:
  struct Reach {
    const ReachConfig* cfg;
    int upstream_gauge = -1; ///< index into gauges_
    int downstream_gauge = -1;
    double inflow_m3_s = 0;   ///< total inflow (incl. lateral) at the current time
    double external_m3_s = 0; ///< the part that enters the model here (hydrograph + lateral)
    double outflow_m3_s = 0;
  };
  struct Gauge {
    const GaugeConfig* cfg;
    double discharge_m3_s = 0; ///< reach outflow at the gauge
    double passing_m3_s = 0;   ///< after levee withdrawals: what continues downstream
    double stage_m = 0;
    int reach = -1; ///< the reach whose downstream gauge this is
    bool has_downstream_reach = false;
    bool above_warning = false;
    bool above_guarantee = false;
  };
  struct Levee {
    const LeveeConfig* cfg;
    int gauge = -1;
    int zone = -1;
    double crest_elev_m = 0;
    double raised_m = 0; ///< sandbag raise so far
    bool breached = false;
    double breach_start_h = 0;
    bool overtopped = false;
    double flow_m3_s = 0;        ///< signed river → zone flow of the last step (the zone's implicit solve)
    double river_point_m3_s = 0; ///< withdrawal applied at the gauge at the end of the last step
  };
  struct Zone {
    Zone(const ZoneConfig* c, LevelPool p) : cfg(c), pool(std::move(p)), road_closed(c->roads.size(), false) {}
    const ZoneConfig* cfg;
    LevelPool pool;
    double pump_request_m3 = 0;
    double reported_depth_m = -1;
    bool reached = false;
    std::vector<bool> road_closed;
    double fatalities = 0; ///< expected, cumulative (the worst depth met by the people still there)
    double reported_exposed = -1;
    double harm_depth_m = 0; ///< depth and time of the previous harm estimate (for the rise rate)
    double harm_t_h = 0;
    std::vector<int> levees; ///< levees into this zone (indices into levees_)
    int solve_reach = -1;    ///< exchange is solved when this reach's downstream gauge is computed
  };

  int gauge_index(const std::string& id) const;
  int zone_index(const std::string& id) const;
  int levee_index(const std::string& id) const;
  double gauge_stage_from_discharge(const Gauge& g, double discharge_m3_s) const;
  double reach_external_inflow(const Reach& r, double t_h) const;
  void breach(Levee& l, double t_h, const std::string& cause, EffectSink& sink);
  /// Signed breach + overtopping flow from the river at river_m into the zone at zone_m.
  double levee_flow_m3_s(const Levee& l, double t_h, double river_m, double zone_m) const;
  /// Implicit (backward-Euler) level-pool exchange of zone z over one step ending at t2_h.
  void exchange(Zone& z, int solve_gauge, double t2_h, double dt_s);
  /// Applies a levee's withdrawal point value at its gauge and books its river-side volume.
  void withdraw(Levee& l, double point_m3_s, double dt_s);
  void report(double t_h, bool gauges_due, EffectSink& sink);
  void report_harm(Zone& z, double depth_m, EffectSink& sink);

  FloodConfig config_;
  std::mt19937_64 rng_;
  std::vector<Gauge> gauges_;
  std::vector<Reach> reaches_;
  std::vector<Levee> levees_;
  std::vector<Zone> zones_;
  FloodBalance totals_;
  const HazardView* view_ = nullptr;
  double levee_river_m3_ = 0; ///< river-side levee volume (see FloodBalance::levee_lag_m3)
  long step_count_ = 0;
  double now_h_ = 0;
};

} // namespace hg::flood
