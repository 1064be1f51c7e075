/// @file
/// @brief Registration of `kind: chemical_release`: how to build it from a scenario, its events, the
/// plan quantities it makes observable, the work it takes, its KPIs and report texts, and its
/// calculators.
#include "sim/hazards/chemical/ChemicalModule.hpp"

#include "sim/hazards/chemical/ChemicalCalculators.hpp"
#include "sim/hazards/chemical/ChemicalKpis.hpp"
#include "sim/hazards/chemical/ChemicalLoader.hpp"
#include "sim/hazards/chemical/ChemicalModel.hpp"
#include "sim/io/Scenario.hpp"

#include <limits>
#include <stdexcept>

namespace hg::chemical {

namespace {

std::vector<EventType> chemical_events() {
  return {
      {"chemical_release.configured",
       "[hazard, source]",
       "the release as configured (at t = 0)",
       {{"chemical", "", ""},
        {"source", "", ""},
        {"lat", "deg", ""},
        {"lon", "deg", ""},
        {"start_s", "s", "release start (after the trigger, if any)"},
        {"trigger_facility", "", "cascade trigger"},
        {"airborne_fraction", "share", ""},
        {"flash_fraction", "share", ""},
        {"sigmas", "", ""},
        {"threshold_duration_min", "min", "AEGL column"},
        {"aegl1_ppm", "ppm", ""},
        {"aegl2_ppm", "ppm", ""},
        {"aegl3_ppm", "ppm", ""},
        {"dense_gas_not_modelled", "", "true for chlorine and ammonia"},
        {"decon", "", "decontamination target id"},
        {"inventory_kg", "kg", ""},
        {"initial_rate_kg_s", "kg/s", ""},
        {"tank_gauge_pressure_kpa", "kPa", ""},
        {"rate_g_s", "g/s", "fixed-rate source"},
        {"duration_s", "s", "fixed-rate source"},
        {"wind_m_s", "m/s", ""},
        {"wind_from_deg", "deg", ""},
        {"stability", "", "Pasquill–Gifford class"}}},
      {"chemical_release.weather",
       "[hazard]",
       "the wind or stability class changes",
       {{"t_s", "s", ""},
        {"wind_m_s", "m/s", ""},
        {"wind_from_deg", "deg", ""},
        {"stability", "", ""},
        {"stability_from", "", "given | pasquill_table"},
        {"insolation", "", ""},
        {"sun_elevation_deg", "deg", ""}}},
      {"chemical_release.triggered",
       "[hazard, facility]",
       "the trigger facility was lost to another hazard",
       {{"t_s", "s", ""}, {"facility", "", ""}, {"release_at_s", "s", "when the release starts"}}},
      {"chemical_release.release_started",
       "[hazard, source]",
       "gas starts to escape",
       {{"t_s", "s", ""},
        {"chemical", "", ""},
        {"airborne_rate_g_s", "g/s", ""},
        {"airborne_fraction", "share", ""}}},
      {"chemical_release.release_stopped",
       "[hazard, source]",
       "the release ends",
       {{"t_s", "s", ""},
        {"reason", "", "plugged | empty | duration_elapsed | stopped_by_inject"},
        {"released_kg", "kg", ""},
        {"airborne_kg", "kg", ""}}},
      {"chemical_release.threat_zone",
       "[hazard]",
       "AEGL-1/2/3 footprints on the receptor grid (every report)",
       {{"t_s", "s", ""},
        {"airborne_rate_g_s", "g/s", ""},
        {"released_kg", "kg", ""},
        {"wind_from_deg", "deg", ""},
        {"wind_m_s", "m/s", ""},
        {"stability", "", ""},
        {"grid", "",
         "{lat0, lon0, half_size_m, cells, spacing_m}: cell (i, j) is i·spacing − half east, "
         "j·spacing − half north of (lat0, lon0)"},
        {"levels", "",
         "per level: threshold_ppm, distance_m, max_width_m, area_km2, hull [[lat, lon]], "
         "runs [[row j, first i, last i]]"}}},
      {"chemical_release.zone_exposure",
       "[hazard, zone]",
       "a zone's air, people and doses (every report)",
       {{"t_s", "s", ""},
        {"outdoor_ppm", "ppm", "mean over the zone"},
        {"indoor_ppm", "ppm", "ordinary buildings"},
        {"toxic_load_outdoor", "ppm^n·min", "largest load of someone outdoors"},
        {"toxic_load_units", "", ""},
        {"present", "people", ""},
        {"sheltering", "people", ""},
        {"evacuated", "people", "left so far"},
        {"people_aegl2", "people", "present inside the outdoor AEGL-2 footprint"},
        {"people_aegl3", "people", "present inside the outdoor AEGL-3 footprint"},
        {"breathing_aegl2", "people", "largest number breathing air above AEGL-2 in the interval"},
        {"breathing_aegl3", "people", "same for AEGL-3"},
        {"expected_fatalities", "people", "cumulative"},
        {"expected_injuries", "people", "cumulative"}}},
      {"chemical_release.zone_reached",
       "[hazard, zone]",
       "the outdoor air first passes the reach level in a zone",
       {{"t_s", "s", ""},
        {"level", "", ""},
        {"peak_ppm", "ppm", ""},
        {"present", "people", ""},
        {"sheltering", "people", ""}}},
      {"chemical_release.responder_exposure",
       "[unit, hazard]",
       "a unit's work step in the gas (dose behind its respirator)",
       {{"t_s", "s", ""},
        {"task", "", ""},
        {"site", "", "road node"},
        {"site_ppm", "ppm", ""},
        {"protection_factor", "", "assigned protection factor"},
        {"inhaled_ppm", "ppm", ""},
        {"minutes", "min", "time in the step"},
        {"toxic_load", "ppm^n·min", "cumulative"},
        {"injury_load", "ppm^n·min", "the AEGL-2 load"},
        {"personnel", "people", "exposed"},
        {"above_aegl2", "", "toxic_load >= injury_load"}}},
      {"chemical_release.ppe_withdrawn",
       "[unit, hazard]",
       "an entry team's breathing air runs low: it withdraws",
       {{"t_s", "s", ""},
        {"entry_team", "people", ""},
        {"air_min", "min", "work per entry"},
        {"back_at_s", "s", "next entry"},
        {"plug_work_person_h", "person-h", "done so far"}}},
      {"chemical_release.decontaminated",
       "[decon point, unit]",
       "people passed the decontamination line",
       {{"t_s", "s", ""},
        {"responders", "people", ""},
        {"casualties", "people", ""},
        {"waiting_responders", "people", ""},
        {"waiting_casualties", "people", ""},
        {"total", "people", "so far"}}},
  };
}

} // namespace

HazardModule chemical_module() {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  HazardModule m;
  m.kind = "chemical_release";
  m.zh = "危险化学品泄漏";
  m.en = "chemical release";
  m.build = [](const YamlCursor& spec, const Scenario& sc, uint64_t seed) -> std::unique_ptr<Hazard> {
    const size_t before = spec.diagnostics().error_count();
    ChemicalConfig cfg = load_chemical_config(spec, sc.world, sc.start_label);
    if (spec.diagnostics().error_count() != before) return nullptr;
    if (sc.incident.node < sc.world.nodes.size()) cfg.incident_node = sc.world.nodes[sc.incident.node].id;
    try {
      return std::make_unique<ChemicalModel>(std::move(cfg), seed);
    } catch (const std::invalid_argument& e) {
      spec.error(e.what());
      return nullptr;
    }
  };
  m.events = chemical_events();
  m.quantities = {
      {"people_in_aegl2", "", "people_aegl2", QuantitySpec::Read::kSumOverSubjects, 0, kInf,
       "people reported inside the AEGL-2 threat zone / AEGL-2威胁区内人数"},
      {"people_in_aegl3", "", "people_aegl3", QuantitySpec::Read::kSumOverSubjects, 0, kInf,
       "people reported inside the AEGL-3 threat zone / AEGL-3威胁区内人数"},
      {"aegl2_people", "zone", "people_aegl2", QuantitySpec::Read::kValueOfArg, 0, kInf,
       "people reported inside the AEGL-2 threat zone in a zone / 某区域AEGL-2威胁区内人数"},
      {"gas_ppm", "sensor", "concentration_ppm", QuantitySpec::Read::kValueOfArg, 0, kInf,
       "latest reading of a gas detector, ppm / 气体检测仪最新读数"},
      {"max_gas_ppm", "", "concentration_ppm", QuantitySpec::Read::kMaxOverSubjects, 0, kInf,
       "highest latest reading over the gas detectors, ppm / 各检测仪最新读数最大值"},
      {"release_rate_g_s", "", "release_rate_g_s", QuantitySpec::Read::kMaxOverSubjects, 0, kInf,
       "reported airborne release rate, g/s / 泄漏速率"},
  };
  m.tasks = {{"plug_leak", "hazmat", "plug the leak in gas-tight suits / 堵漏(重型防化服)"},
             {"decontaminate", "hazmat", "run the decontamination line / 洗消"}};
  m.capabilities = {"hazmat"};
  m.kpis = chemical_kpis();
  m.texts = chemical_kpi_texts();
  m.calculators = chemical_calculators;
  return m;
}

} // namespace hg::chemical
