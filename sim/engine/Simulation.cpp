#include "sim/engine/Simulation.hpp"

#include "hg/Version.hpp"
#include "sim/engine/CommandPost.hpp"
#include "sim/engine/Comms.hpp"
#include "sim/engine/EngineConfig.hpp"
#include "sim/engine/HazardDriver.hpp"
#include "sim/engine/UnitActor.hpp"
#include "sim/engine/ZoneModel.hpp"

#include <simgrid/s4u.hpp>

namespace sg4 = simgrid::s4u;

namespace hg {

Simulation::Simulation(const Scenario& scenario, SimOptions opt, std::vector<std::unique_ptr<Hazard>> hazards,
                       std::unique_ptr<Commander> commander)
    : sc_(scenario), opt_(std::move(opt)), hazards_(std::move(hazards)), commander_(std::move(commander)),
      roads_(RoadNetwork::from_world(scenario.world)), rng_(opt_.seed) {
  std::vector<std::string> args = engine_args(opt_.cfg);
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  int argc = int(argv.size());
  engine_ = std::make_unique<sg4::Engine>(&argc, argv.data());
  comms_ = std::make_unique<Comms>(*this);
  comms_->build();
  zones_ = std::make_unique<ZoneModel>(*this);
  emit("run.started", {},
       {{"scenario", sc_.id},
        {"seed", opt_.seed},
        {"version", kVersion},
        {"start", sc_.start_label},
        {"duration_s", sc_.duration_s},
        {"no_response", opt_.no_response},
        {"lead_post", sc_.lead_post}});
  start_actors();
}

Simulation::~Simulation() = default;

double Simulation::now() const {
  return sg4::Engine::get_clock();
}

void Simulation::emit(const std::string& type, std::vector<std::string> actors, nlohmann::json payload) {
  log_.append(sg4::Engine::get_clock(), type, std::move(actors), std::move(payload));
}

void Simulation::set_road_closed(uint32_t road, bool closed, const std::string& reason) {
  if (roads_.is_closed(road) == closed) return;
  roads_.set_closed(road, closed);
  const Road& r = sc_.world.roads[road];
  emit(closed ? "road.closed" : "road.reopened", {r.id}, {{"reason", reason}, {"bridge", r.bridge}});
  // Road police / highway patrol tell the lead post (with comms delay).
  Message m = Message::make(
      "field", sc_.lead_post, MessageKind::kReport,
      {{"about", closed ? "road_closed" : "road_reopened"}, {"road", r.id}, {"reason", reason}}, now());
  send(m);
}

void Simulation::send(Message m) {
  if (!sc_.world.post(m.to) && !sc_.world.unit(m.to)) return;
  comms_->send(std::move(m));
}

void Simulation::apply_effort(const std::string& unit, const std::string& target,
                              const std::string& capability, double amount, double dt_s) {
  for (auto& h : hazards_)
    if (h->apply_effort(target, capability, amount, dt_s, *make_hazard_sink(*this, *h))) return;
  emit("hazard.effort_ignored", {unit, target}, {{"capability", capability}});
}

void Simulation::start_actors() {
  const World& w = sc_.world;
  for (size_t i = 0; i < w.posts.size(); ++i)
    start_post_actor(*this, i);
  for (size_t i = 0; i < w.units.size(); ++i)
    start_unit_actor(*this, i);
  zones_->start();
  start_hazard_drivers(*this);

  // Scheduler: the incident and its first report, scheduled closures, link failures, injects.
  sg4::Host* field = comms_->host("field");
  const Incident& in = sc_.incident;
  sg4::Actor::create("incident", field, [this, &in] {
    sg4::this_actor::sleep_until(in.at_s);
    const RoadNode& n = sc_.world.nodes[in.node];
    emit("incident.started", {},
         {{"kind", in.kind},
          {"node", n.id},
          {"lat", n.pos.lat},
          {"lon", n.pos.lon},
          {"people_at_risk", in.people_at_risk},
          {"zh", in.name.zh},
          {"en", in.name.en}});
    sg4::this_actor::sleep_for(in.report_delay_s);
    Message m =
        Message::make("field", in.reported_to.empty() ? sc_.lead_post : in.reported_to, MessageKind::kReport,
                      {{"about", "incident"}, {"kind", in.kind}, {"node", n.id}}, in.at_s);
    send(m);
  })->daemonize();
  for (const ScheduledClosure& c : sc_.closures) {
    sg4::Actor::create("closure_" + c.road, field, [this, &c] {
      const uint32_t road = uint32_t(sc_.world.road_index.at(c.road));
      sg4::this_actor::sleep_until(c.at_s);
      set_road_closed(road, true, c.reason.en.empty() ? "scheduled closure" : c.reason.en);
      if (c.reopen_s) {
        sg4::this_actor::sleep_until(*c.reopen_s);
        set_road_closed(road, false, "scheduled reopening");
      }
    })->daemonize();
  }
  for (const LinkFailure& lf : sc_.link_failures) {
    sg4::Actor::create("linkfail_" + lf.network, field, [this, &lf] {
      sg4::this_actor::sleep_until(lf.from_s);
      comms_->set_network_up(lf.network, false);
      sg4::this_actor::sleep_until(lf.to_s);
      comms_->set_network_up(lf.network, true);
    })->daemonize();
  }
  for (const Inject& inj : sc_.injects) {
    sg4::Actor::create("inject", field, [this, &inj] {
      sg4::this_actor::sleep_until(inj.at_s);
      emit("inject.fired", {inj.to}, {{"kind", inj.kind}, {"body", inj.body}});
      if (inj.kind == "report") {
        Message m = Message::make(
            "field", inj.to, MessageKind::kReport,
            inj.body.is_object() ? inj.body : nlohmann::json{{"about", "note"}, {"text", inj.body}},
            inj.at_s);
        send(m);
      } else if (inj.kind == "hazard") {
        for (auto& h : hazards_)
          if ((h->id() == inj.to || inj.to.empty()) &&
              !h->inject(inj.body, inj.at_s, *make_hazard_sink(*this, *h)))
            emit("inject.ignored", {h->id()}, {{"body", inj.body}});
      }
    })->daemonize();
  }
  // The only non-daemon actor: when it ends, SimGrid stops every daemon and run() returns.
  sg4::Actor::create("clock", field, [this] { sg4::this_actor::sleep_until(sc_.duration_s); });
}

void Simulation::run() {
  if (ended_) return;
  engine_->run();
  ended_ = true;
  if (commander_ && !opt_.no_response)
    commander_->finish(now(),
                       [this](const std::string& type, std::vector<std::string> actors, nlohmann::json p) {
                         actors.insert(actors.begin(), sc_.lead_post);
                         emit(type, std::move(actors), std::move(p));
                       });
  emit("run.ended", {}, {{"events", log_.size() + 1}, {"sim_end_s", now()}});
}

bool Simulation::run_until(double t_s) {
  if (ended_) return false;
  if (t_s >= sc_.duration_s) {
    run();
    return false;
  }
  engine_->run_until(t_s);
  return true;
}

} // namespace hg
