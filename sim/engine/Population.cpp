#include "sim/engine/Population.hpp"

#include "sim/engine/Comms.hpp"
#include "sim/engine/Simulation.hpp"

#include <simgrid/s4u.hpp>

#include <cmath>
#include <stdexcept>

namespace sg4 = simgrid::s4u;

namespace hg {

double ZoneAccount::total_fatalities() const {
  double f = 0;
  for (const auto& [h, v] : fatalities)
    f += v;
  return f;
}

std::string ZoneAccount::imbalance() const {
  // Tolerances: the account is in doubles; a millionth of a person is arithmetic, not a person.
  const double eps = 1e-6 * std::max(1.0, resident);
  auto fmt = [](double v) { return std::to_string(v); };
  if (at_risk < -eps || at_risk > resident + eps) return "at_risk " + fmt(at_risk) + " outside [0, resident " + fmt(resident) + "]";
  if (evacuated < -eps || present() < -eps) return "evacuated " + fmt(evacuated) + " exceeds at_risk " + fmt(at_risk);
  if (std::fabs(sheltered + unsheltered - evacuated) > eps)
    return "sheltered " + fmt(sheltered) + " + unsheltered " + fmt(unsheltered) + " != evacuated " + fmt(evacuated);
  if (evacuated > at_risk * warned_share + eps) return "evacuated " + fmt(evacuated) + " exceeds the warned " + fmt(at_risk * warned_share);
  if (relieved > affected() + eps) return "relieved " + fmt(relieved) + " exceeds affected " + fmt(affected());
  if (sheltering() > present() + eps) return "sheltering in place exceeds present";
  if (total_fatalities() > resident + eps) return "fatalities " + fmt(total_fatalities()) + " exceed resident " + fmt(resident);
  return "";
}

void Population::report(const std::string& zone, nlohmann::json body) {
  body["zone"] = zone;
  sim_.send(Message::make("field", sim_.scenario().lead_post, MessageKind::kReport, std::move(body),
                          sg4::Engine::get_clock()));
}

void Population::report_need(const std::string& zone) {
  // What plans read as unrelieved(z): the field tells the lead post whenever the need changes.
  report(zone, {{"about", "relief_need"}, {"people", relief_need(zone)}});
}

void Population::check(const std::string& zone, const ZoneAccount& a) const {
  if (std::string why = a.imbalance(); !why.empty())
    throw std::logic_error("population account of " + zone + " does not balance: " + why);
}

Population::Population(Simulation& sim) : sim_(sim) {
  for (const Zone& z : sim_.world().zones) {
    ZoneAccount& a = acc_[z.id];
    a.resident = z.population;
    a.at_risk = z.population;
  }
}

void Population::declare_at_risk(const std::vector<ZoneAtRisk>& zones) {
  // A zone a hazard names holds only the footprint's people at risk; two hazards: the larger footprint.
  std::map<std::string, double> declared;
  for (const ZoneAtRisk& z : zones)
    declared[z.zone] = std::max(declared[z.zone], z.people);
  for (const auto& [id, people] : declared)
    if (auto it = acc_.find(id); it != acc_.end()) {
      it->second.at_risk = std::min(people, it->second.resident);
      check(id, it->second);
    }
}

void Population::start() {
  const double dt = sim_.params().zone_step_s;
  sg4::Actor::create("population", sim_.comms().host("field"), [this, dt] {
    while (true) {
      sg4::this_actor::sleep_for(dt);
      step(dt);
    }
  })->daemonize();
}

void Population::warn(const std::vector<std::string>& zones, const std::vector<std::string>& channels,
                      const std::string& level, const std::string& post) {
  for (const std::string& ch_id : channels) {
    const WarningChannel* ch = sim_.world().channel(ch_id);
    if (!ch) continue;
    sg4::Actor::create("warn_" + ch_id, sim_.comms().host(post), [this, zones, ch, level] {
      sg4::this_actor::sleep_for(ch->delay_s);
      for (const std::string& zid : zones) {
        const Zone* z = sim_.world().zone(zid);
        if (!z) continue;
        ZoneAccount& a = acc_[zid];
        const double cov = z->kind == ZoneKind::kUrban ? ch->coverage_urban : ch->coverage_rural;
        // Channels reach people independently: the unreached share multiplies.
        const double before = a.warned_share;
        a.warned_share = 1.0 - (1.0 - before) * (1.0 - cov);
        sim_.emit("warning.delivered", {zid},
                  {{"channel", ch->id},
                   {"level", level},
                   {"share", a.warned_share},
                   {"people_reached", (a.warned_share - before) * a.resident}});
      }
    })->daemonize();
  }
}

void Population::order_evacuation(const std::string& zone, const std::string& shelter,
                                  const std::string& post) {
  ZoneAccount& a = acc_[zone];
  if (a.evac_ordered) return;
  a.evac_ordered = true;
  a.shelter = shelter;
  sim_.emit("evacuation.started", {zone, post}, {{"shelter", shelter}, {"people", a.at_risk}});
}

void Population::order_shelter_in_place(const std::string& zone, const std::string& post) {
  ZoneAccount& a = acc_[zone];
  if (a.shelter_in_place) return;
  a.shelter_in_place = true;
  sim_.emit("shelter.in_place", {zone, post}, {{"people", a.sheltering()}});
}

void Population::assist(const std::string& zone, const std::string&, bool on) {
  auto it = acc_.find(zone);
  if (it != acc_.end()) it->second.assisting += on ? 1 : -1;
}

void Population::deliver_relief(const std::string& zone, double people, const std::string& unit,
                                const std::string& kind) {
  auto it = acc_.find(zone);
  if (it == acc_.end()) return;
  const double need = relief_need(zone);
  const double given = std::min(need, people);
  if (given <= 0) return;
  it->second.relieved += given;
  check(zone, it->second);
  sim_.emit("relief.delivered", {zone, unit},
            {{"people", given}, {"kind", kind}, {"remaining_need", need - given}});
  report_need(zone);
}

void Population::reached(const std::string& zone, const std::string& hazard_id, const std::string& kind,
                         const std::string& how) {
  auto it = acc_.find(zone);
  if (it == acc_.end() || it->second.reached) return;
  ZoneAccount& a = it->second;
  a.reached = true;
  sim_.emit("hazard.reached", {zone},
            {{"hazard", hazard_id},
             {"kind", kind},
             {"how", how},
             {"people", a.at_risk},
             {"people_still_in_zone", a.present()},
             {"warned_share", a.warned_share}});
  report_need(zone);
}

void Population::harm(const Harm& h, const std::string& hazard_id) {
  auto it = acc_.find(h.zone);
  if (it == acc_.end()) return;
  it->second.fatalities[hazard_id] = h.fatalities;
  check(h.zone, it->second);
  sim_.emit("casualties.estimate", {h.zone},
            {{"hazard", hazard_id},
             {"fatalities", h.fatalities},
             {"injuries", h.injuries ? nlohmann::json(*h.injuries) : nlohmann::json()},
             {"exposed", h.exposed},
             {"measure", h.measure},
             {"value", h.value},
             {"method", h.method}});
}

double Population::relief_need(const std::string& zone) const {
  auto it = acc_.find(zone);
  if (it == acc_.end()) return 0;
  return std::max(0.0, it->second.affected() - it->second.relieved);
}

std::vector<std::string> Population::affected_zones() const {
  std::vector<std::string> out;
  for (const auto& [id, a] : acc_)
    if (a.reached || a.evac_ordered) out.push_back(id);
  return out;
}

const ZoneAccount* Population::account(const std::string& zone) const {
  auto it = acc_.find(zone);
  return it == acc_.end() ? nullptr : &it->second;
}

void Population::log_accounts() {
  for (const auto& [id, a] : acc_) {
    if (a.warned_share <= 0 && !a.evac_ordered && !a.reached && a.relieved <= 0 && a.fatalities.empty() &&
        !a.shelter_in_place)
      continue;
    sim_.emit("population.account", {id},
              {{"resident", a.resident},
               {"at_risk", a.at_risk},
               {"warned", a.at_risk * a.warned_share},
               {"evacuated", a.evacuated},
               {"sheltered", a.sheltered},
               {"unsheltered", a.unsheltered},
               {"sheltering_in_place", a.sheltering()},
               {"present", a.present()},
               {"relieved", a.relieved},
               {"fatalities", a.total_fatalities()},
               {"left_behind", a.left_behind()},
               {"reached", a.reached},
               {"affected", a.affected()}});
  }
}

void Population::step(double dt_s) {
  const ModelParameters& p = sim_.params();
  for (auto& [id, a] : acc_) {
    if (!a.evac_ordered || a.evac_done || a.at_risk <= 0) continue;
    const Zone* z = sim_.world().zone(id);
    if (!z) continue;
    const double mean = z->kind == ZoneKind::kUrban ? p.urban_mobilisation_mean_s : p.rural_mobilisation_mean_s;
    const double sigma = mean / std::sqrt(M_PI / 2.0);
    a.evac_clock_s += dt_s * (a.assisting > 0 ? p.evacuation_assist_speedup : 1.0);
    const double departed = 1.0 - std::exp(-a.evac_clock_s * a.evac_clock_s / (2 * sigma * sigma));
    // Only warned people leave.
    const double evacuated = a.warned_share * a.at_risk * departed;
    if (evacuated <= a.evacuated) continue;
    const double moved = evacuated - a.evacuated;
    a.evacuated = evacuated;
    // Evacuees fill the shelter up to its capacity; the rest are evacuated without a shelter place.
    const Facility* sh = sim_.world().facility(a.shelter);
    const double cap = sh && sh->capacity_people > 0 ? sh->capacity_people : (sh ? 1e300 : 0.0);
    double& load = shelter_load_[a.shelter];
    const double room = std::max(0.0, cap - load);
    const double placed = std::min(room, moved);
    load += placed;
    a.sheltered += placed;
    a.unsheltered += moved - placed;
    if (moved - placed > 0 && sh && over_logged_.insert(a.shelter).second)
      sim_.emit("shelter.over_capacity", {a.shelter, id},
                {{"load", load + (moved - placed)}, {"capacity", cap}, {"zone", id}});
    check(id, a);
    const double share = evacuated / a.at_risk;
    const bool done = departed >= p.evacuation_complete_share;
    if (share - a.last_logged_share >= 0.05 || done) {
      a.last_logged_share = share;
      sim_.emit("evacuation.progress", {id}, {{"shelter", a.shelter}, {"people", evacuated}, {"share", share}});
      if (!done) {
        report(id, {{"about", "evacuation_progress"}, {"people", evacuated}, {"share", share}});
        report_need(id);
      }
    }
    if (done) {
      a.evac_done = true;
      sim_.emit("evacuation.completed", {id},
                {{"shelter", a.shelter},
                 {"people", evacuated},
                 {"left_behind_unwarned", a.left_behind()}});
      report(id, {{"about", "evacuation_completed"}, {"people", evacuated}, {"share", share}});
      report_need(id);
    }
  }
}

} // namespace hg
