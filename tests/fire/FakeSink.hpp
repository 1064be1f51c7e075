#pragma once
// A HazardSink that records what a fire model says, for checks and determinism comparisons.
#include "sim/hazards/Hazard.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace hg::fire::test {

struct FakeSink : hg::HazardSink {
  struct Event {
    std::string type;
    std::vector<std::string> actors;
    nlohmann::json payload;
  };
  std::vector<std::string> log;
  std::vector<Event> events;
  std::vector<std::pair<std::string, bool>> closures;
  std::vector<hg::Observation> observations;
  std::vector<std::string> reached;

  void emit(const std::string& type, std::vector<std::string> actors, nlohmann::json payload) override {
    log.push_back("emit " + type + " " + nlohmann::json(actors).dump() + " " + payload.dump());
    events.push_back({type, std::move(actors), std::move(payload)});
  }
  void set_road_closed(const std::string& road_id, bool closed, const std::string& reason) override {
    log.push_back("road " + road_id + (closed ? " closed " : " open ") + reason);
    closures.emplace_back(road_id, closed);
  }
  void observe(const hg::Observation& obs) override {
    std::ostringstream s;
    s.precision(17);
    s << "observe " << obs.quantity << " " << obs.subject << " " << obs.value;
    log.push_back(s.str());
    observations.push_back(obs);
  }
  void reached_zone(const std::string& zone_id, const std::string& how) override {
    log.push_back("reached " + zone_id + " " + how);
    reached.push_back(zone_id);
  }
  size_t count(const std::string& type) const {
    size_t n = 0;
    for (const auto& e : events)
      n += e.type == type;
    return n;
  }
  const Event* first(const std::string& type) const {
    for (const auto& e : events)
      if (e.type == type) return &e;
    return nullptr;
  }
};

} // namespace hg::fire::test
