#include "sim/hazards/flood/FloodLoader.hpp"

#include "sim/hazards/flood/DemStorage.hpp"

#include <cmath>
#include <stdexcept>

namespace hg::flood {

namespace {

std::vector<HydrographPoint> hydrograph(const YamlCursor& c, const std::string& key) {
  std::vector<HydrographPoint> out;
  if (!c.has(key)) return out;
  YamlCursor h = c[key];
  if (!h.is_seq()) {
    h.error("expected a list of [t_h, discharge_m3_s] pairs");
    return out;
  }
  double last_t = -1;
  for (size_t i = 0; i < h.size(); ++i) {
    YamlCursor p = h.at(i);
    double t = 0, q = 0;
    if (!p.is_seq() || p.size() != 2 || !YAML::convert<double>::decode(p.node()[0], t) ||
        !YAML::convert<double>::decode(p.node()[1], q)) {
      p.error("expected [t_h, discharge_m3_s]");
      continue;
    }
    if (q < 0) p.error("expected a flow >= 0 m3/s (got " + std::to_string(q) + ")");
    if (t <= last_t) p.error("hydrograph times must increase");
    last_t = t;
    out.push_back({t, q});
  }
  return out;
}

/// Storage table of a zone whose ground rises evenly from ground_elev_m to ground_elev_m + relief_m
/// across area_km2 (a tilted plane): V(h) = A (h - z0)^2 / (2 r) below the top, A (h - z0 - r/2) above.
std::vector<StoragePoint> tilted_plane(double area_km2, double z0, double relief_m, double top_m) {
  std::vector<StoragePoint> pts;
  const double a = area_km2 * 1e6;
  for (double h = z0; h <= top_m + 1e-9; h += 0.25) {
    const double d = h - z0;
    const double v = d < relief_m ? a * d * d / (2 * relief_m) : a * (d - relief_m / 2);
    pts.push_back({h, v});
  }
  return pts;
}

} // namespace

FloodConfig load_flood_config(const YamlCursor& c, const World& w) {
  FloodConfig cfg;
  c.only_keys({"kind", "id", "step_min", "gauge_report_every", "zone_report_step_m", "gauges", "reaches",
               "levees", "zones", "src", "note", "zh", "en"});
  c.require_src();
  cfg.id = c.id();
  cfg.step_s = c.opt_num("step_min", 15, Range::positive()) * 60;
  cfg.gauge_report_every_steps = int(c.opt_num("gauge_report_every", 4, Range::positive()));
  cfg.zone_report_step_m = c.opt_num("zone_report_step_m", 0.05, Range::positive());

  for (auto& g : c.seq("gauges", true)) {
    g.only_keys({"id", "rating", "manning", "warning_m", "guarantee_m", "reporter", "src", "note"});
    g.require_src();
    GaugeConfig gc;
    gc.id = g.id();
    const Facility* f = w.facility(gc.id);
    if (!gc.id.empty() && (!f || f->kind != "gauge"))
      g["id"].error("unknown gauge \"" + gc.id + "\" (expected a facility of kind gauge)");
    gc.warning_m = g.opt_num("warning_m", f && f->warning_m ? *f->warning_m : 0);
    gc.guarantee_m = g.opt_num("guarantee_m", f && f->guarantee_m ? *f->guarantee_m : 0);
    if (gc.guarantee_m < gc.warning_m) g.error("guarantee level must not be below the warning level");
    gc.reporter = g.opt_str("reporter");
    if (!gc.reporter.empty() && !w.post(gc.reporter))
      g["reporter"].error("unknown command post \"" + gc.reporter + "\"");
    try {
      if (g.has("rating")) {
        YamlCursor r = g["rating"];
        if (r.has("points")) {
          std::vector<RatingPoint> pts;
          YamlCursor ps = r["points"];
          for (size_t i = 0; i < ps.size(); ++i) {
            double h = 0, q = 0;
            YamlCursor p = ps.at(i);
            if (!p.is_seq() || p.size() != 2 || !YAML::convert<double>::decode(p.node()[0], h) ||
                !YAML::convert<double>::decode(p.node()[1], q))
              p.error("expected [stage_m, discharge_m3_s]");
            else
              pts.push_back({h, q});
          }
          gc.rating = RatingCurve::from_table(pts);
        } else {
          gc.rating = RatingCurve::power_law(r.num("a", Range::positive()), r.num("h0_m"),
                                             r.num("b", Range::positive()));
        }
      } else if (g.has("manning")) {
        YamlCursor m = g["manning"];
        GaugeSectionConfig s;
        const std::string shape = m.str("section");
        if (shape == "rectangular")
          s.section = ChannelSection::rectangular(m.num("width_m", Range::positive()));
        else if (shape == "trapezoidal")
          s.section = ChannelSection::trapezoidal(m.num("width_m", Range::positive()),
                                                  m.num("side_slope", Range::non_negative()));
        else
          m["section"].error("expected rectangular or trapezoidal");
        s.n = m.num("n", Range::positive());
        s.slope = m.num("slope", Range::positive());
        s.bed_elev_m = m.num("bed_elev_m");
        gc.manning = s;
      } else {
        g.error("a gauge needs a rating (points or a, h0_m, b) or a manning section");
      }
    } catch (const std::invalid_argument& e) {
      g.error(e.what());
    }
    cfg.gauges.push_back(std::move(gc));
  }

  for (auto& r : c.seq("reaches", true)) {
    r.only_keys({"id", "river", "upstream_gauge", "inflow", "lateral_inflow", "k_h", "x", "downstream_gauge",
                 "src", "note"});
    r.require_src();
    ReachConfig rc;
    rc.id = r.id();
    rc.river = r.opt_str("river");
    rc.upstream_gauge = r.opt_str("upstream_gauge");
    rc.inflow = hydrograph(r, "inflow");
    rc.lateral_inflow = hydrograph(r, "lateral_inflow");
    if (rc.upstream_gauge.empty() && rc.inflow.empty())
      r.error("a reach needs an upstream_gauge or an inflow hydrograph");
    rc.k_h = r.num("k_h", Range::positive());
    rc.x = r.num("x", Range::closed(0, 0.5));
    rc.downstream_gauge = r.opt_str("downstream_gauge");
    cfg.reaches.push_back(std::move(rc));
  }

  for (auto& l : c.seq("levees")) {
    l.only_keys(
        {"id", "gauge", "crest_elev_m", "length_m", "zone", "node", "breach", "src", "note", "zh", "en"});
    l.require_src();
    LeveeConfig lc;
    lc.id = l.id();
    lc.gauge = l.str("gauge");
    lc.crest_elev_m = l.num("crest_elev_m");
    lc.length_m = l.num("length_m", Range::positive());
    lc.zone = l.str("zone");
    lc.node = l.opt_str("node");
    if (!lc.node.empty() && !w.node(lc.node)) l["node"].error("unknown road node \"" + lc.node + "\"");
    if (l.has("breach")) {
      YamlCursor b = l["breach"];
      b.only_keys({"mode", "at_h", "probability_per_h", "final_width_m", "formation_h", "bottom_elev_m",
                   "side_slope", "coefficient", "src", "note"});
      b.require_src();
      const std::string mode = b.opt_str("mode", "none");
      if (mode == "scheduled") {
        lc.breach.mode = BreachMode::kScheduled;
        lc.breach.at_h = b.num("at_h", Range::non_negative());
      } else if (mode == "random") {
        lc.breach.mode = BreachMode::kRandom;
        lc.breach.probability_per_h = b.num("probability_per_h", Range::closed(0, 1));
      } else if (mode != "none") {
        b["mode"].error("expected scheduled, random or none (got \"" + mode + "\")");
      }
      lc.breach.final_width_m = b.opt_num("final_width_m", 50, Range::positive());
      lc.breach.formation_h = b.opt_num("formation_h", 1, Range::positive());
      lc.breach.bottom_elev_m = b.num("bottom_elev_m");
      // HEC-RAS asks for the side slopes of the trapezoid (H:V); without one the opening is rectangular.
      lc.breach.side_slope_h_v = b.opt_num("side_slope", 0.0, Range::non_negative());
      lc.breach.coefficient = b.opt_num("coefficient", kHecRasBreachWeirCoefficient, Range::positive());
    }
    cfg.levees.push_back(std::move(lc));
  }

  for (auto& z : c.seq("zones", true)) {
    z.only_keys({"id", "storage", "area_km2", "relief_m", "dem", "ground_elev_m", "people",
                 "pump_rate_m3_s_per_unit", "roads", "facilities", "src", "note"});
    z.require_src();
    ZoneConfig zc;
    zc.id = z.id();
    const Zone* pz = w.zone(zc.id);
    if (!zc.id.empty() && !pz) z["id"].error("unknown population zone \"" + zc.id + "\"");
    zc.ground_elev_m = z.num("ground_elev_m");
    zc.people = z.opt_num("people", pz ? pz->population : 0, Range::non_negative());
    zc.pump_rate_m3_s_per_unit = z.opt_num("pump_rate_m3_s_per_unit", 0.5, Range::positive());
    if (z.has("storage")) {
      YamlCursor s = z["storage"];
      for (size_t i = 0; i < s.size(); ++i) {
        double h = 0, v = 0;
        YamlCursor p = s.at(i);
        if (!p.is_seq() || p.size() != 2 || !YAML::convert<double>::decode(p.node()[0], h) ||
            !YAML::convert<double>::decode(p.node()[1], v))
          p.error("expected [level_m, volume_m3]");
        else if (!(h >= -3000 && h <= 9000 && v >= 0 && v <= 1e12)) // the schema's elevation; 1,000 km³
          p.error("expected [level_m, volume_m3] with level_m in [-3000, 9000] and volume_m3 in [0, 1e12]");
        else
          zc.storage.push_back({h, v});
      }
    } else if (z.has("dem")) {
      YamlCursor d = z["dem"];
      DemClip clip;
      if (d.has("bbox")) {
        auto b = d["bbox"].node();
        double x[4] = {0, 0, 0, 0};
        bool ok = b.IsSequence() && b.size() == 4;
        for (size_t k = 0; ok && k < 4; ++k)
          ok = YAML::convert<double>::decode(b[k], x[k]) && std::isfinite(x[k]);
        if (!ok)
          d["bbox"].error("expected [min_x, min_y, max_x, max_y] (four finite numbers)");
        else
          clip.bbox = BoundingBox{x[0], x[1], x[2], x[3]};
      }
      try {
        zc.storage = dem_storage_table(resolve_path(c.file(), d.str("file")), clip).points;
      } catch (const std::exception& e) {
        d["file"].error(e.what());
      }
    } else {
      const double area = z.num("area_km2", Range::positive());
      const double relief = z.opt_num("relief_m", 2.0, Range::positive());
      zc.storage = tilted_plane(area, zc.ground_elev_m - relief / 2, relief, zc.ground_elev_m + 15);
    }
    for (auto& r : z.seq("roads")) {
      r.only_keys({"road", "crest_elev_m", "closure_depth_m", "src", "note"});
      ZoneRoadConfig rc;
      rc.road = r.str("road");
      const Road* road = w.road(rc.road);
      if (!rc.road.empty() && !road) r["road"].error("unknown road \"" + rc.road + "\"");
      const RoadClass* cls = road ? w.road_class(road->cls) : nullptr;
      rc.crest_elev_m =
          r.opt_num("crest_elev_m", road && road->crest_elev_m ? *road->crest_elev_m : zc.ground_elev_m);
      rc.closure_depth_m =
          r.opt_num("closure_depth_m", cls ? cls->flood_closure_depth_m : 0.3, Range::positive());
      zc.roads.push_back(rc);
    }
    for (auto& f : z.seq("facilities")) {
      f.only_keys({"facility", "ground_elev_m", "depth_m", "src", "note"});
      f.require_src();
      ZoneFacilityConfig fc;
      fc.facility = f.str("facility");
      if (!fc.facility.empty() && !w.facility(fc.facility))
        f["facility"].error("unknown facility \"" + fc.facility + "\"");
      fc.ground_elev_m = f.opt_num("ground_elev_m", zc.ground_elev_m);
      fc.depth_m = f.num("depth_m", Range::positive());
      zc.facilities.push_back(fc);
    }
    cfg.zones.push_back(std::move(zc));
  }
  return cfg;
}

} // namespace hg::flood
