/// @file
/// @brief YamlCursor loader of the forest-fire hazard (schema in docs/formats.md, "Forest fire hazard").
#include "sim/hazards/fire/FireLoader.hpp"

#include "sim/hazards/fire/FuelModel.hpp"

#include <cmath>
#include <filesystem>
#include <regex>

namespace hg::fire {

namespace {

/// A [lat, lon] pair.
bool lat_lon(const YamlCursor& c, LatLonPoint& p) {
  double lat = 0, lon = 0;
  if (!c.is_seq() || c.size() != 2 || !YAML::convert<double>::decode(c.node()[0], lat) ||
      !YAML::convert<double>::decode(c.node()[1], lon)) {
    c.error("expected [lat, lon] in degrees (WGS84)");
    return false;
  }
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
    c.error("expected a latitude in -90..90 and a longitude in -180..180");
    return false;
  }
  p = {lat, lon};
  return true;
}

/// Position of a world place (node, zone, facility or post).
bool place_pos(const Scenario& sc, const std::string& id, LatLonPoint& p) {
  auto n = sc.world.node_of(id);
  if (!n) return false;
  p = {sc.world.nodes[*n].pos.lat, sc.world.nodes[*n].pos.lon};
  return true;
}

} // namespace

bool parse_start_label(const std::string& label, int& month, double& hour, double& utc_offset_h) {
  static const std::regex kIso(R"((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?(Z|[+-]\d{2}:?\d{2})?)");
  std::smatch m;
  if (!std::regex_match(label, m, kIso)) return false;
  month = std::stoi(m[2]);
  hour = std::stoi(m[4]) + std::stoi(m[5]) / 60.0;
  utc_offset_h = 0;
  if (m[6].matched && m[6].str() != "Z") {
    const std::string z = m[6].str();
    const int sign = z[0] == '-' ? -1 : 1;
    const int hh = std::stoi(z.substr(1, 2));
    const int mm = std::stoi(z.substr(z.size() - 2, 2));
    utc_offset_h = sign * (hh + mm / 60.0);
  }
  return month >= 1 && month <= 12 && hour < 24;
}

FireConfig load_fire_config(const YamlCursor& c, const Scenario& sc) {
  FireConfig cfg;
  c.only_keys({"kind",         "id",
               "src",          "note",
               "zh",           "en",
               "step_min",     "report_every_min",
               "fuel_raster",  "elevation_raster",
               "ignition",     "start",
               "wind",         "wind_adjustment_factor",
               "wind_limit",   "weather",
               "moisture",     "farmland",
               "roads",        "evacuation_horizon_h",
               "settlements",  "settlement_radius_m",
               "default_crew", "lines",
               "danger",       "harm",
               "walk_in_m_min"});
  c.require_src();
  cfg.id = c.id();
  cfg.step_s = c.opt_num("step_min", 10, Range::closed(0.5, 120)) * 60;
  cfg.report_every_s = c.opt_num("report_every_min", 30, Range::closed(1, 1440)) * 60;
  const World& w = sc.world;

  // Rasters, relative to the scenario file.
  const std::string fuel = c.str("fuel_raster");
  if (!fuel.empty()) {
    cfg.fuel_raster = resolve_path(c.file(), fuel);
    if (!std::filesystem::exists(cfg.fuel_raster))
      c["fuel_raster"].error("file not found: " + cfg.fuel_raster);
  }
  if (c.has("elevation_raster")) {
    cfg.elevation_raster = resolve_path(c.file(), c.str("elevation_raster"));
    if (!std::filesystem::exists(cfg.elevation_raster))
      c["elevation_raster"].error("file not found: " + cfg.elevation_raster);
  }

  // Ignition: a point, its nearest road node and its time.
  if (c.has("ignition")) {
    YamlCursor ig = c["ignition"];
    ig.only_keys({"lat", "lon", "node", "at_h", "src", "note"});
    ig.require_src();
    cfg.ignition.lat = ig.num("lat", Range::closed(-90, 90));
    cfg.ignition.lon = ig.num("lon", Range::closed(-180, 180));
    cfg.ignition_node = ig.str("node");
    if (const RoadNode* n = cfg.ignition_node.empty() ? nullptr : w.node(cfg.ignition_node))
      cfg.ignition_node_pos = LatLonPoint{n->pos.lat, n->pos.lon};
    else if (!cfg.ignition_node.empty())
      ig["node"].error("unknown road node \"" + cfg.ignition_node + "\"");
    cfg.ignition_at_s = ig.opt_num("at_h", 0, Range::non_negative()) * 3600;
  } else {
    c["ignition"].error("missing required field (expected lat, lon, node, at_h)");
  }

  // A fire starting at the incident's node is the incident: plans may send crews to `target: incident`.
  cfg.is_incident = sc.incident.kind == "forest_fire" && !cfg.ignition_node.empty() &&
                    sc.incident.node < w.nodes.size() && w.nodes[sc.incident.node].id == cfg.ignition_node;

  // Clock: from the scenario start label unless given.
  int month = 0;
  double hour = 0, offset = 8;
  const bool from_label = parse_start_label(sc.start_label, month, hour, offset);
  if (c.has("start")) {
    YamlCursor s = c["start"];
    s.only_keys({"month", "hour", "utc_offset_h", "note"});
    cfg.start_month = static_cast<int>(s.num("month", Range::closed(1, 12)));
    cfg.start_hour = s.num("hour", Range::closed(0, 23.99));
    cfg.utc_offset_h = s.opt_num("utc_offset_h", 8, Range::closed(-12, 14));
  } else if (from_label) {
    cfg.start_month = month;
    cfg.start_hour = hour;
    cfg.utc_offset_h = offset;
  } else {
    c.error("the fire needs the local time of t = 0: a scenario start: \"YYYY-MM-DDTHH:MM+08:00\" or "
            "start: {month, hour}");
  }

  double last_t = -1;
  for (auto& p : c.seq("wind", true)) {
    p.only_keys({"t_h", "speed_10m_m_s", "dir_deg", "src", "note"});
    p.require_src();
    WindPoint wp;
    wp.t_h = p.num("t_h", Range::non_negative());
    wp.speed_10m_m_s = p.num("speed_10m_m_s", Range::closed(0, 60));
    wp.dir_deg = p.num("dir_deg", Range::closed(0, 360));
    if (wp.t_h <= last_t) p["t_h"].error("wind times must increase");
    if (cfg.wind.empty() && wp.t_h != 0) p["t_h"].error("the first wind point must be at t_h: 0");
    last_t = wp.t_h;
    cfg.wind.push_back(wp);
  }
  cfg.wind_adjustment_factor = c.opt_num("wind_adjustment_factor", 0.4, Range::closed(0.05, 1));
  cfg.apply_wind_limit = c.opt_bool("wind_limit", false);

  last_t = -1;
  for (auto& p : c.seq("weather", true)) {
    p.only_keys({"t_h", "temp_c", "rh_pct", "src", "note"});
    p.require_src();
    WeatherPoint wp;
    wp.t_h = p.num("t_h", Range::non_negative());
    wp.temp_c = p.num("temp_c", Range::closed(-50, 50));
    wp.rh_pct = p.num("rh_pct", Range::closed(0, 100));
    if (wp.t_h <= last_t) p["t_h"].error("weather times must increase");
    last_t = wp.t_h;
    cfg.weather.push_back(wp);
  }

  if (c.has("moisture")) {
    YamlCursor m = c["moisture"];
    m.only_keys(
        {"live_herb_pct", "live_woody_pct", "dead_1h_pct", "dead_10h_pct", "dead_100h_pct", "src", "note"});
    m.require_src();
    cfg.moisture.live_herb_pct = m.num("live_herb_pct", Range::closed(30, 300));
    cfg.moisture.live_woody_pct = m.num("live_woody_pct", Range::closed(30, 300));
    if (m.has("dead_1h_pct")) {
      cfg.dead_by_time_of_day = false;
      cfg.moisture.dead_1h_pct = m.num("dead_1h_pct", Range::closed(1, 60));
      cfg.moisture.dead_10h_pct =
          m.opt_num("dead_10h_pct", cfg.moisture.dead_1h_pct + 1, Range::closed(1, 60));
      cfg.moisture.dead_100h_pct =
          m.opt_num("dead_100h_pct", cfg.moisture.dead_1h_pct + 2, Range::closed(1, 60));
    }
  } else {
    c["moisture"].error("missing required field (expected live_herb_pct, live_woody_pct)");
  }

  if (c.has("farmland")) {
    YamlCursor f = c["farmland"];
    f.only_keys({"fuel_model", "burnable_months", "src", "note"});
    f.require_src();
    const int fm = static_cast<int>(f.num("fuel_model", Range::closed(1, 13)));
    bool burnable = false;
    YamlCursor months = f["burnable_months"];
    if (f.has("burnable_months") && months.is_seq()) {
      for (size_t i = 0; i < months.size(); ++i) {
        double m = 0;
        if (!YAML::convert<double>::decode(months.node()[i], m) || m < 1 || m > 12 || m != std::floor(m))
          months.at(i).error("expected a month 1..12");
        else if (static_cast<int>(m) == cfg.start_month)
          burnable = true;
      }
    } else {
      f["burnable_months"].error("expected a list of months 1..12");
    }
    cfg.farmland_fuel = burnable ? fm : 0;
  }

  std::map<std::string, double> class_width;
  if (c.has("roads")) {
    YamlCursor r = c["roads"];
    r.only_keys({"firebreak_min_width_m", "closure_distance_m", "reopen_after_h", "width_m", "src", "note"});
    r.require_src();
    cfg.firebreak_min_width_m = r.opt_num("firebreak_min_width_m", 10, Range::positive());
    cfg.closure_distance_m = r.opt_num("closure_distance_m", 1000, Range::non_negative());
    cfg.reopen_after_h = r.opt_num("reopen_after_h", 2, Range::non_negative());
    if (r.has("width_m")) {
      YamlCursor wm = r["width_m"];
      if (!wm.is_map())
        wm.error("expected {road class: width in m}");
      else
        for (auto it = wm.node().begin(); it != wm.node().end(); ++it) {
          const std::string cls = it->first.as<std::string>("");
          if (!w.road_class(cls)) wm[cls].error("unknown road class \"" + cls + "\"");
          class_width[cls] = wm.num(cls, Range::positive());
        }
    }
  }
  for (const Road& road : w.roads) {
    RoadLine rl;
    rl.id = road.id;
    rl.points = {{w.nodes[road.from].pos.lat, w.nodes[road.from].pos.lon},
                 {w.nodes[road.to].pos.lat, w.nodes[road.to].pos.lon}};
    auto it = class_width.find(road.cls);
    rl.width_m = it == class_width.end() ? 0 : it->second;
    cfg.roads.push_back(rl);
  }

  cfg.evacuation_horizon_h = c.opt_num("evacuation_horizon_h", 6, Range::closed(0.5, 72));
  cfg.walk_in_m_min = c.opt_num("walk_in_m_min", 30, Range::closed(1, 500));
  cfg.settlement_radius_m = c.opt_num("settlement_radius_m", 500, Range::positive());
  YamlCursor st = c["settlements"];
  for (const std::string& id : c.strs("settlements")) {
    Settlement s;
    s.id = id;
    s.is_zone = w.zone(id) != nullptr;
    if (!s.is_zone && !w.facility(id)) {
      st.error("unknown settlement \"" + id + "\" (expected a population zone or facility id)");
      continue;
    }
    place_pos(sc, id, s.pos);
    if (const Facility* f = w.facility(id)) s.pos = {f->pos.lat, f->pos.lon};
    if (const Zone* z = w.zone(id)) s.people = z->population;
    cfg.settlements.push_back(s);
  }

  if (c.has("harm")) {
    YamlCursor h = c["harm"];
    h.only_keys({"radiative_fraction", "exposure_s", "src", "note"});
    h.require_src();
    cfg.harm.radiative_fraction = h.opt_num("radiative_fraction", 0.3, Range::closed(0.05, 0.6));
    cfg.harm.exposure_s = h.opt_num("exposure_s", 60, Range::closed(1, 3600));
  }

  const std::string crew = c.opt_str("default_crew", "type2");
  if (auto ct = parse_crew_type(crew))
    cfg.default_crew = *ct;
  else
    c["default_crew"].error("expected type1 or type2 (got \"" + crew + "\")");

  for (auto& l : c.seq("lines")) {
    l.only_keys({"id", "mode", "crew", "node", "path", "safety_zone", "escape_rate_m_min", "src", "note",
                 "zh", "en"});
    l.require_src();
    LineConfig lc;
    lc.id = l.id();
    for (const LineConfig& other : cfg.lines)
      if (other.id == lc.id && !lc.id.empty()) l["id"].error("duplicate line id \"" + lc.id + "\"");
    if (lc.id == cfg.id && !lc.id.empty()) l["id"].error("a line id must differ from the hazard id");
    lc.mode = l.opt_str("mode", "indirect");
    if (lc.mode != "indirect" && lc.mode != "direct")
      l["mode"].error("expected indirect or direct (got \"" + lc.mode + "\")");
    const std::string ct = l.opt_str("crew", crew);
    if (auto t = parse_crew_type(ct))
      lc.crew = *t;
    else
      l["crew"].error("expected type1 or type2 (got \"" + ct + "\")");
    lc.node = l.str("node");
    if (const RoadNode* n = lc.node.empty() ? nullptr : w.node(lc.node))
      lc.node_pos = LatLonPoint{n->pos.lat, n->pos.lon};
    else if (!lc.node.empty())
      l["node"].error("unknown road node \"" + lc.node + "\"");
    if (l.has("path")) {
      YamlCursor p = l["path"];
      if (!p.is_seq())
        p.error("expected a list of [lat, lon] points");
      else
        for (size_t i = 0; i < p.size(); ++i) {
          LatLonPoint pt;
          if (lat_lon(p.at(i), pt)) lc.path.push_back(pt);
        }
    }
    if (lc.mode == "indirect" && lc.path.size() < 2)
      l["path"].error("an indirect line needs a path of >= 2 points");
    if (l.has("safety_zone")) lc.has_safety_zone = lat_lon(l["safety_zone"], lc.safety_zone);
    lc.escape_rate_m_min = l.opt_num("escape_rate_m_min", 30, Range::positive());
    cfg.lines.push_back(lc);
  }

  if (c.has("danger")) {
    YamlCursor d = c["danger"];
    d.only_keys({"start", "days", "src", "note"});
    if (!d.has("src"))
      d.error("numbers need provenance: add src: with a source, or a text starting with 'estimated'");
    if (d.has("start")) {
      YamlCursor s = d["start"];
      s.only_keys({"ffmc", "dmc", "dc"});
      cfg.danger_start.ffmc = s.opt_num("ffmc", 85, Range::closed(0, 101));
      cfg.danger_start.dmc = s.opt_num("dmc", 6, Range::non_negative());
      cfg.danger_start.dc = s.opt_num("dc", 15, Range::non_negative());
    }
    int last_day = -100000;
    for (auto& day : d.seq("days", true)) {
      day.only_keys({"day", "temp_c", "rh_pct", "wind_km_h", "rain_mm", "note"});
      DangerDay dd;
      dd.day = static_cast<int>(day.num("day", Range::closed(-366, 366)));
      dd.temp_c = day.num("temp_c", Range::closed(-50, 50));
      dd.rh_pct = day.num("rh_pct", Range::closed(0, 100));
      dd.wind_km_h = day.num("wind_km_h", Range::closed(0, 200));
      dd.rain_mm = day.opt_num("rain_mm", 0, Range::non_negative());
      if (dd.day <= last_day) day["day"].error("days must increase");
      last_day = dd.day;
      cfg.danger_days.push_back(dd);
    }
  }
  return cfg;
}

} // namespace hg::fire
