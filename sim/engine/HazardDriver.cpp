#include "sim/engine/HazardDriver.hpp"

#include "sim/engine/Comms.hpp"
#include "sim/engine/Hospitals.hpp"
#include "sim/engine/Population.hpp"
#include "sim/engine/Simulation.hpp"

#include <simgrid/s4u.hpp>

namespace sg4 = simgrid::s4u;

namespace hg {

namespace {

class EngineView : public HazardView {
public:
  explicit EngineView(Simulation& sim) : sim_(sim) {}
  const World& world() const override { return sim_.world(); }
  double now_s() const override { return sg4::Engine::get_clock(); }
  double people_present(const std::string& zone) const override {
    const ZoneAccount* a = sim_.population().account(zone);
    return a ? a->present() : 0.0;
  }
  double people_sheltering(const std::string& zone) const override {
    const ZoneAccount* a = sim_.population().account(zone);
    return a ? a->sheltering() : 0.0;
  }
  bool road_closed(const std::string& road) const override {
    auto it = sim_.world().road_index.find(road);
    return it != sim_.world().road_index.end() && sim_.roads().is_closed(uint32_t(it->second));
  }
  bool facility_lost(const std::string& facility) const override { return sim_.facility_lost(facility); }
  bool zone_reached(const std::string& zone) const override {
    const ZoneAccount* a = sim_.population().account(zone);
    return a && a->reached;
  }

private:
  Simulation& sim_;
};

class DriverSink : public EffectSink {
public:
  DriverSink(Simulation& sim, Hazard& h) : sim_(sim), h_(h) {}

  void emit(const std::string& type, std::vector<std::string> actors, nlohmann::json payload) override {
    sim_.emit(type, std::move(actors), std::move(payload));
  }

  void harm(const Harm& h) override { sim_.population().harm(h, h_.id()); }

  void close_road(const std::string& road_id, bool closed, const std::string& reason) override {
    auto it = sim_.world().road_index.find(road_id);
    if (it == sim_.world().road_index.end()) return;
    sim_.set_road_closed(uint32_t(it->second), closed, reason, h_.id());
  }

  void facility_lost(const std::string& facility_id, bool lost, const std::string& reason) override {
    sim_.set_facility_lost(facility_id, lost, reason, h_.id());
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

  void reached(const std::string& zone_id, const std::string& how) override {
    sim_.population().reached(zone_id, h_.id(), h_.kind(), how);
    Message m =
        Message::make("field", sim_.scenario().lead_post, MessageKind::kReport,
                      {{"about", "zone_reached"}, {"zone", zone_id}, {"hazard", h_.id()}, {"how", how}},
                      sg4::Engine::get_clock());
    sim_.send(m);
  }

  void hand_over_patients(const std::string& unit, int count, const std::string& condition) override {
    sim_.hospitals().load(unit, count, condition, h_.id());
  }

private:
  Simulation& sim_;
  Hazard& h_;
};

} // namespace

std::unique_ptr<EffectSink> make_effect_sink(Simulation& sim, Hazard& hazard) {
  return std::make_unique<DriverSink>(sim, hazard);
}

std::unique_ptr<HazardView> make_hazard_view(Simulation& sim) {
  return std::make_unique<EngineView>(sim);
}

void start_hazard_drivers(Simulation& sim) {
  for (auto& hp : sim.hazards()) {
    Hazard* h = hp.get();
    sg4::Actor::create("hazard_" + h->id(), sim.comms().host("field"), [&sim, h] {
      EffectSink& sink = sim.sink(*h);
      h->start(sim.hazard_view(), sink);
      for (const ZoneAtRisk& z : h->zones_at_risk())
        sink.observe({"zone_at_risk", z.zone, z.people, ""});
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
