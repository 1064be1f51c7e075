#pragma once
/// @file
/// @brief The one interface every hazard model (flood now; fire, chemical, mine later) implements.
///
/// A hazard is advanced by one hazard-driver actor in aggregated steps (never one actor per cell or
/// person). It never touches the engine directly: it speaks through a HazardSink, which logs events,
/// closes roads, and forwards observations to command posts through the comms network (so that
/// commanders act on delayed reports, not on ground truth).
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace hg {

/// A measured quantity as a sensor or observer would report it, e.g. gauge stage.
struct Observation {
  std::string quantity; ///< e.g. "gauge_stage_m", "zone_depth_m", "fire_area_ha", "miners_trapped"
  std::string subject;  ///< id of the gauge, zone, site… the quantity is about
  double value = 0;
  std::string reporter; ///< facility or post id that reports it; empty = the hazard site itself
};

/// What a hazard tells the engine while it advances. The engine's hazard driver implements it.
class HazardSink {
public:
  virtual ~HazardSink() = default;
  /// Log an event. `type` is dotted with the hazard kind as prefix ("flood.gauge"); actors[0] is the subject.
  virtual void emit(const std::string& type, std::vector<std::string> actors, nlohmann::json payload) = 0;
  /// Close (or reopen) a road because of the hazard; no-op if already in that state.
  virtual void set_road_closed(const std::string& road_id, bool closed, const std::string& reason) = 0;
  /// A reading that observers send to the command posts (it travels through comms, with delay/loss).
  virtual void observe(const Observation& obs) = 0;
  /// The hazard reached a population zone (used for "warned/evacuated before arrival" KPIs).
  virtual void reached_zone(const std::string& zone_id, const std::string& how) = 0;
};

/// One hazard model instance inside a scenario.
class Hazard {
public:
  virtual ~Hazard() = default;
  virtual std::string id() const = 0;
  virtual std::string kind() const = 0; ///< "flood", "forest_fire", "chemical_release", "coal_mine"
  /// Step length the driver uses, in simulated seconds.
  virtual double step_s() const = 0;
  /// Called once at t = 0, before the first advance().
  virtual void start(HazardSink& sink) = 0;
  /// Advance the model state from t_s to t_s + dt_s.
  virtual void advance(double t_s, double dt_s, HazardSink& sink) = 0;
  /// Response effort on a target (a levee, a zone…): `capability` from the action vocabulary
  /// (e.g. "sandbag", "pump"), `amount` in personnel or units of equipment, for the next dt_s.
  /// Returns false if this hazard does not know the target or the capability.
  virtual bool apply_effort(const std::string& target, const std::string& capability, double amount,
                            double dt_s, HazardSink& sink) = 0;
  /// An injected or scheduled disturbance (e.g. {"what":"breach","levee":"lv_x"}); false if unknown.
  virtual bool inject(const nlohmann::json& what, double t_s, HazardSink& sink) = 0;
  /// Where a response target of this hazard is (e.g. a levee): a road node, zone or facility id; ""
  /// if the target is unknown to this hazard.
  virtual std::string location_of(const std::string& target) const {
    (void)target;
    return "";
  }
  /// Population zones the hazard threatens, as a forecast would name them (told to the lead post at
  /// the start, so that plans can warn and evacuate "all zones at risk").
  virtual std::vector<std::string> zones_at_risk() const { return {}; }
};

} // namespace hg
