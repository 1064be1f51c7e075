/// @file
/// @brief The forest fire as the program sees it: how to build it from a scenario (`kind: forest_fire`),
/// its events, the plan quantities it makes observable, the work it takes, its KPIs and report texts,
/// and `hgdrill model fire`.
#include "sim/hazards/fire/FireModule.hpp"

#include "sim/hazards/fire/FireCalculators.hpp"
#include "sim/hazards/fire/FireKpis.hpp"
#include "sim/hazards/fire/FireLoader.hpp"
#include "sim/hazards/fire/FireModel.hpp"
#include "sim/io/Scenario.hpp"

#include <limits>
#include <stdexcept>

namespace hg::fire {

namespace {

std::vector<EventType> fire_events() {
  return {
      {"fire.ignited",
       "[fire]",
       "the fire starts at its ignition point",
       {{"lat", "deg", ""},
        {"lon", "deg", ""},
        {"node", "", "road node crews are sent to"},
        {"fuel_model", "", "Anderson fuel model of the ignition cell"},
        {"ros_m_min", "m/min", "head rate there"},
        {"flame_length_m", "m", ""},
        {"spread_azimuth_deg", "deg", "direction of maximum spread"},
        {"grid", "",
         "raster georeference: nx, ny, cell_m and the lat/lon of the corner cell centres nw, ne, sw, se"}}},
      {"fire.wind",
       "[fire]",
       "the wind in force changes (series point or inject)",
       {{"speed_10m_m_s", "m/s", "10-m wind"},
        {"dir_deg", "deg", "where the wind comes from"},
        {"inject", "", "true for an injected change"}}},
      {"fire.perimeter",
       "[fire]",
       "the fire's state every report_every_min (and at containment)",
       {{"t_h", "h", ""},
        {"area_ha", "ha", "burned area"},
        {"perimeter_m", "m", "burned/unburned boundary"},
        {"front_m", "m", "boundary still able to spread"},
        {"head_ros_m_min", "m/min", "fastest front cell"},
        {"max_flame_length_m", "m", ""},
        {"line_m", "m", "fireline built"},
        {"contained", "", ""},
        {"burned_new", "", "cells burned since the last report, runs per row \"row:col+len,…;…\""},
        {"front", "", "active front cells now, same coding"},
        {"line_new", "", "fireline cells built since the last report, same coding"}}},
      {"fire.road_threatened",
       "[road, fire]",
       "the front comes within closure_distance_m of a road (closed)",
       {{"distance_m", "m", ""}}},
      {"fire.evacuation_needed",
       "[settlement, fire]",
       "a settlement is inside the projected arrival time (persistence forecast)",
       {{"eta_h", "h", "projected time to arrival"},
        {"horizon_h", "h", ""},
        {"zone", "", "the settlement is a zone"}}},
      {"fire.reached",
       "[settlement, fire]",
       "the fire reaches a settlement's footprint",
       {{"arrival_h", "h", ""}, {"zone", "", ""}}},
      {"fire.entrapment_risk",
       "[unit, fire]",
       "a crew working on the fire is at risk of entrapment",
       {{"line", "", "the target it works on"},
        {"reason", "", ""},
        {"lat", "deg", "crew position"},
        {"lon", "deg", ""},
        {"flame_length_m", "m", "direct attack: flame facing the crew"},
        {"time_to_fire_min", "min", "indirect attack: projected fire arrival next to the crew"},
        {"escape_time_min", "min", "walk to the safety zone"}}},
      {"fire.entrapment",
       "[unit, fire]",
       "the fire burns next to a crew while it works there",
       {{"line", "", ""}, {"lat", "deg", ""}, {"lon", "deg", ""}, {"escape_time_min", "min", ""}}},
      {"fire.crew_on_line",
       "[unit, fire]",
       "a crew has walked in from its drop node and starts building line",
       {{"line", "", "the target it works on"}, {"task", "", ""}, {"walk_in_min", "min", ""}}},
      {"fire.line_completed", "[line, fire]", "a planned indirect line is finished", {{"line_m", "m", ""}}},
      {"fire.contained",
       "[fire]",
       "the perimeter is closed by line and non-burnable cells",
       {{"area_ha", "ha", ""}, {"line_m", "m", ""}}},
      {"fire.spot_ignited", "[fire]", "an injected spot fire", {{"lat", "deg", ""}, {"lon", "deg", ""}}},
      {"fire.danger",
       "[fire]",
       "the day's Canadian FWI (at start and each local noon)",
       {{"day", "", "scenario day"},
        {"ffmc", "", ""},
        {"dmc", "", ""},
        {"dc", "", ""},
        {"isi", "", ""},
        {"bui", "", ""},
        {"fwi", "", ""},
        {"class", "", "1 low … 5 extreme"},
        {"label", "", "zh/en class name"}}},
  };
}

} // namespace

HazardModule fire_module() {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  HazardModule m;
  m.kind = "forest_fire";
  m.zh = "森林火灾";
  m.en = "forest fire";
  m.build = [](const YamlCursor& spec, const Scenario& sc, uint64_t seed) -> std::unique_ptr<Hazard> {
    (void)seed; // the fire model is deterministic; uncertain inputs are drawn before it is built
    const size_t before = spec.diagnostics().error_count();
    FireConfig cfg = load_fire_config(spec, sc);
    if (spec.diagnostics().error_count() != before) return nullptr;
    try {
      return std::make_unique<FireModel>(std::move(cfg));
    } catch (const std::exception& e) {
      // Messages start with the field at fault ("ignition: …"): point the error at that field.
      const std::string msg = e.what();
      const size_t colon = msg.find(": ");
      const std::string field = colon == std::string::npos ? "" : msg.substr(0, colon);
      if (!field.empty() && spec.has(field))
        spec[field].error(msg.substr(colon + 2));
      else
        spec.error(msg);
      return nullptr;
    }
  };
  m.events = fire_events();
  using Read = QuantitySpec::Read;
  m.quantities = {
      {"fire_area_ha", "", "fire_area_ha", Read::kMaxOverSubjects, 0, kInf,
       "reported burned area, ha / 过火面积"},
      {"fire_front_m", "", "fire_front_m", Read::kMaxOverSubjects, 0, kInf,
       "reported length of the active front, m / 活动火线长度"},
      {"fire_danger_fwi", "", "fire_danger_fwi", Read::kMaxOverSubjects, 0, kInf,
       "the day's Fire Weather Index / 火险天气指数"},
      {"fire_danger", "", "fire_danger_class", Read::kMaxOverSubjects, 1, 5,
       "the day's fire-danger class 1 low … 5 extreme / 森林火险等级(1–5)"},
      {"fire_eta_h", "zone", "fire_eta_h", Read::kValueOfArg, 0, kInf,
       "projected hours until the fire reaches a settlement zone / 林火预计到达时间(小时)"},
      {"fireline_m", "", "fireline_m", Read::kSumOverSubjects, 0, kInf, "fireline built, m / 已建控制线长度"},
      {"fire_contained", "", "fire_contained", Read::kMaxOverSubjects, 0, 1,
       "the fire is contained (0/1) / 火场已控制"},
      {"crews_at_risk", "", "crew_entrapment_risk", Read::kSumOverSubjects, 0, kInf,
       "crews reported at risk of entrapment now / 遇险扑火队伍数"},
  };
  m.tasks = {
      {kTaskFireline, "forest_fire", "build fireline on a planned line or the fire's edge / 开设控制线"},
      {kTaskDirectAttack, "forest_fire", "attack the fire's edge from the rear (direct attack) / 直接扑救"},
      {kTaskIndirectAttack, "forest_fire",
       "cut a planned line ahead of the fire (indirect attack) / 间接扑救(开设隔离带)"},
  };
  m.capabilities = {"forest_fire", "forest_fire_professional"};
  m.kpis = fire_kpis();
  m.texts = fire_kpi_texts();
  m.calculators = fire_calculators;
  return m;
}

} // namespace hg::fire
