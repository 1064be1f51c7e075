/// @file
/// @brief ChemicalModel: release, transport, threat zones, the people present and their doses,
/// casualties, closures, sensors, and the hazmat crews' work.
#include "sim/hazards/chemical/ChemicalModel.hpp"

#include "sim/hazards/chemical/Checks.hpp"
#include "sim/hazards/chemical/PlumeRise.hpp"
#include "sim/world/World.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>

namespace hg::chemical {

namespace {

constexpr double kPureGasPpm = 1e6; ///< nothing breathes more than the pure gas
constexpr double kTiny = 1e-9;

double round_to(double v, double step) {
  return std::round(v / step) * step;
}

nlohmann::json hull_json(const std::vector<Xy>& hull, const LocalFrame& f) {
  nlohmann::json out = nlohmann::json::array();
  for (const Xy& p : hull) {
    const LatLon ll = f.to_latlon(p);
    out.push_back({round_to(ll.lat, 1e-5), round_to(ll.lon, 1e-5)});
  }
  return out;
}

/// Cells at or above `threshold` as runs [row, first column, last column] (row = north index).
nlohmann::json runs_json(const ReceptorGrid& g, const std::vector<double>& ppm, double threshold) {
  nlohmann::json out = nlohmann::json::array();
  for (int j = 0; j < g.cells; ++j) {
    int start = -1;
    for (int i = 0; i <= g.cells; ++i) {
      const bool in = i < g.cells && ppm[size_t(j) * size_t(g.cells) + size_t(i)] >= threshold;
      if (in && start < 0) start = i;
      if (!in && start >= 0) {
        out.push_back({j, start, i - 1});
        start = -1;
      }
    }
  }
  return out;
}

std::vector<Xy> zone_samples(const ZoneReceptor& z, const LocalFrame& f) {
  if (!z.polygon.empty()) {
    std::vector<Xy> poly;
    for (const LatLon& p : z.polygon)
      poly.push_back(f.to_xy(p));
    double x0 = poly[0].x_m, x1 = x0, y0 = poly[0].y_m, y1 = y0;
    for (const Xy& p : poly)
      x0 = std::min(x0, p.x_m), x1 = std::max(x1, p.x_m), y0 = std::min(y0, p.y_m), y1 = std::max(y1, p.y_m);
    // About 20 points inside the polygon.
    return polygon_samples(poly, std::max(10.0, std::sqrt((x1 - x0) * (y1 - y0) / 20.0)));
  }
  return circle_samples(f.to_xy(z.centre), z.radius_m, 2);
}

/// Bounding box of points: {x0, x1, y0, y1}.
std::array<double, 4> bounds(const std::vector<Xy>& pts) {
  std::array<double, 4> b = {1e300, -1e300, 1e300, -1e300};
  for (const Xy& p : pts)
    b = {std::min(b[0], p.x_m), std::max(b[1], p.x_m), std::min(b[2], p.y_m), std::max(b[3], p.y_m)};
  return b;
}

bool touches(const SlugField& f, const std::array<double, 4>& b) {
  return f.size() > 0 && f.touches(b[0], b[1], b[2], b[3]);
}

double sum_people(const std::vector<Cohort>& cs, bool shelter) {
  double n = 0;
  for (const Cohort& c : cs)
    if ((c.where == Exposure::kShelter) == shelter) n += c.people;
  return n;
}

} // namespace

ChemicalModel::ChemicalModel(ChemicalConfig cfg, std::uint64_t /*seed: the model is deterministic*/)
    : config_(std::move(cfg)), frame_(config_.source.position) {
  require_positive("step_s", config_.step_s, "s");
  require_positive("substep_s", config_.substep_s, "s");
  if (config_.substep_s > config_.step_s) config_.substep_s = config_.step_s;
  require_positive("report_every_s", config_.report_every_s, "s");
  require_positive("threshold_duration_min", config_.threshold_duration_min, "min");
  require_positive("grid.half_size_m", config_.grid.half_size_m, "m");
  if (config_.grid.cells < 3) throw std::invalid_argument("grid.cells: expected an integer >= 3");
  require_positive("max_travel_m", config_.max_travel_m, "m");
  require_non_negative("plug_leak_person_h", config_.plug_leak_person_h, "person-h");
  require_non_negative("evacuation_transit_s", config_.evacuation_transit_s, "s");
  const ResponderConfig& rc = config_.responders;
  require_positive("responders.entry_team", rc.entry_team, "people");
  require_positive("responders.ppe_air_s", rc.ppe_air_s, "s");
  require_non_negative("responders.ppe_turnaround_s", rc.ppe_turnaround_s, "s");
  require_in_range("responders.protection_factor", rc.protection_factor, 1, 1e6);
  require_non_negative("responders.decon_people_per_person_h", rc.decon_people_per_person_h, "people/h");
  if (config_.responders.decon_id.empty()) config_.responders.decon_id = config_.id + "_decon";
  chem_ = config_.source.chemical;
  if (!chem_) throw std::invalid_argument("source.chemical: missing");
  if (config_.weather.empty()) throw std::invalid_argument("weather: expected at least one entry");
  for (size_t i = 0; i < config_.weather.size(); ++i) {
    const WeatherPoint& w = config_.weather[i];
    const std::string f = "weather[" + std::to_string(i) + "]";
    require_in_range(f + ".wind_m_s", w.wind_m_s, 1.0, 30.0, "m/s");
    require_in_range(f + ".from_deg", w.from_deg, 0, 360, "deg");
    if (i > 0 && w.at_s <= config_.weather[i - 1].at_s)
      throw std::invalid_argument(f + ".at_h: expected times in increasing order");
    if (!w.stability && !config_.start_unix_s)
      throw std::invalid_argument(f +
                                  ".stability: needed (or a scenario start time, to choose it from the sun)");
  }
  SourceConfig& s = config_.source;
  if (s.kind == SourceKind::kTank) {
    s.tank.chemical = chem_;
    tank_ = std::make_unique<Tank>(s.tank);
    if (s.tank.liquefied && s.tank.hole_phase == HolePhase::kLiquid) {
      flash_fraction_ = flash_fraction(*chem_, s.tank.temperature_k);
      airborne_fraction_ =
          s.airborne_fraction >= 0 ? s.airborne_fraction : std::min(1.0, 2 * flash_fraction_);
    } else {
      flash_fraction_ = 1;
      airborne_fraction_ = s.airborne_fraction >= 0 ? s.airborne_fraction : 1.0;
    }
  } else {
    require_positive("source.rate_g_s", s.fixed_rate_g_s, "g/s");
    require_positive("source.duration_min", s.fixed_duration_s, "s");
    airborne_fraction_ = 1;
  }
  require_in_range("source.airborne_fraction", airborne_fraction_, 0, 1);
  require_non_negative("source.release_height_m", s.release_height_m, "m");
  puffs_ = std::make_unique<PuffTrain>(config_.sigmas, s.initial_sigma_m);
  triggered_ = config_.trigger_facility.empty();
  release_start_s_ = triggered_ ? s.start_s : std::numeric_limits<double>::infinity();

  std::set<std::string> seen;
  for (const ZoneReceptor& z : config_.zones) {
    if (!seen.insert(z.id).second) throw std::invalid_argument("zones: duplicate zone " + z.id);
    require_positive("zones[" + z.id + "].radius_m", z.radius_m, "m");
    require_in_range("zones[" + z.id + "].indoor_fraction", z.indoor_fraction, 0, 1);
    require_non_negative("zones[" + z.id + "].air_changes_per_h", z.air_changes_per_h, "1/h");
    require_non_negative("zones[" + z.id + "].shelter_air_changes_per_h", z.shelter_air_changes_per_h, "1/h");
    ZoneHarm h;
    h.id = z.id;
    harm_.push_back(h);
    ZoneState st;
    st.samples = zone_samples(z, frame_);
    st.bounds = bounds(st.samples);
    st.ppm_now.assign(st.samples.size(), 0.0);
    st.building.assign(st.samples.size(), Breathing{});
    zone_state_.push_back(std::move(st));
  }
  for (const RoadReceptor& r : config_.roads) {
    road_samples_.push_back(segment_samples(frame_.to_xy(r.a), frame_.to_xy(r.b), 100.0));
    road_bounds_.push_back(bounds(road_samples_.back()));
    road_exempt_.push_back(!s.node.empty() && (r.a_node == s.node || r.b_node == s.node));
    road_closed_.push_back(false);
  }
  for (const SensorConfig& sn : config_.sensors) {
    require_positive("sensors[" + sn.id + "].every_min", sn.every_s, "s");
    sensor_next_s_.push_back(0);
  }
}

double ChemicalModel::threshold_ppm(ToxicLevel level) const {
  return chemical::threshold_ppm(*chem_, level, config_.threshold_duration_min);
}

double ChemicalModel::injury_load() const {
  return std::pow(threshold_ppm(ToxicLevel::kAegl2), chem_->lethality.n) * config_.threshold_duration_min;
}

double ChemicalModel::probability_dead(double load) const {
  return load > 0 ? probit_to_probability(probit_value(chem_->lethality, load)) : 0.0;
}

double ChemicalModel::probability_injured(double load) const {
  return load >= injury_load() ? std::max(0.0, 1.0 - probability_dead(load)) : 0.0;
}

WeatherNow ChemicalModel::weather_at(double t_s) const {
  WeatherNow out;
  const WeatherPoint* w = &config_.weather.front();
  for (const WeatherPoint& p : config_.weather)
    if (p.at_s <= t_s) w = &p;
  out.air_temp_k = w->air_temp_k;
  out.wind.speed_m_s = w->wind_m_s;
  out.wind.from_deg = w->from_deg;
  if (config_.start_unix_s)
    out.sun_elevation_deg = sun_elevation_deg(*config_.start_unix_s + t_s, config_.source.position.lat,
                                              config_.source.position.lon);
  out.insolation = insolation(out.sun_elevation_deg, w->cloud_oktas, w->cloud_base);
  if (w->stability) {
    out.wind.stability = *w->stability;
    out.stability_given = true;
  } else {
    out.wind.stability = pasquill_class(w->wind_m_s, out.insolation);
  }
  if (wind_override_ && t_s >= wind_override_from_s_) out.wind = *wind_override_;
  return out;
}

double ChemicalModel::release_height_m(const Wind& w, double air_temp_k) const {
  const SourceConfig& s = config_.source;
  if (!s.stack) return s.release_height_m;
  const PlumeRise r =
      briggs_plume_rise(s.stack->exit_velocity_m_s, s.stack->diameter_m,
                        std::max(s.stack->temperature_k, air_temp_k), air_temp_k, w.speed_m_s, w.stability);
  return s.release_height_m + r.rise_m;
}

double ChemicalModel::ppm_at(const SlugField& field, Xy p) const {
  return std::min(kPureGasPpm, g_m3_to_ppm(field.concentration_g_m3(p.x_m, p.y_m, config_.receptor_height_m),
                                           chem_->molar_mass_g_mol));
}

void ChemicalModel::start(const HazardView& view, EffectSink& sink) {
  view_ = &view;
  const SourceConfig& s = config_.source;
  const WeatherNow w = weather_at(0);
  nlohmann::json j = {{"chemical", chem_->key},
                      {"source", s.id},
                      {"lat", s.position.lat},
                      {"lon", s.position.lon},
                      {"start_s", s.start_s},
                      {"trigger_facility", config_.trigger_facility},
                      {"airborne_fraction", round_to(airborne_fraction_, 1e-4)},
                      {"flash_fraction", round_to(flash_fraction_, 1e-4)},
                      {"sigmas", to_string(config_.sigmas)},
                      {"threshold_duration_min", config_.threshold_duration_min},
                      {"aegl1_ppm", threshold_ppm(ToxicLevel::kAegl1)},
                      {"aegl2_ppm", threshold_ppm(ToxicLevel::kAegl2)},
                      {"aegl3_ppm", threshold_ppm(ToxicLevel::kAegl3)},
                      {"dense_gas_not_modelled", chem_->dense_gas},
                      {"decon", config_.responders.decon_id}};
  if (tank_) {
    j["inventory_kg"] = round_to(tank_->mass_kg(), 0.1);
    j["initial_rate_kg_s"] = round_to(tank_->rate_kg_s(), 1e-4);
    j["tank_gauge_pressure_kpa"] = round_to(tank_->gauge_pressure_pa() / 1000, 0.01);
  } else {
    j["rate_g_s"] = s.fixed_rate_g_s;
    j["duration_s"] = s.fixed_duration_s;
  }
  j["wind_m_s"] = w.wind.speed_m_s;
  j["wind_from_deg"] = w.wind.from_deg;
  j["stability"] = to_string(w.wind.stability);
  sink.emit("chemical_release.configured", {config_.id, s.id}, j);
  next_report_s_ = 0;
  for (const ZoneAtRisk& z : zones_at_risk())
    announced_.insert(z.zone);
  for (size_t zi = 0; zi < zone_state_.size(); ++zi)
    sync_people(zi);
}

const std::vector<Cohort>& ChemicalModel::cohorts(const std::string& zone) const {
  static const std::vector<Cohort> none;
  for (size_t i = 0; i < harm_.size(); ++i)
    if (harm_[i].id == zone) return zone_state_[i].cohorts;
  return none;
}

void ChemicalModel::depart(ZoneState& st, Cohort& c, double people) {
  if (people <= 0) return;
  const double n = chem_->lethality.n;
  const double per = people / double(st.samples.size());
  for (size_t p = 0; p < st.samples.size(); ++p) {
    Breathing b = c.points[p];
    // Leaving through the zone's air: outdoors (or in a vehicle, taken as outdoors) for the transit.
    breathe_outdoor(b, st.ppm_now[p], n, config_.evacuation_transit_s);
    st.departed_fatalities += per * probability_dead(b.load);
    st.departed_injuries += per * probability_injured(b.load);
  }
  c.people -= people;
}

void ChemicalModel::sync_people(size_t zi) {
  if (!view_) return;
  ZoneState& st = zone_state_[zi];
  ZoneHarm& h = harm_[zi];
  const ZoneReceptor& zc = config_.zones[zi];
  const double present = std::max(0.0, view_->people_present(zc.id));
  const double shelter = std::clamp(view_->people_sheltering(zc.id), 0.0, present);
  auto& cs = st.cohorts;
  const size_t np = st.samples.size();

  // 1. People told to shelter go indoors and shut their windows, taking their loads with them. Those
  // who were outdoors enter buildings whose air is that of the ordinary buildings there.
  const double s0 = sum_people(cs, true), n0 = sum_people(cs, false);
  if (shelter > s0 + kTiny && n0 > kTiny) {
    const double share = std::min(1.0, (shelter - s0) / n0);
    const size_t count = cs.size();
    for (size_t k = 0; k < count; ++k) {
      if (cs[k].where == Exposure::kShelter || cs[k].people <= 0) continue;
      Cohort moved;
      moved.where = Exposure::kShelter;
      moved.people = cs[k].people * share;
      moved.points = cs[k].points;
      if (cs[k].where == Exposure::kOutdoor)
        for (size_t p = 0; p < np; ++p)
          moved.points[p].c_in_ppm = st.building[p].c_in_ppm;
      cs[k].people -= moved.people;
      cs.push_back(std::move(moved));
    }
  }
  // People already sheltering when they first count (the account's first look): indoors, windows shut.
  if (const double s_now = sum_people(cs, true); shelter > s_now + kTiny) {
    Cohort c;
    c.where = Exposure::kShelter;
    c.people = shelter - s_now;
    c.points.assign(np, Breathing{});
    for (size_t p = 0; p < np; ++p)
      c.points[p].c_in_ppm = st.building[p].c_in_ppm;
    cs.push_back(std::move(c));
  }
  // 2. People leaving: sheltering people first from the sheltering groups, the rest from the others.
  auto leave = [&](bool from_shelter, double count) {
    const double total = sum_people(cs, from_shelter);
    if (count <= kTiny || total <= kTiny) return;
    const double share = std::min(1.0, count / total);
    for (Cohort& c : cs)
      if ((c.where == Exposure::kShelter) == from_shelter) depart(st, c, c.people * share);
  };
  const double s1 = sum_people(cs, true);
  if (s1 > shelter + kTiny) leave(true, s1 - shelter);
  const double n1 = sum_people(cs, false);
  const double others = present - shelter;
  if (n1 > others + kTiny) leave(false, n1 - others);
  // 3. People arriving (the account's people at the start): indoors or outdoors as the zone's
  // indoor fraction says, with clean lungs.
  if (others > n1 + kTiny) {
    const double add = others - n1;
    for (Exposure e : {Exposure::kIndoor, Exposure::kOutdoor}) {
      const double share = e == Exposure::kIndoor ? zc.indoor_fraction : 1 - zc.indoor_fraction;
      if (share <= 0) continue;
      Cohort c;
      c.where = e;
      c.people = add * share;
      c.points.assign(np, Breathing{});
      if (e == Exposure::kIndoor)
        for (size_t p = 0; p < np; ++p)
          c.points[p].c_in_ppm = st.building[p].c_in_ppm;
      cs.push_back(std::move(c));
    }
  }
  cs.erase(std::remove_if(cs.begin(), cs.end(), [](const Cohort& c) { return c.people <= 1e-6; }), cs.end());
  h.evacuated += std::max(0.0, h.present - present);
  h.present = present;
  h.sheltering = shelter;
}

void ChemicalModel::stop_release(const std::string& reason, double t_s, EffectSink& sink) {
  if (stopped_) return;
  stopped_ = true;
  const bool was = releasing_;
  releasing_ = false;
  rate_airborne_g_s_ = 0;
  if (was || reason != "empty")
    sink.emit("chemical_release.release_stopped", {config_.id, config_.source.id},
              {{"t_s", t_s},
               {"reason", reason},
               {"released_kg", round_to(released_kg_, 0.1)},
               {"airborne_kg", round_to(released_kg_ * airborne_fraction_, 0.1)}});
  sink.observe({"release_rate_g_s", config_.source.id, 0.0, ""});
}

void ChemicalModel::advance(double t_s, double dt_s, EffectSink& sink) {
  require_positive("dt_s", dt_s, "s");
  const SourceConfig& s = config_.source;
  // Cascade: the trigger facility lost to another hazard (seen at the end of this step) starts the
  // release source.start_s later.
  if (!triggered_ && view_ && view_->facility_lost(config_.trigger_facility)) {
    triggered_ = true;
    release_start_s_ = t_s + dt_s + s.start_s;
    sink.emit(
        "chemical_release.triggered", {config_.id, config_.trigger_facility},
        {{"t_s", t_s + dt_s}, {"facility", config_.trigger_facility}, {"release_at_s", release_start_s_}});
  }
  for (size_t zi = 0; zi < zone_state_.size(); ++zi)
    sync_people(zi);

  const double h_sub = std::min(config_.substep_s, dt_s);
  const int n_sub = std::max(1, int(std::ceil(dt_s / h_sub - 1e-9)));
  const double h = dt_s / n_sub;
  const double n = chem_->lethality.n;
  for (int k = 0; k < n_sub; ++k) {
    const double t0 = t_s + k * h, t1 = t0 + h;
    const WeatherNow w = weather_at(t0);
    if (w.wind.stability != last_stability_ || w.wind.from_deg != last_from_deg_ ||
        w.wind.speed_m_s != last_wind_m_s_) {
      sink.emit("chemical_release.weather", {config_.id},
                {{"t_s", t0},
                 {"wind_m_s", w.wind.speed_m_s},
                 {"wind_from_deg", w.wind.from_deg},
                 {"stability", to_string(w.wind.stability)},
                 {"stability_from", w.stability_given ? "given" : "pasquill_table"},
                 {"insolation", to_string(w.insolation)},
                 {"sun_elevation_deg", round_to(w.sun_elevation_deg, 0.1)}});
      last_stability_ = w.wind.stability, last_from_deg_ = w.wind.from_deg, last_wind_m_s_ = w.wind.speed_m_s;
    }
    // Source: mass released in [t0, t1].
    double mass_kg = 0;
    if (!stopped_ && t1 > release_start_s_) {
      const double from = std::max(t0, release_start_s_);
      if (tank_) {
        mass_kg = tank_->advance(t1 - from);
      } else {
        const double until = release_start_s_ + s.fixed_duration_s;
        mass_kg = s.fixed_rate_g_s / 1000.0 * std::max(0.0, std::min(t1, until) - from);
      }
      if (mass_kg > 0 && !releasing_) {
        releasing_ = true;
        const double rate = tank_ ? tank_->rate_kg_s() * 1000 * airborne_fraction_ : s.fixed_rate_g_s;
        sink.emit("chemical_release.release_started", {config_.id, s.id},
                  {{"t_s", from},
                   {"chemical", chem_->key},
                   {"airborne_rate_g_s", round_to(rate, 0.01)},
                   {"airborne_fraction", round_to(airborne_fraction_, 1e-4)}});
        sink.observe({"release_rate_g_s", s.id, round_to(rate, 0.1), ""});
      }
      released_kg_ += mass_kg;
      rate_airborne_g_s_ = mass_kg * 1000 * airborne_fraction_ / h;
      const bool ended = tank_ ? tank_->rate_kg_s() <= 0 : t1 >= release_start_s_ + s.fixed_duration_s;
      if (ended && releasing_) stop_release(tank_ ? "empty" : "duration_elapsed", t1, sink);
    }
    puffs_->step(h, mass_kg * 1000 * airborne_fraction_, release_height_m(w.wind, w.air_temp_k), w.wind);
    puffs_->prune(config_.max_travel_m);
    // Every group of people breathes its air over this sub-step, at every sample point of its zone.
    const SlugField field(puffs_->slugs());
    for (size_t zi = 0; zi < zone_state_.size(); ++zi) {
      ZoneState& st = zone_state_[zi];
      const ZoneReceptor& zc = config_.zones[zi];
      const bool gas = touches(field, st.bounds);
      for (size_t p = 0; p < st.samples.size(); ++p) {
        const double c = gas ? ppm_at(field, st.samples[p]) : 0.0;
        st.ppm_now[p] = c;
        breathe_indoor(st.building[p], c, zc.air_changes_per_h, n, h);
        for (Cohort& co : st.cohorts) {
          Breathing& b = co.points[p];
          if (co.where == Exposure::kOutdoor)
            breathe_outdoor(b, c, n, h);
          else
            breathe_indoor(
                b, c, co.where == Exposure::kShelter ? zc.shelter_air_changes_per_h : zc.air_changes_per_h, n,
                h);
        }
      }
    }
  }
  now_s_ = t_s + dt_s;
  const SlugField field(puffs_->slugs());

  // Zones: people in the threat zones now, people breathing air above them, casualties so far.
  const double a1 = threshold_ppm(ToxicLevel::kAegl1), a2 = threshold_ppm(ToxicLevel::kAegl2),
               a3 = threshold_ppm(ToxicLevel::kAegl3);
  const double reach = threshold_ppm(config_.reach_level);
  for (size_t zi = 0; zi < harm_.size(); ++zi) {
    ZoneHarm& z = harm_[zi];
    ZoneState& st = zone_state_[zi];
    const double np = double(st.samples.size());
    double out = 0, in = 0, in1 = 0, in2 = 0, in3 = 0, peak = 0;
    for (size_t p = 0; p < st.samples.size(); ++p) {
      const double c = st.ppm_now[p];
      out += c, in += st.building[p].c_in_ppm, peak = std::max(peak, c);
      in1 += c >= a1, in2 += c >= a2, in3 += c >= a3;
    }
    double dead = st.departed_fatalities, hurt = st.departed_injuries, b2 = 0, b3 = 0;
    for (const Cohort& co : st.cohorts) {
      const double per = co.people / np;
      for (size_t p = 0; p < st.samples.size(); ++p) {
        const double load = co.points[p].load;
        dead += per * probability_dead(load);
        hurt += per * probability_injured(load);
        const double air = co.where == Exposure::kOutdoor ? st.ppm_now[p] : co.points[p].c_in_ppm;
        b2 += air >= a2 ? per : 0, b3 += air >= a3 ? per : 0;
      }
    }
    z.outdoor_ppm = out / np, z.indoor_ppm = in / np;
    z.people_aegl1 = z.present * in1 / np, z.people_aegl2 = z.present * in2 / np;
    z.people_aegl3 = z.present * in3 / np;
    z.breathing_aegl2 = b2, z.breathing_aegl3 = b3;
    st.max_breathing2 = std::max(st.max_breathing2, b2), st.max_breathing3 = std::max(st.max_breathing3, b3);
    z.expected_fatalities = std::max(z.expected_fatalities, dead);
    z.expected_injuries = std::max(0.0, hurt);
    // What the posts hear: people inside the AEGL-2/3 footprints (a threat-zone estimate), when it
    // changes by a person and by a tenth.
    auto tell = [&](const char* q, double v, double& last) {
      const double r = std::round(v);
      if (last < 0 ? r > 0 : std::fabs(r - last) >= std::max(1.0, 0.1 * last)) {
        sink.observe({q, z.id, r, ""});
        last = r;
      }
    };
    tell("people_aegl2", z.people_aegl2, st.observed2);
    tell("people_aegl3", z.people_aegl3, st.observed3);
    // The forecast follows the gas: a zone whose outdoor air passes AEGL-1 (the plume is there and
    // growing) is named at risk, as a re-run of the threat-zone estimate with today's wind would.
    if (in1 > 0 && announced_.insert(z.id).second)
      sink.observe({"zone_at_risk", z.id, config_.zones[zi].people, ""});
    if (!z.reached && peak >= reach) {
      z.reached = true;
      sink.reached(z.id, "chemical_release " + to_string(config_.reach_level));
      sink.emit("chemical_release.zone_reached", {config_.id, z.id},
                {{"t_s", now_s_},
                 {"level", to_string(config_.reach_level)},
                 {"peak_ppm", round_to(peak, 0.01)},
                 {"present", round_to(z.present, 0.1)},
                 {"sheltering", round_to(z.sheltering, 0.1)}});
    }
  }

  // Roads: closed while any point along them is above the closure level (the road into the source
  // stays open: the response goes in on it, under the cordon's control).
  const double close_ppm = threshold_ppm(config_.closure_level);
  for (size_t ri = 0; ri < road_samples_.size(); ++ri) {
    if (road_exempt_[ri]) continue;
    double peak = 0;
    if (touches(field, road_bounds_[ri]))
      for (const Xy& p : road_samples_[ri])
        peak = std::max(peak, ppm_at(field, p));
    const bool above = peak >= close_ppm;
    if (above != road_closed_[ri]) {
      road_closed_[ri] = above;
      sink.close_road(config_.roads[ri].id, above,
                      above
                          ? "chemical " + to_string(config_.closure_level) + " exceeded (" + chem_->key + ")"
                          : "chemical below " + to_string(config_.closure_level));
    }
  }

  // Gas detectors.
  for (size_t i = 0; i < config_.sensors.size(); ++i) {
    const SensorConfig& sn = config_.sensors[i];
    if (now_s_ + 1e-9 < sensor_next_s_[i]) continue;
    sensor_next_s_[i] = now_s_ + sn.every_s;
    const double c = field.size() > 0 ? ppm_at(field, frame_.to_xy(sn.position)) : 0.0;
    sink.observe({"concentration_ppm", sn.id, round_to(c, 0.01), sn.reporter});
  }

  if (now_s_ + 1e-9 >= next_report_s_) {
    next_report_s_ = now_s_ + config_.report_every_s;
    report(now_s_, sink, field);
  }
}

void ChemicalModel::report(double t_s, EffectSink& sink, const SlugField& field) {
  const ReceptorGrid& g = config_.grid;
  std::vector<double> ppm(size_t(g.cells) * size_t(g.cells), 0.0);
  for (int j = 0; j < g.cells; ++j) {
    const double y = g.point(0, j).y_m;
    if (!touches(field, {-g.half_size_m, g.half_size_m, y, y})) continue; // a row no slug reaches
    for (int i = 0; i < g.cells; ++i)
      ppm[size_t(j) * size_t(g.cells) + size_t(i)] = ppm_at(field, g.point(i, j));
  }
  const WeatherNow w = weather_at(t_s);
  const double toward = std::fmod(w.wind.from_deg + 180.0, 360.0);
  nlohmann::json levels = nlohmann::json::array();
  for (ToxicLevel lv : {ToxicLevel::kAegl1, ToxicLevel::kAegl2, ToxicLevel::kAegl3}) {
    const double thr = threshold_ppm(lv);
    const Footprint f = grid_footprint(g, ppm, thr, toward);
    levels.push_back({{"level", to_string(lv)},
                      {"threshold_ppm", thr},
                      {"distance_m", round_to(f.distance_m, 1)},
                      {"max_width_m", round_to(f.max_width_m, 1)},
                      {"area_km2", round_to(f.area_km2, 1e-4)},
                      {"hull", hull_json(f.hull, frame_)},
                      {"runs", runs_json(g, ppm, thr)}});
  }
  if (releasing_)
    sink.observe({"release_rate_g_s", config_.source.id, round_to(rate_airborne_g_s_, 0.1), ""});
  sink.emit("chemical_release.threat_zone", {config_.id},
            {{"t_s", t_s},
             {"airborne_rate_g_s", round_to(rate_airborne_g_s_, 0.01)},
             {"released_kg", round_to(released_kg_, 0.1)},
             {"wind_from_deg", w.wind.from_deg},
             {"wind_m_s", w.wind.speed_m_s},
             {"stability", to_string(w.wind.stability)},
             {"grid",
              {{"lat0", config_.source.position.lat},
               {"lon0", config_.source.position.lon},
               {"half_size_m", g.half_size_m},
               {"cells", g.cells},
               {"spacing_m", g.spacing_m()}}},
             {"levels", levels}});

  const std::string units = "ppm^" + show(chem_->lethality.n) + "·min";
  const Probit& pr = chem_->lethality;
  const std::string method = "probit Y = " + show(pr.a) + " + " + show(pr.b) + " ln(ΣC^" + show(pr.n) +
                             "·t) (" + pr.source + "); injuries: load above the AEGL-2 " +
                             show(config_.threshold_duration_min) +
                             "-min load; indoor air by one-box air exchange (docs/models/chemical.md §4)";
  double casualties = 0;
  for (size_t zi = 0; zi < harm_.size(); ++zi) {
    ZoneHarm& z = harm_[zi];
    ZoneState& st = zone_state_[zi];
    double load = 0;
    for (const Cohort& co : st.cohorts)
      if (co.where == Exposure::kOutdoor)
        for (const Breathing& b : co.points)
          load = std::max(load, b.load);
    z.outdoor_load = load;
    casualties += z.expected_injuries;
    // Zones with gas in or around them, or whose casualty estimate moved since the last report.
    const bool any = z.outdoor_ppm >= 0.01 || z.indoor_ppm >= 0.01 || st.max_breathing2 > 0 ||
                     std::fabs(z.expected_fatalities - st.emitted_f) >= 0.005 ||
                     std::fabs(z.expected_injuries - st.emitted_i) >= 0.005;
    if (any) {
      st.emitted_f = z.expected_fatalities, st.emitted_i = z.expected_injuries;
      sink.emit("chemical_release.zone_exposure", {config_.id, z.id},
                {{"t_s", t_s},
                 {"outdoor_ppm", round_to(z.outdoor_ppm, 1e-3)},
                 {"indoor_ppm", round_to(z.indoor_ppm, 1e-3)},
                 {"toxic_load_outdoor", round_to(load, 1e-3)},
                 {"toxic_load_units", units},
                 {"present", round_to(z.present, 0.1)},
                 {"sheltering", round_to(z.sheltering, 0.1)},
                 {"evacuated", round_to(z.evacuated, 0.1)},
                 {"people_aegl2", std::round(z.people_aegl2)},
                 {"people_aegl3", std::round(z.people_aegl3)},
                 {"breathing_aegl2", std::round(st.max_breathing2)},
                 {"breathing_aegl3", std::round(st.max_breathing3)},
                 {"expected_fatalities", round_to(z.expected_fatalities, 0.01)},
                 {"expected_injuries", round_to(z.expected_injuries, 0.01)}});
    }
    st.max_breathing2 = z.breathing_aegl2, st.max_breathing3 = z.breathing_aegl3;
    // Harm to the population account when it changed.
    const double exposed = z.people_aegl1;
    if (std::fabs(z.expected_fatalities - st.published_f) >= 0.005 ||
        std::fabs(z.expected_injuries - st.published_i) >= 0.005 ||
        (st.published_exposed >= 0 && std::fabs(exposed - st.published_exposed) >= 1.0)) {
      if (st.published_f < 0 && z.expected_fatalities < 0.005 && z.expected_injuries < 0.005 && exposed < 1.0)
        continue;
      st.published_f = z.expected_fatalities, st.published_i = z.expected_injuries;
      st.published_exposed = exposed;
      sink.harm(Harm{z.id, std::round(exposed), z.expected_fatalities, z.expected_injuries,
                     "toxic_load_" + units, round_to(load, 1e-3), method});
    }
  }
  // Casualties (whole people) go to the decontamination point, or straight to the ambulances.
  const double whole = std::floor(casualties + 1e-9);
  if (whole > casualties_queued_) {
    if (config_.responders.casualties_need_decon)
      decon_queue_casualties_ += whole - casualties_queued_;
    else
      patients_ready_ += int(whole - casualties_queued_);
    casualties_queued_ = whole;
  }
  const double waiting = patients_waiting();
  if (waiting != observed_waiting_) {
    sink.observe({"patients_waiting", config_.responders.decon_id, waiting, ""});
    observed_waiting_ = waiting;
  }
}

bool ChemicalModel::accepts_work(const std::string& task, const std::string& target) const {
  const std::string& node = config_.source.node;
  const bool leak = target == config_.id || target == config_.source.id ||
                    (target == "incident" && !node.empty() && node == config_.incident_node);
  if (task == "plug_leak") return leak;
  if (task == "decontaminate" || task == "transport_patients") return target == config_.responders.decon_id;
  return false;
}

void ChemicalModel::expose(const std::string& unit, const std::string& task, const std::string& target,
                           double personnel, double dt_s, double protection, EffectSink& sink) {
  // Where the unit stands: the target's site (its road node), else the source.
  LatLon at = config_.source.position;
  const std::string site = site_of(target == "incident" ? config_.id : target);
  if (view_)
    if (const RoadNode* nd = view_->world().node(site)) at = nd->pos;
  const double c = concentration_ppm_at(at);
  const double inhaled = c / protection;
  ResponderDose& d = responders_[unit];
  d.personnel = std::max(d.personnel, personnel);
  Breathing b{d.load, 0};
  breathe_outdoor(b, inhaled, chem_->lethality.n, dt_s);
  d.load = b.load;
  d.peak_inhaled_ppm = std::max(d.peak_inhaled_ppm, inhaled);
  sink.emit("chemical_release.responder_exposure", {unit, config_.id},
            {{"t_s", now_s_},
             {"task", task},
             {"site", site},
             {"site_ppm", round_to(c, 0.01)},
             {"protection_factor", protection},
             {"inhaled_ppm", round_to(inhaled, 1e-4)},
             {"minutes", round_to(dt_s / 60.0, 0.01)},
             {"toxic_load", round_to(d.load, 1e-3)},
             {"injury_load", round_to(injury_load(), 1e-3)},
             {"personnel", personnel},
             {"above_aegl2", d.load >= injury_load()}});
}

bool ChemicalModel::work(const Work& w, EffectSink& sink) {
  if (!accepts_work(w.task, w.target)) return false;
  if (!(w.dt_s >= 0) || !(w.personnel >= 0)) return false;
  const ResponderConfig& rc = config_.responders;
  const double now = view_ ? view_->now_s() : now_s_;
  if (w.task == "plug_leak") {
    // Nothing to plug yet (a cascade's release has not started) or any more: the crews stand by
    // outside the hot zone.
    if (!releasing_) return true;
    ResponderDose& d = responders_[w.unit];
    if (d.rest_until_s > now + kTiny) return true; // out of the hot zone: new air, decon
    const double team = std::min(w.personnel, rc.entry_team);
    const double dt = std::min(w.dt_s, rc.ppe_air_s - d.entry_s);
    d.entry_s += dt;
    expose(w.unit, w.task, w.target, team, dt, rc.protection_factor, sink);
    if (team > 0) {
      plug_work_person_h_ += team * dt / 3600.0;
      if (plug_work_person_h_ + 1e-12 >= config_.plug_leak_person_h) {
        if (tank_) tank_->scale_hole(0.0);
        stop_release("plugged", now, sink);
      }
    }
    if (d.entry_s >= rc.ppe_air_s - kTiny) {
      d.entry_s = 0;
      d.rest_until_s = now + rc.ppe_turnaround_s;
      decon_queue_responders_ += team;
      sink.emit("chemical_release.ppe_withdrawn", {w.unit, config_.id},
                {{"t_s", now},
                 {"entry_team", team},
                 {"air_min", rc.ppe_air_s / 60.0},
                 {"back_at_s", d.rest_until_s},
                 {"plug_work_person_h", round_to(plug_work_person_h_, 1e-3)}});
    }
    return true;
  }
  if (w.task == "decontaminate") {
    expose(w.unit, w.task, w.target, w.personnel, w.dt_s, rc.protection_factor, sink);
    double capacity = w.personnel * rc.decon_people_per_person_h * w.dt_s / 3600.0;
    const double responders = std::min(capacity, decon_queue_responders_);
    decon_queue_responders_ -= responders, capacity -= responders;
    const double casualties = std::min(capacity, decon_queue_casualties_);
    decon_queue_casualties_ -= casualties;
    decontaminated_ += responders + casualties;
    const int before = patients_ready_;
    casualty_decon_done_ += casualties;
    if (rc.casualties_need_decon) patients_ready_ = int(std::floor(casualty_decon_done_ + 1e-9));
    if (responders + casualties > 0)
      sink.emit("chemical_release.decontaminated", {w.target, w.unit},
                {{"t_s", now},
                 {"responders", round_to(responders, 0.01)},
                 {"casualties", round_to(casualties, 0.01)},
                 {"waiting_responders", round_to(decon_queue_responders_, 0.01)},
                 {"waiting_casualties", round_to(decon_queue_casualties_, 0.01)},
                 {"total", round_to(decontaminated_, 0.01)}});
    if (patients_ready_ != before) {
      sink.observe({"patients_waiting", rc.decon_id, double(patients_waiting()), ""});
      observed_waiting_ = patients_waiting();
    }
    return true;
  }
  // transport_patients at the decontamination point.
  expose(w.unit, w.task, w.target, w.personnel, w.dt_s, 1.0, sink);
  const int n = std::min(patients_waiting(), w.patient_places);
  if (n > 0) {
    patients_handed_ += n;
    sink.hand_over_patients(w.unit, n, "toxic inhalation injury (" + chem_->key + ")");
    sink.observe({"patients_waiting", rc.decon_id, double(patients_waiting()), ""});
    observed_waiting_ = patients_waiting();
  }
  return true;
}

bool ChemicalModel::inject(const nlohmann::json& what, double t_s, EffectSink& sink) {
  if (!what.is_object()) return false;
  const std::string w = what.value("what", "");
  if (w == "stop_release") {
    if (tank_) tank_->scale_hole(0.0);
    stop_release("stopped_by_inject", t_s, sink);
    return true;
  }
  if (w == "wind") {
    Wind nw = weather_at(t_s).wind;
    nw.speed_m_s = what.value("wind_m_s", nw.speed_m_s);
    nw.from_deg = what.value("from_deg", nw.from_deg);
    try {
      if (what.contains("stability")) nw.stability = parse_stability(what.value("stability", "D"));
      require_in_range("wind_m_s", nw.speed_m_s, 1.0, 30.0, "m/s");
    } catch (const std::invalid_argument&) {
      return false;
    }
    wind_override_ = nw;
    wind_override_from_s_ = t_s;
    return true;
  }
  return false;
}

std::vector<std::string> ChemicalModel::targets() const {
  std::vector<std::string> out = {config_.id};
  if (config_.source.id != config_.id) out.push_back(config_.source.id);
  out.push_back(config_.responders.decon_id);
  return out;
}

std::string ChemicalModel::site_of(const std::string& target) const {
  if (target == config_.id || target == config_.source.id) return config_.source.node;
  if (target == config_.responders.decon_id)
    return config_.responders.decon_node.empty() ? config_.source.node : config_.responders.decon_node;
  return "";
}

std::vector<ZoneAtRisk> ChemicalModel::zones_at_risk() const {
  // Forecast: the steady AEGL-2 zone of each weather entry at the initial rate, as a sector of ±(half
  // width) around the downwind axis, plus every zone within its width of the source.
  const double q = tank_ ? tank_->rate_kg_s() * 1000 * airborne_fraction_ : config_.source.fixed_rate_g_s;
  std::vector<std::pair<double, size_t>> hits;
  if (q <= 0) return {};
  for (const WeatherPoint& wp : config_.weather) {
    const WeatherNow w = weather_at(wp.at_s);
    const ThreatZone tz = steady_threat_zone(*chem_, q, w.wind.speed_m_s, w.wind.stability, config_.sigmas,
                                             config_.source.release_height_m, ToxicLevel::kAegl2,
                                             config_.threshold_duration_min, 60000);
    const double to = (w.wind.from_deg + 180) * M_PI / 180;
    for (size_t i = 0; i < config_.zones.size(); ++i) {
      const Xy c = frame_.to_xy(config_.zones[i].centre);
      const double along = c.x_m * std::sin(to) + c.y_m * std::cos(to);
      const double across = std::abs(-c.x_m * std::cos(to) + c.y_m * std::sin(to));
      const double r = config_.zones[i].radius_m;
      if (along > -r && along - r <= tz.distance_m && across - r <= std::max(tz.max_width_m / 2, 0.0))
        hits.emplace_back(std::hypot(c.x_m, c.y_m), i);
    }
  }
  std::sort(hits.begin(), hits.end());
  std::vector<ZoneAtRisk> out;
  std::set<size_t> seen;
  for (const auto& [d, i] : hits)
    if (seen.insert(i).second) out.push_back({config_.zones[i].id, config_.zones[i].people});
  return out;
}

double ChemicalModel::concentration_ppm_at(LatLon p) const {
  const Xy q = frame_.to_xy(p);
  return std::min(kPureGasPpm,
                  g_m3_to_ppm(puffs_->concentration_g_m3(q.x_m, q.y_m, config_.receptor_height_m),
                              chem_->molar_mass_g_mol));
}

} // namespace hg::chemical
