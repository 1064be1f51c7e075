#include "sim/engine/Simulation.hpp"

#include "hg/Version.hpp"
#include "sim/engine/CommandPost.hpp"
#include "sim/engine/Comms.hpp"
#include "sim/engine/EngineConfig.hpp"
#include "sim/engine/HazardDriver.hpp"
#include "sim/engine/Hospitals.hpp"
#include "sim/engine/Population.hpp"
#include "sim/engine/UnitActor.hpp"

#include <simgrid/s4u.hpp>

#include <stdexcept>

namespace sg4 = simgrid::s4u;

namespace hg {

namespace {
Commanders at_lead_post(const Scenario& sc, std::unique_ptr<Commander> c) {
  Commanders m;
  if (c) m[sc.lead_post] = std::move(c);
  return m;
}
} // namespace

Simulation::Simulation(const Scenario& scenario, SimOptions opt, std::vector<std::unique_ptr<Hazard>> hazards,
                       std::unique_ptr<Commander> lead_commander)
    : Simulation(scenario, std::move(opt), std::move(hazards), at_lead_post(scenario, std::move(lead_commander))) {}

Simulation::Simulation(const Scenario& scenario, SimOptions opt, std::vector<std::unique_ptr<Hazard>> hazards,
                       Commanders commanders)
    : sc_(scenario), opt_(std::move(opt)), hazards_(std::move(hazards)), commanders_(std::move(commanders)),
      roads_(RoadNetwork::from_world(scenario.world)), rng_(opt_.seed) {
  std::vector<std::string> args = engine_args(opt_.cfg);
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  int argc = int(argv.size());
  engine_ = std::make_unique<sg4::Engine>(&argc, argv.data());
  comms_ = std::make_unique<Comms>(*this);
  comms_->build();
  population_ = std::make_unique<Population>(*this);
  hospitals_ = std::make_unique<Hospitals>(*this);
  for (const auto& h : hazards_)
    population_->declare_at_risk(h->zones_at_risk());
  view_ = make_hazard_view(*this);
  for (const auto& h : hazards_)
    sinks_[h.get()] = make_effect_sink(*this, *h);
  nlohmann::json cmd = nlohmann::json::object();
  for (const auto& [post, c] : commanders_)
    cmd[post] = c ? c->kind() : "none";
  emit("run.started", {},
       {{"scenario", sc_.id},
        {"seed", opt_.seed},
        {"version", kVersion},
        {"start", sc_.start_label},
        {"duration_s", sc_.duration_s},
        {"no_response", opt_.no_response},
        {"lead_post", sc_.lead_post},
        {"commanders", cmd},
        {"draws", sc_.draws}});
  start_actors();
}

Simulation::~Simulation() = default;

double Simulation::now() const {
  return sg4::Engine::get_clock();
}

void Simulation::emit(const std::string& type, std::vector<std::string> actors, nlohmann::json payload) {
  log_.append(sg4::Engine::get_clock(), type, std::move(actors), std::move(payload));
}

Commander* Simulation::commander(const std::string& post) {
  if (opt_.no_response) return nullptr;
  auto it = commanders_.find(post);
  return it == commanders_.end() ? nullptr : it->second.get();
}

void Simulation::set_road_closed(uint32_t road, bool closed, const std::string& reason, const std::string& by) {
  if (roads_.is_closed(road) == closed) return;
  roads_.set_closed(road, closed);
  const Road& r = sc_.world.roads[road];
  emit(closed ? "road.closed" : "road.reopened", {r.id}, {{"reason", reason}, {"bridge", r.bridge}, {"cause", by}});
  // Road police / highway patrol tell the lead post (with comms delay).
  Message m = Message::make(
      "field", sc_.lead_post, MessageKind::kReport,
      {{"about", closed ? "road_closed" : "road_reopened"}, {"road", r.id}, {"reason", reason}}, now());
  send(m);
}

void Simulation::set_facility_lost(const std::string& facility, bool lost, const std::string& reason,
                                   const std::string& hazard) {
  if (!sc_.world.facility(facility) || facility_lost(facility) == lost) return;
  if (lost)
    lost_facilities_.insert(facility);
  else
    lost_facilities_.erase(facility);
  emit(lost ? "facility.lost" : "facility.restored", {facility}, {{"reason", reason}, {"hazard", hazard}});
  Message m = Message::make("field", sc_.lead_post, MessageKind::kReport,
                            {{"about", lost ? "facility_lost" : "facility_restored"},
                             {"facility", facility},
                             {"reason", reason}},
                            now());
  send(m);
}

void Simulation::send(Message m) {
  if (!sc_.world.post(m.to) && !sc_.world.unit(m.to)) return;
  comms_->send(std::move(m));
}

EffectSink& Simulation::sink(Hazard& h) {
  return *sinks_.at(&h);
}

Hazard* Simulation::hazard_for_work(const std::string& task, const std::string& target) {
  for (auto& h : hazards_)
    if (h->accepts_work(task, target)) return h.get();
  return nullptr;
}

void Simulation::apply_work(Hazard& h, const Work& w) {
  h.work(w, sink(h));
}

void Simulation::fire_inject(const Inject& inj) {
  emit("inject.fired", {inj.to}, {{"kind", inj.kind}, {"body", inj.body}});
  if (inj.kind == "report") {
    Message m = Message::make(
        "field", inj.to, MessageKind::kReport,
        inj.body.is_object() ? inj.body : nlohmann::json{{"about", "note"}, {"text", inj.body}}, now());
    send(m);
  } else if (inj.kind == "hazard") {
    for (auto& h : hazards_)
      if ((h->id() == inj.to || inj.to.empty()) && !h->inject(inj.body, now(), sink(*h)))
        emit("inject.ignored", {h->id()}, {{"body", inj.body}});
  }
}

std::string Simulation::check(const RunInput& in) {
  if (ended_) return "the run has ended";
  if (std::string err = check_input(in, sc_.world); !err.empty()) return err;
  if (in.kind == InputKind::kInject && in.body.value("kind", "") == "hazard") {
    // A hazard inject to an id no hazard has would be dropped without a word.
    const std::string to = in.body.value("to", "");
    std::string ids;
    for (const auto& h : hazards_) {
      if (h->id() == to) return "";
      ids += (ids.empty() ? "" : ", ") + h->id();
    }
    return "body.to: no hazard of this run has the id \"" + to + "\"" +
           (ids.empty() ? " (the run has no hazards)" : " (hazards: " + ids + ")");
  }
  if (in.kind == InputKind::kDecision && !opt_.no_response) {
    Commander* c = commander(in.post);
    if (!(c && c->takes_outside_decisions()))
      return "post: " + in.post + " takes no outside decisions (its commander is " +
             (c ? c->kind() : std::string("none")) + ")";
  }
  return "";
}

void Simulation::apply(RunInput& in) {
  if (std::string err = check(in); !err.empty()) throw std::invalid_argument(err);
  // Nobody acts in the no-response baseline; injects and the clock still apply there.
  if (in.kind == InputKind::kDecision && opt_.no_response) return;
  in.t_s = now();
  if (in.seq <= input_seq_) in.seq = input_seq_ + 1;
  input_seq_ = in.seq;
  const std::string subject = in.kind == InputKind::kDecision ? in.post : in.body.value("to", "");
  emit("input.applied", {subject},
       {{"seq", in.seq}, {"kind", input_kind_name(in.kind)}, {"by", in.by}, {"body", in.body}});
  if (in.kind == InputKind::kClock) return; // the clock is LiveRun's business
  if (in.kind == InputKind::kInject) {
    Inject inj;
    inj.at_s = in.t_s;
    inj.kind = in.body.value("kind", "note");
    inj.to = in.body.value("to", "");
    inj.body = in.body.value("body", nlohmann::json());
    sg4::Actor::create("live_inject", comms_->host("field"), [this, inj] { fire_inject(inj); })->daemonize();
    return;
  }
  // A decision: the post reads it at once (it wakes the post like mail does), never through the network.
  Message m = Message::make(in.by.empty() ? "person" : in.by, in.post, MessageKind::kDecision, in.body, in.t_s);
  m.id = "i" + std::to_string(in.seq);
  sg4::Actor::create("live_decision", comms_->host(in.post), [this, m] { comms_->deliver_local(m); })->daemonize();
}

void Simulation::start_actors() {
  const World& w = sc_.world;
  for (size_t i = 0; i < w.posts.size(); ++i)
    start_post_actor(*this, i);
  for (size_t i = 0; i < w.units.size(); ++i)
    start_unit_actor(*this, i);
  population_->start();
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
      set_road_closed(road, true, c.reason.en.empty() ? "scheduled closure" : c.reason.en, "scenario");
      if (c.reopen_s) {
        sg4::this_actor::sleep_until(*c.reopen_s);
        set_road_closed(road, false, "scheduled reopening", "scenario");
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
      fire_inject(inj);
    })->daemonize();
  }
  // The only non-daemon actor: when it ends, SimGrid stops every daemon and run() returns.
  sg4::Actor::create("clock", field, [this] { sg4::this_actor::sleep_until(sc_.duration_s); });
}

void Simulation::run() {
  if (ended_) return;
  engine_->run();
  ended_ = true;
  for (auto& [post, c] : commanders_)
    if (c && !opt_.no_response)
      c->finish(now(), [this, post = post](const std::string& type, std::vector<std::string> actors,
                                           nlohmann::json p) {
        actors.insert(actors.begin(), post);
        emit(type, std::move(actors), std::move(p));
      });
  population_->log_accounts();
  hospitals_->log_beds();
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
