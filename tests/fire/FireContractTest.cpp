// The bundled spring fire played end to end in this process (engine, comms, the county forest-fire plan,
// units, population, scoring) with the event catalogue in strict mode: the fire reaches the engine only
// through the hazard contract. Crews dispatched by the plan walk in and build line through UnitActor's
// generic work path and the line stops the fire; the fire closes the G331; the Jinmantun farm, flagged
// inside the projected arrival time, is evacuated by the plan before the fire could arrive; the module's
// KPIs are computed from the log and listed by scoring.
#include "../core/TestSupport.hpp"
#include "FakeSink.hpp"
#include "scoring/RunScorer.hpp"
#include "sim/hazards/HazardRegistry.hpp"
#include "sim/run/RunPipeline.hpp"

#include <catch2/catch.hpp>

#include <set>

namespace {

const std::string kScenario = "scenarios/fire/taipinggou-spring.yaml";

const hg::Event* first(const std::vector<hg::Event>& ev, const std::string& type,
                       const std::string& actor = "") {
  for (const auto& e : ev)
    if (e.type == type && (actor.empty() || (!e.actors.empty() && e.actors[0] == actor))) return &e;
  return nullptr;
}

/// Burned area after 24 h with nobody fighting the fire: the same scenario's hazard alone.
double free_burn_area_ha() {
  hg::Diagnostics diag;
  hg::Scenario sc = hg::load_scenario(hgtest::source(kScenario), diag);
  auto hazards = hg::make_hazards(sc, 1, diag);
  REQUIRE(hazards.size() == 1);
  const auto sink = hg::fire::test::play(*hazards[0], 24);
  double area = 0;
  for (const auto& e : sink.events)
    if (e.type == "fire.perimeter") area = e.payload["area_ha"].get<double>();
  return area;
}

} // namespace

TEST_CASE("the spring fire with the county plan: crews build line, roads close, the farm is evacuated, KPIs",
          "[fire][contract]") {
  const double free_area = free_burn_area_ha();
  hg::EventLog::set_strict(true); // every event the run writes must be in the catalogue, the fire's included
  hg::Setup setup;
  REQUIRE(hg::load_setup(hgtest::source(kScenario), "", false, setup, false));
  hg::Simulation sim(*setup.scenario, hg::SimOptions{}, std::move(setup.hazards), setup.make_commanders());
  sim.run();
  const auto& ev = sim.log().events();

  // The plan's crews reach the fire through the generic work path: unit.work names the fire, then each
  // crew walks in from its drop node (fire.crew_on_line ≈ walk_in_min later, within one 10-min work step).
  std::set<std::string> tasks;
  for (const auto& e : hgtest::of_type(ev, "unit.work")) {
    CHECK(e.payload["hazard"] == "fire_jinmantun");
    tasks.insert(e.payload["task"].get<std::string>());
  }
  CHECK(tasks == std::set<std::string>{"direct_attack", "fireline", "indirect_attack"});
  const hg::Event* work = first(ev, "unit.work", "u_forest_hebei_1");
  const hg::Event* on_line = first(ev, "fire.crew_on_line", "u_forest_hebei_1");
  REQUIRE(work);
  REQUIRE(on_line);
  CHECK(on_line->payload["line"] == "fl_jinmantun_west");
  const double walk_s = on_line->payload["walk_in_min"].get<double>() * 60;
  CHECK(on_line->t - work->t >= walk_s - 1);
  CHECK(on_line->t - work->t <= walk_s + 600 + 1);

  // The line is built and stops growth: the fire is contained well below the area it burns unfought.
  const hg::Event* contained = first(ev, "fire.contained");
  REQUIRE(contained);
  CHECK(contained->payload["line_m"].get<double>() > 3000);
  CHECK(first(ev, "fire.line_completed", "fl_jinmantun_west"));
  double area = 0, line_m = 0;
  for (const auto& e : hgtest::of_type(ev, "fire.perimeter")) {
    area = e.payload["area_ha"].get<double>();
    line_m = std::max(line_m, e.payload["line_m"].get<double>());
  }
  INFO("area with the plan " << area << " ha, unfought " << free_area << " ha");
  CHECK(area == contained->payload["area_ha"].get<double>()); // nothing burns after containment
  CHECK(area < 0.1 * free_area);
  CHECK(line_m > 3000);

  // The fire closes the G331 next to it (by the hazard, before the plan's own traffic control).
  const hg::Event* closed = first(ev, "road.closed", "r_g331_w_4");
  REQUIRE(closed);
  CHECK(closed->payload["cause"] == "fire_jinmantun");

  // The farm, inside the projected arrival time, is evacuated on the plan's ETA clause; the fire never
  // gets there, nobody is harmed.
  const hg::Event* needed = first(ev, "fire.evacuation_needed", "z_ff_jinmantun");
  const hg::Event* started = first(ev, "evacuation.started", "z_ff_jinmantun");
  const hg::Event* done = first(ev, "evacuation.completed", "z_ff_jinmantun");
  REQUIRE(needed);
  REQUIRE(started);
  REQUIRE(done);
  CHECK(started->t > needed->t);
  CHECK(done->t > started->t);
  bool fired = false;
  for (const auto& e : hgtest::of_type(ev, "plan.clause_fired"))
    if (e.payload["clause"] == "m_evac_jinmantun") {
      fired = true;
      CHECK(e.payload["trigger"].get<std::string>().find("fire_eta_h(z_ff_jinmantun)") != std::string::npos);
    }
  CHECK(fired);
  CHECK_FALSE(first(ev, "fire.reached"));
  CHECK(hgtest::of_type(ev, "casualties.estimate").empty());

  // KPIs of the module, computed from the log by the module's own code.
  const hg::HazardModule* m = hg::hazard_module("forest_fire");
  REQUIRE(m);
  const hg::KpiInput in{ev, sim.world(), 0.0, 24 * 3600.0};
  auto kpi = [&](const std::string& id) {
    for (const auto& k : m->kpis)
      if (k.id == id) return k.compute(in);
    FAIL("no KPI " << id);
    return hg::KpiResult{};
  };
  const hg::Event* ignited = first(ev, "fire.ignited");
  const hg::Event* first_on_line = first(ev, "fire.crew_on_line");
  REQUIRE(ignited);
  const hg::KpiResult attack = kpi("fire_first_attack_min");
  REQUIRE(attack.value);
  CHECK(*attack.value == Approx((first_on_line->t - ignited->t) / 60.0));
  CHECK(attack.subject == first_on_line->actors[0]);
  CHECK(attack.evidence == std::vector<long>{ignited->seq, first_on_line->seq});
  const hg::KpiResult at_containment = kpi("fire_area_at_containment_ha");
  REQUIRE(at_containment.value);
  CHECK(*at_containment.value == contained->payload["area_ha"].get<double>());
  CHECK_FALSE(at_containment.lower_bound);
  std::set<std::string> at_risk;
  for (const auto& e : hgtest::of_type(ev, "fire.entrapment_risk"))
    at_risk.insert(e.actors[0]);
  CHECK(*kpi("fire_crews_at_risk_count").value == double(at_risk.size()));
  CHECK(*kpi("fire_crews_entrapped_count").value == double(hgtest::of_type(ev, "fire.entrapment").size()));
  const hg::KpiResult evacuated = kpi("fire_villages_evacuated_before_share");
  REQUIRE(evacuated.value);
  CHECK(*evacuated.value == 1.0);

  // Scoring lists them beside the engine's KPIs, from the written run folder.
  const std::string dir = hgtest::temp_dir("fire-contract");
  hg::RunRequest req;
  req.scenario = hgtest::source(kScenario);
  req.nominal = true;
  hg::write_run(sim, setup, req, dir);
  auto scored = hg::score::score_folder(dir, "");
  REQUIRE(scored);
  const auto* scored_attack = scored->analysis.kpi("fire_first_attack_min");
  REQUIRE(scored_attack);
  REQUIRE(scored_attack->value);
  CHECK(*scored_attack->value == Approx(*attack.value));
  CHECK_FALSE(scored_attack->evidence.empty());
  const auto* scored_area = scored->analysis.kpi("fire_area_at_containment_ha");
  REQUIRE(scored_area);
  CHECK(scored_area->applicable);
}

TEST_CASE("fire KPIs are not applicable in a run without a fire", "[fire][contract]") {
  const hg::HazardModule* m = hg::hazard_module("forest_fire");
  REQUIRE(m);
  hg::World w;
  std::vector<hg::Event> ev(1);
  ev[0].type = "run.started";
  const hg::KpiInput in{ev, w, 0.0, 3600.0};
  for (const auto& k : m->kpis) {
    const hg::KpiResult r = k.compute(in);
    INFO(k.id);
    CHECK_FALSE(r.value);
    CHECK_FALSE(r.note_en.empty()); // not applicable, rather than "never happened"
  }
}
