// The bundled 新兴-type gas explosion played in the engine with its coal-mine plan, in strict mode (every
// event and payload field must be in the catalogue): the brigade squads drive from their stations and
// their rescuers go underground as teams, ambulances take the casualties brought out to hospitals with
// free beds, and the module's KPIs computed by scoring agree with the log they are computed from.
#include "../core/TestSupport.hpp"
#include "scoring/RunScorer.hpp"
#include "sim/engine/Simulation.hpp"
#include "sim/run/RunPipeline.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>

namespace {

struct MineRun {
  std::vector<hg::Event> events;
  std::string dir;
  hg::World world;
  double t0_s = 0;
};

MineRun run_xinxing() {
  hg::EventLog::set_strict(true);
  hg::Setup setup;
  const std::string path = hgtest::source("scenarios/mine/xinxing-gas-explosion.yaml");
  REQUIRE(hg::load_setup(path, "", false, setup, false));
  MineRun r;
  r.world = setup.scenario->world;
  r.t0_s = setup.scenario->incident.at_s;
  hg::Simulation sim(*setup.scenario, hg::SimOptions{}, std::move(setup.hazards), setup.make_commanders());
  sim.run();
  r.events = sim.log().events();
  r.dir = hgtest::temp_dir("mine-run");
  hg::RunRequest req;
  req.scenario = path;
  req.nominal = true;
  hg::write_run(sim, setup, req, r.dir);
  return r;
}

std::string str(const hg::Event& e, const char* k) {
  return e.payload.contains(k) && e.payload[k].is_string() ? e.payload[k].get<std::string>() : "";
}

} // namespace

TEST_CASE("a coal-mine accident played with its plan: brigade by road, teams underground, casualties to "
          "hospital",
          "[mine][engine]") {
  const MineRun run = run_xinxing();
  const auto& ev = run.events;

  // 1. The brigade drives: every mine rescue unit is dispatched by the plan to the mine head and arrives
  //    there after its route's travel time (the road network, not an inject).
  std::map<std::string, const hg::Event*> dispatched, arrived, work;
  for (const auto& e : ev) {
    const std::string u = e.actors.empty() ? "" : e.actors[0];
    if (u.rfind("u_mine_rescue_", 0) != 0) continue;
    if (e.type == "unit.dispatched" && !dispatched.count(u)) dispatched[u] = &e;
    if (e.type == "unit.arrived" && !arrived.count(u)) arrived[u] = &e;
    if (e.type == "unit.work" && !work.count(u)) work[u] = &e;
  }
  REQUIRE(dispatched.size() == 3);
  for (const auto& [u, d] : dispatched) {
    INFO(u);
    CHECK(str(*d, "task") == "mine_rescue");
    CHECK(str(*d, "target") == "incident");
    CHECK(str(*d, "target_node") == "n_mine_xinxing");
    REQUIRE(arrived.count(u));
    CHECK(str(*arrived[u], "node") == "n_mine_xinxing");
    CHECK(arrived[u]->t - d->t == Approx(d->payload["eta_s"].get<double>()).margin(1.0));
    REQUIRE(work.count(u));
    CHECK(str(*work[u], "hazard") == "xinxing_2009");
  }

  // 2. Their rescuers go underground as teams: 50 per squad → 5 teams of 9 each, at the 副井 of the
  //    mine head, one work step (1 min, the scenario's parameter) after the squad arrived.
  std::map<std::string, int> teams;
  for (const auto& e : ev)
    if (e.type == "mine.rescue" && str(e, "action") == "arrived_at_shaft") {
      const std::string u = str(e, "unit");
      REQUIRE(work.count(u));
      CHECK(e.t == Approx(work[u]->t + 60).margin(0.01));
      CHECK(e.payload["t_h"].get<double>() == Approx(work[u]->t / 3600).margin(1e-3));
      CHECK(str(e, "shaft") == "b_aux_shaft_1");
      ++teams[u];
    }
  CHECK(teams.size() == 3);
  for (const auto& [u, n] : teams)
    CHECK(n == 5);
  const hg::Event* reached = nullptr;
  for (const auto& e : ev)
    if (e.type == "mine.rescue" && str(e, "action") == "reached_group") {
      reached = &e;
      break;
    }
  REQUIRE(reached);

  // 3. Casualties reach hospitals, never beyond the free beds (10 % of the beds, ModelParameters).
  double loaded = 0, handed = 0, brought_out = 0;
  std::map<std::string, double> admitted;
  for (const auto& e : ev) {
    if (e.type == "patients.loaded") {
      CHECK(str(e, "hazard") == "xinxing_2009");
      loaded += e.payload["patients"].get<double>();
    }
    if (e.type == "mine.patients" && str(e, "action") == "handed_over")
      handed += e.payload["count"].get<double>();
    if (e.type == "mine.patients" && str(e, "action") == "brought_out")
      brought_out += e.payload["count"].get<double>();
    if (e.type == "patients.delivered") admitted[e.actors[1]] += e.payload["patients"].get<double>();
  }
  CHECK(loaded == handed);
  CHECK(handed <= brought_out);
  REQUIRE(brought_out > 10);
  double delivered = 0;
  for (const auto& [h, n] : admitted) {
    const hg::Facility* f = run.world.facility(h);
    REQUIRE(f);
    CHECK(f->kind == "hospital");
    CHECK(n <= std::floor(f->beds * 0.1));
    delivered += n;
  }
  CHECK(delivered > 0);
  CHECK(delivered <= loaded);
  // 兴山区人民医院 (200 beds → 20 free) fills up; the next casualties go to the next nearest with beds.
  CHECK(admitted["f_hosp_xingshan"] == 20);
  bool full = false;
  for (const auto& e : ev)
    full = full || (e.type == "hospital.full" && !e.actors.empty() && e.actors[0] == "f_hosp_xingshan");
  CHECK(full);
  // The plan sent more ambulances as casualties waited at the head.
  bool more = false;
  for (const auto& e : ev)
    more = more || (e.type == "plan.clause_fired" && str(e, "clause") == "m_ambulance_more");
  CHECK(more);

  // 4. The module's KPIs, computed by scoring from the written log, match the events behind them.
  auto scored = hg::score::score_folder(run.dir, "");
  auto kpi = [&](const std::string& id) {
    const auto* k = scored->analysis.kpi(id);
    REQUIRE(k);
    REQUIRE(k->value);
    return *k->value;
  };
  double first_work = 1e30;
  std::string first_unit;
  for (const auto& [u, w] : work)
    if (w->t < first_work) first_work = w->t, first_unit = u;
  CHECK(kpi("mine_brigade_at_head_min") == Approx((first_work - run.t0_s) / 60).margin(1e-6));
  CHECK(kpi("mine_brigade_drive_min") == Approx((first_work - dispatched[first_unit]->t) / 60).margin(1e-6));
  CHECK(kpi("mine_first_rescue_underground_min") == Approx((reached->t - run.t0_s) / 60).margin(1e-6));
  CHECK(kpi("mine_hospital_arrivals") == delivered);
  CHECK(kpi("mine_casualties_in_hospital_share") == Approx(delivered / brought_out));
  const hg::Event* last = nullptr;
  for (const auto& e : ev)
    if (e.type == "mine.summary") last = &e;
  REQUIRE(last);
  CHECK(kpi("mine_miners_out_alive") == last->payload["out"].get<double>());
  CHECK(kpi("mine_miners_dead") == last->payload["dead"].get<double>());
  CHECK(kpi("mine_miners_out_alive_share") == Approx(last->payload["out"].get<double>() / 528));
  // Everyone is accounted for: out + dead + alive underground = the 528 of the night shift.
  CHECK(last->payload["out"].get<double>() + last->payload["dead"].get<double>() +
            last->payload["underground_alive"].get<double>() ==
        528);
  // The miners' deaths are the harm of the shift zone: scoring's fatalities KPI sees them.
  CHECK(kpi("fatalities") == last->payload["dead"].get<double>());
}
