#pragma once
/// @file
/// @brief The one contract every hazard model implements (flood, forest fire, chemical release, coal
/// mine, and the test folder's own). The engine, plans, scoring and viewer speak this contract and name
/// no hazard kind.
///
/// A hazard is advanced by one hazard-driver actor in aggregated steps (never one actor per cell or
/// person). It reads the world and the population account through a HazardView, takes the work units
/// do on it through work(), and publishes every effect through an EffectSink:
/// - harm to people in zones (its own published function: depth, dose, heat → expected casualties);
/// - road closures and reopenings; facilities lost or restored;
/// - observations that gauges, patrols or sensors report to the command posts (with comms delay);
/// - the fact that it reached a zone, at a time;
/// - its own events (registered in its module, see HazardRegistry.hpp).
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace hg {

struct World;

/// @brief A measured quantity as a sensor or observer would report it, e.g. gauge stage.
struct Observation {
  std::string quantity; ///< e.g. "gauge_stage_m", "zone_depth_m", "fire_area_ha"
  std::string subject;  ///< id of the gauge, zone, site… the quantity is about
  double value = 0;
  std::string reporter; ///< facility or post id that reports it; empty = the lead post
};

/// @brief Expected harm to the people of one population zone from one hazard, cumulative since the
/// start of the run (a later call replaces an earlier one for the same zone and hazard).
struct Harm {
  std::string zone;
  double exposed = 0;    ///< people the hazard reaches there now (present in its footprint, not evacuated)
  double fatalities = 0; ///< expected, cumulative
  std::optional<double> injuries; ///< expected, cumulative; nullopt when the method gives none
  std::string measure;   ///< what drives the harm, with unit: "depth_m", "toxic_load_ppm_n_min", …
  double value = 0;      ///< that measure's value behind this estimate
  std::string method;    ///< the published function, cited ("Jonkman et al. 2009, …")
};

/// @brief Work a unit does on the hazard during one work step.
struct Work {
  std::string unit;
  std::string task;   ///< a task the hazard's module registered ("sandbag", "fireline", …)
  std::string target; ///< the hazard's own target id (a levee, a zone, a fire, a leak…)
  double personnel = 0;
  double vehicles = 0;
  double dt_s = 0;
  int patient_places = 0; ///< patients the unit can still take on (ambulances; 0 for other units)
};

/// @brief One population zone a hazard threatens, as a forecast would name it, with the number of
/// its people inside the hazard's footprint (e.g. the polder behind a levee, not the whole town).
struct ZoneAtRisk {
  std::string zone;
  double people = 0;
};

/// @brief What a hazard may read while it runs (ground truth of the engine, read-only).
class HazardView {
public:
  virtual ~HazardView() = default;
  virtual const World& world() const = 0;
  virtual double now_s() const = 0;
  /// People of the zone's at-risk population still in the zone (not evacuated), including those
  /// sheltering in place.
  virtual double people_present(const std::string& zone) const = 0;
  /// Of the people present, those sheltering in place (indoors, windows shut).
  virtual double people_sheltering(const std::string& zone) const = 0;
  virtual bool road_closed(const std::string& road) const = 0;
  /// A facility lost to any hazard (cascades: a flooded or burning hazardous-materials site).
  virtual bool facility_lost(const std::string& facility) const = 0;
  /// Whether any hazard has reached the zone.
  virtual bool zone_reached(const std::string& zone) const = 0;
};

/// @brief Everything a hazard tells the engine. The engine's hazard driver implements it.
class EffectSink {
public:
  virtual ~EffectSink() = default;
  /// A hazard event of a type its module registered (dotted, prefixed with the kind: "flood.gauge");
  /// actors[0] is the subject.
  virtual void emit(const std::string& type, std::vector<std::string> actors, nlohmann::json payload) = 0;
  /// Expected casualties in a zone (cumulative); the engine keeps them in the population account and
  /// logs casualties.estimate.
  virtual void harm(const Harm& h) = 0;
  /// Closes (or reopens) a road; no-op if already in that state.
  virtual void close_road(const std::string& road_id, bool closed, const std::string& reason) = 0;
  /// A facility is lost (cut off, damaged, contaminated) or usable again.
  virtual void facility_lost(const std::string& facility_id, bool lost, const std::string& reason) = 0;
  /// A reading that observers send to the command posts (it travels through comms, with delay/loss).
  virtual void observe(const Observation& obs) = 0;
  /// The hazard reached a population zone (the first time counts for "warned/evacuated before").
  virtual void reached(const std::string& zone_id, const std::string& how) = 0;
  /// Hands `count` casualties over to a unit doing its work (at most Work::patient_places); the unit
  /// drives them to the nearest hospital with free beds. `condition` says how they are ("injured",
  /// "incapacitated", …).
  virtual void hand_over_patients(const std::string& unit, int count, const std::string& condition) = 0;
};

/// @brief One hazard model instance inside a scenario.
class Hazard {
public:
  virtual ~Hazard() = default;
  virtual std::string id() const = 0;
  virtual std::string kind() const = 0;
  /// Step length the driver uses, in simulated seconds.
  virtual double step_s() const = 0;
  /// Called once at t = 0, before the first advance(); `view` stays valid for the whole run.
  virtual void start(const HazardView& view, EffectSink& sink) = 0;
  /// Advances the state from t_s to t_s + dt_s (called at t_s + dt_s, so events carry the time at
  /// which the state they describe holds).
  virtual void advance(double t_s, double dt_s, EffectSink& sink) = 0;
  /// Whether this hazard takes `task` on `target` (checked before the run and when a unit arrives).
  virtual bool accepts_work(const std::string& task, const std::string& target) const {
    (void)task;
    (void)target;
    return false;
  }
  /// Applies one step of work; the hazard decides what it changes. False if not accepted.
  virtual bool work(const Work& w, EffectSink& sink) {
    (void)w;
    (void)sink;
    return false;
  }
  /// An injected or scheduled disturbance (e.g. {"what":"breach","levee":"lv_x"}); false if unknown.
  virtual bool inject(const nlohmann::json& what, double t_s, EffectSink& sink) {
    (void)what;
    (void)t_s;
    (void)sink;
    return false;
  }
  /// The ids of this hazard's own work targets (levees, fires, leaks…), which plans may name as a
  /// dispatch target besides world places.
  virtual std::vector<std::string> targets() const { return {}; }
  /// Where a target of this hazard is, as a world place id (road node, zone, facility); "" if unknown.
  virtual std::string site_of(const std::string& target) const {
    (void)target;
    return "";
  }
  /// The zones a forecast names as threatened, with the people in the footprint (told to the lead
  /// post at the start, so that plans can warn and evacuate "all zones at risk").
  virtual std::vector<ZoneAtRisk> zones_at_risk() const { return {}; }
};

} // namespace hg
