/// @file
/// @brief The coal-mine hazard entry reader.
#include "sim/hazards/mine/MineLoader.hpp"

#include "sim/hazards/mine/MineNetworkLoader.hpp"

#include <cmath>

namespace hg::mine {

namespace {

std::vector<YamlCursor> one_or_many(const YamlCursor& c, const std::string& key) {
  if (!c.has(key)) return {};
  YamlCursor e = c[key];
  if (e.is_map()) return {e};
  return c.seq(key);
}

int junction_of(const MineNetwork& net, const YamlCursor& c, const std::string& key, bool required) {
  if (!required && !c.has(key)) return -1;
  const std::string id = c.str(key);
  const int j = net.junction_index(id);
  if (!id.empty() && j < 0) c[key].error("unknown junction \"" + id + "\" in the mine network");
  return j;
}

std::vector<int> branches_of(const MineNetwork& net, const YamlCursor& c, const std::string& key) {
  std::vector<int> out;
  for (const std::string& id : c.strs(key)) {
    const int b = net.branch_index(id);
    if (b < 0)
      c[key].error("unknown branch \"" + id + "\" in the mine network");
    else
      out.push_back(b);
  }
  return out;
}

double at_s(const YamlCursor& c) {
  return c.num("at_h", Range::non_negative()) * 3600;
}

} // namespace

MineConfig load_mine_config(const YamlCursor& c, const World* w) {
  MineConfig cfg;
  c.only_keys({"kind",
               "id",
               "zh",
               "en",
               "network",
               "shift",
               "head_node",
               "shafts",
               "shift_zone",
               "reporter",
               "step_s",
               "report_every_min",
               "warning_delay_min",
               "airflow_report_fraction",
               "miners",
               "rescue",
               "explosion",
               "fire",
               "water_inrush",
               "roof_fall",
               "src",
               "note"});
  c.require_src();
  cfg.id = c.id();
  cfg.zh = c.opt_str("zh");
  cfg.en = c.opt_str("en");
  cfg.step_s = c.opt_num("step_s", 30, Range::closed(1, 600));
  cfg.report_every_s = c.opt_num("report_every_min", 5, Range::closed(0.5, 1440)) * 60;
  cfg.warning_delay_s =
      c.has("warning_delay_min") ? c.num("warning_delay_min", Range::non_negative()) * 60 : -1;
  cfg.airflow_report_fraction = c.opt_num("airflow_report_fraction", 0.1, Range::closed(0, 10));
  cfg.head_node = c.opt_str("head_node");
  if (w && !cfg.head_node.empty() && !w->node_of(cfg.head_node))
    c["head_node"].error("unknown place \"" + cfg.head_node +
                         "\" (expected a road node, zone or facility id)");
  cfg.shift_zone = c.opt_str("shift_zone");
  if (w && !cfg.shift_zone.empty() && !w->zone(cfg.shift_zone))
    c["shift_zone"].error("unknown zone \"" + cfg.shift_zone + "\"");
  cfg.reporter = c.opt_str("reporter");
  if (w && !cfg.reporter.empty() && !w->post(cfg.reporter))
    c["reporter"].error("unknown command post \"" + cfg.reporter + "\"");

  cfg.network_file = resolve_path(c.file(), c.str("network"));
  const size_t before = c.diagnostics().error_count();
  if (!c["network"].is_null()) {
    auto f = YamlFile::load(cfg.network_file, c.diagnostics());
    if (f) cfg.net = load_mine_network(f->root(), {true, true});
  }
  if (c.diagnostics().error_count() != before) return cfg; // the events refer to the network
  const MineNetwork& net = cfg.net;
  if (!net.has_surface()) c["network"].error("the mine network needs surface junctions (surface: true)");

  cfg.shift = c.str("shift");
  bool shift_known = false;
  for (const auto& f : net.faces)
    for (const auto& cr : f.crews)
      shift_known = shift_known || cr.shift == cfg.shift;
  if (!cfg.shift.empty() && !shift_known)
    c["shift"].error("no face of the mine network has a crew on shift \"" + cfg.shift + "\"");

  for (const YamlCursor& h : c.seq("shafts")) {
    h.only_keys({"shaft", "head_node", "src", "note"});
    ShaftHead sh;
    const std::string id = h.str("shaft");
    sh.branch = net.branch_index(id);
    if (!id.empty() && sh.branch < 0)
      h["shaft"].error("unknown branch \"" + id + "\" in the mine network");
    else if (sh.branch >= 0 && !net.branches[size_t(sh.branch)].escape)
      h["shaft"].error("branch \"" + id + "\" is not an escape shaft (escape: true) in the mine network");
    sh.node = h.str("head_node");
    if (w && !sh.node.empty() && !w->node_of(sh.node))
      h["head_node"].error("unknown place \"" + sh.node + "\" (expected a road node, zone or facility id)");
    if (sh.branch >= 0) cfg.shaft_heads.push_back(sh);
  }
  if (c.has("miners")) {
    YamlCursor m = c["miners"];
    m.only_keys({"self_rescuer_min", "walk_speed_m_s", "smoke_walk_speed_m_s", "dense_smoke_cs_per_m",
                 "donning_s", "donning_failure_fraction", "alarm_co_ppm", "visible_smoke_cs_per_m",
                 "rmv_walk_l_min", "rmv_rest_l_min", "incapacitation_cohb_pct", "lethal_cohb_pct",
                 "wading_speed_factor", "hospital_cohb_pct", "src", "note"});
    m.require_src();
    MinerParams& p = cfg.miners;
    p.scsr_s = m.opt_num("self_rescuer_min", 45, Range::closed(5, 240)) * 60;
    p.walk.clear_m_s = m.opt_num("walk_speed_m_s", 1.0, Range::closed(0.1, 3));
    p.walk.dense_m_s = m.opt_num("smoke_walk_speed_m_s", 0.5, Range::closed(0.05, 3));
    p.walk.dense_cs_per_m = m.opt_num("dense_smoke_cs_per_m", 2.2, Range::positive());
    if (p.walk.dense_m_s > p.walk.clear_m_s)
      m["smoke_walk_speed_m_s"].error("expected a speed <= walk_speed_m_s");
    p.donning_s = m.opt_num("donning_s", 60, Range::closed(0, 1800));
    p.donning_failure_fraction = m.opt_num("donning_failure_fraction", 0, Range::closed(0, 1));
    p.alarm_co_ppm = m.opt_num("alarm_co_ppm", 24, Range::positive());
    p.visible_cs_per_m = m.opt_num("visible_smoke_cs_per_m", 0.1, Range::positive());
    p.rmv_walk_l_min = m.opt_num("rmv_walk_l_min", 25, Range::closed(5, 100));
    p.rmv_rest_l_min = m.opt_num("rmv_rest_l_min", 8.5, Range::closed(3, 100));
    p.incapacitation_cohb_pct = m.opt_num("incapacitation_cohb_pct", 30, Range::closed(5, 100));
    p.lethal_cohb_pct = m.opt_num("lethal_cohb_pct", 50, Range::closed(5, 100));
    if (p.lethal_cohb_pct < p.incapacitation_cohb_pct)
      m["lethal_cohb_pct"].error("expected a level >= incapacitation_cohb_pct");
    p.wading_speed_factor = m.opt_num("wading_speed_factor", 0.3, Range::closed(0, 1));
    p.hospital_cohb_pct = m.opt_num("hospital_cohb_pct", 10, Range::closed(0, 100));
  }
  if (c.has("rescue")) {
    YamlCursor r = c["rescue"];
    r.only_keys({"apparatus_h", "reserve_fraction", "speed_m_s", "carry_speed_factor", "treat_min",
                 "bearers_per_casualty", "turnaround_min", "team_size", "src", "note"});
    r.require_src();
    RescueParams& p = cfg.rescue;
    p.apparatus_s = r.opt_num("apparatus_h", 4, Range::closed(0.25, 12)) * 3600;
    p.reserve_fraction = r.opt_num("reserve_fraction", 0.25, Range::closed(0, 0.9));
    p.speed_m_s = r.opt_num("speed_m_s", 0.5, Range::closed(0.05, 3));
    p.carry_speed_factor = r.opt_num("carry_speed_factor", 0.5, Range::closed(0.05, 1));
    p.treat_s = r.opt_num("treat_min", 10, Range::closed(0, 240)) * 60;
    p.bearers_per_casualty = int(r.opt_num("bearers_per_casualty", 4, Range::closed(1, 12)));
    p.turnaround_s = r.opt_num("turnaround_min", 30, Range::closed(0, 1440)) * 60;
    p.team_size = int(r.opt_num("team_size", 9, Range::closed(1, 100)));
  }
  for (auto& e : one_or_many(c, "explosion")) {
    e.only_keys({"at_h", "kind", "centre", "damage_radius_m", "blocked_airways", "afterdamp_co_ppm",
                 "afterdamp_smoke_mg_m3", "fatality_fraction", "felt_radius_m", "src", "note"});
    e.require_src();
    ExplosionEvent x;
    x.at_s = at_s(e);
    x.kind = e.opt_str("kind", "explosion");
    if (x.kind != "explosion" && x.kind != "outburst" && x.kind != "outburst_explosion")
      e["kind"].error("expected explosion, outburst or outburst_explosion (got \"" + x.kind + "\")");
    x.centre = junction_of(net, e, "centre", true);
    x.damage_radius_m = e.num("damage_radius_m", Range::non_negative());
    x.blocked = branches_of(net, e, "blocked_airways");
    x.afterdamp_co_ppm = e.opt_num("afterdamp_co_ppm", 0, Range::closed(0, 1e6));
    x.afterdamp_smoke_mg_m3 = e.opt_num("afterdamp_smoke_mg_m3", 0, Range::non_negative());
    x.fatality_fraction = e.opt_num("fatality_fraction", 0, Range::closed(0, 1));
    x.felt_radius_m = e.opt_num("felt_radius_m", x.damage_radius_m, Range::non_negative());
    cfg.explosions.push_back(x);
  }
  for (auto& e : one_or_many(c, "fire")) {
    e.only_keys(
        {"at_h", "junction", "branch", "co_g_s", "smoke_g_s", "growth_min", "duration_h", "src", "note"});
    e.require_src();
    FireEvent f;
    f.at_s = at_s(e);
    if (e.has("junction") == e.has("branch"))
      e.error("a fire is at a junction or in a branch (give one of them)");
    f.junction = junction_of(net, e, "junction", false);
    if (e.has("branch")) {
      const std::string id = e.str("branch");
      f.branch = net.branch_index(id);
      if (!id.empty() && f.branch < 0) e["branch"].error("unknown branch \"" + id + "\" in the mine network");
    }
    f.co_g_s = e.num("co_g_s", Range::non_negative());
    f.smoke_g_s = e.opt_num("smoke_g_s", 0, Range::non_negative());
    f.growth_s = e.opt_num("growth_min", 0, Range::non_negative()) * 60;
    f.duration_s = e.opt_num("duration_h", 0, Range::non_negative()) * 3600;
    cfg.fires.push_back(f);
  }
  for (auto& e : one_or_many(c, "water_inrush")) {
    e.only_keys({"at_h", "junction", "inflow", "pump_m3_s", "travel_depth_m", "lethal_depth_m",
                 "alert_radius_m", "src", "note"});
    e.require_src();
    InrushEvent x;
    x.at_s = at_s(e);
    x.junction = junction_of(net, e, "junction", true);
    YamlCursor h = e["inflow"];
    if (!e.has("inflow") || !h.is_seq() || h.size() == 0) {
      h.error("expected a list of [minutes_after_inrush, inflow_m3_s] points");
    } else {
      double last = -1;
      for (size_t i = 0; i < h.size(); ++i) {
        YamlCursor p = h.at(i);
        double t = 0, q = 0;
        if (!p.is_seq() || p.size() != 2 || !YAML::convert<double>::decode(p.node()[0], t) ||
            !YAML::convert<double>::decode(p.node()[1], q) || !std::isfinite(t) || !std::isfinite(q)) {
          p.error("expected [minutes_after_inrush, inflow_m3_s]");
          continue;
        }
        if (t <= last) p.error("times must increase");
        if (q < 0) p.error("expected an inflow >= 0 m3/s");
        last = t;
        x.inflow.push_back({t * 60, q});
      }
    }
    x.pump_m3_s = e.opt_num("pump_m3_s", 0, Range::non_negative());
    x.travel_depth_m = e.opt_num("travel_depth_m", 1.0, Range::positive());
    x.lethal_depth_m = e.opt_num("lethal_depth_m", 1.5, Range::positive());
    if (x.lethal_depth_m < x.travel_depth_m) e["lethal_depth_m"].error("expected a depth >= travel_depth_m");
    x.alert_radius_m = e.opt_num("alert_radius_m", 200, Range::non_negative());
    cfg.inrushes.push_back(x);
  }
  for (auto& e : one_or_many(c, "roof_fall")) {
    e.only_keys({"at_h", "airways", "centre", "radius_m", "fatality_fraction", "remove", "src", "note"});
    e.require_src();
    RoofFallEvent x;
    x.at_s = at_s(e);
    x.airways = branches_of(net, e, "airways");
    x.centre = junction_of(net, e, "centre", false);
    x.radius_m = e.opt_num("radius_m", 0, Range::non_negative());
    if (x.airways.empty() && (x.centre < 0 || x.radius_m <= 0))
      e.error("a roof fall needs airways, or a centre and radius_m");
    x.fatality_fraction = e.opt_num("fatality_fraction", 0, Range::closed(0, 1));
    x.remove = e.opt_bool("remove", false);
    cfg.roof_falls.push_back(x);
  }
  if (cfg.explosions.empty() && cfg.fires.empty() && cfg.inrushes.empty() && cfg.roof_falls.empty())
    c.warning("no accident given (explosion, fire, water_inrush or roof_fall): the mine just works");
  return cfg;
}

} // namespace hg::mine
