/// @file
/// @brief ChemicalModel: release, transport, threat zones, doses, casualties, closures, sensors.
#include "sim/hazards/chemical/ChemicalModel.hpp"

#include "sim/hazards/chemical/Checks.hpp"
#include "sim/hazards/chemical/PlumeRise.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

namespace hg::chemical {

namespace {

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

  std::set<std::string> seen;
  for (const ZoneReceptor& z : config_.zones) {
    if (!seen.insert(z.id).second) throw std::invalid_argument("zones: duplicate zone " + z.id);
    require_positive("zones[" + z.id + "].radius_m", z.radius_m, "m");
    require_in_range("zones[" + z.id + "].indoor_fraction", z.indoor_fraction, 0, 1);
    require_non_negative("zones[" + z.id + "].air_changes_per_h", z.air_changes_per_h, "1/h");
    ZoneHarm h;
    h.id = z.id;
    h.people = z.people;
    harm_.push_back(h);
    ZoneState st;
    st.samples = zone_samples(z, frame_);
    for (size_t i = 0; i < st.samples.size(); ++i)
      st.doses.emplace_back(chem_->lethality.n, z.air_changes_per_h);
    st.ppm_now.assign(st.samples.size(), 0.0);
    zone_state_.push_back(std::move(st));
  }
  for (const RoadReceptor& r : config_.roads) {
    road_samples_.push_back(segment_samples(frame_.to_xy(r.a), frame_.to_xy(r.b), 100.0));
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

void ChemicalModel::start(HazardSink& sink) {
  const SourceConfig& s = config_.source;
  const WeatherNow w = weather_at(0);
  nlohmann::json j = {{"chemical", chem_->key},
                      {"source", s.id},
                      {"lat", s.position.lat},
                      {"lon", s.position.lon},
                      {"start_s", s.start_s},
                      {"airborne_fraction", round_to(airborne_fraction_, 1e-4)},
                      {"flash_fraction", round_to(flash_fraction_, 1e-4)},
                      {"sigmas", to_string(config_.sigmas)},
                      {"threshold_duration_min", config_.threshold_duration_min},
                      {"aegl1_ppm", threshold_ppm(ToxicLevel::kAegl1)},
                      {"aegl2_ppm", threshold_ppm(ToxicLevel::kAegl2)},
                      {"aegl3_ppm", threshold_ppm(ToxicLevel::kAegl3)},
                      {"dense_gas_not_modelled", chem_->dense_gas}};
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
  sink.emit("chemical.configured", {config_.id, s.id}, j);
  next_report_s_ = 0;
}

void ChemicalModel::stop_release(const std::string& reason, double t_s, HazardSink& sink) {
  if (stopped_) return;
  stopped_ = true;
  const bool was = releasing_;
  releasing_ = false;
  rate_airborne_g_s_ = 0;
  if (was || reason != "empty")
    sink.emit("chemical.release_stopped", {config_.id, config_.source.id},
              {{"t_s", t_s},
               {"reason", reason},
               {"released_kg", round_to(released_kg_, 0.1)},
               {"airborne_kg", round_to(released_kg_ * airborne_fraction_, 0.1)}});
  sink.observe({"release_rate_g_s", config_.source.id, 0.0, ""});
}

void ChemicalModel::advance(double t_s, double dt_s, HazardSink& sink) {
  require_positive("dt_s", dt_s, "s");
  const SourceConfig& s = config_.source;
  const double h_sub = std::min(config_.substep_s, dt_s);
  const int n_sub = std::max(1, int(std::ceil(dt_s / h_sub - 1e-9)));
  const double h = dt_s / n_sub;
  for (int k = 0; k < n_sub; ++k) {
    const double t0 = t_s + k * h, t1 = t0 + h;
    const WeatherNow w = weather_at(t0);
    if (w.wind.stability != last_stability_ || w.wind.from_deg != last_from_deg_ ||
        w.wind.speed_m_s != last_wind_m_s_) {
      sink.emit("chemical.weather", {config_.id},
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
    if (!stopped_ && t1 > s.start_s) {
      const double from = std::max(t0, s.start_s);
      if (tank_) {
        mass_kg = tank_->advance(t1 - from);
        if (tank_->rate_kg_s() <= 0 && tank_->mass_kg() <= 0) {
          // emptied during this sub-step: the stop is reported after the mass is accounted
        }
      } else {
        const double until = s.start_s + s.fixed_duration_s;
        mass_kg = s.fixed_rate_g_s / 1000.0 * std::max(0.0, std::min(t1, until) - from);
      }
      if (mass_kg > 0 && !releasing_) {
        releasing_ = true;
        const double rate = tank_ ? tank_->rate_kg_s() * 1000 * airborne_fraction_ : s.fixed_rate_g_s;
        sink.emit("chemical.release_started", {config_.id, s.id},
                  {{"t_s", from},
                   {"chemical", chem_->key},
                   {"airborne_rate_g_s", round_to(rate, 0.01)},
                   {"airborne_fraction", round_to(airborne_fraction_, 1e-4)}});
      }
      released_kg_ += mass_kg;
      rate_airborne_g_s_ = mass_kg * 1000 * airborne_fraction_ / h;
      const bool ended = tank_ ? tank_->rate_kg_s() <= 0 : t1 >= s.start_s + s.fixed_duration_s;
      if (ended && releasing_) stop_release(tank_ ? "empty" : "duration_elapsed", t1, sink);
    }
    puffs_->step(h, mass_kg * 1000 * airborne_fraction_, release_height_m(w.wind, w.air_temp_k), w.wind);
    puffs_->prune(config_.max_travel_m);
    // Doses over this sub-step at the zones' sample points.
    const SlugField field(puffs_->slugs());
    for (size_t zi = 0; zi < zone_state_.size(); ++zi) {
      ZoneState& st = zone_state_[zi];
      for (size_t p = 0; p < st.samples.size(); ++p) {
        const double c = g_m3_to_ppm(
            field.concentration_g_m3(st.samples[p].x_m, st.samples[p].y_m, config_.receptor_height_m),
            chem_->molar_mass_g_mol);
        st.ppm_now[p] = c;
        st.doses[p].add(c, h);
      }
    }
  }
  now_s_ = t_s + dt_s;
  const SlugField field(puffs_->slugs());

  // Zones: people above each level now, casualties so far.
  const double a1 = threshold_ppm(ToxicLevel::kAegl1), a2 = threshold_ppm(ToxicLevel::kAegl2),
               a3 = threshold_ppm(ToxicLevel::kAegl3);
  const double reach = threshold_ppm(config_.reach_level);
  const double n = chem_->lethality.n;
  const double injury_load = std::pow(a2, n) * config_.threshold_duration_min;
  for (size_t zi = 0; zi < harm_.size(); ++zi) {
    ZoneHarm& z = harm_[zi];
    const ZoneState& st = zone_state_[zi];
    const ZoneReceptor& zc = config_.zones[zi];
    const double per = z.people / double(st.samples.size());
    double out = 0, in = 0, lo = 0, li = 0, p1 = 0, p2 = 0, p3 = 0, dead = 0, hurt = 0;
    for (size_t p = 0; p < st.samples.size(); ++p) {
      const double c = st.ppm_now[p];
      out += c, in += st.doses[p].indoor_ppm();
      lo += st.doses[p].outdoor_load(), li += st.doses[p].indoor_load();
      p1 += c >= a1 ? per : 0, p2 += c >= a2 ? per : 0, p3 += c >= a3 ? per : 0;
      const double pd_out = probit_to_probability(probit_value(chem_->lethality, st.doses[p].outdoor_load()));
      const double pd_in = probit_to_probability(probit_value(chem_->lethality, st.doses[p].indoor_load()));
      const double pi_out = st.doses[p].outdoor_load() >= injury_load ? std::max(0.0, 1 - pd_out) : 0.0;
      const double pi_in = st.doses[p].indoor_load() >= injury_load ? std::max(0.0, 1 - pd_in) : 0.0;
      dead += per * (zc.indoor_fraction * pd_in + (1 - zc.indoor_fraction) * pd_out);
      hurt += per * (zc.indoor_fraction * pi_in + (1 - zc.indoor_fraction) * pi_out);
    }
    const double ns = double(st.samples.size());
    const double old2 = z.people_aegl2, old3 = z.people_aegl3;
    z.outdoor_ppm = out / ns, z.indoor_ppm = in / ns, z.outdoor_load = lo / ns, z.indoor_load = li / ns;
    z.people_aegl1 = p1, z.people_aegl2 = p2, z.people_aegl3 = p3;
    z.expected_fatalities = std::max(z.expected_fatalities, dead);
    z.expected_injuries = std::max(0.0, hurt);
    if (std::round(p2) != std::round(old2)) sink.observe({"people_aegl2", z.id, std::round(p2), ""});
    if (std::round(p3) != std::round(old3)) sink.observe({"people_aegl3", z.id, std::round(p3), ""});
    double peak = 0;
    for (double c : st.ppm_now)
      peak = std::max(peak, c);
    if (!z.reached && peak >= reach) {
      z.reached = true;
      sink.reached_zone(z.id, "chemical_" + to_string(config_.reach_level));
      sink.emit(
          "chemical.zone_reached", {config_.id, z.id},
          {{"t_s", now_s_}, {"level", to_string(config_.reach_level)}, {"peak_ppm", round_to(peak, 0.01)}});
    }
  }

  // Roads: closed while any point along them is above the closure level.
  const double close_ppm = threshold_ppm(config_.closure_level);
  for (size_t ri = 0; ri < road_samples_.size(); ++ri) {
    double peak = 0;
    for (const Xy& p : road_samples_[ri])
      peak = std::max(peak, g_m3_to_ppm(field.concentration_g_m3(p.x_m, p.y_m, config_.receptor_height_m),
                                        chem_->molar_mass_g_mol));
    const bool above = peak >= close_ppm;
    if (above != road_closed_[ri]) {
      road_closed_[ri] = above;
      sink.set_road_closed(config_.roads[ri].id, above,
                           above ? "chemical " + to_string(config_.closure_level) + " exceeded (" +
                                       chem_->key + ")"
                                 : "chemical below " + to_string(config_.closure_level));
    }
  }

  // Gas detectors.
  for (size_t i = 0; i < config_.sensors.size(); ++i) {
    const SensorConfig& sn = config_.sensors[i];
    if (now_s_ + 1e-9 < sensor_next_s_[i]) continue;
    sensor_next_s_[i] = now_s_ + sn.every_s;
    const Xy p = frame_.to_xy(sn.position);
    const double c = g_m3_to_ppm(field.concentration_g_m3(p.x_m, p.y_m, config_.receptor_height_m),
                                 chem_->molar_mass_g_mol);
    sink.observe({"concentration_ppm", sn.id, round_to(c, 0.01), sn.reporter});
  }
  if (releasing_)
    sink.observe({"release_rate_g_s", config_.source.id, round_to(rate_airborne_g_s_, 0.1), ""});

  if (now_s_ + 1e-9 >= next_report_s_) {
    next_report_s_ = now_s_ + config_.report_every_s;
    report(now_s_, sink, field);
  }
}

void ChemicalModel::report(double t_s, HazardSink& sink, const SlugField& field) {
  const ReceptorGrid& g = config_.grid;
  std::vector<double> ppm(size_t(g.cells) * size_t(g.cells), 0.0);
  if (field.size() > 0)
    for (int j = 0; j < g.cells; ++j)
      for (int i = 0; i < g.cells; ++i) {
        const Xy p = g.point(i, j);
        ppm[size_t(j) * size_t(g.cells) + size_t(i)] = g_m3_to_ppm(
            field.concentration_g_m3(p.x_m, p.y_m, config_.receptor_height_m), chem_->molar_mass_g_mol);
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
                      {"hull", hull_json(f.hull, frame_)}});
  }
  sink.emit("chemical.threat_zone", {config_.id},
            {{"t_s", t_s},
             {"airborne_rate_g_s", round_to(rate_airborne_g_s_, 0.01)},
             {"released_kg", round_to(released_kg_, 0.1)},
             {"wind_from_deg", w.wind.from_deg},
             {"wind_m_s", w.wind.speed_m_s},
             {"stability", to_string(w.wind.stability)},
             {"grid_spacing_m", round_to(g.spacing_m(), 0.1)},
             {"levels", levels}});
  for (const ZoneHarm& z : harm_) {
    if (z.outdoor_load <= 0 && z.indoor_load <= 0) continue;
    sink.emit("chemical.zone_exposure", {config_.id, z.id},
              {{"t_s", t_s},
               {"outdoor_ppm", round_to(z.outdoor_ppm, 1e-3)},
               {"indoor_ppm", round_to(z.indoor_ppm, 1e-3)},
               {"toxic_load_outdoor", round_to(z.outdoor_load, 1e-3)},
               {"toxic_load_indoor", round_to(z.indoor_load, 1e-3)},
               {"toxic_load_units", "ppm^" + show(chem_->lethality.n) + "·min"},
               {"people", z.people},
               {"people_aegl2", std::round(z.people_aegl2)},
               {"people_aegl3", std::round(z.people_aegl3)},
               {"expected_fatalities", round_to(z.expected_fatalities, 0.01)},
               {"expected_injuries", round_to(z.expected_injuries, 0.01)}});
  }
}

bool ChemicalModel::apply_effort(const std::string& target, const std::string& capability, double amount,
                                 double dt_s, HazardSink& sink) {
  if (target != config_.source.id && target != config_.id) return false;
  if (capability != "plug_leak") return false;
  if (stopped_ || amount <= 0 || dt_s <= 0) return true;
  plug_work_person_h_ += amount * dt_s / 3600.0;
  if (plug_work_person_h_ + 1e-12 >= config_.plug_leak_person_h) {
    if (tank_) tank_->scale_hole(0.0);
    stop_release("plugged", now_s_, sink);
  }
  return true;
}

bool ChemicalModel::inject(const nlohmann::json& what, double t_s, HazardSink& sink) {
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
    if (what.contains("stability")) nw.stability = parse_stability(what.value("stability", "D"));
    require_in_range("wind_m_s", nw.speed_m_s, 1.0, 30.0, "m/s");
    wind_override_ = nw;
    wind_override_from_s_ = t_s;
    return true;
  }
  return false;
}

std::string ChemicalModel::location_of(const std::string& target) const {
  if (target == config_.source.id || target == config_.id) return config_.source.node;
  return "";
}

std::vector<std::string> ChemicalModel::zones_at_risk() const {
  // Forecast: the steady AEGL-2 zone of each weather entry at the initial rate, as a sector of ±(half
  // width) around the downwind axis, plus every zone within its width of the source.
  const double q = tank_ ? tank_->rate_kg_s() * 1000 * airborne_fraction_ : config_.source.fixed_rate_g_s;
  std::vector<std::pair<double, std::string>> hits;
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
        hits.emplace_back(std::hypot(c.x_m, c.y_m), config_.zones[i].id);
    }
  }
  std::sort(hits.begin(), hits.end());
  std::vector<std::string> out;
  for (const auto& [d, id] : hits)
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  return out;
}

double ChemicalModel::concentration_ppm_at(LatLon p) const {
  const Xy q = frame_.to_xy(p);
  return g_m3_to_ppm(puffs_->concentration_g_m3(q.x_m, q.y_m, config_.receptor_height_m),
                     chem_->molar_mass_g_mol);
}

} // namespace hg::chemical
