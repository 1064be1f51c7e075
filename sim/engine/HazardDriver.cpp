#include "sim/engine/HazardDriver.hpp"

#include "sim/engine/Comms.hpp"
#include "sim/engine/Simulation.hpp"
#include "sim/engine/ZoneModel.hpp"

#include <simgrid/s4u.hpp>

namespace sg4 = simgrid::s4u;

namespace hg {

namespace {

class DriverSink : public HazardSink {
public:
  DriverSink(Simulation& sim, Hazard& h) : sim_(sim), h_(h) {}

  void emit(const std::string& type, std::vector<std::string> actors, nlohmann::json payload) override {
    const bool zone_depth = type == "flood.zone" && !actors.empty();
    const std::string zone = zone_depth ? actors.front() : "";
    const double depth_m = zone_depth ? payload.value("depth_m", 0.0) : 0.0;
    sim_.emit(type, std::move(actors), std::move(payload));
    if (zone_depth) {
      sim_.zones().flood_depth(zone, h_.id(), depth_m);
      observe({"zone_depth_m", zone, depth_m, ""}); // what the plan's depth(z) reads
    }
  }

  void set_road_closed(const std::string& road_id, bool closed, const std::string& reason) override {
    auto it = sim_.world().road_index.find(road_id);
    if (it == sim_.world().road_index.end()) return;
    sim_.set_road_closed(uint32_t(it->second), closed, reason);
  }

  void observe(const Observation& obs) override {
    Message m;
    m.from = "field";
    const std::string lead = sim_.scenario().lead_post;
    m.to = !obs.reporter.empty() && sim_.world().post(obs.reporter) ? obs.reporter : lead;
    m.kind = MessageKind::kObservation;
    m.body = {
        {"quantity", obs.quantity}, {"subject", obs.subject}, {"value", obs.value}, {"hazard", h_.id()}};
    m.observed_t = sg4::Engine::get_clock();
    sim_.send(m);
  }

  void reached_zone(const std::string& zone_id, const std::string& how) override {
    sim_.zones().reached(zone_id, h_.id(), h_.kind(), how);
    Message m =
        Message::make("field", sim_.scenario().lead_post, MessageKind::kReport,
                      {{"about", "zone_reached"}, {"zone", zone_id}, {"hazard", h_.id()}, {"how", how}},
                      sg4::Engine::get_clock());
    sim_.send(m);
  }

private:
  Simulation& sim_;
  Hazard& h_;
};

} // namespace

std::unique_ptr<HazardSink> make_hazard_sink(Simulation& sim, Hazard& hazard) {
  return std::make_unique<DriverSink>(sim, hazard);
}

void start_hazard_drivers(Simulation& sim) {
  for (auto& hp : sim.hazards()) {
    Hazard* h = hp.get();
    sg4::Actor::create("hazard_" + h->id(), sim.comms().host("field"), [&sim, h] {
      DriverSink sink(sim, *h);
      h->start(sink);
      for (const std::string& z : h->zones_at_risk())
        sink.observe({"zone_at_risk", z, 1.0, ""});
      // advance(t, dt) computes the state at t + dt, so it runs at t + dt: events carry the time at
      // which the state they describe is true.
      const double dt = h->step_s();
      while (true) {
        sg4::this_actor::sleep_for(dt);
        h->advance(sg4::Engine::get_clock() - dt, dt, sink);
      }
    })->daemonize();
  }
}

} // namespace hg
