#pragma once
/// @file
/// @brief The dynamic picture at a time, rebuilt from the event log: unit states and routes
/// (unit.* events), closed roads (road.closed/road.reopened) and the incident location. Hazard
/// state lives in the overlays (Overlay.hpp).
#include "sim/io/EventLog.hpp"
#include "sim/world/World.hpp"
#include "viz/Style.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hg::viz {

struct UnitTrack {
  UnitState state = UnitState::kIdle;
  std::vector<size_t> route;     ///< node indexes of the current route
  double depart_t = 0;           ///< when the current route started
  double arrive_t = 0;           ///< expected arrival on the current route
  std::optional<size_t> at_node; ///< where the unit stands when not moving (nullopt = its base)
};

class SceneState {
public:
  explicit SceneState(const World& world) : world_(&world) { reset(); }
  void reset();
  /// Applies one event (events must come in log order).
  void apply(const Event& e);

  const std::map<std::string, UnitTrack>& units() const { return units_; }
  const std::set<std::string>& closed_roads() const { return closed_; }
  std::optional<LatLon> incident() const { return incident_; }
  /// Position of a unit at time t (moving units are interpolated along their route).
  LatLon unit_position(const std::string& unit_id, double t) const;

private:
  std::vector<size_t> route_of(const nlohmann::json& payload) const;

  const World* world_;
  std::map<std::string, UnitTrack> units_;
  std::set<std::string> closed_;
  std::optional<LatLon> incident_;
};

} // namespace hg::viz
