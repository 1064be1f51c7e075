/// @file
/// @brief Minimum-travel-time fire growth on a 16-neighbour grid (see FireSpread.hpp and
/// docs/models/fire.md §3).
#include "sim/hazards/fire/FireSpread.hpp"

#include "sim/hazards/fire/DeadFuelMoisture.hpp"

#include <algorithm>
#include <cmath>

namespace hg::fire {

namespace {
constexpr double kPi = 3.14159265358979323846;
}

bool SpreadConditions::operator==(const SpreadConditions& o) const {
  return midflame_wind_m_s == o.midflame_wind_m_s && wind_from_deg == o.wind_from_deg &&
         moisture.dead_1h_pct == o.moisture.dead_1h_pct && moisture.dead_10h_pct == o.moisture.dead_10h_pct &&
         moisture.dead_100h_pct == o.moisture.dead_100h_pct &&
         moisture.live_herb_pct == o.moisture.live_herb_pct &&
         moisture.live_woody_pct == o.moisture.live_woody_pct &&
         dead_by_time_of_day == o.dead_by_time_of_day && temp_c == o.temp_c && rh_pct == o.rh_pct &&
         month == o.month && hour == o.hour && farmland_fuel == o.farmland_fuel &&
         apply_wind_limit == o.apply_wind_limit;
}

FireSpread::FireSpread(FireGrid grid) : grid_(std::move(grid)) {
  const size_t n = grid_.size();
  arrival_.assign(n, kNever);
  tentative_.assign(n, kNever);
  line_.assign(n, 0);
  extra_block_.assign(n, 0);
  fire_cache_.assign(n, CellFire{});
  fire_epoch_.assign(n, 0);
  // 16-neighbour stencil. For diagonals the "mid" cells are the two cells beside the move; for knight
  // moves they are the two cells the straight segment crosses.
  for (int dr = -2; dr <= 2; ++dr)
    for (int dc = -2; dc <= 2; ++dc) {
      const int adc = std::abs(dc), adr = std::abs(dr);
      if ((adc == 0 && adr == 0) || adc + adr > 3 || (adc == 2 && adr == 2) || (adc == 2 && adr == 0) ||
          (adc == 0 && adr == 2))
        continue;
      const double az = std::atan2(double(dc), double(-dr)); // columns grow east, rows south
      Move m{dc, dr, std::sqrt(double(dc * dc + dr * dr)), 0, 0, 0, 0, 0, std::cos(az), std::sin(az)};
      const int sc = (dc > 0) - (dc < 0), sr = (dr > 0) - (dr < 0);
      if (adc == 1 && adr == 1) {
        m.mid_count = 2;
        m.m1c = dc, m.m1r = 0, m.m2c = 0, m.m2r = dr;
      } else if (adc == 2) {
        m.mid_count = 2;
        m.m1c = sc, m.m1r = 0, m.m2c = sc, m.m2r = dr;
      } else if (adr == 2) {
        m.mid_count = 2;
        m.m1c = 0, m.m1r = sr, m.m2c = dc, m.m2r = sr;
      }
      moves_.push_back(m);
    }
}

bool FireSpread::burnable_fuel(size_t idx) const {
  if (extra_block_[idx]) return false;
  const int code = grid_.fuel(idx);
  if (code == 93) return cond_.farmland_fuel >= 1 && cond_.farmland_fuel <= 13;
  return code >= 1 && code <= 13;
}

const FireSpread::CellFire& FireSpread::fire_of(size_t idx) const {
  if (fire_epoch_[idx] == epoch_) return fire_cache_[idx];
  CellFire cf;
  if (burnable_fuel(idx)) {
    int code = grid_.fuel(idx);
    if (code == 93) code = cond_.farmland_fuel;
    FuelMoisture m = cond_.moisture;
    const double slope = grid_.slope_pct(idx);
    const double aspect = grid_.aspect_deg(idx);
    if (cond_.dead_by_time_of_day) {
      MoistureSite s;
      s.temp_c = cond_.temp_c;
      s.rh_pct = cond_.rh_pct;
      s.month = cond_.month;
      s.hour = cond_.hour;
      // Timber litter models burn under a canopy: "shaded" (≥ 50 %) in the Rothermel (1983) tables.
      s.shaded = code == 8 || code == 9 || code == 10;
      s.aspect = slope > 0.5 ? aspect_class(aspect) : Aspect::kSouth;
      s.slope_pct = slope;
      const int d1 = fine_dead_moisture(s).fine_dead_pct;
      m.dead_1h_pct = d1;
      m.dead_10h_pct = d1 + 1;
      m.dead_100h_pct = d1 + 2;
    }
    // Wind pushes the fire towards wind_from + 180; upslope is the aspect + 180.
    const double wind_to = cond_.wind_from_deg + 180;
    const double upslope = slope > 1e-6 ? aspect + 180 : wind_to;
    SpreadEnvironment env;
    env.midflame_wind_m_s = cond_.midflame_wind_m_s;
    env.wind_from_upslope_deg = std::fmod(wind_to - upslope + 720, 360);
    env.slope_pct = slope;
    env.apply_wind_limit = cond_.apply_wind_limit;
    const SurfaceFire sf = surface_fire(*fuel_model(code), m, env);
    cf.ros_m_min = sf.ros_m_min;
    cf.dir_azimuth_deg = std::fmod(upslope + sf.direction_from_upslope_deg + 720, 360);
    cf.eccentricity = sf.eccentricity;
    cf.flame_length_m = sf.flame_length_m;
    cf.fireline_intensity_kw_m = sf.fireline_intensity_kw_m;
    cf.dir_cos = std::cos(cf.dir_azimuth_deg * kPi / 180);
    cf.dir_sin = std::sin(cf.dir_azimuth_deg * kPi / 180);
  }
  fire_cache_[idx] = cf;
  fire_epoch_[idx] = epoch_;
  return fire_cache_[idx];
}

FireSpread::CellFire FireSpread::cell_fire(size_t idx) const {
  return fire_of(idx);
}

double FireSpread::rate_m_s(size_t idx, const Move& m) const {
  const CellFire& f = fire_of(idx);
  if (f.ros_m_min <= 0) return 0;
  // R(ψ) = R (1 − e) / (1 − e cos ψ), ψ = move azimuth − spread azimuth (ros_at_angle_m_min, expanded).
  const double cos_psi = m.az_cos * f.dir_cos + m.az_sin * f.dir_sin;
  return f.ros_m_min * (1.0 - f.eccentricity) / (1.0 - f.eccentricity * cos_psi) / 60.0;
}

double FireSpread::travel_s(size_t from, const Move& m) const {
  const Cell c = grid_.cell(from);
  const int tc = c.col + m.dc, tr = c.row + m.dr;
  if (!grid_.inside(tc, tr)) return kNever;
  const size_t to = grid_.index(tc, tr);
  if (blocked(to)) return kNever;
  double inv_sum = 0;
  int n = 0;
  auto add = [&](size_t idx) {
    const double r = rate_m_s(idx, m);
    if (r <= 0) return false;
    inv_sum += 1.0 / r;
    ++n;
    return true;
  };
  if (!add(from) || !add(to)) return kNever;
  if (m.mid_count == 2) {
    const size_t a = grid_.index(c.col + m.m1c, c.row + m.m1r);
    const size_t b = grid_.index(c.col + m.m2c, c.row + m.m2r);
    const bool diagonal = std::abs(m.dc) == 1 && std::abs(m.dr) == 1;
    if (diagonal) {
      if (blocked(a) && blocked(b)) return kNever; // squeezing between two blocked corners
    } else {
      if (blocked(a) || blocked(b)) return kNever;
      if (!add(a) || !add(b)) return kNever;
    }
  }
  return m.dist_cells * grid_.cell_m() * inv_sum / n;
}

void FireSpread::relax(size_t idx, double t) {
  const Cell c = grid_.cell(idx);
  for (const Move& m : moves_) {
    const int tc = c.col + m.dc, tr = c.row + m.dr;
    if (!grid_.inside(tc, tr)) continue;
    const size_t to = grid_.index(tc, tr);
    if (burned(to) || blocked(to)) continue;
    const double dt = travel_s(idx, m);
    if (dt == kNever) continue;
    if (t + dt < tentative_[to]) {
      tentative_[to] = t + dt;
      heap_.push({t + dt, static_cast<uint32_t>(to)});
    }
  }
}

bool FireSpread::ignite(Cell c, double t_s) {
  if (!grid_.inside(c.col, c.row)) return false;
  const size_t idx = grid_.index(c.col, c.row);
  if (blocked(idx) || burned(idx)) return false;
  if (t_s < tentative_[idx]) {
    tentative_[idx] = t_s;
    heap_.push({t_s, static_cast<uint32_t>(idx)});
  }
  return true;
}

size_t FireSpread::advance_to(double t_s) {
  size_t n = 0;
  while (!heap_.empty() && heap_.top().t <= t_s) {
    const Entry e = heap_.top();
    heap_.pop();
    if (burned(e.idx) || blocked(e.idx) || e.t != tentative_[e.idx]) continue;
    arrival_[e.idx] = e.t;
    ++burned_count_;
    ++n;
    const Cell c = grid_.cell(e.idx);
    if (bb_c1_ < bb_c0_) {
      bb_c0_ = bb_c1_ = c.col;
      bb_r0_ = bb_r1_ = c.row;
    } else {
      bb_c0_ = std::min(bb_c0_, c.col), bb_c1_ = std::max(bb_c1_, c.col);
      bb_r0_ = std::min(bb_r0_, c.row), bb_r1_ = std::max(bb_r1_, c.row);
    }
    relax(e.idx, e.t);
  }
  now_s_ = std::max(now_s_, t_s);
  return n;
}

void FireSpread::set_conditions(double t_s, const SpreadConditions& c) {
  if (c == cond_ && epoch_ > 1) return;
  now_s_ = std::max(now_s_, t_s);
  // Cells waiting to burn: each burned neighbour's edge has crossed a fraction p of its length under the
  // old weather; the rest takes (1 − p) of the new travel time.
  std::vector<uint32_t> waiting;
  {
    auto copy = heap_;
    while (!copy.empty()) {
      const Entry e = copy.top();
      copy.pop();
      if (!burned(e.idx) && !blocked(e.idx) && e.t == tentative_[e.idx]) waiting.push_back(e.idx);
    }
  }
  std::sort(waiting.begin(), waiting.end());
  waiting.erase(std::unique(waiting.begin(), waiting.end()), waiting.end());
  struct Part {
    uint32_t to;
    uint32_t from;
    uint16_t move;
    double done;
  };
  std::vector<Part> parts;
  for (uint32_t to : waiting) {
    const Cell c = grid_.cell(to);
    for (size_t k = 0; k < moves_.size(); ++k) {
      const Move& m = moves_[k];
      const int fc = c.col - m.dc, fr = c.row - m.dr;
      if (!grid_.inside(fc, fr)) continue;
      const size_t from = grid_.index(fc, fr);
      if (!burned(from)) continue;
      const double tt = travel_s(from, m);
      if (tt == kNever || tt <= 0) continue;
      const double done = std::min(0.999999, std::max(0.0, (now_s_ - arrival_[from]) / tt));
      parts.push_back({to, static_cast<uint32_t>(from), static_cast<uint16_t>(k), done});
    }
  }
  cond_ = c;
  ++epoch_;
  heap_ = {};
  for (uint32_t to : waiting)
    tentative_[to] = kNever;
  for (const Part& p : parts) {
    const double tt = travel_s(p.from, moves_[p.move]);
    if (tt == kNever) continue;
    const double t = now_s_ + (1 - p.done) * tt;
    if (t < tentative_[p.to]) tentative_[p.to] = t;
  }
  for (uint32_t to : waiting)
    if (tentative_[to] < kNever) heap_.push({tentative_[to], to});
}

void FireSpread::retime_around(size_t idx) {
  // Cells up to two away may have been reached by a move that crosses the new barrier: their waiting
  // time is recomputed from the burned cells that can still reach them.
  const Cell c = grid_.cell(idx);
  for (int dr = -2; dr <= 2; ++dr)
    for (int dc = -2; dc <= 2; ++dc) {
      if (!grid_.inside(c.col + dc, c.row + dr)) continue;
      const size_t n = grid_.index(c.col + dc, c.row + dr);
      if (burned(n) || blocked(n) || tentative_[n] == kNever) continue;
      double best = kNever;
      const Cell nc = grid_.cell(n);
      for (const Move& m : moves_) {
        const int fc = nc.col - m.dc, fr = nc.row - m.dr;
        if (!grid_.inside(fc, fr)) continue;
        const size_t from = grid_.index(fc, fr);
        if (!burned(from)) continue;
        const double tt = travel_s(from, m);
        if (tt == kNever) continue;
        best = std::min(best, std::max(now_s_, arrival_[from] + tt));
      }
      if (best < tentative_[n] || best > tentative_[n]) {
        tentative_[n] = best;
        if (best < kNever) heap_.push({best, static_cast<uint32_t>(n)});
      }
    }
}

bool FireSpread::build_line(size_t idx) {
  if (idx >= line_.size() || burned(idx) || line_[idx]) return false;
  line_[idx] = 1;
  tentative_[idx] = kNever;
  ++line_count_;
  retime_around(idx);
  return true;
}

void FireSpread::block(size_t idx) {
  if (idx >= extra_block_.size() || burned(idx)) return;
  extra_block_[idx] = 1;
  tentative_[idx] = kNever;
  ++epoch_; // cached fires of this cell are stale
  retime_around(idx);
}

double FireSpread::burned_area_ha() const {
  return burned_count_ * grid_.cell_m() * grid_.cell_m() / 10000.0;
}

bool FireSpread::burned_bbox(int& c0, int& r0, int& c1, int& r1) const {
  if (bb_c1_ < bb_c0_) return false;
  c0 = bb_c0_, r0 = bb_r0_, c1 = bb_c1_, r1 = bb_r1_;
  return true;
}

std::vector<size_t> FireSpread::front_cells() const {
  std::vector<size_t> out;
  int c0 = 0, r0 = 0, c1 = -1, r1 = -1;
  if (!burned_bbox(c0, r0, c1, r1)) return out;
  static const int d4[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
  for (int r = r0; r <= r1; ++r)
    for (int c = c0; c <= c1; ++c) {
      const size_t i = grid_.index(c, r);
      if (!burned(i)) continue;
      for (const auto& d : d4) {
        const int nc = c + d[0], nr = r + d[1];
        if (!grid_.inside(nc, nr)) continue;
        const size_t j = grid_.index(nc, nr);
        if (!burned(j) && !blocked(j)) {
          out.push_back(i);
          break;
        }
      }
    }
  return out;
}

double FireSpread::perimeter_m() const {
  int c0 = 0, r0 = 0, c1 = -1, r1 = -1;
  if (!burned_bbox(c0, r0, c1, r1)) return 0;
  size_t edges = 0;
  static const int d4[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
  for (int r = r0; r <= r1; ++r)
    for (int c = c0; c <= c1; ++c) {
      if (!burned(grid_.index(c, r))) continue;
      for (const auto& d : d4) {
        const int nc = c + d[0], nr = r + d[1];
        if (!grid_.inside(nc, nr) || !burned(grid_.index(nc, nr))) ++edges;
      }
    }
  return edges * grid_.cell_m();
}

double FireSpread::active_front_m() const {
  int c0 = 0, r0 = 0, c1 = -1, r1 = -1;
  if (!burned_bbox(c0, r0, c1, r1)) return 0;
  size_t edges = 0;
  static const int d4[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
  for (int r = r0; r <= r1; ++r)
    for (int c = c0; c <= c1; ++c) {
      if (!burned(grid_.index(c, r))) continue;
      for (const auto& d : d4) {
        const int nc = c + d[0], nr = r + d[1];
        if (grid_.inside(nc, nr) && !burned(grid_.index(nc, nr)) && !blocked(grid_.index(nc, nr))) ++edges;
      }
    }
  return edges * grid_.cell_m();
}

bool FireSpread::passable(size_t from, const Move& m) const {
  const Cell c = grid_.cell(from);
  const int tc = c.col + m.dc, tr = c.row + m.dr;
  if (!grid_.inside(tc, tr) || blocked(grid_.index(tc, tr))) return false;
  if (m.mid_count == 2) {
    const bool a = blocked(grid_.index(c.col + m.m1c, c.row + m.m1r));
    const bool b = blocked(grid_.index(c.col + m.m2c, c.row + m.m2r));
    const bool diagonal = std::abs(m.dc) == 1 && std::abs(m.dr) == 1;
    if (diagonal ? (a && b) : (a || b)) return false;
  }
  return true;
}

bool FireSpread::contained() const {
  if (burned_count_ == 0) return false;
  // Flood fill from the burned cells through everything the fire could still cross.
  std::vector<uint8_t> seen(grid_.size(), 0);
  std::vector<size_t> stack;
  int c0 = 0, r0 = 0, c1 = -1, r1 = -1;
  burned_bbox(c0, r0, c1, r1);
  for (int r = r0; r <= r1; ++r)
    for (int c = c0; c <= c1; ++c) {
      const size_t i = grid_.index(c, r);
      if (burned(i)) {
        seen[i] = 1;
        stack.push_back(i);
      }
    }
  while (!stack.empty()) {
    const size_t i = stack.back();
    stack.pop_back();
    const Cell c = grid_.cell(i);
    if (c.col == 0 || c.row == 0 || c.col == grid_.nx() - 1 || c.row == grid_.ny() - 1) return false;
    for (const Move& m : moves_) {
      const size_t j = grid_.index(c.col + m.dc, c.row + m.dr);
      if (!grid_.inside(c.col + m.dc, c.row + m.dr) || seen[j] || !passable(i, m)) continue;
      seen[j] = 1;
      stack.push_back(j);
    }
  }
  return true;
}

bool FireSpread::burned_out() const {
  if (burned_count_ == 0) return false;
  auto copy = heap_;
  while (!copy.empty()) {
    const Entry e = copy.top();
    copy.pop();
    if (!burned(e.idx) && !blocked(e.idx) && e.t == tentative_[e.idx] && e.t < kNever) return false;
  }
  return true;
}

std::vector<double> FireSpread::projected_arrival(double t_end_s) const {
  FireSpread copy = *this;
  copy.advance_to(t_end_s);
  return copy.arrival_;
}

} // namespace hg::fire
