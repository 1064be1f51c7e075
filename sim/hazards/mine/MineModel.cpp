/// @file
/// @brief MineModel: the accident timeline, re-solved ventilation, contaminant transport, miner groups
/// and rescue teams, and what the model tells the engine (docs/models/mine.md §6).
#include "sim/hazards/mine/MineModel.hpp"

#include "sim/hazards/mine/Dose.hpp"
#include "sim/hazards/mine/WaterLevel.hpp"
#include "sim/io/TextFormat.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace hg::mine {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
/// Smallest airflow change reported as a branch event, m3/s.
constexpr double kAirflowReportMinM3S = 0.5;

double r3(double v) {
  return std::round(v * 1000.0) / 1000.0;
}
double r1(double v) {
  return std::round(v * 10.0) / 10.0;
}
int whole(double v) {
  return int(std::floor(v + 0.5));
}

bool underground_alive(GroupState s) {
  return s != GroupState::kOut && s != GroupState::kDead;
}
} // namespace

const char* state_name(GroupState s) {
  switch (s) {
  case GroupState::kWorking:
    return "working";
  case GroupState::kEscaping:
    return "escaping";
  case GroupState::kInRefuge:
    return "in_refuge";
  case GroupState::kOut:
    return "out";
  case GroupState::kIncapacitated:
    return "incapacitated";
  case GroupState::kDead:
    return "dead";
  case GroupState::kTrapped:
    return "trapped";
  }
  return "?";
}

MineModel::MineModel(MineConfig cfg, std::uint64_t seed) : cfg_(std::move(cfg)) {
  (void)seed; // the model draws nothing: uncertain inputs are drawn into the config by the run pipeline
  const MineNetwork& net = cfg_.net;
  if (net.branches.empty()) throw std::invalid_argument("network: the mine has no branches");
  if (!net.has_surface()) throw std::invalid_argument("network: the mine needs surface junctions");
  state_ = initial_state(net);
  field_ = std::make_unique<ContaminantField>(net);
  refuge_occupants_.assign(net.refuges.size(), 0);
  for (const auto& s : net.stations)
    station_units_.push_back(s.units);
  explosion_done_.assign(cfg_.explosions.size(), false);
  fire_started_.assign(cfg_.fires.size(), false);
  inrush_started_.assign(cfg_.inrushes.size(), false);
  inrush_start_s_.assign(cfg_.inrushes.size(), 0.0);
  roof_fall_done_.assign(cfg_.roof_falls.size(), false);
  last_sensor_ppm_.assign(net.sensors.size(), -1.0);
  sent_sensor_ppm_.assign(net.sensors.size(), -1.0);
  for (const auto& f : net.faces)
    for (const auto& c : f.crews) {
      if (c.shift != cfg_.shift || c.count <= 0) continue;
      MinerGroup g;
      g.id = f.id;
      g.face = f.id;
      g.count = c.count;
      g.pos.junction = f.junction;
      g.scsr_left_s = cfg_.miners.scsr_s;
      g.known_closed.assign(net.branches.size(), false);
      groups_.push_back(std::move(g));
    }
  double first = kInf;
  for (const auto& e : cfg_.explosions)
    first = std::min(first, e.at_s);
  for (const auto& e : cfg_.fires)
    first = std::min(first, e.at_s);
  for (const auto& e : cfg_.inrushes)
    first = std::min(first, e.at_s);
  for (const auto& e : cfg_.roof_falls)
    first = std::min(first, e.at_s);
  if (std::isfinite(first) && cfg_.warning_delay_s >= 0) warning_s_ = first + cfg_.warning_delay_s;
}

// ---------------------------------------------------------------------------------------------- helpers

MineCounts MineModel::counts() const {
  MineCounts c;
  for (const auto& g : groups_) {
    switch (g.state) {
    case GroupState::kWorking:
      c.working += g.count;
      break;
    case GroupState::kEscaping:
      c.escaping += g.count;
      break;
    case GroupState::kInRefuge:
      c.in_refuge += g.count;
      break;
    case GroupState::kOut:
      c.out += g.count;
      break;
    case GroupState::kIncapacitated:
      c.incapacitated += g.count;
      break;
    case GroupState::kDead:
      c.dead += g.count;
      break;
    case GroupState::kTrapped:
      c.trapped += g.count;
      break;
    }
    if (g.state == GroupState::kOut && g.rescued) c.rescued += g.count;
  }
  return c;
}

bool MineModel::cut(int b) const {
  return state_.travel_closed[size_t(b)] || state_.status[size_t(b)] == AirwayStatus::kRemoved ||
         state_.status[size_t(b)] == AirwayStatus::kBlocked;
}

Mix MineModel::mix_at(const Position& p) const {
  if (p.branch >= 0) return field_->in_branch(p.branch, p.s);
  if (p.junction >= 0) return field_->at_junction(p.junction);
  return {};
}

nlohmann::json MineModel::where(const Position& p) const {
  if (p.branch >= 0) return {{"branch", cfg_.net.branches[size_t(p.branch)].id}, {"s", r3(p.s)}};
  if (p.junction >= 0) return {{"junction", cfg_.net.junctions[size_t(p.junction)].id}};
  return nullptr;
}

/// Shortest 3-D distance from a junction to the segment of a branch (straight between its ends).
double MineModel::distance_to_branch_m(int j, int b) const {
  const auto& J = cfg_.net.junctions;
  const Junction& c = J[size_t(j)];
  const Junction& a = J[size_t(cfg_.net.branches[size_t(b)].from)];
  const Junction& e = J[size_t(cfg_.net.branches[size_t(b)].to)];
  const double dx = e.x_m - a.x_m, dy = e.y_m - a.y_m, dz = e.z_m - a.z_m;
  const double l2 = dx * dx + dy * dy + dz * dz;
  double t = l2 > 0 ? ((c.x_m - a.x_m) * dx + (c.y_m - a.y_m) * dy + (c.z_m - a.z_m) * dz) / l2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  const double px = a.x_m + t * dx - c.x_m, py = a.y_m + t * dy - c.y_m, pz = a.z_m + t * dz - c.z_m;
  return std::sqrt(px * px + py * py + pz * pz);
}

double MineModel::distance_m(const Position& p, int j) const {
  const auto& J = cfg_.net.junctions;
  double x, y, z;
  if (p.branch >= 0) {
    const Junction& a = J[size_t(cfg_.net.branches[size_t(p.branch)].from)];
    const Junction& e = J[size_t(cfg_.net.branches[size_t(p.branch)].to)];
    x = a.x_m + p.s * (e.x_m - a.x_m);
    y = a.y_m + p.s * (e.y_m - a.y_m);
    z = a.z_m + p.s * (e.z_m - a.z_m);
  } else {
    x = J[size_t(p.junction)].x_m;
    y = J[size_t(p.junction)].y_m;
    z = J[size_t(p.junction)].z_m;
  }
  const Junction& c = J[size_t(j)];
  return std::sqrt((x - c.x_m) * (x - c.x_m) + (y - c.y_m) * (y - c.y_m) + (z - c.z_m) * (z - c.z_m));
}

int MineModel::split(int g, int n) {
  MinerGroup copy = groups_[size_t(g)];
  n = std::clamp(n, 0, copy.count);
  groups_[size_t(g)].count -= n;
  int k = 1;
  std::string id;
  do {
    id = groups_[size_t(g)].id + "_" + std::to_string(++k);
  } while (std::any_of(groups_.begin(), groups_.end(), [&](const MinerGroup& x) { return x.id == id; }));
  copy.id = id;
  copy.count = n;
  groups_.push_back(std::move(copy));
  return int(groups_.size()) - 1;
}

void MineModel::set_state(int gi, GroupState s, EffectSink& sink, const std::string& why) {
  MinerGroup& g = groups_[size_t(gi)];
  if (g.state == s) return;
  if (g.state == GroupState::kInRefuge && g.refuge >= 0) refuge_occupants_[size_t(g.refuge)] -= g.count;
  const GroupState before = g.state;
  g.state = s;
  if (s == GroupState::kOut && g.count > 0) {
    // Out alive: carried-out casualties and the CO-poisoned who walked out wait for an ambulance.
    std::string condition;
    if (before == GroupState::kIncapacitated)
      condition = "incapacitated";
    else if (g.cohb_pct >= cfg_.miners.hospital_cohb_pct)
      condition = "injured";
    if (!condition.empty()) {
      waiting_.push_back({condition, g.count, now_s_});
      patients_total_ += g.count;
      sink.emit("mine.patients", {cfg_.id},
                {{"t_h", r3(t_h())},
                 {"action", "brought_out"},
                 {"group", g.id},
                 {"count", g.count},
                 {"condition", condition},
                 {"cohb_pct", r1(g.cohb_pct)},
                 {"waiting", patients_waiting()}});
    }
  }
  if (s == GroupState::kOut) g.out_s = now_s_;
  if (s == GroupState::kDead || s == GroupState::kIncapacitated) g.cause = why;
  nlohmann::json p = {{"t_h", r3(t_h())},
                      {"state", state_name(s)},
                      {"count", g.count},
                      {"face", g.face},
                      {"cohb_pct", r1(g.cohb_pct)},
                      {"where", where(g.pos)},
                      {"self_rescuer_on", g.scsr_on}};
  if (!why.empty()) p["why"] = why;
  if (s == GroupState::kOut) p["rescued"] = g.rescued;
  sink.emit("mine.group", {g.id, cfg_.id}, p);
}

// ----------------------------------------------------------------------------------------- ventilation

void MineModel::resolve(const std::string& cause, EffectSink& sink, bool report_changes) {
  const std::vector<double> before = vent_.q_m3_s;
  const VentProblem p = vent_problem(cfg_.net, state_);
  vent_ = solve_ventilation(p, {});
  vent_.q_m3_s.resize(cfg_.net.branches.size());
  vent_.dp_pa.resize(cfg_.net.branches.size());
  field_->set_flows(vent_.q_m3_s);
  std::vector<std::string> stagnant;
  for (size_t b = 0; b < cfg_.net.branches.size(); ++b)
    if (std::abs(vent_.q_m3_s[b]) < 1e-3) stagnant.push_back(cfg_.net.branches[b].id);
  double intake = 0; // air entering the mine from the surface
  for (size_t b = 0; b < cfg_.net.branches.size(); ++b) {
    const Branch& br = cfg_.net.branches[b];
    const bool from_surface = cfg_.net.junctions[size_t(br.from)].surface;
    const bool to_surface = cfg_.net.junctions[size_t(br.to)].surface;
    const double q = vent_.q_m3_s[b];
    if (from_surface && q > 0) intake += q;
    if (to_surface && q < 0) intake -= q;
  }
  nlohmann::json flows = nlohmann::json::array(); // every branch, in network order (viewer)
  for (size_t b = 0; b < cfg_.net.branches.size(); ++b)
    flows.push_back(r1(vent_.q_m3_s[b]));
  sink.emit("mine.ventilation", {cfg_.id},
            {{"t_h", r3(t_h())},
             {"cause", cause},
             {"iterations", vent_.iterations},
             {"converged", vent_.converged},
             {"max_imbalance_pa", r3(vent_.max_imbalance_pa)},
             {"intake_m3_s", r3(intake)},
             {"meshes", vent_.meshes},
             {"components", vent_.components},
             {"still_branches", stagnant},
             {"flow_m3_s", flows}});
  if (!report_changes) return;
  for (size_t b = 0; b < cfg_.net.branches.size(); ++b) {
    const double q0 = b < before.size() ? before[b] : 0, q1 = vent_.q_m3_s[b];
    const double dq = std::abs(q1 - q0);
    if (dq < kAirflowReportMinM3S || dq < cfg_.airflow_report_fraction * std::abs(q0)) continue;
    sink.emit("mine.airflow", {cfg_.net.branches[b].id, cfg_.id},
              {{"t_h", r3(t_h())},
               {"flow_m3_s", r3(q1)},
               {"previous_m3_s", r3(q0)},
               {"pressure_drop_pa", r3(vent_.dp_pa[b])},
               {"reversed", q0 * q1 < 0}});
  }
}

// -------------------------------------------------------------------------------------------- events

void MineModel::apply_explosion(const ExplosionEvent& e, EffectSink& sink) {
  const MineNetwork& net = cfg_.net;
  std::vector<std::string> damaged, doors;
  std::vector<bool> in_zone(net.branches.size(), false);
  for (size_t b = 0; b < net.branches.size(); ++b)
    if (distance_to_branch_m(e.centre, int(b)) <= e.damage_radius_m) {
      in_zone[b] = true;
      damaged.push_back(net.branches[b].id);
    }
  for (size_t d = 0; d < net.doors.size(); ++d)
    if (in_zone[size_t(net.doors[d].branch)] && !state_.door_destroyed[d]) {
      state_.door_destroyed[d] = true;
      state_.door_open[d] = true;
      doors.push_back(net.doors[d].id);
    }
  for (size_t g = 0; g < net.regulators.size(); ++g)
    if (in_zone[size_t(net.regulators[g].branch)]) state_.regulator_destroyed[g] = true;
  std::vector<std::string> blocked;
  for (int b : e.blocked) {
    state_.status[size_t(b)] = AirwayStatus::kBlocked;
    state_.travel_closed[size_t(b)] = true;
    blocked.push_back(net.branches[size_t(b)].id);
  }
  if (accident_s_ < 0) accident_s_ = now_s_;
  sink.emit("mine.event", {cfg_.id},
            {{"t_h", r3(t_h())},
             {"what", e.kind},
             {"centre", net.junctions[size_t(e.centre)].id},
             {"damage_radius_m", e.damage_radius_m},
             {"damaged_branches", damaged},
             {"doors_destroyed", doors},
             {"blocked_branches", blocked},
             {"afterdamp_co_ppm", e.afterdamp_co_ppm}});
  resolve(e.kind, sink, true);
  for (size_t b = 0; b < net.branches.size(); ++b)
    if (in_zone[b] && (e.afterdamp_co_ppm > 0 || e.afterdamp_smoke_mg_m3 > 0))
      field_->fill_branch(int(b), {e.afterdamp_co_ppm, e.afterdamp_smoke_mg_m3});
  // People: in the damaged zone killed or injured; within the felt radius they know at once.
  const size_t n = groups_.size();
  for (size_t g = 0; g < n; ++g) {
    if (!underground_alive(groups_[g].state)) continue;
    const Position pos = groups_[g].pos;
    const bool zone =
        pos.branch >= 0 ? in_zone[size_t(pos.branch)] : distance_m(pos, e.centre) <= e.damage_radius_m;
    if (zone) {
      const int killed = whole(e.fatality_fraction * groups_[g].count);
      if (killed >= groups_[g].count) {
        set_state(int(g), GroupState::kDead, sink, e.kind);
        continue;
      }
      if (killed > 0) set_state(split(int(g), killed), GroupState::kDead, sink, e.kind);
      groups_[g].alerted = true;
      set_state(int(g), GroupState::kIncapacitated, sink, e.kind + " injuries");
    } else if (distance_m(pos, e.centre) <= e.felt_radius_m) {
      alert(int(g), e.kind + " felt", sink);
    }
  }
}

void MineModel::apply_roof_fall(const RoofFallEvent& e, EffectSink& sink) {
  const MineNetwork& net = cfg_.net;
  std::vector<bool> hit(net.branches.size(), false);
  for (int b : e.airways)
    hit[size_t(b)] = true;
  if (e.centre >= 0)
    for (size_t b = 0; b < net.branches.size(); ++b)
      if (distance_to_branch_m(e.centre, int(b)) <= e.radius_m) hit[b] = true;
  std::vector<std::string> ids;
  for (size_t b = 0; b < net.branches.size(); ++b)
    if (hit[b]) {
      state_.status[b] = e.remove ? AirwayStatus::kRemoved : AirwayStatus::kBlocked;
      state_.travel_closed[b] = true;
      ids.push_back(net.branches[b].id);
    }
  if (accident_s_ < 0) accident_s_ = now_s_;
  sink.emit("mine.event", {cfg_.id}, {{"t_h", r3(t_h())}, {"what", "roof_fall"}, {"blocked_branches", ids}});
  resolve("roof_fall", sink, true);
  const size_t n = groups_.size();
  for (size_t g = 0; g < n; ++g) {
    if (!underground_alive(groups_[g].state) || groups_[g].pos.branch < 0 ||
        !hit[size_t(groups_[g].pos.branch)])
      continue;
    const int killed = whole(e.fatality_fraction * groups_[g].count);
    if (killed >= groups_[g].count) {
      set_state(int(g), GroupState::kDead, sink, "roof_fall");
      continue;
    }
    if (killed > 0) set_state(split(int(g), killed), GroupState::kDead, sink, "roof_fall");
    alert(int(g), "roof fall", sink);
  }
}

void MineModel::start_inrush(const InrushEvent& e, EffectSink& sink) {
  water_active_ = true;
  if (accident_s_ < 0) accident_s_ = now_s_;
  sink.emit("mine.event", {cfg_.id},
            {{"t_h", r3(t_h())},
             {"what", "water_inrush"},
             {"junction", cfg_.net.junctions[size_t(e.junction)].id}});
  for (size_t g = 0; g < groups_.size(); ++g)
    if (underground_alive(groups_[g].state) && distance_m(groups_[g].pos, e.junction) <= e.alert_radius_m)
      alert(int(g), "water seen", sink);
}

void MineModel::update_water(double dt, EffectSink& sink) {
  if (!water_active_) return;
  double travel_depth = kInf, lethal_depth = kInf;
  for (size_t i = 0; i < cfg_.inrushes.size(); ++i) {
    if (!inrush_started_[i]) continue;
    const InrushEvent& e = cfg_.inrushes[i];
    travel_depth = std::min(travel_depth, e.travel_depth_m);
    lethal_depth = std::min(lethal_depth, e.lethal_depth_m);
    // Trapezoidal volume of the inflow hydrograph over the step (times after the inrush).
    auto q_at = [&](double t) {
      const auto& h = e.inflow;
      if (t <= h.front().first) return h.front().second;
      if (t >= h.back().first) return h.back().second;
      size_t k = 1;
      while (h[k].first < t)
        ++k;
      return h[k - 1].second +
             (t - h[k - 1].first) / (h[k].first - h[k - 1].first) * (h[k].second - h[k - 1].second);
    };
    const double t0 = now_s_ - inrush_start_s_[i];
    water_volume_m3_ += 0.5 * (q_at(t0) + q_at(t0 + dt)) * dt - e.pump_m3_s * dt;
  }
  water_volume_m3_ = std::max(0.0, water_volume_m3_);
  water_level_m_ = mine::water_level_m(cfg_.net, water_volume_m3_);
  bool changed = false;
  std::vector<std::string> sealed, closed;
  for (size_t b = 0; b < cfg_.net.branches.size(); ++b) {
    const Branch& br = cfg_.net.branches[b];
    const double z_low =
        std::min(cfg_.net.junctions[size_t(br.from)].z_m, cfg_.net.junctions[size_t(br.to)].z_m);
    if (cfg_.net.junctions[size_t(br.from)].surface || cfg_.net.junctions[size_t(br.to)].surface) continue;
    if (!state_.travel_closed[b] && water_level_m_ - z_low > travel_depth) {
      state_.travel_closed[b] = true;
      closed.push_back(br.id);
    }
    if (state_.status[b] != AirwayStatus::kRemoved && water_level_m_ >= z_low + br.height_m) {
      state_.status[b] = AirwayStatus::kRemoved; // the water seals the airway's low point
      sealed.push_back(br.id);
      changed = true;
    }
  }
  if (!closed.empty() || !sealed.empty())
    sink.emit("mine.water", {cfg_.id},
              {{"t_h", r3(t_h())},
               {"volume_m3", std::round(water_volume_m3_)},
               {"level_m", r3(water_level_m_)},
               {"closed_to_travel", closed},
               {"sealed_to_air", sealed}});
  if (changed) resolve("water_inrush", sink, true);
  for (size_t g = 0; g < groups_.size(); ++g) {
    MinerGroup& gr = groups_[g];
    if (!underground_alive(gr.state) || gr.state == GroupState::kInRefuge || gr.carried_by >= 0) continue;
    double depth = 0;
    if (gr.pos.branch >= 0)
      depth = water_depth_m(cfg_.net, gr.pos.branch, gr.pos.s, water_level_m_);
    else
      depth = std::max(0.0, water_level_m_ - cfg_.net.junctions[size_t(gr.pos.junction)].z_m);
    if (depth >= lethal_depth)
      set_state(int(g), GroupState::kDead, sink, "drowned");
    else if (depth > 0.1 && gr.state == GroupState::kWorking)
      alert(int(g), "water seen", sink);
  }
}

// --------------------------------------------------------------------------------------------- miners

void MineModel::alert(int gi, const std::string& how, EffectSink& sink) {
  MinerGroup& g = groups_[size_t(gi)];
  if (g.alerted && g.state != GroupState::kWorking) return;
  g.alerted = true;
  if (g.state != GroupState::kWorking) return;
  set_state(gi, GroupState::kEscaping, sink, how);
  plan(gi, sink);
}

void MineModel::plan(int gi, EffectSink& sink) {
  MinerGroup& g = groups_[size_t(gi)];
  const MineNetwork& net = cfg_.net;
  const Mix m = mix_at(g.pos);
  const double speed = walking_speed_m_s(extinction_per_m(m.smoke_mg_m3), cfg_.miners.walk);
  const TravelTimes tt = travel_times(net, g.known_closed, g.pos, speed);
  EscapeInputs in;
  int exit_j = -1, refuge = -1, station = -1;
  for (size_t j = 0; j < net.junctions.size(); ++j)
    if (net.junctions[j].surface && tt.t_s[j] < in.t_exit_s) {
      in.t_exit_s = tt.t_s[j];
      exit_j = int(j);
    }
  for (size_t r = 0; r < net.refuges.size(); ++r) {
    const double t = tt.t_s[size_t(net.refuges[r].junction)];
    if (refuge_occupants_[r] + g.count <= net.refuges[r].capacity && t < in.t_refuge_s) {
      in.t_refuge_s = t;
      refuge = int(r);
    }
  }
  for (size_t s = 0; s < net.stations.size(); ++s) {
    if (station_units_[s] < g.count) continue;
    const double t = tt.t_s[size_t(net.stations[s].junction)];
    if (!std::isfinite(t) || t > g.scsr_left_s) continue;
    Position at;
    at.junction = net.stations[s].junction;
    const TravelTimes from = travel_times(net, g.known_closed, at, speed);
    double t_exit = kInf;
    for (size_t j = 0; j < net.junctions.size(); ++j)
      if (net.junctions[j].surface) t_exit = std::min(t_exit, from.t_s[j]);
    if (t + t_exit < in.t_station_s + in.t_station_exit_s) {
      in.t_station_s = t;
      in.t_station_exit_s = t_exit;
      station = int(s);
    }
  }
  in.breathing_apparatus = g.scsr_on || g.donning_left_s > 0;
  in.scsr_left_s = g.scsr_left_s;
  in.scsr_full_s = cfg_.miners.scsr_s;
  // Escorted miners follow the team out: it carries spare self-rescuers (docs/models/mine.md §5).
  const EscapeChoice c = g.escorted && std::isfinite(in.t_exit_s) ? EscapeChoice::kExit : choose_escape(in);
  g.route.clear();
  g.leg = 0;
  g.refuge = -1;
  g.station = -1;
  std::string choice;
  if (c == EscapeChoice::kNone) {
    set_state(gi, GroupState::kTrapped, sink, "no passable route");
    return;
  }
  if (c == EscapeChoice::kExit) {
    g.route = tt.route_to(net, g.pos, exit_j);
    choice = "exit";
  } else if (c == EscapeChoice::kExitViaStation) {
    g.station = station;
    g.route = tt.route_to(net, g.pos, net.stations[size_t(station)].junction);
    choice = "self_rescuer_station";
  } else {
    g.refuge = refuge;
    g.route = tt.route_to(net, g.pos, net.refuges[size_t(refuge)].junction);
    choice = "refuge";
  }
  if (g.state == GroupState::kTrapped) set_state(gi, GroupState::kEscaping, sink, "route found");
  sink.emit("mine.route", {g.id, cfg_.id},
            {{"t_h", r3(t_h())},
             {"choice", choice},
             {"target", choice == "exit"     ? net.junctions[size_t(exit_j)].id
                        : choice == "refuge" ? net.refuges[size_t(refuge)].id
                                             : net.stations[size_t(station)].id},
             {"t_exit_min", std::isfinite(in.t_exit_s) ? r1(in.t_exit_s / 60) : -1.0},
             {"t_refuge_min", std::isfinite(in.t_refuge_s) ? r1(in.t_refuge_s / 60) : -1.0},
             {"self_rescuer_left_min", r1(g.scsr_left_s / 60)},
             {"self_rescuer_on", in.breathing_apparatus}});
}

int MineModel::move(Position& pos, const std::vector<Leg>& route, size_t& leg, double dt, double speed,
                    std::vector<bool>* known) {
  double left = dt;
  while (left > 1e-9) {
    if (leg >= route.size()) return 1;
    const Leg& L = route[leg];
    const Branch& b = cfg_.net.branches[size_t(L.branch)];
    if (pos.branch != L.branch) {
      if (cut(L.branch)) {
        if (known) (*known)[size_t(L.branch)] = true;
        return 2;
      }
      pos.branch = L.branch;
      pos.s = L.dir > 0 ? 0 : 1;
      pos.junction = -1;
    }
    const double full = branch_travel_s(b, speed);
    const double need = (L.dir > 0 ? 1 - pos.s : pos.s) * full;
    if (need <= left) {
      left -= need;
      pos.junction = L.dir > 0 ? b.to : b.from;
      pos.branch = -1;
      pos.s = 0;
      ++leg;
    } else {
      pos.s += L.dir * left / full;
      left = 0;
    }
  }
  return leg >= route.size() ? 1 : 0;
}

void MineModel::update_group(int gi, double dt, EffectSink& sink) {
  MinerGroup* g = &groups_[size_t(gi)];
  if (!underground_alive(g->state) || g->carried_by >= 0 || g->count <= 0) return;
  const MinerParams& mp = cfg_.miners;
  const Mix m = mix_at(g->pos);
  const double cs = extinction_per_m(m.smoke_mg_m3);
  const bool contaminated = m.co_ppm >= mp.alarm_co_ppm || cs >= mp.visible_cs_per_m;
  if (g->state == GroupState::kWorking && contaminated) {
    alert(gi, m.co_ppm >= mp.alarm_co_ppm ? "CO noticed" : "smoke seen", sink);
    g = &groups_[size_t(gi)];
  }
  // Put on self-rescuers when the air is bad; those who fail to split off and breathe mine air.
  if (g->alerted && contaminated && g->has_scsr && !g->scsr_on && g->donning_left_s <= 0 &&
      g->scsr_left_s > 0 && g->state != GroupState::kInRefuge) {
    const int failed = whole(mp.donning_failure_fraction * g->count);
    if (failed > 0 && failed < g->count) {
      const int f = split(gi, failed);
      g = &groups_[size_t(gi)];
      groups_[size_t(f)].has_scsr = false;
      sink.emit("mine.self_rescuer", {groups_[size_t(f)].id, cfg_.id},
                {{"t_h", r3(t_h())}, {"what", "donning_failed"}, {"count", failed}});
    } else if (failed >= g->count) {
      g->has_scsr = false;
    }
    if (g->has_scsr) {
      g->donning_left_s = std::max(1e-9, mp.donning_s);
      sink.emit("mine.self_rescuer", {g->id, cfg_.id},
                {{"t_h", r3(t_h())}, {"what", "donning"}, {"count", g->count}});
    }
  }
  bool breathing_mine_air = g->state != GroupState::kInRefuge && !g->scsr_on;
  if (g->donning_left_s > 0) {
    g->donning_left_s -= dt;
    if (g->donning_left_s <= 0) {
      g->donning_left_s = 0;
      g->scsr_on = true;
      if (g->state == GroupState::kEscaping) plan(gi, sink); // the oxygen clock now runs
      g = &groups_[size_t(gi)];
    }
  } else if (g->scsr_on) {
    g->scsr_left_s -= dt;
    if (g->scsr_left_s <= 0) {
      g->scsr_left_s = 0;
      g->scsr_on = false;
      g->has_scsr = false;
      sink.emit("mine.self_rescuer", {g->id, cfg_.id},
                {{"t_h", r3(t_h())}, {"what", "exhausted"}, {"count", g->count}});
    }
  }
  if (g->state == GroupState::kInRefuge) {
    const Refuge& r = cfg_.net.refuges[size_t(g->refuge)];
    (void)r; // occupants are safe for the rated duration; the run is shorter than 96 h
    return;
  }
  // CO dose.
  if (breathing_mine_air && m.co_ppm > 0) {
    const double rmv = g->state == GroupState::kIncapacitated ? mp.rmv_rest_l_min : mp.rmv_walk_l_min;
    g->cohb_pct = cohb_after_pct(m.co_ppm, rmv, dt / 60.0, g->cohb_pct);
    if (g->cohb_pct >= mp.lethal_cohb_pct) {
      set_state(gi, GroupState::kDead, sink, "CO");
      return;
    }
    if (g->cohb_pct >= mp.incapacitation_cohb_pct && g->state != GroupState::kIncapacitated) {
      set_state(gi, GroupState::kIncapacitated, sink, "CO");
      return;
    }
  }
  if (g->state == GroupState::kTrapped) {
    // Waits; looks again each step only if something it knew as closed may have changed (never here).
    return;
  }
  if (g->state != GroupState::kEscaping || g->donning_left_s > 0) return;
  double speed = walking_speed_m_s(cs, mp.walk);
  if (water_active_) {
    const double depth =
        g->pos.branch >= 0 ? water_depth_m(cfg_.net, g->pos.branch, g->pos.s, water_level_m_) : 0;
    if (depth > 0.3) speed *= mp.wading_speed_factor;
  }
  const int r = move(g->pos, g->route, g->leg, dt, speed, &g->known_closed);
  if (r == 2) {
    sink.emit("mine.route", {g->id, cfg_.id},
              {{"t_h", r3(t_h())}, {"choice", "blocked"}, {"where", where(g->pos)}});
    plan(gi, sink);
    return;
  }
  if (r != 1) return;
  const int j = g->pos.junction;
  if (cfg_.net.junctions[size_t(j)].surface) {
    set_state(gi, GroupState::kOut, sink);
  } else if (g->station >= 0 && cfg_.net.stations[size_t(g->station)].junction == j) {
    station_units_[size_t(g->station)] -= g->count;
    g->scsr_left_s = mp.scsr_s;
    g->has_scsr = true;
    sink.emit("mine.self_rescuer", {g->id, cfg_.id},
              {{"t_h", r3(t_h())},
               {"what", "changed_at_station"},
               {"station", cfg_.net.stations[size_t(g->station)].id}});
    plan(gi, sink);
  } else if (g->refuge >= 0 && cfg_.net.refuges[size_t(g->refuge)].junction == j) {
    if (refuge_occupants_[size_t(g->refuge)] + g->count <= cfg_.net.refuges[size_t(g->refuge)].capacity) {
      refuge_occupants_[size_t(g->refuge)] += g->count;
      set_state(gi, GroupState::kInRefuge, sink, cfg_.net.refuges[size_t(g->refuge)].id);
      groups_[size_t(gi)].scsr_on = false;
    } else {
      plan(gi, sink);
    }
  } else {
    plan(gi, sink);
  }
}

// ------------------------------------------------------------------------------------------ rescue

bool MineModel::team_arrives_at_shaft(const std::string& team, const std::string& shaft, int personnel,
                                      double t_s, EffectSink& sink, const std::string& unit) {
  const MineNetwork& net = cfg_.net;
  int b = -1;
  for (size_t i = 0; i < net.branches.size(); ++i)
    if (net.branches[i].escape && (shaft.empty() || net.branches[i].id == shaft)) {
      b = int(i);
      break;
    }
  if (b < 0 || personnel <= 0) return false;
  RescueTeam t;
  t.id = team;
  t.unit = unit;
  t.personnel = personnel;
  t.shaft = b;
  t.base = net.junctions[size_t(net.branches[size_t(b)].from)].surface ? net.branches[size_t(b)].to
                                                                       : net.branches[size_t(b)].from;
  t.pos.junction = t.base;
  t.timer_s = net.branches[size_t(b)].hoist_s + std::max(0.0, t_s - now_s_);
  teams_.push_back(t);
  sink.emit("mine.rescue", {team, cfg_.id},
            {{"t_h", r3(t_s / 3600.0)},
             {"action", "arrived_at_shaft"},
             {"shaft", net.branches[size_t(b)].id},
             {"unit", unit},
             {"personnel", personnel},
             {"minutes_after_accident", accident_s_ >= 0 ? r1((t_s - accident_s_) / 60) : -1.0}});
  return true;
}

bool MineModel::choose_target(int k, EffectSink& sink) {
  RescueTeam& t = teams_[size_t(k)];
  const RescueParams& rp = cfg_.rescue;
  const std::vector<bool> closed = [&] {
    std::vector<bool> c(cfg_.net.branches.size());
    for (size_t b = 0; b < c.size(); ++b)
      c[b] = cut(int(b));
    return c;
  }();
  const TravelTimes tt = travel_times(cfg_.net, closed, t.pos, rp.speed_m_s);
  Position base;
  base.junction = t.base;
  // Casualties are carried back (slower); able miners walk back with the team.
  const TravelTimes back_carry = travel_times(cfg_.net, closed, base, rp.speed_m_s * rp.carry_speed_factor);
  const TravelTimes back_walk = travel_times(cfg_.net, closed, base, rp.speed_m_s);
  const double usable = t.apparatus_left_s - rp.reserve_fraction * rp.apparatus_s;
  int best = -1, best_rank = 99;
  double best_t = kInf;
  int best_j = -1;
  for (size_t g = 0; g < groups_.size(); ++g) {
    const MinerGroup& gr = groups_[g];
    int rank = gr.state == GroupState::kIncapacitated ? 0
               : gr.state == GroupState::kTrapped     ? 1
               : gr.state == GroupState::kInRefuge    ? 2
                                                      : 99;
    if (rank == 99 || gr.count <= 0 || gr.carried_by >= 0 || gr.targeted_by >= 0) continue;
    // The group's junction, or the nearer reachable end of the airway it is in.
    int j = gr.pos.junction;
    if (gr.pos.branch >= 0) {
      if (cut(gr.pos.branch)) continue;
      const Branch& br = cfg_.net.branches[size_t(gr.pos.branch)];
      j = tt.t_s[size_t(br.from)] <= tt.t_s[size_t(br.to)] ? br.from : br.to;
    }
    const double go = tt.t_s[size_t(j)];
    if (!std::isfinite(go)) continue;
    const TravelTimes& back = rank == 0 ? back_carry : back_walk;
    if (go + rp.treat_s + back.t_s[size_t(j)] > usable) continue; // would eat into the reserve
    if (rank < best_rank || (rank == best_rank && go < best_t)) {
      best = int(g);
      best_rank = rank;
      best_t = go;
      best_j = j;
    }
  }
  if (best < 0) return false;
  t.waiting = false;
  t.target = best;
  groups_[size_t(best)].targeted_by = k;
  t.route = tt.route_to(cfg_.net, t.pos, best_j);
  t.leg = 0;
  t.state = TeamState::kGoing;
  sink.emit("mine.rescue", {t.id, cfg_.id},
            {{"t_h", r3(t_h())},
             {"action", "heading_to_group"},
             {"group", groups_[size_t(best)].id},
             {"group_state", state_name(groups_[size_t(best)].state)},
             {"travel_min", r1(best_t / 60)},
             {"apparatus_left_min", r1(t.apparatus_left_s / 60)}});
  return true;
}

void MineModel::update_team(int k, double dt, EffectSink& sink) {
  RescueTeam* t = &teams_[size_t(k)];
  const RescueParams& rp = cfg_.rescue;
  auto head_back = [&](const char* why) {
    RescueTeam& tm = teams_[size_t(k)];
    if (tm.target >= 0 && groups_[size_t(tm.target)].targeted_by == k)
      groups_[size_t(tm.target)].targeted_by = -1;
    tm.target = -1;
    std::vector<bool> closed(cfg_.net.branches.size());
    for (size_t b = 0; b < closed.size(); ++b)
      closed[b] = cut(int(b));
    const TravelTimes tt = travel_times(cfg_.net, closed, tm.pos, rp.speed_m_s);
    tm.route = tt.route_to(cfg_.net, tm.pos, tm.base);
    tm.leg = 0;
    tm.state = TeamState::kReturning;
    sink.emit("mine.rescue", {tm.id, cfg_.id},
              {{"t_h", r3(t_h())}, {"action", why}, {"apparatus_left_min", r1(tm.apparatus_left_s / 60)}});
  };
  switch (t->state) {
  case TeamState::kDescending:
  case TeamState::kResting:
    t->timer_s -= dt;
    if (t->timer_s > 0) return;
    if (t->state == TeamState::kResting && !unit_present(t->unit)) {
      // Its unit has left the mine head: the team goes with it after this entry.
      t->state = TeamState::kDone;
      sink.emit("mine.rescue", {t->id, cfg_.id},
                {{"t_h", r3(t_h())}, {"action", "stood_down"}, {"unit", t->unit}});
      return;
    }
    if (t->state == TeamState::kDescending)
      sink.emit(
          "mine.rescue", {t->id, cfg_.id},
          {{"t_h", r3(t_h())}, {"action", "entered"}, {"base", cfg_.net.junctions[size_t(t->base)].id}});
    t->apparatus_left_s = rp.apparatus_s;
    t->state = TeamState::kSelecting;
    ++t->entries;
    [[fallthrough]];
  case TeamState::kSelecting:
    if (!choose_target(k, sink)) {
      t = &teams_[size_t(k)];
      if (t->pos.junction == t->base) {
        // Nobody it can reach and bring back within its reserve: it waits at the fresh-air base and looks
        // again every report interval (casualties appear, closures change).
        t->state = TeamState::kResting;
        t->timer_s = cfg_.report_every_s;
        if (!t->waiting)
          sink.emit("mine.rescue", {t->id, cfg_.id}, {{"t_h", r3(t_h())}, {"action", "no_one_reachable"}});
        t->waiting = true;
      } else {
        head_back("returning");
      }
    }
    return;
  case TeamState::kGoing: {
    t->apparatus_left_s -= dt;
    const int r = move(t->pos, t->route, t->leg, dt, rp.speed_m_s, nullptr);
    std::vector<bool> closed(cfg_.net.branches.size());
    for (size_t b = 0; b < closed.size(); ++b)
      closed[b] = cut(int(b));
    const TravelTimes back = travel_times(cfg_.net, closed, t->pos, rp.speed_m_s);
    if (t->apparatus_left_s - rp.reserve_fraction * rp.apparatus_s <= back.t_s[size_t(t->base)]) {
      head_back("turned_back");
      return;
    }
    if (r == 2) {
      head_back("route_blocked");
      return;
    }
    if (r == 1) {
      t->state = TeamState::kTreating;
      t->timer_s = rp.treat_s;
      const MinerGroup& g = groups_[size_t(t->target)];
      sink.emit("mine.rescue", {t->id, cfg_.id},
                {{"t_h", r3(t_h())},
                 {"action", "reached_group"},
                 {"group", g.id},
                 {"group_state", state_name(g.state)},
                 {"count", g.count},
                 {"minutes_after_accident", accident_s_ >= 0 ? r1((now_s_ - accident_s_) / 60) : -1.0}});
    }
    return;
  }
  case TeamState::kTreating: {
    t->apparatus_left_s -= dt;
    t->timer_s -= dt;
    if (t->timer_s > 0) return;
    const int gi = t->target;
    MinerGroup* g = &groups_[size_t(gi)];
    g->targeted_by = -1;
    if (g->state == GroupState::kIncapacitated) {
      g->scsr_on = true; // the team puts a self-rescuer (or its resuscitator) on every casualty
      g->has_scsr = true;
      g->scsr_left_s = cfg_.miners.scsr_s;
      const int can_carry = std::max(1, t->personnel / rp.bearers_per_casualty);
      int carried = gi;
      if (g->count > can_carry) carried = split(gi, can_carry);
      t = &teams_[size_t(k)];
      groups_[size_t(carried)].carried_by = k;
      t->carrying.push_back(carried);
      sink.emit("mine.rescue", {t->id, cfg_.id},
                {{"t_h", r3(t_h())},
                 {"action", "carrying"},
                 {"group", groups_[size_t(carried)].id},
                 {"count", groups_[size_t(carried)].count}});
      head_back("carrying_out");
    } else if (g->state == GroupState::kInRefuge || g->state == GroupState::kTrapped) {
      // Escort: fresh self-rescuers, the team's knowledge of the closures, and out they walk.
      g->scsr_left_s = cfg_.miners.scsr_s;
      g->has_scsr = true;
      g->scsr_on = true;
      g->rescued = true;
      g->escorted = true;
      for (size_t b = 0; b < g->known_closed.size(); ++b)
        g->known_closed[b] = cut(int(b));
      set_state(gi, GroupState::kEscaping, sink, "escorted by " + t->id);
      plan(gi, sink);
      t = &teams_[size_t(k)];
      sink.emit("mine.rescue", {t->id, cfg_.id},
                {{"t_h", r3(t_h())},
                 {"action", "escorting"},
                 {"group", groups_[size_t(gi)].id},
                 {"count", groups_[size_t(gi)].count}});
      t->target = -1;
      t->state = TeamState::kSelecting;
    } else {
      t->target = -1;
      t->state = TeamState::kSelecting;
    }
    return;
  }
  case TeamState::kReturning: {
    t->apparatus_left_s -= dt;
    const double speed = rp.speed_m_s * (t->carrying.empty() ? 1.0 : rp.carry_speed_factor);
    const int r = move(t->pos, t->route, t->leg, dt, speed, nullptr);
    for (int c : t->carrying)
      groups_[size_t(c)].pos = t->pos;
    if (r == 2) { // the way back was cut behind them: look for another
      head_back("rerouting");
      return;
    }
    if (r != 1) return;
    const double hoist = cfg_.net.branches[size_t(t->shaft)].hoist_s;
    int brought = 0;
    for (int c : t->carrying) {
      MinerGroup& g = groups_[size_t(c)];
      g.carried_by = -1;
      g.rescued = true;
      brought += g.count;
      now_s_ += hoist; // the casualties reach the surface one cage trip later
      set_state(c, GroupState::kOut, sink, "carried out by " + t->id);
      now_s_ -= hoist;
    }
    t = &teams_[size_t(k)];
    t->carrying.clear();
    sink.emit("mine.rescue", {t->id, cfg_.id},
              {{"t_h", r3(t_h())},
               {"action", "back_at_base"},
               {"brought_out", brought},
               {"apparatus_left_min", r1(t->apparatus_left_s / 60)}});
    t->state = TeamState::kResting;
    t->timer_s = rp.turnaround_s;
    return;
  }
  case TeamState::kDone:
    return;
  }
}

// ------------------------------------------------------------------------------------- the Hazard

void MineModel::start(const HazardView& view, EffectSink& sink) {
  view_ = &view;
  now_s_ = 0;
  emit_network(sink);
  resolve("start", sink, false);
  const MineCounts c = counts();
  sink.emit("mine.summary", {cfg_.id},
            {{"t_h", 0.0}, {"shift", cfg_.shift}, {"underground", c.total()}, {"working", c.working}});
  next_report_s_ = 0;
}

void MineModel::snapshot(EffectSink& sink) {
  // CO in every airway (the most along it, whole ppm) and where every group is: the viewer's inset.
  std::vector<int> co(cfg_.net.branches.size());
  for (size_t b = 0; b < co.size(); ++b) {
    double m = 0;
    for (double x : {0.0, 0.25, 0.5, 0.75, 1.0})
      m = std::max(m, field_->in_branch(int(b), x).co_ppm);
    co[b] = int(std::lround(m));
  }
  nlohmann::json gs = nlohmann::json::array();
  for (const auto& g : groups_) {
    if (g.count <= 0) continue;
    const std::string at = g.pos.branch >= 0 ? cfg_.net.branches[size_t(g.pos.branch)].id
                                             : cfg_.net.junctions[size_t(g.pos.junction)].id;
    gs.push_back({g.id, state_name(g.state), g.count, at, g.pos.branch >= 0 ? r3(g.pos.s) : 0.0});
  }
  if (co == last_co_ && gs == last_groups_) return;
  last_co_ = co;
  last_groups_ = gs;
  sink.emit("mine.snapshot", {cfg_.id}, {{"t_h", r3(t_h())}, {"co_ppm", co}, {"groups", gs}});
}

void MineModel::emit_network(EffectSink& sink) {
  // The schematic for the viewer's inset (it reads the log only): plan positions, depths, branches.
  const MineNetwork& net = cfg_.net;
  nlohmann::json js = nlohmann::json::array(), bs = nlohmann::json::array();
  for (const auto& j : net.junctions)
    js.push_back({j.id, r1(j.x_m), r1(j.y_m), r1(j.z_m), j.surface});
  for (const auto& b : net.branches)
    bs.push_back({b.id, net.junctions[size_t(b.from)].id, net.junctions[size_t(b.to)].id,
                  b.kind == BranchKind::kShaft ? "shaft" : "airway", b.escape});
  nlohmann::json faces = nlohmann::json::array(), refuges = nlohmann::json::array(),
                 sensors = nlohmann::json::array();
  for (const auto& f : net.faces)
    faces.push_back({f.id, net.junctions[size_t(f.junction)].id});
  for (const auto& r : net.refuges)
    refuges.push_back({r.id, net.junctions[size_t(r.junction)].id, r.capacity});
  for (const auto& x : net.sensors)
    sensors.push_back({x.id, net.junctions[size_t(x.junction)].id});
  sink.emit("mine.network", {cfg_.id},
            {{"zh", cfg_.zh.empty() ? net.zh : cfg_.zh},
             {"en", cfg_.en.empty() ? net.en : cfg_.en},
             {"head_node", cfg_.head_node},
             {"junctions", js},
             {"branches", bs},
             {"faces", faces},
             {"refuges", refuges},
             {"sensors", sensors}});
}

void MineModel::advance(double t_s, double dt_s, EffectSink& sink) {
  now_s_ = t_s;
  const double end = t_s + dt_s;
  for (size_t i = 0; i < cfg_.roof_falls.size(); ++i)
    if (!roof_fall_done_[i] && cfg_.roof_falls[i].at_s < end) {
      roof_fall_done_[i] = true;
      apply_roof_fall(cfg_.roof_falls[i], sink);
    }
  for (size_t i = 0; i < cfg_.explosions.size(); ++i)
    if (!explosion_done_[i] && cfg_.explosions[i].at_s < end) {
      explosion_done_[i] = true;
      apply_explosion(cfg_.explosions[i], sink);
    }
  for (size_t i = 0; i < cfg_.inrushes.size(); ++i)
    if (!inrush_started_[i] && cfg_.inrushes[i].at_s < end) {
      inrush_started_[i] = true;
      inrush_start_s_[i] = t_s;
      start_inrush(cfg_.inrushes[i], sink);
    }
  for (size_t i = 0; i < cfg_.fires.size(); ++i) {
    const FireEvent& f = cfg_.fires[i];
    if (f.at_s >= end) continue;
    if (!fire_started_[i]) {
      fire_started_[i] = true;
      if (accident_s_ < 0) accident_s_ = t_s;
      sink.emit("mine.event", {cfg_.id},
                {{"t_h", r3(t_h())},
                 {"what", "fire"},
                 {"where", f.branch >= 0 ? cfg_.net.branches[size_t(f.branch)].id
                                         : cfg_.net.junctions[size_t(f.junction)].id},
                 {"co_g_s", f.co_g_s},
                 {"smoke_g_s", f.smoke_g_s}});
    }
    if (f.duration_s > 0 && t_s > f.at_s + f.duration_s) continue;
    const double grow = f.growth_s > 0 ? std::min(1.0, (t_s + dt_s - f.at_s) / f.growth_s) : 1.0;
    const double co = f.co_g_s * grow / kCoDensityGM3, smoke = f.smoke_g_s * grow;
    if (f.branch >= 0)
      field_->add_branch_source(f.branch, co, smoke);
    else
      field_->add_junction_source(f.junction, co, smoke);
  }
  update_water(dt_s, sink);
  field_->step(dt_s);
  now_s_ = end; // the state below is the state at t + dt
  if (!warned_ && warning_s_ >= 0 && warning_s_ < end + 1e-9) {
    warned_ = true;
    sink.emit("mine.warning", {cfg_.id}, {{"t_h", r3(t_h())}, {"how", "dispatcher telephone/radio"}});
    for (size_t g = 0; g < groups_.size(); ++g)
      if (groups_[g].state == GroupState::kWorking) alert(int(g), "told by the dispatcher", sink);
  }
  const size_t n = groups_.size();
  for (size_t g = 0; g < n; ++g)
    update_group(int(g), dt_s, sink);
  for (size_t k = 0; k < teams_.size(); ++k)
    update_team(int(k), dt_s, sink);
  report(sink, false);
}

void MineModel::report(EffectSink& sink, bool force) {
  const MineCounts c = counts();
  // The posts hear from the mine only once it has reported the accident (the scenario's incident report).
  const bool reporting = now_s_ + 1e-9 >= cfg_.reports_from_s;
  const int trapped = accident_s_ >= 0 ? c.underground_alive() : 0;
  const bool due = now_s_ + 1e-9 >= next_report_s_;
  if (due || force || trapped != last_trapped_reported_) {
    if (due || force) {
      sink.emit("mine.summary", {cfg_.id},
                {{"t_h", r3(t_h())},
                 {"patients_waiting", patients_waiting()},
                 {"patients_total", patients_total_},
                 {"working", c.working},
                 {"escaping", c.escaping},
                 {"in_refuge", c.in_refuge},
                 {"out", c.out},
                 {"incapacitated", c.incapacitated},
                 {"dead", c.dead},
                 {"trapped", c.trapped},
                 {"rescued", c.rescued},
                 {"underground_alive", trapped},
                 {"water_level_m", water_active_ ? r3(water_level_m_) : 0.0}});
    }
    if (reporting && (due || trapped != last_trapped_reported_)) {
      sink.observe({"miners_trapped", cfg_.id, double(trapped), cfg_.reporter});
      last_trapped_reported_ = trapped;
    }
  }
  // Deaths as the mine reports them (the plan quantity `casualties`), and casualties at the head.
  if (reporting && c.dead != last_dead_reported_ && (due || force || c.dead > 0)) {
    sink.observe({"casualties", cfg_.id, double(c.dead), cfg_.reporter});
    last_dead_reported_ = c.dead;
  }
  if (reporting && patients_waiting() != last_waiting_reported_) {
    sink.observe({"patients_waiting", cfg_.id, double(patients_waiting()), cfg_.reporter});
    last_waiting_reported_ = patients_waiting();
  }
  // The shift underground is the population of the shift zone: its harm is the miners' fate.
  if (!cfg_.shift_zone.empty() && accident_s_ >= 0) {
    const double exposed = trapped, dead = c.dead, injured = c.incapacitated + patients_total_;
    if (exposed != last_harm_[0] || dead != last_harm_[1] || injured != last_harm_[2]) {
      if (due || force || dead != last_harm_[1]) {
        sink.harm(Harm{cfg_.shift_zone, exposed, dead, injured, "miners_dead", dead,
                       "counted per miner group: blast (fatality_fraction), CO (COHb >= lethal_cohb_pct by "
                       "Stewart et al. 1973 / Purser), drowning (water depth >= lethal_depth_m); injuries = "
                       "incapacitated underground + casualties brought out (docs/models/mine.md)"});
        last_harm_[0] = exposed;
        last_harm_[1] = dead;
        last_harm_[2] = injured;
      }
    }
  }
  if (!due && !force) return;
  snapshot(sink);
  next_report_s_ += cfg_.report_every_s;
  while (next_report_s_ <= now_s_)
    next_report_s_ += cfg_.report_every_s;
  for (size_t s = 0; s < cfg_.net.sensors.size(); ++s) {
    const double ppm = field_->at_junction(cfg_.net.sensors[s].junction).co_ppm;
    const double shown = std::round(ppm);
    if (shown != last_sensor_ppm_[s]) {
      last_sensor_ppm_[s] = shown;
      sink.emit("mine.co", {cfg_.net.sensors[s].id, cfg_.id},
                {{"t_h", r3(t_h())},
                 {"co_ppm", shown},
                 {"junction", cfg_.net.junctions[size_t(cfg_.net.sensors[s].junction)].id},
                 {"alarm", ppm >= cfg_.miners.alarm_co_ppm}});
    }
    if (reporting && shown != sent_sensor_ppm_[s]) {
      sent_sensor_ppm_[s] = shown;
      sink.observe({"mine_co_ppm", cfg_.net.sensors[s].id, shown, cfg_.reporter});
    }
  }
}

int MineModel::patients_waiting() const {
  int n = 0;
  for (const auto& w : waiting_)
    n += w.count;
  return n;
}

int MineModel::shaft_of(const std::string& target) const {
  const MineNetwork& net = cfg_.net;
  if (target == cfg_.id || (target == "incident" && cfg_.incident_here)) {
    for (size_t b = 0; b < net.branches.size(); ++b) {
      if (!net.branches[b].escape) continue;
      const bool elsewhere =
          std::any_of(cfg_.shaft_heads.begin(), cfg_.shaft_heads.end(),
                      [&](const ShaftHead& h) { return h.branch == int(b) && h.node != cfg_.head_node; });
      if (!elsewhere) return int(b);
    }
    return -1;
  }
  const int b = net.branch_index(target);
  return b >= 0 && net.branches[size_t(b)].escape ? b : -1;
}

bool MineModel::unit_present(const std::string& unit) const {
  if (unit.empty()) return true;
  auto it = units_.find(unit);
  if (it == units_.end() || it->second.last_work_s < 0) return false;
  // A unit reports work every step while it stays; two missed steps mean it has gone.
  return now_s_ <= it->second.last_work_s + 2 * it->second.step_s + 1e-6;
}

bool MineModel::accepts_work(const std::string& task, const std::string& target) const {
  return (task == "mine_rescue" || task == "transport_patients") && shaft_of(target) >= 0;
}

bool MineModel::work(const Work& w, EffectSink& sink) {
  if (!accepts_work(w.task, w.target)) return false;
  const double now = view_ ? view_->now_s() : now_s_;
  if (w.task == "transport_patients") {
    // Casualties at the head (out of the cage), carried-out ones first, then in the order they came out.
    int places = w.patient_places;
    for (const char* condition : {"incapacitated", "injured"})
      for (size_t i = 0; i < waiting_.size() && places > 0;) {
        WaitingPatients& p = waiting_[i];
        if (p.condition != condition || p.ready_s > now + 1e-6) {
          ++i;
          continue;
        }
        const int n = std::min(places, p.count);
        sink.hand_over_patients(w.unit, n, p.condition);
        p.count -= n;
        places -= n;
        sink.emit("mine.patients", {cfg_.id},
                  {{"t_h", r3(now / 3600.0)},
                   {"action", "handed_over"},
                   {"unit", w.unit},
                   {"count", n},
                   {"condition", condition},
                   {"waiting", patients_waiting()}});
        if (p.count == 0)
          waiting_.erase(waiting_.begin() + long(i));
        else
          ++i;
      }
    if (patients_waiting() != last_waiting_reported_) {
      sink.observe({"patients_waiting", cfg_.id, double(patients_waiting()), cfg_.reporter});
      last_waiting_reported_ = patients_waiting();
    }
    return true;
  }
  // mine_rescue: the unit's rescuers reached the shaft head at the start of this work step.
  UnitAtHead& u = units_[w.unit];
  const bool new_stay = u.last_work_s < 0 || now > u.last_work_s + 2 * u.step_s + 1e-6;
  u.last_work_s = now;
  u.step_s = w.dt_s;
  if (!new_stay) return true;
  const int size = std::max(1, cfg_.rescue.team_size);
  const int teams = int(w.personnel) / size;
  const int b = shaft_of(w.target);
  const double arrived = std::max(0.0, now - w.dt_s);
  for (int k = 0; k < teams; ++k) {
    ++u.teams;
    team_arrives_at_shaft(w.unit + "_team_" + std::to_string(u.teams), cfg_.net.branches[size_t(b)].id, size,
                          arrived, sink, w.unit);
  }
  return true;
}

std::vector<std::string> MineModel::targets() const {
  std::vector<std::string> t = {cfg_.id};
  for (const auto& b : cfg_.net.branches)
    if (b.escape) t.push_back(b.id);
  return t;
}

std::string MineModel::site_of(const std::string& target) const {
  const int b = shaft_of(target);
  if (b < 0) return "";
  for (const auto& h : cfg_.shaft_heads)
    if (h.branch == b) return h.node;
  return cfg_.head_node;
}

std::vector<ZoneAtRisk> MineModel::zones_at_risk() const {
  if (cfg_.shift_zone.empty()) return {};
  int underground = 0;
  for (const auto& g : groups_)
    underground += g.count;
  return {{cfg_.shift_zone, double(underground)}};
}

bool MineModel::inject(const nlohmann::json& w, double t_s, EffectSink& sink) {
  if (!w.is_object()) return false;
  const std::string what = w.value("what", "");
  const double keep = now_s_;
  now_s_ = std::max(now_s_, t_s);
  bool ok = true;
  if (what == "team_arrives_at_shaft") {
    ok = team_arrives_at_shaft(w.value("team", "team_" + std::to_string(teams_.size() + 1)),
                               w.value("shaft", ""), w.value("personnel", 9), t_s, sink);
  } else if (what == "fan") {
    const int f = cfg_.net.fan_index(w.value("fan", ""));
    const std::string st = w.value("state", "");
    if (f < 0 || (st != "running" && st != "stopped" && st != "reversed")) {
      ok = false;
    } else {
      state_.fans[size_t(f)] = st == "running"   ? FanState::kRunning
                               : st == "stopped" ? FanState::kStopped
                                                 : FanState::kReversed;
      resolve("fan " + cfg_.net.fans[size_t(f)].id + " " + st, sink, true);
    }
  } else if (what == "door") {
    const int d = cfg_.net.door_index(w.value("door", ""));
    if (d < 0 || state_.door_destroyed[size_t(d)]) {
      ok = false;
    } else {
      state_.door_open[size_t(d)] = w.value("open", true);
      resolve("door " + cfg_.net.doors[size_t(d)].id, sink, true);
    }
  } else if (what == "warning") {
    warning_s_ = t_s;
    warned_ = false;
  } else if (what == "roof_fall" && w.contains("airways") && w["airways"].is_array()) {
    RoofFallEvent e;
    for (const auto& a : w["airways"]) {
      const int b = a.is_string() ? cfg_.net.branch_index(a.get<std::string>()) : -1;
      if (b < 0) {
        now_s_ = keep;
        return false;
      }
      e.airways.push_back(b);
    }
    e.fatality_fraction = w.value("fatality_fraction", 0.0);
    apply_roof_fall(e, sink);
  } else {
    ok = false;
  }
  now_s_ = keep;
  return ok;
}

} // namespace hg::mine
