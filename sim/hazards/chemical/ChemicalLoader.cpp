/// @file
/// @brief YAML → ChemicalConfig with file:line:col errors.
#include "sim/hazards/chemical/ChemicalLoader.hpp"

#include <cmath>
#include <stdexcept>

namespace hg::chemical {

namespace {

constexpr double kKelvin = 273.15;

/// A place: facility:, node: or lat:/lon: on the mapping. Sets the node id when there is one.
bool place(const YamlCursor& c, const World& w, LatLon& pos, std::string& node) {
  if (c.has("facility")) {
    const std::string id = c.str("facility");
    const Facility* f = w.facility(id);
    if (!f) {
      c["facility"].error("unknown facility \"" + id + "\"");
      return false;
    }
    pos = f->pos;
    if (f->node < w.nodes.size()) node = w.nodes[f->node].id;
    return true;
  }
  if (c.has("node")) {
    const std::string id = c.str("node");
    const RoadNode* n = w.node(id);
    if (!n) {
      c["node"].error("unknown road node \"" + id + "\"");
      return false;
    }
    pos = n->pos;
    node = id;
    return true;
  }
  if (c.has("lat") || c.has("lon")) {
    pos.lat = c.num("lat", Range::closed(-90, 90));
    pos.lon = c.num("lon", Range::closed(-180, 180));
    return true;
  }
  c.error("needs a place: facility:, node: or lat: and lon:");
  return false;
}

/// Runs f; an std::invalid_argument becomes an error on `at`.
template <class F> void checked(const YamlCursor& at, F&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    at.error(e.what());
  }
}

SourceConfig load_source(const YamlCursor& s, const World& w) {
  SourceConfig out;
  s.only_keys({"id",
               "facility",
               "node",
               "lat",
               "lon",
               "chemical",
               "kind",
               "storage",
               "tank",
               "hole_diameter_mm",
               "hole_phase",
               "hole_height_m",
               "discharge_coefficient",
               "gauge_pressure_kpa",
               "rate_g_s",
               "duration_min",
               "start_min",
               "release_height_m",
               "airborne_fraction",
               "stack",
               "initial_sigma_m",
               "src",
               "note",
               "zh",
               "en"});
  s.require_src();
  out.id = s.has("id") ? s.id() : "source";
  place(s, w, out.position, out.node);
  checked(s["chemical"], [&] { out.chemical = &chemical(s.str("chemical")); });
  const std::string kind = s.opt_str("kind", "tank");
  out.start_s = s.opt_num("start_min", 0, Range::non_negative()) * 60;
  out.release_height_m = s.opt_num("release_height_m", 1, Range::closed(0, 300));
  out.airborne_fraction = s.has("airborne_fraction") ? s.num("airborne_fraction", Range::closed(0, 1)) : -1;
  out.initial_sigma_m = s.opt_num("initial_sigma_m", 1, Range::closed(0.1, 100));
  if (kind == "fixed_rate") {
    out.kind = SourceKind::kFixedRate;
    out.fixed_rate_g_s = s.num("rate_g_s", Range::positive());
    out.fixed_duration_s = s.num("duration_min", Range::positive()) * 60;
  } else if (kind == "tank") {
    out.kind = SourceKind::kTank;
    TankSpec& t = out.tank;
    const std::string storage = s.opt_str("storage", "liquefied");
    if (storage == "liquefied")
      t.liquefied = true;
    else if (storage == "compressed_gas")
      t.liquefied = false;
    else
      s["storage"].error("expected liquefied or compressed_gas (got \"" + storage + "\")");
    if (!s.has("tank")) {
      s.error("a tank source needs tank: {shape, diameter_m, length_m, inventory_kg, temperature_c}");
    } else {
      const YamlCursor k = s["tank"];
      k.only_keys({"shape", "diameter_m", "length_m", "inventory_kg", "temperature_c", "src", "note"});
      const std::string shape = k.opt_str("shape", "horizontal_cylinder");
      if (shape == "horizontal_cylinder")
        t.shape = TankShape::kHorizontalCylinder;
      else if (shape == "vertical_cylinder")
        t.shape = TankShape::kVerticalCylinder;
      else
        k["shape"].error("expected horizontal_cylinder or vertical_cylinder (got \"" + shape + "\")");
      t.diameter_m = k.num("diameter_m", Range::closed(0.1, 100));
      t.length_m = k.num("length_m", Range::closed(0.1, 200));
      t.inventory_kg = t.liquefied ? k.num("inventory_kg", Range::positive()) : k.opt_num("inventory_kg", 0);
      t.temperature_k = k.num("temperature_c", Range::closed(-60, 80)) + kKelvin;
    }
    t.hole_diameter_m = s.num("hole_diameter_mm", Range::closed(0.1, 1000)) / 1000.0;
    const std::string phase = s.opt_str("hole_phase", "liquid");
    if (phase == "liquid")
      t.hole_phase = HolePhase::kLiquid;
    else if (phase == "vapour" || phase == "vapor")
      t.hole_phase = HolePhase::kVapour;
    else
      s["hole_phase"].error("expected liquid or vapour (got \"" + phase + "\")");
    t.hole_height_m = s.opt_num("hole_height_m", 0, Range::non_negative());
    t.discharge_coefficient = s.opt_num("discharge_coefficient", 0.61, Range::closed(0.1, 1.0));
    if (!t.liquefied) t.gauge_pressure_pa = s.num("gauge_pressure_kpa", Range::positive()) * 1000;
  } else {
    s["kind"].error("expected tank or fixed_rate (got \"" + kind + "\")");
  }
  if (s.has("stack")) {
    const YamlCursor k = s["stack"];
    k.only_keys({"exit_velocity_m_s", "diameter_m", "temperature_c", "src", "note"});
    StackConfig st;
    st.exit_velocity_m_s = k.num("exit_velocity_m_s", Range::positive());
    st.diameter_m = k.num("diameter_m", Range::closed(0.01, 20));
    st.temperature_k = k.num("temperature_c", Range::closed(-50, 1500)) + kKelvin;
    out.stack = st;
  }
  return out;
}

} // namespace

ChemicalConfig load_chemical_config(const YamlCursor& c, const World& w, const std::string& start_label) {
  ChemicalConfig cfg;
  c.only_keys({"kind",
               "id",
               "zh",
               "en",
               "step_min",
               "substep_s",
               "report_every_min",
               "sigmas",
               "grid",
               "max_travel_km",
               "threshold_duration_min",
               "closure_level",
               "reach_level",
               "plug_leak_person_h",
               "source",
               "weather",
               "zones",
               "roads",
               "sensors",
               "trigger",
               "evacuation_transit_min",
               "responders",
               "src",
               "note"});
  c.require_src();
  cfg.id = c.id();
  cfg.step_s = c.opt_num("step_min", 1, Range::closed(0.1, 60)) * 60;
  cfg.substep_s = c.opt_num("substep_s", std::min(60.0, cfg.step_s), Range::closed(1, 3600));
  cfg.report_every_s = c.opt_num("report_every_min", 5, Range::closed(0.1, 1440)) * 60;
  cfg.max_travel_m = c.opt_num("max_travel_km", 40, Range::closed(1, 200)) * 1000;
  cfg.threshold_duration_min = c.opt_num("threshold_duration_min", 60, Range::closed(10, 480));
  cfg.plug_leak_person_h = c.opt_num("plug_leak_person_h", 2, Range::non_negative());
  cfg.evacuation_transit_s = c.opt_num("evacuation_transit_min", 10, Range::closed(0, 240)) * 60;
  if (c.has("trigger")) {
    const YamlCursor t = c["trigger"];
    t.only_keys({"facility_lost", "src", "note"});
    t.require_src();
    cfg.trigger_facility = t.str("facility_lost");
    if (!cfg.trigger_facility.empty() && !w.facility(cfg.trigger_facility))
      t["facility_lost"].error("unknown facility \"" + cfg.trigger_facility + "\"");
  }
  if (c.has("responders")) {
    const YamlCursor r = c["responders"];
    r.only_keys({"entry_team", "ppe_air_min", "ppe_turnaround_min", "protection_factor",
                 "decon_people_per_person_h", "casualties_need_decon", "decon", "src", "note"});
    r.require_src();
    ResponderConfig& rc = cfg.responders;
    rc.entry_team = r.opt_num("entry_team", rc.entry_team, Range::closed(1, 100));
    rc.ppe_air_s = r.opt_num("ppe_air_min", rc.ppe_air_s / 60, Range::closed(1, 480)) * 60;
    rc.ppe_turnaround_s =
        r.opt_num("ppe_turnaround_min", rc.ppe_turnaround_s / 60, Range::closed(0, 480)) * 60;
    rc.protection_factor = r.opt_num("protection_factor", rc.protection_factor, Range::closed(1, 1e6));
    rc.decon_people_per_person_h =
        r.opt_num("decon_people_per_person_h", rc.decon_people_per_person_h, Range::closed(0, 1000));
    rc.casualties_need_decon = r.opt_bool("casualties_need_decon", rc.casualties_need_decon);
    if (r.has("decon")) {
      const YamlCursor d = r["decon"];
      d.only_keys({"id", "node", "src", "note"});
      if (d.has("id")) rc.decon_id = d.id();
      if (d.has("node")) {
        rc.decon_node = d.str("node");
        if (const RoadNode* n = w.node(rc.decon_node))
          rc.decon_position = n->pos;
        else
          d["node"].error("unknown road node \"" + rc.decon_node + "\"");
      }
    }
  }
  checked(c["sigmas"], [&] { cfg.sigmas = parse_sigma_set(c.opt_str("sigmas", "isc3")); });
  checked(c["closure_level"], [&] {
    cfg.closure_level = parse_toxic_level(c.opt_str("closure_level", "aegl2"), "closure_level");
  });
  checked(c["reach_level"],
          [&] { cfg.reach_level = parse_toxic_level(c.opt_str("reach_level", "aegl2"), "reach_level"); });
  if (c.has("grid")) {
    const YamlCursor g = c["grid"];
    g.only_keys({"half_size_km", "cells", "src", "note"});
    cfg.grid.half_size_m = g.opt_num("half_size_km", 15, Range::closed(0.5, 100)) * 1000;
    const double cells = g.opt_num("cells", 101, Range::closed(11, 1001));
    if (cells != std::floor(cells)) g["cells"].error("expected a whole number of cells");
    cfg.grid.cells = int(cells);
  } else {
    cfg.grid.half_size_m = 15000;
    cfg.grid.cells = 101;
  }
  if (!start_label.empty()) cfg.start_unix_s = parse_iso8601_utc_s(start_label);

  if (!c.has("source"))
    c.error("a chemical_release hazard needs source:");
  else
    cfg.source = load_source(c["source"], w);

  for (auto& e : c.seq("weather", true)) {
    e.only_keys({"at_h", "at_min", "wind_m_s", "from_deg", "stability", "cloud_oktas", "cloud_base",
                 "air_temp_c", "src", "note"});
    e.require_src();
    WeatherPoint p;
    p.at_s = e.has("at_min") ? e.num("at_min", Range::non_negative()) * 60
                             : e.opt_num("at_h", 0, Range::non_negative()) * 3600;
    p.wind_m_s = e.num("wind_m_s", Range::closed(1, 30));
    p.from_deg = e.num("from_deg", Range::closed(0, 360));
    if (e.has("stability")) {
      const std::string s = e.str("stability");
      if (s != "auto") checked(e["stability"], [&] { p.stability = parse_stability(s); });
    }
    p.cloud_oktas = e.opt_num("cloud_oktas", 0, Range::closed(0, 8));
    checked(e["cloud_base"], [&] { p.cloud_base = parse_cloud_base(e.opt_str("cloud_base", "low")); });
    p.air_temp_k = e.opt_num("air_temp_c", 15, Range::closed(-60, 50)) + kKelvin;
    if (!cfg.weather.empty() && p.at_s <= cfg.weather.back().at_s) e.error("weather times must increase");
    if (!p.stability && !cfg.start_unix_s)
      e.error("stability: auto needs the scenario's start: time (to place the sun); give A–F instead");
    cfg.weather.push_back(p);
  }

  // Population zones: every world zone within search_km of the source, as circles.
  double search_km = 20, urban = 700, rural = 1500, forest = 3000, indoor = 0.9, ach = 0.5, shelter_ach = 0.3;
  std::vector<YamlCursor> overrides;
  if (c.has("zones")) {
    const YamlCursor z = c["zones"];
    z.only_keys({"search_km", "radius_m", "indoor_fraction", "air_changes_per_h", "shelter_air_changes_per_h",
                 "overrides", "src", "note"});
    z.require_src();
    search_km = z.opt_num("search_km", search_km, Range::closed(0, 200));
    if (z.has("radius_m")) {
      const YamlCursor r = z["radius_m"];
      r.only_keys({"urban", "rural", "forest"});
      urban = r.opt_num("urban", urban, Range::positive());
      rural = r.opt_num("rural", rural, Range::positive());
      forest = r.opt_num("forest", forest, Range::positive());
    }
    indoor = z.opt_num("indoor_fraction", indoor, Range::closed(0, 1));
    ach = z.opt_num("air_changes_per_h", ach, Range::closed(0, 50));
    shelter_ach = z.opt_num("shelter_air_changes_per_h", shelter_ach, Range::closed(0, 50));
    overrides = z.seq("overrides");
  }
  const LatLon src = cfg.source.position;
  for (const Zone& z : w.zones) {
    if (z.node >= w.nodes.size()) continue;
    const LatLon p = w.nodes[z.node].pos;
    if (great_circle_km(src, p) > search_km) continue;
    ZoneReceptor r;
    r.id = z.id;
    r.centre = p;
    r.radius_m = z.kind == ZoneKind::kUrban ? urban : z.kind == ZoneKind::kRural ? rural : forest;
    r.people = z.population;
    r.indoor_fraction = indoor;
    r.air_changes_per_h = ach;
    r.shelter_air_changes_per_h = shelter_ach;
    cfg.zones.push_back(r);
  }
  for (auto& o : overrides) {
    o.only_keys({"id", "radius_m", "indoor_fraction", "air_changes_per_h", "shelter_air_changes_per_h",
                 "people", "polygon", "src", "note"});
    const std::string id = o.str("id");
    ZoneReceptor* r = nullptr;
    for (auto& x : cfg.zones)
      if (x.id == id) r = &x;
    if (!r) {
      const Zone* wz = w.zone(id);
      if (!wz) {
        o["id"].error("unknown population zone \"" + id + "\"");
        continue;
      }
      ZoneReceptor add;
      add.id = id;
      add.centre = w.nodes[wz->node].pos;
      add.people = wz->population;
      add.indoor_fraction = indoor;
      add.air_changes_per_h = ach;
      add.shelter_air_changes_per_h = shelter_ach;
      add.radius_m = urban;
      cfg.zones.push_back(add);
      r = &cfg.zones.back();
    }
    r->radius_m = o.opt_num("radius_m", r->radius_m, Range::positive());
    r->indoor_fraction = o.opt_num("indoor_fraction", r->indoor_fraction, Range::closed(0, 1));
    r->air_changes_per_h = o.opt_num("air_changes_per_h", r->air_changes_per_h, Range::closed(0, 50));
    r->shelter_air_changes_per_h =
        o.opt_num("shelter_air_changes_per_h", r->shelter_air_changes_per_h, Range::closed(0, 50));
    r->people = o.opt_num("people", r->people, Range::non_negative());
    if (o.has("polygon")) {
      const YamlCursor poly = o["polygon"];
      for (size_t i = 0; i < poly.size(); ++i) {
        const YamlCursor pt = poly.at(i);
        double la = 0, lo = 0;
        if (!pt.is_seq() || pt.size() != 2 || !YAML::convert<double>::decode(pt.node()[0], la) ||
            !YAML::convert<double>::decode(pt.node()[1], lo))
          pt.error("expected [lat, lon]");
        else
          r->polygon.push_back({la, lo});
      }
      if (r->polygon.size() < 3) poly.error("a polygon needs at least 3 [lat, lon] points");
    }
  }

  // Roads: every world road with both ends within search_km.
  double road_km = 15;
  if (c.has("roads")) {
    const YamlCursor r = c["roads"];
    r.only_keys({"search_km", "src", "note"});
    road_km = r.opt_num("search_km", road_km, Range::closed(0, 200));
  }
  for (const Road& r : w.roads) {
    if (r.from >= w.nodes.size() || r.to >= w.nodes.size()) continue;
    const LatLon a = w.nodes[r.from].pos, b = w.nodes[r.to].pos;
    if (great_circle_km(src, a) <= road_km && great_circle_km(src, b) <= road_km)
      cfg.roads.push_back({r.id, a, b, w.nodes[r.from].id, w.nodes[r.to].id});
  }

  for (auto& s : c.seq("sensors")) {
    s.only_keys({"id", "facility", "node", "lat", "lon", "reporter", "every_min", "src", "note"});
    SensorConfig sn;
    sn.id = s.id();
    std::string node;
    place(s, w, sn.position, node);
    sn.reporter = s.opt_str("reporter");
    if (!sn.reporter.empty() && !w.post(sn.reporter))
      s["reporter"].error("unknown command post \"" + sn.reporter + "\"");
    sn.every_s = s.opt_num("every_min", 10, Range::positive()) * 60;
    cfg.sensors.push_back(sn);
  }
  return cfg;
}

} // namespace hg::chemical
