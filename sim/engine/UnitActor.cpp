#include "sim/engine/UnitActor.hpp"

#include "sim/engine/Comms.hpp"
#include "sim/engine/Hospitals.hpp"
#include "sim/engine/Simulation.hpp"
#include "sim/engine/Population.hpp"

#include <simgrid/s4u.hpp>

#include <limits>
#include <memory>
#include <optional>
#include <set>

namespace sg4 = simgrid::s4u;

namespace hg {

namespace {

class UnitRunner {
public:
  UnitRunner(Simulation& sim, size_t index)
      : sim_(sim), u_(sim.world().units[index]), at_(uint32_t(sim.world().facilities[u_.base].node)),
        base_(at_) {}

  void run() {
    while (true) {
      std::unique_ptr<Message> m = std::move(pending_);
      if (!m) {
        sim_.comms().wait_for_mail(u_.id, -1);
        m = sim_.comms().take(u_.id);
      }
      if (m && m->kind == MessageKind::kOrder) handle(*m);
    }
  }

private:
  void report(const std::string& state, const nlohmann::json& extra = {}) {
    if (order_.to.empty() && report_to_.empty()) return;
    Message r;
    r.from = u_.id;
    r.to = report_to_;
    r.kind = MessageKind::kReport;
    r.body = {
        {"about", "unit_status"}, {"unit", u_.id}, {"state", state}, {"node", sim_.world().nodes[at_].id}};
    if (order_.body.contains("decision")) r.body["decision"] = order_.body["decision"];
    for (auto& [k, v] : extra.items())
      r.body[k] = v;
    r.observed_t = sg4::Engine::get_clock();
    sim_.send(r);
  }

  /// Drives to `to`. Returns false if unreachable or preempted by a new order (then pending_ is set).
  bool travel(uint32_t to, const std::string& target, const std::string& task, bool log_dispatch) {
    const World& w = sim_.world();
    auto route = sim_.roads().shortest_path(at_, to, speed());
    if (!route) {
      sim_.emit("unit.unreachable", {u_.id},
                {{"from_node", w.nodes[at_].id},
                 {"to_node", w.nodes[to].id},
                 {"target", target},
                 {"reason", "no open road"}});
      report("unreachable", {{"target", target}});
      return false;
    }
    auto node_ids = [&](const Route& r) {
      nlohmann::json ids = nlohmann::json::array();
      for (uint32_t n : r.nodes)
        ids.push_back(w.nodes[n].id);
      return ids;
    };
    if (log_dispatch)
      sim_.emit("unit.dispatched", {u_.id, order_.from},
                {{"target", target},
                 {"target_node", w.nodes[to].id},
                 {"task", task},
                 {"eta_s", route->time_s},
                 {"route", node_ids(*route)},
                 {"first_alarm", order_.body.value("first_alarm", false)},
                 {"clause", order_.body.value("clause", nlohmann::json())}});
    else
      sim_.emit("unit.moving", {u_.id},
                {{"target", target},
                 {"target_node", w.nodes[to].id},
                 {"eta_s", route->time_s},
                 {"route", node_ids(*route)}});
    size_t hop = 0;
    while (at_ != to) {
      if (hop >= route->roads.size() || sim_.roads().is_closed(route->roads[hop])) {
        const std::string closed = hop < route->roads.size() ? w.roads[route->roads[hop]].id : "";
        route = sim_.roads().shortest_path(at_, to, speed());
        if (!route) {
          sim_.emit("unit.unreachable", {u_.id},
                    {{"from_node", w.nodes[at_].id},
                     {"to_node", w.nodes[to].id},
                     {"target", target},
                     {"reason", "road " + closed + " closed and no other open road"}});
          report("unreachable", {{"target", target}});
          return false;
        }
        hop = 0;
        sim_.emit("unit.rerouted", {u_.id},
                  {{"at_node", w.nodes[at_].id},
                   {"closed_road", closed},
                   {"eta_s", route->time_s},
                   {"route", node_ids(*route)}});
      }
      sg4::this_actor::sleep_for(route->hop_s[hop]);
      at_ = route->nodes[hop + 1];
      ++hop;
      if (auto m = sim_.comms().take(u_.id)) { // a new order waits: obey it from this node
        if (m->kind == MessageKind::kOrder) {
          sim_.emit("unit.preempted", {u_.id}, {{"at_node", w.nodes[at_].id}, {"old_target", target}});
          pending_ = std::move(m);
          return false;
        }
      }
    }
    return true;
  }

  void handle(const Message& m) {
    order_ = m;
    report_to_ = m.body.value("report_to", m.from);
    const World& w = sim_.world();
    if (!u_.available) {
      report("out_of_service");
      return;
    }
    const std::string target = m.body.value("target", "");
    const std::string task = m.body.value("task", "respond");
    const double duration_s = m.body.value("duration_h", 1.0) * 3600;
    const auto* to_node = w.node(m.body.value("target_node", ""));
    if (!to_node) {
      sim_.emit("unit.unreachable", {u_.id}, {{"target", target}, {"reason", "unknown target place"}});
      report("unreachable", {{"target", target}});
      return;
    }
    if (at_ == base_ && !busy_) {
      sg4::this_actor::sleep_for(u_.turnout_s * sim_.params().turnout_scale);
    }
    busy_ = true;
    const uint32_t dest = uint32_t(w.node_index.at(to_node->id));
    // Relief: load at the depot first.
    if (task == "relief" && m.body.contains("depot")) {
      const Facility* depot = w.facility(m.body["depot"].get<std::string>());
      if (depot) {
        if (!travel(uint32_t(depot->node), depot->id, "load", true)) return finish();
        sg4::this_actor::sleep_for(sim_.params().relief_loading_s);
        if (!travel(dest, target, task, false)) return finish();
      }
    } else if (!travel(dest, target, task, true)) {
      return finish();
    }
    sim_.emit("unit.arrived", {u_.id}, {{"node", w.nodes[at_].id}, {"target", target}, {"task", task}});
    report("on_scene", {{"target", target}});
    work(task, target, duration_s);
    sim_.emit("unit.task_done", {u_.id}, {{"task", task}, {"target", target}});
    report("task_done", {{"target", target}});
    finish();
  }

  /// Work on scene. Evacuation help and relief change the population account; any other task goes
  /// to the hazard that takes it on this target, which decides what the work changes.
  void work(const std::string& task, const std::string& target, double duration_s) {
    if (task == "evacuate") {
      sim_.population().assist(target, u_.id, true);
      sg4::this_actor::sleep_for(duration_s);
      sim_.population().assist(target, u_.id, false);
      return;
    }
    if (task == "relief") {
      sim_.population().deliver_relief(target, u_.vehicles * sim_.params().relief_people_per_vehicle, u_.id,
                                       order_.body.value("kind", "food_water"));
      sg4::this_actor::sleep_for(std::min(duration_s, sim_.params().relief_handover_s));
      return;
    }
    if (Hazard* h = sim_.hazard_for_work(task, target)) {
      sim_.emit("unit.work", {u_.id, target},
                {{"task", task}, {"hazard", h->id()}, {"personnel", u_.personnel}, {"vehicles", u_.vehicles}});
      const double step = sim_.params().work_step_s;
      const uint32_t site = at_;
      const double end_t = sg4::Engine::get_clock() + duration_s;
      while (sg4::Engine::get_clock() < end_t - 1e-9) {
        const double dt = std::min(step, end_t - sg4::Engine::get_clock());
        sg4::this_actor::sleep_for(dt);
        Work w{u_.id, task, target, double(u_.personnel), double(u_.vehicles), dt, patient_places()};
        sim_.apply_work(*h, w);
        // Casualties handed over: take them to hospital, then come back while the task lasts.
        if (sim_.hospitals().carried(u_.id) > 0) {
          if (!deliver_patients()) return;
          if (sg4::Engine::get_clock() >= end_t || !travel(site, target, task, false)) return;
        }
      }
      return;
    }
    if (task != "respond" && task != "rescue") sim_.emit("unit.work_ignored", {u_.id, target}, {{"task", task}});
    sg4::this_actor::sleep_for(duration_s);
  }

  /// Patients this unit can still take on.
  int patient_places() const {
    if (!u_.can("medical_transport")) return 0;
    const int cap = int(u_.vehicles * sim_.params().patients_per_vehicle);
    return std::max(0, cap - sim_.hospitals().carried(u_.id));
  }

  /// Drives the patients on board to the nearest hospitals with free beds, as far as beds last.
  /// False if some could not be placed anywhere (the unit stays with them).
  bool deliver_patients() {
    const World& w = sim_.world();
    std::set<std::string> tried;
    while (sim_.hospitals().carried(u_.id) > 0) {
      const std::vector<double> times = sim_.roads().travel_times_from(at_, speed());
      const Facility* best = nullptr;
      for (const Facility& f : w.facilities)
        if (f.kind == "hospital" && !tried.count(f.id) && sim_.hospitals().free_beds(f.id) >= 1 &&
            times[f.node] < std::numeric_limits<double>::infinity() &&
            (!best || times[f.node] < times[best->node]))
          best = &f;
      if (!best) {
        sim_.emit("hospital.full", {"", u_.id}, {{"patients_waiting", sim_.hospitals().carried(u_.id)}});
        return false;
      }
      tried.insert(best->id);
      if (!travel(uint32_t(best->node), best->id, "transport_patients", false)) return false;
      sim_.hospitals().admit(u_.id, best->id);
    }
    return true;
  }

  /// Goes home unless a new order is waiting.
  void finish() {
    if (pending_) return;
    if (at_ != base_) {
      const Facility& b = sim_.world().facilities[u_.base];
      if (!travel(base_, b.id, "return", false)) return;
      sim_.emit("unit.returned", {u_.id}, {{"node", sim_.world().nodes[at_].id}});
    }
    busy_ = false;
    report("idle");
  }

  double speed() const { return u_.speed_factor * sim_.params().road_speed_scale; }

  Simulation& sim_;
  const Unit& u_;
  uint32_t at_;
  uint32_t base_;
  bool busy_ = false;
  Message order_;
  std::string report_to_;
  std::unique_ptr<Message> pending_;
};

} // namespace

void start_unit_actor(Simulation& sim, size_t index) {
  const Unit& u = sim.world().units[index];
  sg4::Actor::create(u.id, sim.comms().host(u.id), [&sim, index] {
    UnitRunner r(sim, index);
    r.run();
  })->daemonize();
}

} // namespace hg
