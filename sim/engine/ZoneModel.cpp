#include "sim/engine/ZoneModel.hpp"

#include "sim/engine/Comms.hpp"
#include "sim/engine/Simulation.hpp"

#include <simgrid/s4u.hpp>

#include <cmath>

namespace sg4 = simgrid::s4u;

namespace hg {

ZoneModel::ZoneModel(Simulation& sim) : sim_(sim) {
  for (const Zone& z : sim_.world().zones)
    state_[z.id];
}

void ZoneModel::start() {
  sg4::Actor::create("zones", sim_.comms().host("field"), [this] {
    while (true) {
      sg4::this_actor::sleep_for(kStepS);
      step(kStepS);
    }
  })->daemonize();
}

void ZoneModel::warn(const std::vector<std::string>& zones, const std::vector<std::string>& channels,
                     const std::string& level, const std::string& post) {
  for (const std::string& ch_id : channels) {
    const WarningChannel* ch = sim_.world().channel(ch_id);
    if (!ch) continue;
    sg4::Actor::create("warn_" + ch_id, sim_.comms().host(post), [this, zones, ch, level] {
      sg4::this_actor::sleep_for(ch->delay_s);
      for (const std::string& zid : zones) {
        const Zone* z = sim_.world().zone(zid);
        if (!z) continue;
        State& s = state_[zid];
        const double cov = z->kind == ZoneKind::kUrban ? ch->coverage_urban : ch->coverage_rural;
        // Channels reach people independently: unreached share multiplies.
        const double before = s.warned_share;
        s.warned_share = 1.0 - (1.0 - before) * (1.0 - cov);
        sim_.emit("warning.delivered", {zid},
                  {{"channel", ch->id},
                   {"level", level},
                   {"share", s.warned_share},
                   {"people_reached", (s.warned_share - before) * z->population}});
      }
    })->daemonize();
  }
}

void ZoneModel::order_evacuation(const std::string& zone, const std::string& shelter,
                                 const std::string& post) {
  State& s = state_[zone];
  if (s.evac_ordered) return;
  s.evac_ordered = true;
  s.shelter = shelter;
  const Zone* z = sim_.world().zone(zone);
  sim_.emit("evacuation.started", {zone, post}, {{"shelter", shelter}, {"people", z ? z->population : 0.0}});
}

void ZoneModel::assist(const std::string& zone, const std::string&, bool on) {
  auto it = state_.find(zone);
  if (it != state_.end()) it->second.assisting += on ? 1 : -1;
}

void ZoneModel::deliver_relief(const std::string& zone, double people, const std::string& unit,
                               const std::string& kind) {
  auto it = state_.find(zone);
  if (it == state_.end()) return;
  const double need = relief_need(zone);
  const double given = std::min(need, people);
  if (given <= 0) return;
  it->second.relieved += given;
  sim_.emit("relief.delivered", {zone, unit},
            {{"people", given}, {"kind", kind}, {"remaining_need", need - given}});
}

void ZoneModel::reached(const std::string& zone, const std::string& hazard_id, const std::string& kind,
                        const std::string& how) {
  auto it = state_.find(zone);
  if (it == state_.end() || it->second.reached) return;
  it->second.reached = true;
  const Zone* z = sim_.world().zone(zone);
  const double still_there = z ? z->population - it->second.evacuated : 0;
  sim_.emit("hazard.reached", {zone},
            {{"hazard", hazard_id},
             {"kind", kind},
             {"how", how},
             {"people", z ? z->population : 0.0},
             {"people_still_in_zone", still_there},
             {"warned_share", it->second.warned_share}});
}

double flood_mortality(double depth_m) {
  if (depth_m <= 0) return 0;
  return 0.5 * std::erfc(-((std::log(depth_m) - 7.60) / 2.75) / std::sqrt(2.0));
}

void ZoneModel::flood_depth(const std::string& zone, const std::string& hazard_id, double depth_m) {
  auto it = state_.find(zone);
  const Zone* z = sim_.world().zone(zone);
  if (it == state_.end() || !z || depth_m <= 0) return;
  State& s = it->second;
  const double mortality = flood_mortality(depth_m);
  const double exposed = std::max(0.0, z->population - s.evacuated);
  const double fatalities = exposed * mortality;
  if (fatalities < s.expected_fatalities + 0.05)
    return; // the estimate only grows: the worst depth met by the people still there
  s.expected_fatalities = fatalities;
  sim_.emit("casualties.estimate", {zone},
            {{"hazard", hazard_id},
             {"fatalities", fatalities},
             {"injuries", nullptr},
             {"exposed", exposed},
             {"depth_m", depth_m},
             {"method", "Jonkman et al. 2009 depth-mortality, remaining zone; injuries not modelled"}});
}

double ZoneModel::relief_need(const std::string& zone) const {
  auto it = state_.find(zone);
  const Zone* z = sim_.world().zone(zone);
  if (it == state_.end() || !z) return 0;
  const State& s = it->second;
  const double affected = s.reached ? z->population : s.evacuated;
  return std::max(0.0, affected - s.relieved);
}

std::vector<std::string> ZoneModel::affected_zones() const {
  std::vector<std::string> out;
  for (const auto& [id, s] : state_)
    if (s.reached || s.evac_ordered) out.push_back(id);
  return out;
}

void ZoneModel::step(double dt_s) {
  for (auto& [id, s] : state_) {
    if (!s.evac_ordered || s.evac_done) continue;
    const Zone* z = sim_.world().zone(id);
    if (!z || z->population <= 0) continue;
    const double mean = z->kind == ZoneKind::kUrban ? kUrbanMobilisationMeanS : kRuralMobilisationMeanS;
    const double sigma = mean / std::sqrt(M_PI / 2.0);
    s.evac_clock_s += dt_s * (s.assisting > 0 ? kAssistSpeedup : 1.0);
    const double departed = 1.0 - std::exp(-s.evac_clock_s * s.evac_clock_s / (2 * sigma * sigma));
    const double evacuated = s.warned_share * z->population * departed;
    if (evacuated <= s.evacuated) continue;
    shelter_load_[s.shelter] += evacuated - s.evacuated;
    s.evacuated = evacuated;
    const double share = evacuated / z->population;
    // Only warned people leave; the evacuation is over when 99 % of them have left.
    const bool done = departed >= 0.99;
    if (share - s.last_logged_share >= 0.05 || done) {
      s.last_logged_share = share;
      sim_.emit("evacuation.progress", {id},
                {{"shelter", s.shelter}, {"people", evacuated}, {"share", share}});
    }
    if (done) {
      s.evac_done = true;
      sim_.emit("evacuation.completed", {id},
                {{"shelter", s.shelter},
                 {"people", evacuated},
                 {"left_behind_unwarned", z->population - evacuated}});
      const Facility* sh = sim_.world().facility(s.shelter);
      if (sh && sh->capacity_people > 0 && shelter_load_[s.shelter] > sh->capacity_people)
        sim_.emit("shelter.over_capacity", {s.shelter},
                  {{"load", shelter_load_[s.shelter]}, {"capacity", sh->capacity_people}});
      Message m = Message::make("field", sim_.scenario().lead_post, MessageKind::kReport,
                                {{"about", "evacuation_completed"}, {"zone", id}, {"people", evacuated}},
                                sg4::Engine::get_clock());
      sim_.send(m);
    }
  }
}

} // namespace hg
