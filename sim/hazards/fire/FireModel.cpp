/// @file
/// @brief The forest-fire hazard adapter (see FireModel.hpp and docs/models/fire.md §6).
#include "sim/hazards/fire/FireModel.hpp"

#include "sim/hazards/fire/CellRuns.hpp"
#include "sim/hazards/fire/DeadFuelMoisture.hpp"
#include "sim/hazards/fire/FireHarm.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hg::fire {

namespace {

constexpr double kPi = 3.14159265358979323846;
/// 20-ft wind from 10-m wind: U20ft = U10m / 1.15 (Turner & Lawson 1978, as used by BehavePlus/FARSITE).
constexpr double kTenMetreTo20Ft = 1.0 / 1.15;

std::pair<double, double> xy_of(const FireGrid& g, const LatLonPoint& p, bool& ok) {
  auto c = g.cell_at_latlon(p.lat, p.lon);
  ok = c.has_value();
  if (!c) return {0, 0};
  return g.cell_center_xy(*c);
}

} // namespace

FireModel::FireModel(FireConfig cfg) : cfg_(std::move(cfg)) {
  FireGrid g;
  try {
    g = FireGrid::read_geotiff(cfg_.fuel_raster, cfg_.elevation_raster);
  } catch (const std::exception& e) {
    throw std::invalid_argument(std::string("fuel_raster: ") + e.what());
  }
  if (!g.georeferenced()) throw std::invalid_argument("fuel_raster: the raster has no coordinate system");
  spread_ = std::make_unique<FireSpread>(std::move(g));
  setup();
}

FireModel::FireModel(FireConfig cfg, FireGrid grid) : cfg_(std::move(cfg)) {
  spread_ = std::make_unique<FireSpread>(std::move(grid));
  setup();
}

void FireModel::setup() {
  const FireGrid& g = spread_->grid();
  if (cfg_.wind.empty()) throw std::invalid_argument("wind: expected at least one wind point");
  if (g.georeferenced()) {
    raster_lon_ = g.cell_center_latlon({g.nx() / 2, g.ny() / 2}).second;
    ignition_cell_ = g.cell_at_latlon(cfg_.ignition.lat, cfg_.ignition.lon);
  } else {
    // Ungeoreferenced grids (tests): lat/lon are read as row/column.
    ignition_cell_ = Cell{static_cast<int>(cfg_.ignition.lon), static_cast<int>(cfg_.ignition.lat)};
    if (!g.inside(ignition_cell_->col, ignition_cell_->row)) ignition_cell_.reset();
  }
  if (!ignition_cell_) throw std::invalid_argument("ignition: the ignition point is outside the fuel raster");
  const int code = g.fuel(g.index(ignition_cell_->col, ignition_cell_->row));
  if (!(code >= 1 && code <= 13) && !(code == 93 && cfg_.farmland_fuel > 0))
    throw std::invalid_argument("ignition: the ignition cell does not burn (fuel code " +
                                std::to_string(code) + ")");

  // Roads: cells along each one; wide ones are firebreaks.
  for (const RoadLine& r : cfg_.roads) {
    RoadState rs;
    rs.cfg = &r;
    if (g.georeferenced() && r.points.size() >= 2) {
      // Sample each straight piece in lat/lon and keep the part inside the raster.
      std::vector<std::pair<double, double>> xy;
      for (size_t k = 0; k + 1 < r.points.size(); ++k)
        for (int s = 0; s <= 100; ++s) {
          const double t = s / 100.0;
          const LatLonPoint p{r.points[k].lat + t * (r.points[k + 1].lat - r.points[k].lat),
                              r.points[k].lon + t * (r.points[k + 1].lon - r.points[k].lon)};
          bool ok = false;
          auto pt = xy_of(g, p, ok);
          if (ok) xy.push_back(pt);
        }
      if (!xy.empty())
        rs.cells =
            rasterize_polyline(g, xy.size() == 1 ? std::vector<std::pair<double, double>>{xy[0], xy[0]} : xy);
    }
    if (rs.cells.empty()) continue;
    if (r.width_m >= cfg_.firebreak_min_width_m)
      for (size_t c : rs.cells)
        if (!spread_->burned(c)) spread_->block(c);
    roads_.push_back(std::move(rs));
  }
  for (const Settlement& s : cfg_.settlements) {
    Place p;
    p.cfg = &s;
    if (g.georeferenced()) {
      if (auto c = g.cell_at_latlon(s.pos.lat, s.pos.lon)) p.cell = g.index(c->col, c->row);
    }
    places_.push_back(p);
  }
  for (const LineConfig& lc : cfg_.lines) {
    if (!g.georeferenced()) continue;
    for (size_t k = 0; k < lc.path.size(); ++k)
      if (!g.cell_at_latlon(lc.path[k].lat, lc.path[k].lon))
        throw std::invalid_argument("lines[" + lc.id + "].path: point " + std::to_string(k) +
                                    " is outside the fuel raster");
  }
  // Danger days in order, codes carried from day to day.
  std::vector<DangerDay> days = cfg_.danger_days;
  std::sort(days.begin(), days.end(), [](const DangerDay& a, const DangerDay& b) { return a.day < b.day; });
  FwiCodes c = cfg_.danger_start;
  for (const DangerDay& d : days) {
    FwiWeather w;
    w.temp_c = d.temp_c;
    w.rh_pct = d.rh_pct;
    w.wind_km_h = d.wind_km_h;
    w.rain_mm = d.rain_mm;
    w.month = cfg_.start_month;
    c = fwi_next_day(c, w);
    danger_.push_back({d.day, c});
  }
  next_report_s_ = cfg_.ignition_at_s;
  reported_burned_.assign(g.size(), 0);
  reported_line_.assign(g.size(), 0);
}

double FireModel::local_solar_hour(double t_s) const {
  const double h = cfg_.start_hour + t_s / 3600.0 - cfg_.utc_offset_h + raster_lon_ / 15.0;
  return std::fmod(std::fmod(h, 24.0) + 24.0, 24.0);
}

SpreadConditions FireModel::conditions_at(double t_s) const {
  SpreadConditions c;
  const double t_h = t_s / 3600.0;
  WindPoint w = cfg_.wind.front();
  for (const WindPoint& p : cfg_.wind)
    if (p.t_h <= t_h + 1e-9) w = p;
  if (wind_override_ && wind_override_->t_h <= t_h + 1e-9 && wind_override_->t_h >= w.t_h)
    w = *wind_override_;
  c.midflame_wind_m_s = w.speed_10m_m_s * kTenMetreTo20Ft * cfg_.wind_adjustment_factor;
  c.wind_from_deg = w.dir_deg;
  c.moisture = cfg_.moisture;
  c.dead_by_time_of_day = cfg_.dead_by_time_of_day;
  c.apply_wind_limit = cfg_.apply_wind_limit;
  c.farmland_fuel = cfg_.farmland_fuel;
  // Temperature and RH interpolated in time, then snapped to the table classes so that the front is only
  // re-timed when the looked-up moisture can change.
  double temp = cfg_.weather.empty() ? 15 : cfg_.weather.front().temp_c;
  double rh = cfg_.weather.empty() ? 40 : cfg_.weather.front().rh_pct;
  for (size_t i = 0; i + 1 < cfg_.weather.size(); ++i) {
    const WeatherPoint& a = cfg_.weather[i];
    const WeatherPoint& b = cfg_.weather[i + 1];
    if (t_h >= a.t_h && t_h <= b.t_h) {
      const double f = b.t_h > a.t_h ? (t_h - a.t_h) / (b.t_h - a.t_h) : 0;
      temp = a.temp_c + f * (b.temp_c - a.temp_c);
      rh = a.rh_pct + f * (b.rh_pct - a.rh_pct);
    }
  }
  if (!cfg_.weather.empty() && t_h > cfg_.weather.back().t_h) {
    temp = cfg_.weather.back().temp_c;
    rh = cfg_.weather.back().rh_pct;
  }
  const double temp_f = temp * 9 / 5 + 32;
  const double temp_f_class = std::min(120.0, std::max(20.0, 20 * std::floor((temp_f - 10) / 20) + 20));
  c.temp_c = (temp_f_class - 32) * 5 / 9;
  c.rh_pct = std::min(100.0, 5 * std::floor(std::min(100.0, std::max(0.0, rh)) / 5));
  const double hour = local_solar_hour(t_s);
  c.hour = hour < 8 || hour >= 18 ? 18 : 8 + 2 * std::floor((hour - 8) / 2);
  // Month of the simulated moment (long runs may cross a month end only approximately: 30-day months).
  c.month = ((cfg_.start_month - 1 + static_cast<int>((cfg_.start_hour + t_h) / 24 / 30)) % 12) + 1;
  return c;
}

std::optional<FwiCodes> FireModel::danger_of_day(int day) const {
  for (const auto& [d, c] : danger_)
    if (d == day) return c;
  return std::nullopt;
}

std::vector<std::string> FireModel::closed_roads() const {
  std::vector<std::string> out;
  for (const RoadState& r : roads_)
    if (r.closed) out.push_back(r.cfg->id);
  return out;
}

void FireModel::emit_danger(int day, EffectSink& sink) {
  auto c = danger_of_day(day);
  if (!c) return;
  const int cls = fwi_danger_class(c->fwi);
  sink.emit("fire.danger", {cfg_.id},
            {{"day", day},
             {"ffmc", c->ffmc},
             {"dmc", c->dmc},
             {"dc", c->dc},
             {"isi", c->isi},
             {"bui", c->bui},
             {"fwi", c->fwi},
             {"class", cls},
             {"label", fwi_danger_label(cls)}});
  sink.observe({"fire_danger_fwi", cfg_.id, c->fwi, ""});
  sink.observe({"fire_danger_class", cfg_.id, double(cls), ""});
}

void FireModel::start(const HazardView& view, EffectSink& sink) {
  view_ = &view;
  spread_->set_conditions(0, conditions_at(0));
  emit_danger(0, sink);
  next_danger_day_ = 1;
  if (cfg_.ignition_at_s <= 0) ignite(sink, 0);
}

void FireModel::ignite(EffectSink& sink, double t_s) {
  ignited_ = true;
  spread_->set_conditions(t_s, conditions_at(t_s));
  spread_->ignite(*ignition_cell_, t_s);
  const size_t idx = spread_->grid().index(ignition_cell_->col, ignition_cell_->row);
  const FireSpread::CellFire f = spread_->cell_fire(idx);
  back_azimuth_deg_ = std::fmod(f.dir_azimuth_deg + 180, 360);
  sink.emit("fire.ignited", {cfg_.id},
            {{"lat", cfg_.ignition.lat},
             {"lon", cfg_.ignition.lon},
             {"node", cfg_.ignition_node},
             {"fuel_model", spread_->grid().fuel(idx)},
             {"ros_m_min", f.ros_m_min},
             {"flame_length_m", f.flame_length_m},
             {"spread_azimuth_deg", f.dir_azimuth_deg},
             {"grid", grid_georeference()}});
  next_report_s_ = t_s + cfg_.report_every_s;
}

std::pair<double, double> FireModel::cell_lat_lon(size_t cell) const {
  const FireGrid& g = spread_->grid();
  const Cell c = g.cell(cell);
  // Ungeoreferenced grids (tests): lat/lon are row/column, as the ignition point is read.
  return g.georeferenced() ? g.cell_center_latlon(c)
                           : std::pair<double, double>{double(c.row), double(c.col)};
}

nlohmann::json FireModel::grid_georeference() const {
  // The centres of the four corner cells: the viewer places cell (col, row) by bilinear interpolation
  // between them (over a 30–40 km UTM raster the error is a few metres, far below a 100 m cell).
  const FireGrid& g = spread_->grid();
  auto corner = [&](int col, int row) {
    auto [lat, lon] = cell_lat_lon(g.index(col, row));
    return nlohmann::json::array({lat, lon});
  };
  const int c1 = g.nx() - 1, r1 = g.ny() - 1;
  return {{"nx", g.nx()},        {"ny", g.ny()},        {"cell_m", g.cell_m()}, {"nw", corner(0, 0)},
          {"ne", corner(c1, 0)}, {"sw", corner(0, r1)}, {"se", corner(c1, r1)}};
}

void FireModel::report(double t_s, EffectSink& sink) {
  double head_ros = 0, max_flame = 0;
  for (size_t i : spread_->front_cells()) {
    const FireSpread::CellFire f = spread_->cell_fire(i);
    head_ros = std::max(head_ros, f.ros_m_min);
    max_flame = std::max(max_flame, f.flame_length_m);
  }
  double line_m = 0;
  for (const auto& [k, l] : lines_)
    if (l.work) line_m += l.work->built_m();
  const double area = spread_->burned_area_ha();
  const double front = spread_->active_front_m();
  // Cells burned and line built since the last report, and the whole active front, as runs per row.
  const FireGrid& g = spread_->grid();
  std::vector<size_t> burned_new, line_new;
  int c0 = 0, r0 = 0, c1 = -1, r1 = -1;
  if (spread_->burned_bbox(c0, r0, c1, r1))
    for (int r = r0; r <= r1; ++r)
      for (int c = c0; c <= c1; ++c) {
        const size_t i = g.index(c, r);
        if (spread_->burned(i) && !reported_burned_[i]) {
          reported_burned_[i] = 1;
          burned_new.push_back(i);
        }
      }
  if (spread_->line_cells() > 0)
    for (size_t i = 0; i < g.size(); ++i)
      if (spread_->is_line(i) && !reported_line_[i]) {
        reported_line_[i] = 1;
        line_new.push_back(i);
      }
  sink.emit("fire.perimeter", {cfg_.id},
            {{"area_ha", area},
             {"perimeter_m", spread_->perimeter_m()},
             {"front_m", front},
             {"head_ros_m_min", head_ros},
             {"max_flame_length_m", max_flame},
             {"line_m", line_m},
             {"contained", contained_},
             {"t_h", t_s / 3600.0},
             {"burned_new", encode_cell_runs(std::move(burned_new), g.nx())},
             {"front", encode_cell_runs(spread_->front_cells(), g.nx())},
             {"line_new", encode_cell_runs(std::move(line_new), g.nx())}});
  sink.observe({"fire_area_ha", cfg_.id, area, ""});
  sink.observe({"fire_front_m", cfg_.id, front, ""});
}

void FireModel::check_roads(double t_s, EffectSink& sink) {
  const FireGrid& g = spread_->grid();
  const int rad = static_cast<int>(std::ceil(cfg_.closure_distance_m / g.cell_m()));
  std::vector<uint8_t> near(g.size(), 0);
  for (size_t i : spread_->front_cells()) {
    const Cell c = g.cell(i);
    for (int dr = -rad; dr <= rad; ++dr)
      for (int dc = -rad; dc <= rad; ++dc) {
        if (dr * dr + dc * dc > rad * rad || !g.inside(c.col + dc, c.row + dr)) continue;
        near[g.index(c.col + dc, c.row + dr)] = 1;
      }
  }
  for (RoadState& r : roads_) {
    const bool threatened =
        std::any_of(r.cells.begin(), r.cells.end(), [&](size_t c) { return near[c] != 0; });
    if (threatened) {
      r.clear_since_s = -1;
      if (!r.closed) {
        r.closed = true;
        sink.close_road(r.cfg->id, true,
                        "forest fire within " + std::to_string(int(cfg_.closure_distance_m)) +
                            " m / 林火距道路" + std::to_string(int(cfg_.closure_distance_m)) + "米内");
        sink.emit("fire.road_threatened", {r.cfg->id, cfg_.id}, {{"distance_m", cfg_.closure_distance_m}});
      }
    } else if (r.closed) {
      if (r.clear_since_s < 0) r.clear_since_s = t_s;
      if (t_s - r.clear_since_s >= cfg_.reopen_after_h * 3600) {
        r.closed = false;
        sink.close_road(r.cfg->id, false, "fire front moved away / 火线已远离");
      }
    }
  }
}

void FireModel::check_places(double t_end_s, EffectSink& sink) {
  const FireGrid& g = spread_->grid();
  const bool project = projected_at_s_ < 0 || t_end_s - projected_at_s_ >= 1800 - 1e-6;
  if (project) {
    projected_ = spread_->projected_arrival(t_end_s + cfg_.evacuation_horizon_h * 3600);
    projected_at_s_ = t_end_s;
  }
  const int rad = std::max(1, static_cast<int>(std::ceil(cfg_.settlement_radius_m / g.cell_m())));
  for (Place& p : places_) {
    if (!p.cell) continue;
    const Cell c = g.cell(*p.cell);
    // The settlement's footprint: every cell within settlement_radius_m of its point.
    double arrival = kNever, projected = kNever;
    for (int dr = -rad; dr <= rad; ++dr)
      for (int dc = -rad; dc <= rad; ++dc) {
        if (dr * dr + dc * dc > rad * rad || !g.inside(c.col + dc, c.row + dr)) continue;
        const size_t i = g.index(c.col + dc, c.row + dr);
        arrival = std::min(arrival, spread_->arrival_s(i));
        if (!projected_.empty()) projected = std::min(projected, projected_[i]);
      }
    if (!p.reached && arrival <= t_end_s) {
      p.reached = true;
      sink.emit("fire.reached", {p.cfg->id, cfg_.id},
                {{"arrival_h", arrival / 3600.0}, {"zone", p.cfg->is_zone}});
      if (p.cfg->is_zone) sink.reached(p.cfg->id, "fire front arrived / 火线抵达");
    } else if (!p.reached && projected < kNever) {
      // Inside the projected arrival time: flagged once, and the ETA is re-reported with each projection
      // so that a plan can act on a shrinking ETA.
      const double eta_h = (projected - t_end_s) / 3600.0;
      if (!p.warned)
        sink.emit("fire.evacuation_needed", {p.cfg->id, cfg_.id},
                  {{"eta_h", eta_h}, {"horizon_h", cfg_.evacuation_horizon_h}, {"zone", p.cfg->is_zone}});
      if (!p.warned || project) sink.observe({"fire_eta_h", p.cfg->id, eta_h, ""});
      p.warned = true;
    }
  }
}

double FireModel::flux_at_kw_m2(size_t cell) const {
  // Every burning cell of the active front is a point source releasing I(ψ) × cell width, I(ψ) the
  // fireline intensity towards the target (Byram intensity scaled by R(ψ)/R, as for crews); distances
  // below half a cell are taken as half a cell (the flame stands at the cell edge).
  const FireGrid& g = spread_->grid();
  const Cell at = g.cell(cell);
  double q = 0;
  for (size_t i : spread_->front_cells()) {
    const FireSpread::CellFire f = spread_->cell_fire(i);
    if (f.ros_m_min <= 0) continue;
    const Cell c = g.cell(i);
    const double dx = at.col - c.col, dy = at.row - c.row;
    const double d_m = std::max(0.5, std::hypot(dx, dy)) * g.cell_m();
    const double az = std::atan2(dx, -dy) * 180 / kPi; // from the burning cell towards the target
    const double intensity = f.fireline_intensity_kw_m *
                             ros_at_angle_m_min(f.ros_m_min, f.eccentricity, az - f.dir_azimuth_deg) /
                             f.ros_m_min;
    q += point_source_flux_kw_m2(intensity * g.cell_m(), cfg_.harm.radiative_fraction, d_m);
  }
  return q;
}

double FireModel::settlement_flux_kw_m2(const std::string& settlement) const {
  for (const Place& p : places_)
    if (p.cfg->id == settlement && p.cell && ignited_) return flux_at_kw_m2(*p.cell);
  return 0;
}

void FireModel::harm_places(EffectSink& sink) {
  // People still in a reached settlement while the front is inside its footprint are exposed; those
  // outdoors (present minus sheltering indoors) receive the radiant dose of `exposure_s` at the current
  // flux, and the Eisenberg probit gives the share who die. The estimate only grows.
  if (!view_) return;
  const FireGrid& g = spread_->grid();
  const double radius_cells = std::max(1.0, std::ceil(cfg_.settlement_radius_m / g.cell_m()));
  const std::vector<size_t> front = spread_->front_cells();
  for (Place& p : places_) {
    if (!p.reached || !p.cfg->is_zone || !p.cell) continue;
    const Cell c = g.cell(*p.cell);
    const bool front_inside = std::any_of(front.begin(), front.end(), [&](size_t i) {
      const Cell f = g.cell(i);
      return std::hypot(f.col - c.col, f.row - c.row) <= radius_cells;
    });
    const double present = view_->people_present(p.cfg->id);
    const double outdoors = std::max(0.0, present - view_->people_sheltering(p.cfg->id));
    const double exposed = front_inside ? present : 0.0;
    const double q = front_inside ? flux_at_kw_m2(*p.cell) : 0.0;
    const double f = std::max(p.fatalities, (front_inside ? outdoors : 0.0) *
                                                thermal_fatality_share(q, cfg_.harm.exposure_s));
    const bool grew = f >= p.fatalities + 0.01;
    const bool changed = p.reported_exposed < 0 || std::fabs(exposed - p.reported_exposed) >= 1.0;
    if (!grew && !changed) continue;
    if (grew) p.fatalities = f;
    p.reported_exposed = exposed;
    sink.harm(Harm{p.cfg->id, exposed, p.fatalities, std::nullopt, "radiant_heat_flux_kw_m2", q,
                   "Eisenberg et al. 1975 thermal-dose probit on the radiant flux of the front (point "
                   "sources, Modak 1977), people outdoors for exposure_s (docs/models/fire.md §6); "
                   "injuries not modelled"});
  }
}

void FireModel::check_crews(double t_s, double t_end_s, EffectSink& sink) {
  // A crew is where its line is being built (the last line cell). Only crews that worked during the
  // step are checked: a crew that left is no longer there to be trapped.
  const FireGrid& g = spread_->grid();
  for (auto& [key, l] : lines_) {
    std::vector<std::string> active;
    for (const auto& [unit, crew] : l.crews)
      if (crew.last_s >= 0 && crew.last_s >= t_s - cfg_.step_s - 1e-6) active.push_back(unit);
    for (auto it = l.at_risk.begin(); it != l.at_risk.end();) {
      if (std::find(active.begin(), active.end(), *it) == active.end()) {
        sink.observe({"crew_entrapment_risk", *it, 0.0, ""});
        it = l.at_risk.erase(it);
      } else {
        ++it;
      }
    }
    if (active.empty() || !l.work || !l.work->position()) continue;
    const size_t pos = *l.work->position();
    const Cell c = g.cell(pos);
    auto [lat, lon] = cell_lat_lon(pos);
    bool risk = false;
    nlohmann::json why;
    if (l.work->mode() == AttackMode::kDirect) {
      // Flame length the crew faces on the flank: intensity scales with the spread rate towards the crew.
      double flame = 0;
      for (int dr = -1; dr <= 1; ++dr)
        for (int dc = -1; dc <= 1; ++dc) {
          if (!g.inside(c.col + dc, c.row + dr)) continue;
          const size_t i = g.index(c.col + dc, c.row + dr);
          if (!spread_->burned(i)) continue;
          const FireSpread::CellFire f = spread_->cell_fire(i);
          if (f.ros_m_min <= 0) continue;
          const double az = std::atan2(double(-dc), double(dr)) * 180 / kPi; // from i towards the crew
          const double r = ros_at_angle_m_min(f.ros_m_min, f.eccentricity, az - f.dir_azimuth_deg);
          flame = std::max(flame, byram_flame_length_m(f.fireline_intensity_kw_m * r / f.ros_m_min));
        }
      if (flame > kHandCrewDirectAttackMaxFlameM) {
        risk = true;
        why = {{"reason", "flame length above the 1.2 m hand-crew limit / 火焰长度超过人工直接扑救上限"},
               {"flame_length_m", flame}};
      }
    } else {
      double eta = kNever;
      bool overrun = false;
      for (int dr = -1; dr <= 1; ++dr)
        for (int dc = -1; dc <= 1; ++dc) {
          if (!g.inside(c.col + dc, c.row + dr)) continue;
          const size_t i = g.index(c.col + dc, c.row + dr);
          const double a = spread_->arrival_s(i);
          if (a > t_s && a <= t_end_s) overrun = true;
          if (!projected_.empty() && !spread_->burned(i)) eta = std::min(eta, projected_[i]);
        }
      double escape_m = g.cell_m();
      if (l.cfg && l.cfg->has_safety_zone && g.georeferenced()) {
        if (auto sz = g.cell_at_latlon(l.cfg->safety_zone.lat, l.cfg->safety_zone.lon))
          escape_m = g.cell_m() * std::hypot(sz->col - c.col, sz->row - c.row);
      }
      const double rate = l.cfg ? l.cfg->escape_rate_m_min : 30;
      const double escape_min = escape_m / rate;
      const double to_fire_min = (eta - t_end_s) / 60.0;
      if (overrun)
        for (const std::string& unit : active) {
          if (!l.entrapped.insert(unit).second) continue;
          sink.emit("fire.entrapment", {unit, cfg_.id},
                    {{"line", l.target}, {"lat", lat}, {"lon", lon}, {"escape_time_min", escape_min}});
        }
      if (eta < kNever && to_fire_min < escape_min) {
        risk = true;
        why = {{"reason", "fire arrives before the crew can reach its safety zone / 火线先于撤离到达"},
               {"time_to_fire_min", std::max(0.0, to_fire_min)},
               {"escape_time_min", escape_min}};
      }
    }
    for (const std::string& unit : active) {
      if (!risk) {
        if (l.at_risk.erase(unit)) sink.observe({"crew_entrapment_risk", unit, 0.0, ""});
        continue;
      }
      if (!l.at_risk.insert(unit).second) continue;
      nlohmann::json p = why;
      p["line"] = l.target;
      p["lat"] = lat;
      p["lon"] = lon;
      sink.emit("fire.entrapment_risk", {unit, cfg_.id}, p);
      sink.observe({"crew_entrapment_risk", unit, 1.0, ""});
    }
  }
}

void FireModel::advance(double t_s, double dt_s, EffectSink& sink) {
  const double t_end = t_s + dt_s;
  // Wind changes are logged (a drill must see the wind shift).
  int wi = 0;
  for (size_t i = 0; i < cfg_.wind.size(); ++i)
    if (cfg_.wind[i].t_h * 3600 <= t_s + 1e-6) wi = static_cast<int>(i);
  if (wi != wind_index_) {
    wind_index_ = wi;
    sink.emit("fire.wind", {cfg_.id},
              {{"speed_10m_m_s", cfg_.wind[wi].speed_10m_m_s}, {"dir_deg", cfg_.wind[wi].dir_deg}});
  }
  if (!ignited_ && t_end >= cfg_.ignition_at_s) ignite(sink, std::max(t_s, cfg_.ignition_at_s));
  // Danger at local noon of each new day.
  const double clock_h = cfg_.start_hour + t_end / 3600.0;
  while (clock_h >= next_danger_day_ * 24.0 + 12.0 && next_danger_day_ < 400) {
    emit_danger(next_danger_day_, sink);
    ++next_danger_day_;
  }
  if (!ignited_) return;
  spread_->set_conditions(t_s, conditions_at(t_s));
  spread_->advance_to(t_end);
  check_places(t_end, sink);
  harm_places(sink);
  check_crews(t_s, t_end, sink);
  check_roads(t_end, sink);
  // The closure test is a flood fill: only when line was built or at report times.
  const bool check = spread_->line_cells() != line_cells_checked_ || t_end + 1e-6 >= next_report_s_;
  line_cells_checked_ = spread_->line_cells();
  if (!contained_ && check && spread_->contained()) {
    contained_ = true;
    double line_m = 0;
    for (const auto& [k, l] : lines_)
      if (l.work) line_m += l.work->built_m();
    sink.emit("fire.contained", {cfg_.id}, {{"area_ha", spread_->burned_area_ha()}, {"line_m", line_m}});
    sink.observe({"fire_contained", cfg_.id, 1.0, ""});
    report(t_end, sink);
    next_report_s_ = t_end + cfg_.report_every_s;
  }
  if (t_end + 1e-6 >= next_report_s_) {
    report(t_end, sink);
    next_report_s_ += cfg_.report_every_s;
  }
}

const LineConfig* FireModel::line_config(const std::string& id) const {
  for (const LineConfig& l : cfg_.lines)
    if (l.id == id) return &l;
  return nullptr;
}

std::string FireModel::resolve(const std::string& target) const {
  return target == "incident" && cfg_.is_incident ? cfg_.id : target;
}

bool FireModel::accepts_work(const std::string& task, const std::string& target_or_incident) const {
  const std::string target = resolve(target_or_incident);
  const LineConfig* lc = line_config(target);
  if (!lc && target != cfg_.id) return false;
  if (task == kTaskFireline || task == kTaskDirectAttack) return true;
  if (task == kTaskIndirectAttack) return lc && lc->path.size() >= 2;
  return false;
}

FireModel::Line* FireModel::line_for(const std::string& task, const std::string& target_or_incident) {
  if (!accepts_work(task, target_or_incident)) return nullptr;
  const std::string target = resolve(target_or_incident);
  const LineConfig* lc = line_config(target);
  // `fireline` follows the line's own mode; the hazard id itself is always a direct attack.
  AttackMode mode = AttackMode::kDirect;
  if (task == kTaskIndirectAttack || (task == kTaskFireline && lc && lc->mode == "indirect"))
    mode = AttackMode::kIndirect;
  const std::string key = target + (mode == AttackMode::kDirect ? "/direct" : "/indirect");
  auto it = lines_.find(key);
  if (it != lines_.end()) return &it->second;
  const FireGrid& g = spread_->grid();
  std::vector<size_t> planned;
  if (mode == AttackMode::kIndirect && lc && g.georeferenced()) {
    std::vector<std::pair<double, double>> xy;
    for (const LatLonPoint& p : lc->path) {
      bool ok = false;
      auto pt = xy_of(g, p, ok);
      if (ok) xy.push_back(pt);
    }
    planned = rasterize_polyline(g, xy);
  }
  const CrewType crew = lc ? lc->crew : cfg_.default_crew;
  Line l;
  l.target = target;
  l.cfg = lc;
  l.work =
      std::make_unique<LineAssignment>(mode, crew, std::move(planned), *ignition_cell_, back_azimuth_deg_);
  return &lines_.emplace(key, std::move(l)).first->second;
}

double FireModel::walk_in_s(const Line& l) const {
  // From the drop node to the line's working end (its start before any line is built; the rear of the
  // fire, near the ignition, for a direct attack), in a straight line at walk_in_m_min.
  const FireGrid& g = spread_->grid();
  const std::optional<LatLonPoint> from = l.cfg ? l.cfg->node_pos : cfg_.ignition_node_pos;
  if (!from || !g.georeferenced()) return 0;
  const auto node = g.cell_at_latlon(from->lat, from->lon);
  size_t to = g.index(ignition_cell_->col, ignition_cell_->row);
  if (l.work->position())
    to = *l.work->position();
  else if (l.work->mode() == AttackMode::kIndirect && l.cfg && !l.cfg->path.empty())
    if (auto c = g.cell_at_latlon(l.cfg->path.front().lat, l.cfg->path.front().lon))
      to = g.index(c->col, c->row);
  double d_m = 0;
  if (node) {
    const Cell c = g.cell(to);
    d_m = std::hypot(c.col - node->col, c.row - node->row) * g.cell_m();
  } else {
    // A drop node off the raster: great-circle distance to the cell (equirectangular, < 0.1 % here).
    auto [lat, lon] = g.cell_center_latlon(g.cell(to));
    const double k = kPi / 180 * 6371000.0;
    d_m = std::hypot((lat - from->lat) * k, (lon - from->lon) * k * std::cos(lat * kPi / 180));
  }
  return d_m / cfg_.walk_in_m_min * 60.0;
}

bool FireModel::work(const Work& w, EffectSink& sink) {
  if (!(w.personnel >= 0) || !(w.dt_s >= 0)) return false;
  Line* l = line_for(w.task, w.target);
  if (!l) return false;
  if (!ignited_ || w.personnel <= 0 || w.dt_s <= 0) return true;
  // The step covers [now − dt, now]; a crew's first steps go to walking in from the drop node.
  const double now = view_ ? view_->now_s() : spread_->now_s();
  double dt = w.dt_s;
  if (!w.unit.empty()) {
    Crew& crew = l->crews[w.unit];
    if (crew.start_s < 0) {
      crew.start_s = now - w.dt_s;
      crew.walk_s = walk_in_s(*l);
    }
    const double on_line_s = crew.start_s + crew.walk_s;
    if (now <= on_line_s) return true;
    dt = std::min(w.dt_s, now - on_line_s);
    if (crew.last_s < 0)
      sink.emit("fire.crew_on_line", {w.unit, cfg_.id},
                {{"line", l->target}, {"task", w.task}, {"walk_in_min", crew.walk_s / 60.0}});
    crew.last_s = now;
  }
  const LineWork done = l->work->work(*spread_, w.personnel, dt);
  if (l->work->finished() && !l->finished_reported) {
    l->finished_reported = true;
    sink.emit("fire.line_completed", {l->target, cfg_.id}, {{"line_m", l->work->built_m()}});
  }
  if (done.cells > 0) sink.observe({"fireline_m", l->target, l->work->built_m(), ""});
  return true;
}

bool FireModel::inject(const nlohmann::json& what, double t_s, EffectSink& sink) {
  if (!what.is_object() || !what.contains("what") || !what["what"].is_string()) return false;
  const std::string w = what["what"].get<std::string>();
  if (w == "ignite") {
    // A spot fire (or a new start) once the fire is burning; the JSON must carry numeric lat and lon.
    if (!ignited_ || !what.contains("lat") || !what.contains("lon") || !what["lat"].is_number() ||
        !what["lon"].is_number())
      return false;
    const FireGrid& g = spread_->grid();
    auto c = g.cell_at_latlon(what["lat"].get<double>(), what["lon"].get<double>());
    if (!c || !spread_->ignite(*c, std::max(t_s, spread_->now_s()))) return false;
    sink.emit("fire.spot_ignited", {cfg_.id}, {{"lat", what["lat"]}, {"lon", what["lon"]}});
    contained_ = false;
    return true;
  }
  if (w == "wind") {
    if (!what.contains("speed_10m_m_s") || !what["speed_10m_m_s"].is_number() || !what.contains("dir_deg") ||
        !what["dir_deg"].is_number())
      return false;
    WindPoint p;
    p.t_h = t_s / 3600.0;
    p.speed_10m_m_s = std::max(0.0, what["speed_10m_m_s"].get<double>());
    p.dir_deg = what["dir_deg"].get<double>();
    wind_override_ = p;
    sink.emit("fire.wind", {cfg_.id},
              {{"speed_10m_m_s", p.speed_10m_m_s}, {"dir_deg", p.dir_deg}, {"inject", true}});
    return true;
  }
  return false;
}

std::vector<std::string> FireModel::targets() const {
  std::vector<std::string> out{cfg_.id};
  for (const LineConfig& l : cfg_.lines)
    out.push_back(l.id);
  return out;
}

std::string FireModel::site_of(const std::string& target_or_incident) const {
  const std::string target = resolve(target_or_incident);
  if (target == cfg_.id) return cfg_.ignition_node;
  if (const LineConfig* l = line_config(target)) return l->node;
  return "";
}

std::vector<ZoneAtRisk> FireModel::zones_at_risk() const {
  std::vector<ZoneAtRisk> z;
  for (const Settlement& s : cfg_.settlements)
    if (s.is_zone) z.push_back({s.id, s.people});
  return z;
}

} // namespace hg::fire
