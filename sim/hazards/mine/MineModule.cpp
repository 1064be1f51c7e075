/// @file
/// @brief Registers `kind: coal_mine`: loader + model, the event catalogue entries, the plan quantities
/// (`miners_trapped`, `mine_co(sensor)`), the `mine_rescue` task, the KPIs and `hgdrill model ventilation`.
#include "sim/hazards/mine/MineModule.hpp"

#include "sim/hazards/mine/MineCalculators.hpp"
#include "sim/hazards/mine/MineKpis.hpp"
#include "sim/hazards/mine/MineLoader.hpp"
#include "sim/hazards/mine/MineModel.hpp"
#include "sim/io/Scenario.hpp"

#include <limits>
#include <stdexcept>

namespace hg::mine {

namespace {

std::vector<EventType> mine_events() {
  const EventField t_h{"t_h", "h", "model time of the state"};
  return {
      {"mine.network",
       "[mine]",
       "the mine network at the start (schematic for the viewer)",
       {{"zh", "", "name"},
        {"en", "", "name"},
        {"head_node", "", "road node of the mine head"},
        {"junctions", "", "[[id, x_m, y_m, z_m, surface]]"},
        {"branches", "", "[[id, from, to, airway|shaft, escape]]"},
        {"faces", "", "[[id, junction]]"},
        {"refuges", "", "[[id, junction, capacity]]"},
        {"sensors", "", "[[id, junction]]"}}},
      {"mine.ventilation",
       "[mine]",
       "the airflow is solved (start and every change of the network)",
       {t_h,
        {"cause", "", "start, explosion, door …, fan …, water_inrush, roof_fall"},
        {"iterations", "count", "Hardy Cross sweeps or Newton steps"},
        {"converged", "", ""},
        {"max_imbalance_pa", "Pa", "largest mesh pressure imbalance"},
        {"intake_m3_s", "m3/s", "air entering from the surface"},
        {"meshes", "count", ""},
        {"components", "count", "connected parts"},
        {"still_branches", "", "branches with no airflow"},
        {"flow_m3_s", "m3/s", "every branch, in network order"}}},
      {"mine.airflow",
       "[branch, mine]",
       "a branch's airflow changed after a re-solve",
       {t_h,
        {"flow_m3_s", "m3/s", "from→to positive"},
        {"previous_m3_s", "m3/s", ""},
        {"pressure_drop_pa", "Pa", "p_from − p_to"},
        {"reversed", "", "the air now flows the other way"}}},
      {"mine.event",
       "[mine]",
       "an accident underground (explosion or outburst, fire, water inrush, roof fall)",
       {t_h,
        {"what", "", "explosion | outburst | outburst_explosion | fire | water_inrush | roof_fall"},
        {"centre", "", "junction"},
        {"damage_radius_m", "m", ""},
        {"damaged_branches", "", ""},
        {"doors_destroyed", "", ""},
        {"blocked_branches", "", ""},
        {"afterdamp_co_ppm", "ppm", ""},
        {"junction", "", "inrush junction"},
        {"where", "", "fire junction or branch"},
        {"co_g_s", "g/s", ""},
        {"smoke_g_s", "g/s", ""}}},
      {"mine.water",
       "[mine]",
       "inrush water closes airways to walking or seals them to air",
       {t_h,
        {"volume_m3", "m3", "water in the mine"},
        {"level_m", "m", "water level (elevation)"},
        {"closed_to_travel", "", "branches"},
        {"sealed_to_air", "", "branches"}}},
      {"mine.warning",
       "[mine]",
       "the mine dispatcher tells every workplace to get out",
       {t_h, {"how", "", ""}}},
      {"mine.group",
       "[group, mine]",
       "a group of miners changes state",
       {t_h,
        {"state", "", "working | escaping | in_refuge | out | incapacitated | dead | trapped"},
        {"count", "people", ""},
        {"face", "", "workplace the group came from"},
        {"cohb_pct", "%", "carboxyhaemoglobin"},
        {"where", "", "{junction} or {branch, s}"},
        {"self_rescuer_on", "", ""},
        {"why", "", ""},
        {"rescued", "", "out thanks to a rescue team"}}},
      {"mine.route",
       "[group, mine]",
       "a group decides where to go (or finds its way blocked)",
       {t_h,
        {"choice", "", "exit | refuge | self_rescuer_station | blocked"},
        {"target", "", ""},
        {"t_exit_min", "min", "−1 = no route"},
        {"t_refuge_min", "min", "−1 = no route"},
        {"self_rescuer_left_min", "min", ""},
        {"self_rescuer_on", "", ""},
        {"where", "", ""}}},
      {"mine.self_rescuer",
       "[group, mine]",
       "self-rescuers donned, failed, exhausted or changed at a cache",
       {t_h,
        {"what", "", "donning | donning_failed | exhausted | changed_at_station"},
        {"count", "people", ""},
        {"station", "", ""}}},
      {"mine.rescue",
       "[team, mine]",
       "a mine rescue team's step underground",
       {t_h,
        {"action", "",
         "arrived_at_shaft | entered | heading_to_group | reached_group | carrying | carrying_out | "
         "escorting | turned_back | route_blocked | rerouting | returning | back_at_base | "
         "no_one_reachable | stood_down"},
        {"shaft", "", ""},
        {"unit", "", "engine unit whose rescuers form the team"},
        {"personnel", "people", ""},
        {"minutes_after_accident", "min", ""},
        {"base", "", "shaft-bottom junction"},
        {"group", "", ""},
        {"group_state", "", ""},
        {"travel_min", "min", ""},
        {"apparatus_left_min", "min", ""},
        {"count", "people", ""},
        {"brought_out", "people", ""}}},
      {"mine.co",
       "[sensor, mine]",
       "a CO sensor's reading changed (every report interval)",
       {t_h, {"co_ppm", "ppm", ""}, {"junction", "", ""}, {"alarm", "", "at or above the alarm level"}}},
      {"mine.snapshot",
       "[mine]",
       "CO along every airway and where every group is (every report interval, if changed)",
       {t_h,
        {"co_ppm", "ppm", "every branch, in network order (most along it)"},
        {"groups", "", "[[group, state, count, junction or branch, s]]"}}},
      {"mine.summary",
       "[mine]",
       "miners by state (start and every report interval)",
       {t_h,
        {"shift", "", ""},
        {"underground", "people", "at the start"},
        {"working", "people", ""},
        {"escaping", "people", ""},
        {"in_refuge", "people", ""},
        {"out", "people", "on the surface alive"},
        {"incapacitated", "people", ""},
        {"dead", "people", ""},
        {"trapped", "people", ""},
        {"rescued", "people", "out thanks to rescue teams"},
        {"underground_alive", "people", "reported trapped (被困)"},
        {"water_level_m", "m", ""},
        {"patients_waiting", "people", "casualties at the head waiting for an ambulance"},
        {"patients_total", "people", "casualties brought out who need a hospital"}}},
      {"mine.patients",
       "[mine]",
       "casualties brought out, or handed over to an ambulance",
       {t_h,
        {"action", "", "brought_out | handed_over"},
        {"group", "", ""},
        {"unit", "", "ambulance"},
        {"count", "people", ""},
        {"condition", "", "incapacitated | injured"},
        {"cohb_pct", "%", ""},
        {"waiting", "people", "still waiting at the head"}}},
  };
}

} // namespace

HazardModule mine_module() {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  HazardModule m;
  m.kind = "coal_mine";
  m.zh = "煤矿事故";
  m.en = "coal-mine accident";
  m.build = [](const YamlCursor& spec, const Scenario& sc, uint64_t seed) -> std::unique_ptr<Hazard> {
    const size_t before = spec.diagnostics().error_count();
    MineConfig cfg = load_mine_config(spec, &sc.world);
    if (spec.diagnostics().error_count() != before) return nullptr;
    // A plan shared by several mine scenarios sends units to `incident`: that is this mine when the
    // incident is at one of its heads.
    auto here = [&](const std::string& place) {
      auto n = sc.world.node_of(place);
      return n && *n == sc.incident.node;
    };
    cfg.incident_here = !cfg.head_node.empty() && here(cfg.head_node);
    for (const auto& h : cfg.shaft_heads)
      cfg.incident_here = cfg.incident_here || here(h.node);
    if (cfg.incident_here) cfg.reports_from_s = sc.incident.at_s + sc.incident.report_delay_s;
    try {
      return std::make_unique<MineModel>(std::move(cfg), seed);
    } catch (const std::invalid_argument& e) {
      spec.error(e.what());
      return nullptr;
    }
  };
  m.events = mine_events();
  m.quantities = {
      {"miners_trapped", "", "miners_trapped", QuantitySpec::Read::kSumOverSubjects, 0, kInf,
       "miners reported alive underground after the accident / 井下被困（未升井的存活）人数"},
      {"mine_co", "sensor", "mine_co_ppm", QuantitySpec::Read::kValueOfArg, 0, 1e6,
       "latest CO reading of a mine sensor, ppm / 井下CO传感器最新读数"},
  };
  m.tasks = {
      {"mine_rescue", "mine_rescue",
       "rescue teams of the unit go underground with breathing apparatus / 救护小队佩用呼吸器入井救援"}};
  m.capabilities = {"mine_rescue"};
  m.kpis = mine_kpis();
  m.texts = mine_kpi_texts();
  m.calculators = mine_calculators;
  return m;
}

} // namespace hg::mine
