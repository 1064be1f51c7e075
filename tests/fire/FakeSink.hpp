#pragma once
// An EffectSink that records what a fire model says (as text lines too, for determinism comparisons),
// and a small driver that plays a fire model the way the engine's hazard driver and units do.
#include "../support/HazardTestDoubles.hpp"
#include "sim/hazards/Hazard.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace hg::fire::test {

struct FakeSink : hg::EffectSink {
  struct Event {
    std::string type;
    std::vector<std::string> actors;
    nlohmann::json payload;
  };
  std::vector<std::string> log;
  std::vector<Event> events;
  std::vector<std::pair<std::string, bool>> closures;
  std::vector<hg::Observation> observations;
  std::vector<std::string> reached_zones;
  std::vector<hg::Harm> harms;

  void emit(const std::string& type, std::vector<std::string> actors, nlohmann::json payload) override {
    log.push_back("emit " + type + " " + nlohmann::json(actors).dump() + " " + payload.dump());
    events.push_back({type, std::move(actors), std::move(payload)});
  }
  void harm(const hg::Harm& h) override {
    std::ostringstream s;
    s.precision(17);
    s << "harm " << h.zone << " " << h.exposed << " " << h.fatalities << " " << h.value;
    log.push_back(s.str());
    harms.push_back(h);
  }
  void close_road(const std::string& road_id, bool closed, const std::string& reason) override {
    log.push_back("road " + road_id + (closed ? " closed " : " open ") + reason);
    closures.emplace_back(road_id, closed);
  }
  void facility_lost(const std::string& f, bool lost, const std::string&) override {
    log.push_back("facility " + f + (lost ? " lost" : " restored"));
  }
  void observe(const hg::Observation& obs) override {
    std::ostringstream s;
    s.precision(17);
    s << "observe " << obs.quantity << " " << obs.subject << " " << obs.value;
    log.push_back(s.str());
    observations.push_back(obs);
  }
  void reached(const std::string& zone_id, const std::string& how) override {
    log.push_back("reached " + zone_id + " " + how);
    reached_zones.push_back(zone_id);
  }
  void hand_over_patients(const std::string& unit, int count, const std::string&) override {
    log.push_back("patients " + unit + " " + std::to_string(count));
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

/// One crew's work in play(): `people` of unit `unit` do `task` on `target` from `from_h` on.
struct CrewWork {
  std::string target, task;
  double people = 0;
  double from_h = 0;
  std::string unit = "u_test";
};

/// Plays a hazard for `hours` as the engine does: start at t = 0, then per step the crews' work for the
/// step (view time at the step's end) and advance(t, dt). `view` holds the people present.
inline FakeSink play(hg::Hazard& h, double hours, const std::vector<CrewWork>& crews = {},
                     hgtest::StaticView* view = nullptr) {
  hgtest::StaticView own;
  hgtest::StaticView& v = view ? *view : own;
  FakeSink sink;
  v.t_s = 0;
  h.start(v, sink);
  const double dt = h.step_s();
  for (double t = 0; t < hours * 3600 - 1e-6; t += dt) {
    v.t_s = t + dt;
    for (const CrewWork& c : crews)
      if (t >= c.from_h * 3600 - 1e-6) h.work(hg::Work{c.unit, c.task, c.target, c.people, 0, dt, 0}, sink);
    h.advance(t, dt, sink);
  }
  return sink;
}

} // namespace hg::fire::test
