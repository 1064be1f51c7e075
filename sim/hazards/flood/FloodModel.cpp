/// @file
/// @brief FloodModel: reach routing, gauge stages, levee breach/overtopping, zone filling, road closures.
#include "sim/hazards/flood/FloodModel.hpp"

#include "sim/hazards/flood/DepthMortality.hpp"
#include "sim/hazards/flood/Breach.hpp"
#include "sim/hazards/flood/Manning.hpp"
#include "sim/hazards/flood/Muskingum.hpp"
#include "sim/hazards/flood/Validate.hpp"
#include "sim/io/TextFormat.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <set>
#include <sstream>
#include <stdexcept>

namespace hg::flood {

namespace {

constexpr double kReachedDepthM = 0.1; ///< depth at which the flood "reaches" a zone (KPI)

double interpolate_hydrograph(const std::vector<HydrographPoint>& pts, double t_h) {
  if (pts.empty()) return 0.0;
  if (t_h <= pts.front().t_h) return pts.front().discharge_m3_s;
  if (t_h >= pts.back().t_h) return pts.back().discharge_m3_s;
  size_t i = 1;
  while (pts[i].t_h < t_h)
    ++i;
  const HydrographPoint& a = pts[i - 1];
  const HydrographPoint& b = pts[i];
  return a.discharge_m3_s + (t_h - a.t_h) / (b.t_h - a.t_h) * (b.discharge_m3_s - a.discharge_m3_s);
}

void check_hydrograph(const std::string& field, const std::vector<HydrographPoint>& pts) {
  for (size_t i = 0; i < pts.size(); ++i) {
    const std::string row = field + "[" + std::to_string(i) + "]";
    require_finite(row + ".t_h", pts[i].t_h);
    require_flow(row + ".discharge_m3_s", pts[i].discharge_m3_s);
    if (i > 0 && pts[i].t_h <= pts[i - 1].t_h)
      throw std::invalid_argument(row + ".t_h: expected a time > " + format_number(pts[i - 1].t_h) +
                                  " h (got " + format_number(pts[i].t_h) + ")");
  }
}

/// Rethrows a formula's error with the config path in front ("reaches[1] (r_x).k_h: …").
template <class F> auto with_context(const std::string& where, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(where + "." + e.what());
  }
}

/// Plan area of the water surface at a level: the slope of the storage curve there.
double surface_area_m2(const StorageCurve& curve, double level_m) {
  const auto& p = curve.points();
  size_t i = 1;
  while (i + 1 < p.size() && level_m > p[i].level_m)
    ++i;
  return (p[i].volume_m3 - p[i - 1].volume_m3) / (p[i].level_m - p[i - 1].level_m);
}

} // namespace

FloodModel::FloodModel(FloodConfig config, std::uint64_t seed)
    : FloodModel(std::move(config), std::mt19937_64(seed)) {}

FloodModel::FloodModel(FloodConfig config, std::mt19937_64 rng) : config_(std::move(config)), rng_(rng) {
  require_positive("step_s", config_.step_s, "s");
  if (config_.gauge_report_every_steps < 1)
    throw std::invalid_argument("gauge_report_every_steps: expected an integer >= 1 (got " +
                                std::to_string(config_.gauge_report_every_steps) + ")");
  require_non_negative("zone_report_step_m", config_.zone_report_step_m, "m");
  const double step_h = config_.step_s / 3600.0;
  auto unique = [](std::set<std::string>& seen, const std::string& where, const std::string& id) {
    if (id.empty()) throw std::invalid_argument(where + ".id: expected a non-empty id");
    if (!seen.insert(id).second) throw std::invalid_argument(where + ".id: duplicate id " + id);
  };

  std::set<std::string> ids;
  for (size_t i = 0; i < config_.gauges.size(); ++i) {
    const GaugeConfig& g = config_.gauges[i];
    const std::string where = "gauges[" + std::to_string(i) + "]";
    unique(ids, where, g.id);
    if (!g.rating && !g.manning)
      throw std::invalid_argument(where + " (" + g.id + "): expected a rating curve or a Manning section");
    if (g.manning)
      with_context(where + " (" + g.id + ")", [&] {
        require_positive("manning.n", g.manning->n);
        require_positive("manning.slope", g.manning->slope, "m/m");
        return 0;
      });
    gauges_.push_back(Gauge{&g});
  }
  ids.clear();
  for (size_t i = 0; i < config_.zones.size(); ++i) {
    const ZoneConfig& z = config_.zones[i];
    const std::string where = "zones[" + std::to_string(i) + "]";
    unique(ids, where, z.id);
    LevelPool pool = with_context(where + " (" + z.id + ").storage",
                                  [&] { return LevelPool(StorageCurve(z.storage), z.ground_elev_m); });
    with_context(where + " (" + z.id + ")", [&] {
      require_non_negative("people", z.people);
      require_non_negative("pump_rate_m3_s_per_unit", z.pump_rate_m3_s_per_unit, "m3/s");
      for (size_t k = 0; k < z.roads.size(); ++k)
        require_non_negative("roads[" + std::to_string(k) + "].closure_depth_m", z.roads[k].closure_depth_m,
                             "m");
      return 0;
    });
    zones_.emplace_back(&z, std::move(pool));
  }
  ids.clear();
  std::set<int> gauges_with_reach_in;
  for (size_t i = 0; i < config_.reaches.size(); ++i) {
    const ReachConfig& r = config_.reaches[i];
    const std::string where = "reaches[" + std::to_string(i) + "]";
    unique(ids, where, r.id);
    const std::string ctx = where + " (" + r.id + ")";
    with_context(ctx, [&] { return Muskingum(r.k_h, r.x, step_h); });
    with_context(ctx, [&] {
      check_hydrograph("inflow", r.inflow);
      check_hydrograph("lateral_inflow", r.lateral_inflow);
      return 0;
    });
    Reach reach{&r};
    if (!r.upstream_gauge.empty()) {
      reach.upstream_gauge = gauge_index(r.upstream_gauge);
      if (reach.upstream_gauge < 0)
        throw std::invalid_argument(ctx + ".upstream_gauge: unknown gauge " + r.upstream_gauge);
      const bool fed = std::any_of(reaches_.begin(), reaches_.end(), [&](const Reach& up) {
        return up.downstream_gauge == reach.upstream_gauge;
      });
      if (!fed)
        throw std::invalid_argument(
            ctx + ".upstream_gauge: " + r.upstream_gauge +
            " is not the downstream gauge of an earlier reach (list reaches upstream first)");
      if (gauges_[reach.upstream_gauge].has_downstream_reach)
        throw std::invalid_argument(ctx + ".upstream_gauge: " + r.upstream_gauge +
                                    " already feeds another reach");
      gauges_[reach.upstream_gauge].has_downstream_reach = true;
    } else if (r.inflow.empty()) {
      throw std::invalid_argument(ctx + ".inflow: expected an inflow hydrograph or an upstream_gauge");
    }
    if (!r.downstream_gauge.empty()) {
      reach.downstream_gauge = gauge_index(r.downstream_gauge);
      if (reach.downstream_gauge < 0)
        throw std::invalid_argument(ctx + ".downstream_gauge: unknown gauge " + r.downstream_gauge);
      if (!gauges_with_reach_in.insert(reach.downstream_gauge).second)
        throw std::invalid_argument(ctx + ".downstream_gauge: " + r.downstream_gauge +
                                    " is already the downstream gauge of another reach");
      gauges_[reach.downstream_gauge].reach = static_cast<int>(i);
    }
    reaches_.push_back(reach);
  }
  ids.clear();
  for (size_t i = 0; i < config_.levees.size(); ++i) {
    const LeveeConfig& l = config_.levees[i];
    const std::string where = "levees[" + std::to_string(i) + "]";
    unique(ids, where, l.id);
    const std::string ctx = where + " (" + l.id + ")";
    Levee levee{&l};
    levee.gauge = gauge_index(l.gauge);
    if (levee.gauge < 0) throw std::invalid_argument(ctx + ".gauge: unknown gauge " + l.gauge);
    if (!gauges_with_reach_in.count(levee.gauge))
      throw std::invalid_argument(ctx + ".gauge: " + l.gauge + " is not the downstream gauge of any reach");
    levee.zone = zone_index(l.zone);
    if (levee.zone < 0) throw std::invalid_argument(ctx + ".zone: unknown zone " + l.zone);
    with_context(ctx, [&] {
      require_finite("crest_elev_m", l.crest_elev_m);
      require_non_negative("length_m", l.length_m, "m");
      require_non_negative("breach.final_width_m", l.breach.final_width_m, "m");
      require_positive("breach.formation_h", l.breach.formation_h, "h");
      require_in_range("breach.probability_per_h", l.breach.probability_per_h, 0.0, 1.0);
      require_positive("breach.coefficient", l.breach.coefficient);
      require_non_negative("breach.side_slope_h_v", l.breach.side_slope_h_v);
      require_positive("overtop_coefficient", l.overtop_coefficient);
      if (l.breach.bottom_elev_m > l.crest_elev_m)
        throw std::invalid_argument("breach.bottom_elev_m: expected a level <= crest_elev_m " +
                                    format_number(l.crest_elev_m) + " (got " +
                                    format_number(l.breach.bottom_elev_m) + ")");
      return 0;
    });
    levee.crest_elev_m = l.crest_elev_m;
    levees_.push_back(levee);
    // The zone's exchange is solved once per step, when the last of its levees' gauges is known.
    Zone& z = zones_[levee.zone];
    z.levees.push_back(static_cast<int>(i));
    z.solve_reach = std::max(z.solve_reach, gauges_[levee.gauge].reach);
  }
}

int FloodModel::gauge_index(const std::string& id) const {
  for (size_t i = 0; i < gauges_.size(); ++i)
    if (gauges_[i].cfg->id == id) return static_cast<int>(i);
  return -1;
}

int FloodModel::zone_index(const std::string& id) const {
  for (size_t i = 0; i < zones_.size(); ++i)
    if (zones_[i].cfg->id == id) return static_cast<int>(i);
  return -1;
}

int FloodModel::levee_index(const std::string& id) const {
  for (size_t i = 0; i < levees_.size(); ++i)
    if (levees_[i].cfg->id == id) return static_cast<int>(i);
  // A levee written with `node:` (docs/formats.md) is also found by that node, so that a plan which
  // sends crews to the node works on the levee instead of finding nothing there.
  for (size_t i = 0; i < levees_.size(); ++i)
    if (!levees_[i].cfg->node.empty() && levees_[i].cfg->node == id) return static_cast<int>(i);
  return -1;
}

double FloodModel::gauge_stage_from_discharge(const Gauge& g, double discharge_m3_s) const {
  const double q = std::max(0.0, discharge_m3_s);
  if (g.cfg->rating) return g.cfg->rating->stage_m(q);
  const GaugeSectionConfig& m = *g.cfg->manning;
  return m.bed_elev_m + normal_depth_m(m.section, q, m.n, m.slope);
}

double FloodModel::reach_external_inflow(const Reach& r, double t_h) const {
  return interpolate_hydrograph(r.cfg->inflow, t_h) + interpolate_hydrograph(r.cfg->lateral_inflow, t_h);
}

double FloodModel::levee_flow_m3_s(const Levee& l, double t_h, double river_m, double zone_m) const {
  double top_width_m = 0;
  double q = 0;
  if (l.breached) {
    // HEC-RAS linear breach progression: bottom width and invert reach their final values at formation_h.
    const BreachConfig& b = l.cfg->breach;
    const double frac = (t_h - l.breach_start_h) / b.formation_h;
    const BreachOpening opening = breach_opening_at(frac, l.cfg->crest_elev_m, l.crest_elev_m,
                                                    b.final_width_m, b.bottom_elev_m, b.side_slope_h_v);
    top_width_m = std::min(opening.top_width_m(), l.cfg->length_m);
    q += breach_flow_between_levels_m3_s(opening, river_m, zone_m, b.coefficient);
  }
  const double overtop_length_m = std::max(0.0, l.cfg->length_m - top_width_m);
  q += weir_flow_between_levels_m3_s(l.crest_elev_m, overtop_length_m, river_m, zone_m,
                                     l.cfg->overtop_coefficient);
  return q;
}

void FloodModel::withdraw(Levee& l, double point_m3_s, double dt_s) {
  gauges_[l.gauge].passing_m3_s -= point_m3_s;
  levee_river_m3_ += 0.5 * (l.river_point_m3_s + point_m3_s) * dt_s;
  l.river_point_m3_s = point_m3_s;
}

void FloodModel::exchange(Zone& z, int solve_gauge, double t2_h, double dt_s) {
  // Backward Euler on the level pool: V2 = V1 + Δt Σ q_i(h(V2)), each q_i a weir flow between the
  // river level R_i (end of step) and the zone level h(V2), capped by the flow in the river. Every q_i
  // falls as h rises (and is 0 at h = R_i), so f(V) = V − V1 − Δt Σ q_i(h(V)) is strictly increasing
  // and has one root between the volumes at min(h1, R_i) and max(h1, R_i): the zone can neither rise
  // past the highest level feeding it nor drain below the lowest level it drains to, at any Δt.
  const StorageCurve& curve = z.pool.curve();
  const double v1 = z.pool.volume_m3();
  const double h1 = z.pool.level_m();
  double h_lo = h1, h_hi = h1;
  int on_solve_gauge = 0;
  for (int li : z.levees) {
    const double r = gauges_[levees_[li].gauge].stage_m;
    h_lo = std::min(h_lo, r);
    h_hi = std::max(h_hi, r);
    on_solve_gauge += levees_[li].gauge == solve_gauge;
  }
  // The river can give at most what passes its gauge (shared by this zone's levees on the solve gauge;
  // a levee on an earlier gauge took its share there, one step late, see advance()).
  auto cap_of = [&](const Levee& l) {
    const Gauge& g = gauges_[l.gauge];
    return l.gauge == solve_gauge ? std::max(0.0, g.passing_m3_s) / on_solve_gauge
                                  : std::max(0.0, g.discharge_m3_s);
  };
  auto net_m3_s = [&](double v, std::vector<double>* flows) {
    const double h = curve.level_m(std::max(0.0, v));
    double sum = 0;
    for (size_t k = 0; k < z.levees.size(); ++k) {
      const Levee& l = levees_[z.levees[k]];
      const double q = std::min(levee_flow_m3_s(l, t2_h, gauges_[l.gauge].stage_m, h), cap_of(l));
      if (flows) (*flows)[k] = q;
      sum += q;
    }
    return sum;
  };
  double lo = std::min(v1, curve.volume_m3(h_lo));
  double hi = std::max(v1, curve.volume_m3(h_hi));
  auto f = [&](double v) { return v - v1 - dt_s * net_m3_s(v, nullptr); };
  double v2 = v1;
  if (f(lo) >= 0) {
    v2 = lo; // e.g. an empty zone above a low river: nothing to drain
  } else if (f(hi) <= 0) {
    v2 = hi;
  } else {
    for (int it = 0; it < 200 && hi - lo > 1e-9 * std::max(1.0, hi); ++it) {
      const double mid = 0.5 * (lo + hi);
      (f(mid) < 0 ? lo : hi) = mid;
    }
    v2 = 0.5 * (lo + hi);
  }
  std::vector<double> flows(z.levees.size(), 0.0);
  const double sum = net_m3_s(v2, &flows);
  double abs_sum = 0;
  for (double q : flows)
    abs_sum += std::fabs(q);
  if (abs_sum == 0) v2 = v1;
  // The solve leaves a residual within the bracket tolerance; spread it over the levees so that what
  // the zone gains is exactly what the levees carried.
  const double residual = (v2 - v1) / dt_s - sum;
  for (size_t k = 0; k < z.levees.size(); ++k) {
    Levee& l = levees_[z.levees[k]];
    l.flow_m3_s = abs_sum > 0 ? flows[k] + residual * std::fabs(flows[k]) / abs_sum : 0.0;
  }
  if (v2 >= v1)
    z.pool.step((v2 - v1) / dt_s, 0.0, dt_s);
  else
    z.pool.step(0.0, (v1 - v2) / dt_s, dt_s);
  totals_.levee_m3 += z.pool.volume_m3() - v1;
}

void FloodModel::breach(Levee& l, double t_h, const std::string& cause, EffectSink& sink) {
  if (l.breached) return;
  l.breached = true;
  l.breach_start_h = t_h;
  sink.emit("flood.breach", {l.cfg->id, l.cfg->zone},
            {{"t_h", t_h},
             {"cause", cause},
             {"stage_m", gauges_[l.gauge].stage_m},
             {"crest_elev_m", l.crest_elev_m},
             {"final_width_m", l.cfg->breach.final_width_m},
             {"formation_h", l.cfg->breach.formation_h},
             {"zone", l.cfg->zone}});
}

void FloodModel::start(const HazardView& view, EffectSink& sink) {
  view_ = &view;
  now_h_ = 0;
  step_count_ = 0;
  totals_ = FloodBalance{};
  const double step_h = config_.step_s / 3600.0;
  // Steady state at t = 0: each reach passes its initial inflow unchanged.
  for (Reach& r : reaches_) {
    for (const std::string& w : Muskingum(r.cfg->k_h, r.cfg->x, step_h).warnings())
      sink.emit("flood.config_warning", {r.cfg->id}, {{"t_h", 0.0}, {"message", w}});
    r.external_m3_s = reach_external_inflow(r, 0.0);
    r.inflow_m3_s = r.external_m3_s + (r.upstream_gauge >= 0 ? gauges_[r.upstream_gauge].passing_m3_s : 0.0);
    r.outflow_m3_s = r.inflow_m3_s;
    if (r.downstream_gauge >= 0) {
      Gauge& g = gauges_[r.downstream_gauge];
      g.discharge_m3_s = g.passing_m3_s = r.outflow_m3_s;
      g.stage_m = gauge_stage_from_discharge(g, g.discharge_m3_s);
    }
  }
  // No exchange before the first step: a levee already overtopped at t = 0 starts drawing during it.
  for (Levee& l : levees_)
    l.flow_m3_s = l.river_point_m3_s = 0;
  levee_river_m3_ = 0;
  report(0.0, true, sink);
}

void FloodModel::advance(double t_s, double dt_s, EffectSink& sink) {
  if (!(dt_s > 0)) return;
  const double t1_h = t_s / 3600.0;
  const double dt_h = dt_s / 3600.0;
  const double t2_h = t1_h + dt_h;

  // Breach triggers, judged on the state at the start of the step.
  for (Levee& l : levees_) {
    if (l.breached) continue;
    const BreachConfig& b = l.cfg->breach;
    if (b.mode == BreachMode::kScheduled && b.at_h < t2_h) {
      breach(l, std::max(b.at_h, t1_h), "scheduled", sink);
    } else if (b.mode == BreachMode::kRandom &&
               gauges_[l.gauge].stage_m > gauges_[l.gauge].cfg->guarantee_m) {
      const double p_step = 1.0 - std::pow(1.0 - b.probability_per_h, dt_h);
      if (std::uniform_real_distribution<double>(0.0, 1.0)(rng_) < p_step) breach(l, t1_h, "random", sink);
    }
  }

  std::vector<double> passing_before(gauges_.size());
  for (size_t i = 0; i < gauges_.size(); ++i)
    passing_before[i] = gauges_[i].passing_m3_s;

  for (size_t ri = 0; ri < reaches_.size(); ++ri) {
    Reach& r = reaches_[ri];
    const double i1 = r.inflow_m3_s;
    const double o1 = r.outflow_m3_s;
    const double ext1 = r.external_m3_s;
    r.external_m3_s = reach_external_inflow(r, t2_h);
    r.inflow_m3_s = r.external_m3_s + (r.upstream_gauge >= 0 ? gauges_[r.upstream_gauge].passing_m3_s : 0.0);
    r.outflow_m3_s = Muskingum(r.cfg->k_h, r.cfg->x, dt_h).step_m3_s(i1, r.inflow_m3_s, o1);
    totals_.inflow_m3 += 0.5 * (ext1 + r.external_m3_s) * dt_s;

    double passing1 = o1;
    double passing2 = r.outflow_m3_s;
    bool leaves_model = true;
    if (r.downstream_gauge >= 0) {
      const int gi = r.downstream_gauge;
      Gauge& g = gauges_[gi];
      g.discharge_m3_s = r.outflow_m3_s;
      // The stage comes from the flow before withdrawal: the levee is beside the gauge.
      g.stage_m = gauge_stage_from_discharge(g, g.discharge_m3_s);
      g.passing_m3_s = g.discharge_m3_s;
      // A levee whose zone is solved at a later gauge takes its last step's flow here (one step late),
      // never more than the river carries.
      for (Levee& l : levees_) {
        if (l.gauge != gi || zones_[l.zone].solve_reach == static_cast<int>(ri)) continue;
        withdraw(l, l.flow_m3_s > 0 ? std::min(l.flow_m3_s, std::max(0.0, g.passing_m3_s)) : l.flow_m3_s,
                 dt_s);
      }
      for (Zone& z : zones_) {
        if (z.solve_reach != static_cast<int>(ri)) continue;
        exchange(z, gi, t2_h, dt_s);
        for (int li : z.levees)
          if (levees_[li].gauge == gi) withdraw(levees_[li], levees_[li].flow_m3_s, dt_s);
      }
      for (Levee& l : levees_) {
        if (l.gauge != gi || l.overtopped || !(g.stage_m > l.crest_elev_m)) continue;
        l.overtopped = true;
        sink.emit("flood.overtop", {l.cfg->id, l.cfg->zone},
                  {{"t_h", t2_h}, {"stage_m", g.stage_m}, {"crest_elev_m", l.crest_elev_m}});
      }
      passing1 = passing_before[gi];
      passing2 = g.passing_m3_s;
      leaves_model = !g.has_downstream_reach;
    }
    if (leaves_model) totals_.outflow_m3 += 0.5 * (passing1 + passing2) * dt_s;
  }

  for (Zone& z : zones_) {
    if (z.pump_request_m3 > 0) {
      totals_.pumped_m3 += z.pool.step(0.0, z.pump_request_m3 / dt_s, dt_s).outflow_m3;
      z.pump_request_m3 = 0;
    }
  }

  now_h_ = t2_h;
  ++step_count_;
  report(t2_h, step_count_ % config_.gauge_report_every_steps == 0, sink);
}

void FloodModel::report(double t_h, bool gauges_due, EffectSink& sink) {
  for (Gauge& g : gauges_) {
    const GaugeConfig& c = *g.cfg;
    if (gauges_due) {
      sink.emit("flood.gauge", {c.id},
                {{"t_h", t_h},
                 {"stage_m", g.stage_m},
                 {"discharge_m3_s", g.discharge_m3_s},
                 {"warning_m", c.warning_m},
                 {"guarantee_m", c.guarantee_m}});
      sink.observe(Observation{"gauge_stage_m", c.id, g.stage_m, c.reporter.empty() ? c.id : c.reporter});
    }
    // Threshold crossings are reported whenever they happen, not only on reporting steps.
    const bool above_warning = g.stage_m >= c.warning_m;
    const bool above_guarantee = g.stage_m >= c.guarantee_m;
    if (above_warning && !g.above_warning)
      sink.emit("flood.gauge_warning", {c.id},
                {{"t_h", t_h}, {"stage_m", g.stage_m}, {"warning_m", c.warning_m}});
    if (above_guarantee && !g.above_guarantee)
      sink.emit("flood.gauge_guarantee", {c.id},
                {{"t_h", t_h}, {"stage_m", g.stage_m}, {"guarantee_m", c.guarantee_m}});
    g.above_warning = above_warning;
    g.above_guarantee = above_guarantee;
  }

  for (Zone& z : zones_) {
    const ZoneConfig& c = *z.cfg;
    const double depth_m = z.pool.depth_m();
    const double level_m = z.pool.level_m();
    const bool changed = z.reported_depth_m < 0
                             ? depth_m > 0
                             : std::fabs(depth_m - z.reported_depth_m) >= config_.zone_report_step_m ||
                                   (depth_m == 0) != (z.reported_depth_m == 0);
    if (changed) {
      sink.observe(Observation{"zone_depth_m", c.id, depth_m, ""}); // what the plans' depth(z) reads
      // People at risk: the zone's people in proportion to the flooded share of its plan area.
      const double top_area = surface_area_m2(z.pool.curve(), z.pool.curve().points().back().level_m);
      const double wet_area = depth_m > 0 ? surface_area_m2(z.pool.curve(), level_m) : 0.0;
      const double share = top_area > 0 ? std::clamp(wet_area / top_area, 0.0, 1.0) : 0.0;
      sink.emit("flood.zone", {c.id},
                {{"t_h", t_h},
                 {"depth_m", depth_m},
                 {"volume_m3", z.pool.volume_m3()},
                 {"level_m", level_m},
                 {"people_at_risk", std::round(c.people * share)}});
      z.reported_depth_m = depth_m;
    }
    // Water below the reach depth neither reaches the zone nor harms anyone in it: one threshold for
    // both, so no casualty estimate comes without hazard.reached (3.5 cm once gave 1.76 deaths).
    if (!z.reached && depth_m >= kReachedDepthM) {
      z.reached = true;
      sink.reached(c.id, "flood");
    }
    report_harm(z, z.reached ? depth_m : 0.0, sink);
    for (size_t k = 0; k < c.roads.size(); ++k) {
      const ZoneRoadConfig& road = c.roads[k];
      const double over_m = level_m - road.crest_elev_m;
      const bool closed = over_m >= road.closure_depth_m;
      if (closed != z.road_closed[k]) {
        z.road_closed[k] = closed;
        sink.close_road(road.road, closed,
                             closed ? "flood depth " + fixed(over_m, 2) + " m"
                                    : "flood receded to " + fixed(std::max(0.0, over_m), 2) + " m");
      }
    }
    // Facilities in the zone: lost while the water stands depth_m over their ground.
    for (size_t k = 0; k < c.facilities.size(); ++k) {
      const ZoneFacilityConfig& f = c.facilities[k];
      const double over_m = depth_m > 0 ? level_m - f.ground_elev_m : -1.0;
      const bool lost = over_m >= f.depth_m;
      if (lost != z.facility_lost[k]) {
        z.facility_lost[k] = lost;
        sink.facility_lost(f.facility, lost,
                           lost ? "flood water " + fixed(over_m, 2) + " m over the site"
                                : "flood receded to " + fixed(std::max(0.0, over_m), 2) + " m over the site");
      }
    }
  }
}

bool FloodModel::accepts_work(const std::string& task, const std::string& target) const {
  return (task == "sandbag" && levee_index(target) >= 0) || (task == "pump" && zone_index(target) >= 0);
}

bool FloodModel::work(const Work& w, EffectSink& sink) {
  if (!(w.personnel >= 0) || !(w.vehicles >= 0) || !(w.dt_s >= 0)) return false;
  if (w.task == "sandbag") {
    const int i = levee_index(w.target);
    if (i < 0) return false;
    Levee& l = levees_[i];
    // Person-hours → bags → metres of 0.3 m wall, spread over the whole crest length (the flood fight
    // raises the lowest stretch first; over a whole levee that is the average raise).
    const double bags = w.personnel * w.dt_s / 3600.0 * kSandbagBagsPerPersonHour;
    const double wall_m = bags / kSandbagBagsPerMetreOf03mWall;
    const double raise_m = l.cfg->length_m > 0 ? kSandbagWallHeightM * wall_m / l.cfg->length_m : 0.0;
    const double applied_m = std::min(raise_m, kSandbagMaxRaiseM - l.raised_m);
    if (applied_m > 0) {
      l.raised_m += applied_m;
      l.crest_elev_m += applied_m;
      sink.emit("flood.sandbag", {l.cfg->id},
                {{"t_h", now_h_}, {"raise_m", applied_m}, {"crest_elev_m", l.crest_elev_m}, {"bags", bags}});
    }
    return true;
  }
  if (w.task == "pump") {
    const int i = zone_index(w.target);
    if (i < 0) return false;
    Zone& z = zones_[i];
    z.pump_request_m3 += w.vehicles * z.cfg->pump_rate_m3_s_per_unit * w.dt_s;
    return true;
  }
  return false;
}

void FloodModel::report_harm(Zone& z, double depth_m, EffectSink& sink) {
  if (!view_) return;
  const double present = view_->people_present(z.cfg->id);
  const double exposed = depth_m > 0 ? present : 0.0;
  // Zone type of Jonkman's method from the level pool's rise rate (a level pool has no velocity, so
  // the breach zone does not arise here: it is the polder as a whole, not the area next to the gap).
  const double dt_h = now_h_ - z.harm_t_h;
  const double rise_m_h = dt_h > 0 ? (depth_m - z.harm_depth_m) / dt_h : 0.0;
  z.harm_depth_m = depth_m;
  z.harm_t_h = now_h_;
  const ZoneType type = classify_zone(std::max(0.0, depth_m), 0.0, rise_m_h);
  // The estimate only grows: the worst depth met by the people still there.
  const double f = std::max(z.fatalities, exposed * depth_mortality(std::max(0.0, depth_m), type));
  const bool grew = f >= z.fatalities + 0.05;
  const bool exposure_changed = std::fabs(exposed - std::max(0.0, z.reported_exposed)) >= 1.0 ||
                                (z.reported_exposed < 0 && exposed > 0);
  if (!grew && !exposure_changed) return;
  if (grew) z.fatalities = f;
  z.reported_exposed = exposed;
  sink.harm(Harm{z.cfg->id, exposed, z.fatalities, std::nullopt, "depth_m", depth_m,
                 type == ZoneType::kRapidlyRising
                     ? "Jonkman depth-mortality, rapidly rising zone (docs/models/flood.md); injuries not modelled"
                     : "Jonkman depth-mortality, remaining zone (docs/models/flood.md); injuries not modelled"});
}

bool FloodModel::inject(const nlohmann::json& what, double t_s, EffectSink& sink) {
  if (!what.is_object() || what.value("what", "") != "breach" || !what.contains("levee") ||
      !what["levee"].is_string())
    return false;
  const int i = levee_index(what["levee"].get<std::string>());
  if (i < 0) return false;
  breach(levees_[i], t_s / 3600.0, "injected", sink);
  return true;
}

std::vector<std::string> FloodModel::targets() const {
  std::vector<std::string> out;
  for (const Levee& l : levees_)
    out.push_back(l.cfg->id);
  for (const Zone& z : zones_)
    out.push_back(z.cfg->id);
  return out;
}

std::string FloodModel::site_of(const std::string& target) const {
  const int l = levee_index(target);
  if (l >= 0) return levees_[l].cfg->node.empty() ? levees_[l].cfg->zone : levees_[l].cfg->node;
  return zone_index(target) >= 0 ? target : "";
}

std::vector<ZoneAtRisk> FloodModel::zones_at_risk() const {
  std::vector<ZoneAtRisk> out;
  for (const Zone& z : zones_)
    if (std::any_of(levees_.begin(), levees_.end(), [&](const Levee& l) { return l.cfg->zone == z.cfg->id; }))
      out.push_back({z.cfg->id, z.cfg->people});
  return out;
}

FloodBalance FloodModel::balance() const {
  FloodBalance b = totals_;
  b.levee_lag_m3 = levee_river_m3_ - totals_.levee_m3;
  for (const Reach& r : reaches_)
    b.reach_storage_m3 +=
        r.cfg->k_h * 3600.0 * (r.cfg->x * r.inflow_m3_s + (1.0 - r.cfg->x) * r.outflow_m3_s);
  for (const Zone& z : zones_)
    b.zone_storage_m3 += z.pool.volume_m3();
  return b;
}

double FloodModel::gauge_stage_m(const std::string& gauge) const {
  const int i = gauge_index(gauge);
  if (i < 0) throw std::invalid_argument("gauge: unknown gauge " + gauge);
  return gauges_[i].stage_m;
}

double FloodModel::zone_depth_m(const std::string& zone) const {
  const int i = zone_index(zone);
  if (i < 0) throw std::invalid_argument("zone: unknown zone " + zone);
  return zones_[i].pool.depth_m();
}

double FloodModel::zone_level_m(const std::string& zone) const {
  const int i = zone_index(zone);
  if (i < 0) throw std::invalid_argument("zone: unknown zone " + zone);
  return zones_[i].pool.level_m();
}

double FloodModel::levee_crest_m(const std::string& levee) const {
  const int i = levee_index(levee);
  if (i < 0) throw std::invalid_argument("levee: unknown levee " + levee);
  return levees_[i].crest_elev_m;
}

bool FloodModel::levee_breached(const std::string& levee) const {
  const int i = levee_index(levee);
  if (i < 0) throw std::invalid_argument("levee: unknown levee " + levee);
  return levees_[i].breached;
}

} // namespace hg::flood
