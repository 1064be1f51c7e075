#pragma once
// Test doubles for driving a hazard model without the engine: a sink that records everything the
// hazard publishes, and a view with a fixed population. Hazard tests (tests/<kind>/) include this.
#include "sim/hazards/Hazard.hpp"
#include "sim/world/World.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace hgtest {

/// Records every call of the hazard, in order.
struct RecordingSink : hg::EffectSink {
  struct Emitted {
    std::string type;
    std::vector<std::string> actors;
    nlohmann::json payload;
  };
  struct Closure {
    std::string road;
    bool closed;
    std::string reason;
  };
  std::vector<Emitted> events;
  std::vector<hg::Harm> harms;
  std::vector<Closure> closures;
  std::vector<std::pair<std::string, bool>> facilities;
  std::vector<hg::Observation> observations;
  std::vector<std::string> reached_zones;
  std::map<std::string, int> patients; ///< unit → patients handed over

  void emit(const std::string& type, std::vector<std::string> actors, nlohmann::json payload) override {
    events.push_back({type, std::move(actors), std::move(payload)});
  }
  void harm(const hg::Harm& h) override { harms.push_back(h); }
  void close_road(const std::string& road, bool closed, const std::string& reason) override {
    closures.push_back({road, closed, reason});
  }
  void facility_lost(const std::string& f, bool lost, const std::string&) override { facilities.push_back({f, lost}); }
  void observe(const hg::Observation& o) override { observations.push_back(o); }
  void reached(const std::string& zone, const std::string&) override { reached_zones.push_back(zone); }
  void hand_over_patients(const std::string& unit, int count, const std::string&) override {
    patients[unit] += count;
  }
  size_t count(const std::string& type) const {
    size_t n = 0;
    for (const auto& e : events)
      n += e.type == type;
    return n;
  }
};

/// A world with a fixed number of people present in every zone (nobody evacuates), unless set per zone.
struct StaticView : hg::HazardView {
  hg::World w;
  double t_s = 0;
  double default_present = 1000;
  std::map<std::string, double> present, sheltering;
  std::set<std::string> closed_roads, lost_facilities, reached;
  const hg::World& world() const override { return w; }
  double now_s() const override { return t_s; }
  double people_present(const std::string& z) const override {
    auto it = present.find(z);
    return it == present.end() ? default_present : it->second;
  }
  double people_sheltering(const std::string& z) const override {
    auto it = sheltering.find(z);
    return it == sheltering.end() ? 0.0 : it->second;
  }
  bool road_closed(const std::string& r) const override { return closed_roads.count(r) > 0; }
  bool facility_lost(const std::string& f) const override { return lost_facilities.count(f) > 0; }
  bool zone_reached(const std::string& z) const override { return reached.count(z) > 0; }
};

} // namespace hgtest
