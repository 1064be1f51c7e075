/// @file
/// @brief Unit, road and incident state from events (see SceneState.hpp).
#include "viz/SceneState.hpp"

#include <algorithm>

namespace hg::viz {

void SceneState::reset() {
  units_.clear();
  closed_.clear();
  incident_.reset();
  for (const auto& u : world_->units)
    units_[u.id] = UnitTrack{};
}

std::vector<size_t> SceneState::route_of(const nlohmann::json& payload) const {
  std::vector<size_t> r;
  if (!payload.contains("route") || !payload["route"].is_array()) return r;
  for (const auto& id : payload["route"])
    if (id.is_string())
      if (auto it = world_->node_index.find(id.get<std::string>()); it != world_->node_index.end())
        r.push_back(it->second);
  return r;
}

void SceneState::apply(const Event& e) {
  const std::string subject = e.actors.empty() ? "" : e.actors.front();
  const auto& p = e.payload;
  auto node_of = [&](const char* key) -> std::optional<size_t> {
    if (!p.contains(key) || !p[key].is_string()) return std::nullopt;
    return world_->node_of(p[key].get<std::string>());
  };
  if (e.type == "incident.started") {
    if (p.contains("lat") && p.contains("lon") && p["lat"].is_number())
      incident_ = LatLon{p["lat"].get<double>(), p["lon"].get<double>()};
    else if (auto n = node_of("node"))
      incident_ = world_->nodes[*n].pos;
  } else if (e.type == "road.closed") {
    closed_.insert(subject);
  } else if (e.type == "road.reopened") {
    closed_.erase(subject);
  } else if (e.type.rfind("unit.", 0) == 0 && !subject.empty()) {
    UnitTrack& u = units_[subject];
    const double eta = p.contains("eta_s") && p["eta_s"].is_number() ? p["eta_s"].get<double>() : 0.0;
    if (e.type == "unit.dispatched" || e.type == "unit.rerouted") {
      u.state = UnitState::kEnRoute;
      u.route = route_of(p);
      u.depart_t = e.t;
      u.arrive_t = e.t + std::max(0.0, eta);
      if (!u.route.empty()) u.at_node = u.route.front();
    } else if (e.type == "unit.arrived") {
      u.state = UnitState::kOnScene;
      if (auto n = node_of("node"))
        u.at_node = n;
      else if (!u.route.empty())
        u.at_node = u.route.back();
      u.route.clear();
    } else if (e.type == "unit.unreachable") {
      u.state = UnitState::kUnreachable;
      u.route.clear();
      if (auto n = node_of("from_node")) u.at_node = n;
    } else if (e.type == "unit.task_done") {
      u.state = UnitState::kReturning;
    } else if (e.type == "unit.returned") {
      u = UnitTrack{};
    }
  }
}

LatLon SceneState::unit_position(const std::string& unit_id, double t) const {
  const Unit* unit = world_->unit(unit_id);
  LatLon base =
      unit && unit->base < world_->facilities.size() ? world_->facilities[unit->base].pos : LatLon{};
  auto it = units_.find(unit_id);
  if (it == units_.end()) return base;
  const UnitTrack& u = it->second;
  if (u.state == UnitState::kEnRoute && u.route.size() >= 2) {
    // Interpolate by the share of route length covered (uniform speed along the route).
    std::vector<double> cum{0};
    for (size_t i = 1; i < u.route.size(); ++i)
      cum.push_back(cum.back() +
                    great_circle_km(world_->nodes[u.route[i - 1]].pos, world_->nodes[u.route[i]].pos));
    const double span = std::max(1.0, u.arrive_t - u.depart_t);
    const double f = std::clamp((t - u.depart_t) / span, 0.0, 1.0);
    const double want = f * cum.back();
    for (size_t i = 1; i < u.route.size(); ++i)
      if (want <= cum[i] || i + 1 == u.route.size()) {
        const double seg = std::max(1e-9, cum[i] - cum[i - 1]);
        const double g = std::clamp((want - cum[i - 1]) / seg, 0.0, 1.0);
        const LatLon a = world_->nodes[u.route[i - 1]].pos, b = world_->nodes[u.route[i]].pos;
        return {a.lat + (b.lat - a.lat) * g, a.lon + (b.lon - a.lon) * g};
      }
  }
  if (u.at_node && *u.at_node < world_->nodes.size()) return world_->nodes[*u.at_node].pos;
  return base;
}

} // namespace hg::viz
