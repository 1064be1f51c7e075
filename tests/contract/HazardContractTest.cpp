// The hazard contract end to end with a hazard that only this folder knows (ToyHazard.cpp): its
// plan quantity, work, harm, closure, facility loss, observation and KPI all flow through the engine,
// the plan executor and scoring, none of which names it.
#include "../core/TestSupport.hpp"
#include "ToyHazard.hpp"
#include "scoring/RunScorer.hpp"
#include "sim/run/RunPipeline.hpp"

#include <catch2/catch.hpp>

namespace {

struct ToyRun {
  std::vector<hg::Event> events;
  std::string dir;
};

ToyRun run_toy() {
  hg::register_hazard_module(hgtest::toy_module());
  hg::EventLog::set_strict(true); // every event must be in the catalogue, the toy's included
  hg::Setup setup;
  REQUIRE(hg::load_setup(hgtest::source("tests/contract/fixtures/toy.yaml"), "", false, setup, false));
  hg::Simulation sim(*setup.scenario, hg::SimOptions{}, std::move(setup.hazards), setup.make_commanders());
  sim.run();
  ToyRun r{sim.log().events(), hgtest::temp_dir("toy")};
  hg::RunRequest req;
  req.scenario = hgtest::source("tests/contract/fixtures/toy.yaml");
  hg::write_run(sim, setup, req, r.dir);
  return r;
}

const hg::Event* first(const std::vector<hg::Event>& ev, const std::string& type, const std::string& actor = "") {
  for (const auto& e : ev)
    if (e.type == type && (actor.empty() || (!e.actors.empty() && e.actors[0] == actor))) return &e;
  return nullptr;
}

} // namespace

TEST_CASE("a hazard registered from the test folder is driven end to end through the contract") {
  const ToyRun run = run_toy();
  const auto& ev = run.events;

  // Observation → plan condition: level 1 after 4 steps of 10 min (1.5/h) = 2400 s; the reading crosses
  // the gov link (1 s) and the plan's toy_level clause fires at 2401 s.
  const hg::Event* fired = nullptr;
  for (const auto& e : ev)
    if (e.type == "plan.clause_fired" && e.payload["clause"] == "m_clean") {
      fired = &e;
      break;
    }
  REQUIRE(fired);
  CHECK(fired->t == Approx(2401.0).margin(0.01));

  // Work: the order crosses gov + radio (2 s), u_1 drives a-b-c (1200 s) and works on the spill.
  const hg::Event* work = first(ev, "unit.work", "u_1");
  REQUIRE(work);
  CHECK(work->t == Approx(3603.0).margin(0.01));
  CHECK(work->payload["hazard"] == "spill");
  CHECK(work->actors[1] == "spill");
  // The hazard decided what the work changes: growth 0.25 per step, cleanup 10 people x 1/6 h x 0.05
  // = 0.0833 per step once the work steps (every 600 s from 3603 s) are in.
  double at_4200 = -1, at_4800 = -1, at_5400 = -1;
  for (const auto& e : hgtest::of_type(ev, "toy_spill.level")) {
    if (std::abs(e.t - 4200) < 0.01) at_4200 = e.payload["level"];
    if (std::abs(e.t - 4800) < 0.01) at_4800 = e.payload["level"];
    if (std::abs(e.t - 5400) < 0.01) at_5400 = e.payload["level"];
  }
  CHECK(at_4200 == Approx(1.75));
  CHECK(at_4800 == Approx(1.75 + 0.25 - 10.0 / 6.0 * 0.05));
  CHECK(at_5400 == Approx(at_4800 + 0.25 - 10.0 / 6.0 * 0.05));

  // Reached: level >= 2 first at 5400 s; the population account logs it with the toy's 400 people at
  // risk (not the zone's 1000 residents).
  const hg::Event* reached = first(ev, "hazard.reached", "z_c");
  REQUIRE(reached);
  CHECK(reached->t == Approx(5400.0).margin(0.01));
  CHECK(reached->payload["hazard"] == "spill");
  CHECK(reached->payload["kind"] == "toy_spill");
  CHECK(reached->payload["people"] == 400.0);

  // Harm on the people present: 400 at first, fewer as the (half-warned) zone evacuates; the estimate
  // accumulates exposed x 0.001 x 1/6 per step.
  auto harm = hgtest::of_type(ev, "casualties.estimate");
  REQUIRE(harm.size() > 5);
  CHECK(harm[0].t == Approx(5400.0).margin(0.01));
  CHECK(harm[0].payload["exposed"] == 400.0);
  CHECK(harm[0].payload["fatalities"].get<double>() == Approx(400 * 0.001 / 6));
  double sum = 0, last_exposed = 400;
  for (const auto& h : harm) {
    const double exposed = h.payload["exposed"];
    CHECK(exposed <= last_exposed + 1e-9); // people only leave
    CHECK(exposed >= 400 * 0.5 - 1e-6);    // only the warned half can leave
    last_exposed = exposed;
    sum += exposed * 0.001 / 6;
    CHECK(h.payload["fatalities"].get<double>() == Approx(sum).epsilon(1e-5));
  }
  CHECK(last_exposed < 400);

  // Closure and facility loss, attributed to the hazard.
  const hg::Event* closed = first(ev, "road.closed", "r_bc");
  REQUIRE(closed);
  CHECK(closed->payload["cause"] == "spill");
  const hg::Event* lost = first(ev, "facility.lost", "f_island");
  REQUIRE(lost);
  CHECK(lost->payload["hazard"] == "spill");

  // The account at the end: 400 at risk of 1000 residents; present + evacuated = at risk.
  const hg::Event* acc = first(ev, "population.account", "z_c");
  REQUIRE(acc);
  CHECK(acc->payload["resident"] == 1000.0);
  CHECK(acc->payload["at_risk"] == 400.0);
  CHECK(acc->payload["present"].get<double>() + acc->payload["evacuated"].get<double>() == Approx(400.0));
  CHECK(acc->payload["fatalities"].get<double>() == Approx(sum).epsilon(1e-5));

  // Casualties go to the hospital with free beds: the ambulance (one stretcher) shuttles from c to the
  // hospital at d (2 of 20 beds free at the default 10 %); the third patient finds no free bed left
  // (the island hospital is unreachable).
  auto delivered = hgtest::of_type(ev, "patients.delivered");
  REQUIRE(delivered.size() == 2);
  for (const auto& e : delivered) {
    CHECK(e.actors == std::vector<std::string>{"u_3", "f_hosp"});
    CHECK(e.payload["patients"] == 1);
  }
  CHECK(delivered[1].payload["free_beds"] == 0.0);
  // c → d is 15 km at 60 km/h: 900 s each way, so the second delivery is 1800 s + one work step after the first.
  CHECK(delivered[1].t - delivered[0].t == Approx(1800.0 + 600.0).margin(1.0));
  const hg::Event* full = first(ev, "hospital.full");
  REQUIRE(full);
  CHECK(full->payload["patients_waiting"] == 1);

  // Scoring lists the toy's own KPI, computed by the toy's code from the log.
  auto scored = hg::score::score_folder(run.dir, "");
  const auto* kpi = scored->analysis.kpi("toy_peak_level");
  REQUIRE(kpi);
  double peak = 0;
  long peak_seq = -1;
  for (const auto& e : hgtest::of_type(ev, "toy_spill.level"))
    if (e.payload["level"].get<double>() > peak) peak = e.payload["level"], peak_seq = e.seq;
  REQUIRE(kpi->value);
  CHECK(*kpi->value == Approx(peak));
  REQUIRE(kpi->evidence.size() == 1);
  CHECK(kpi->evidence[0].seq == peak_seq);
  // People at risk over time come from the hazard's exposure, whatever the hazard is.
  double max_at_risk = 0;
  for (const auto& p : scored->analysis.at_risk)
    max_at_risk = std::max(max_at_risk, p.value);
  CHECK(max_at_risk == 400.0);
}

TEST_CASE("a plan naming a hazard task on a target no hazard takes is warned about before the run") {
  hg::register_hazard_module(hgtest::toy_module());
  const std::string d = hgtest::temp_dir("toyplan");
  const std::string head = "hgdrill: plan/1\nid: p\nname: {zh: 预案, en: Plan}\n"
                           "general: {hazard: toy_spill}\norganisation: {lead_post: cp_city}\nmeasures:\n";
  auto check = [&](const std::string& target) {
    hgtest::write(d + "/plan.yaml", head + "  - id: m_clause\n"
                                           "    when: \"incident_reported\"\n"
                                           "    actions: [{do: dispatch, count: 1, capability: hazmat, target: " +
                                        target + ", task: toy_cleanup}]\n    src: \"estimated: test\"\n");
    hg::Diagnostics diag;
    hg::SetupOptions opt;
    opt.plan_override = d + "/plan.yaml";
    hg::check_scenario(hgtest::source("tests/contract/fixtures/toy.yaml"), diag, nullptr, opt);
    return diag.str();
  };
  // A place no hazard works at: a warning naming the clause; an id that is neither: an error at its line.
  const std::string place = check("b");
  INFO(place);
  CHECK(place.find("plan.yaml:7:1: warning: measures[m_clause]: no hazard of this scenario takes task "
                   "'toy_cleanup' on target \"b\"") != std::string::npos);
  const std::string unknown = check("spilt");
  INFO(unknown);
  CHECK(unknown.find("plan.yaml:9:68: error: measures[0].actions[0].target: unknown place \"spilt\"") !=
        std::string::npos);
  CHECK(check("spill").empty());
}
