// The chemical release through the engine, in-process, with the event catalogue in strict mode: the
// population account's people shelter or evacuate, and the model's harm follows them; roads close and
// reopen; the module's KPIs are computed by scoring from the log; and a flood's facility loss starts
// the release in the same run (cascade). Fixtures in tests/chemical/fixtures/.
#include "../core/TestSupport.hpp"
#include "scoring/RunScorer.hpp"
#include "sim/run/RunPipeline.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>

namespace {

struct Run {
  std::vector<hg::Event> events;
  std::string dir;
};

Run run_fixture(const std::string& file, bool write) {
  hg::EventLog::set_strict(true); // every event, the chemical module's included, must be in the catalogue
  hg::Setup setup;
  REQUIRE(hg::load_setup(hgtest::source(file), "", false, setup, false));
  hg::Simulation sim(*setup.scenario, hg::SimOptions{}, std::move(setup.hazards), setup.make_commanders());
  REQUIRE_NOTHROW(sim.run());
  Run r{sim.log().events(), ""};
  if (write) {
    r.dir = hgtest::temp_dir("chem-contract");
    hg::RunRequest req;
    req.scenario = hgtest::source(file);
    hg::write_run(sim, setup, req, r.dir);
  }
  return r;
}

const hg::Event* first(const std::vector<hg::Event>& ev, const std::string& type,
                       const std::string& actor = "") {
  for (const auto& e : ev)
    if (e.type == type && (actor.empty() || (!e.actors.empty() && e.actors[0] == actor))) return &e;
  return nullptr;
}

/// Latest casualties.estimate per zone.
std::map<std::string, nlohmann::json> latest_harm(const std::vector<hg::Event>& ev) {
  std::map<std::string, nlohmann::json> out;
  for (const auto& e : hgtest::of_type(ev, "casualties.estimate"))
    out[e.actors[0]] = e.payload;
  return out;
}

} // namespace

TEST_CASE(
    "chemical release through the contract: shelter lowers doses, evacuees leave the harm, roads close, "
    "KPIs are computed",
    "[chemical][contract]") {
  const Run run = run_fixture("tests/chemical/fixtures/plume.yaml", true);
  const auto& ev = run.events;

  // The comparison is fair: the mirrored zones get the same outdoor air at every report.
  std::map<std::pair<double, std::string>, double> outdoor;
  for (const auto& e : hgtest::of_type(ev, "chemical_release.zone_exposure"))
    outdoor[{e.t, e.actors[1]}] = e.payload["outdoor_ppm"].get<double>();
  int compared = 0;
  for (const auto& [key, ppm] : outdoor)
    if (key.second == "z_n1" && outdoor.count({key.first, "z_s1"})) {
      CHECK(ppm == Approx(outdoor.at({key.first, "z_s1"})).epsilon(1e-6).margin(1e-3));
      compared += ppm > 160;
    }
  CHECK(compared > 3); // several reports with the zones inside the AEGL-2 level (160 ppm)
  const hg::Event* reached_n1 = first(ev, "hazard.reached", "z_n1");
  const hg::Event* reached_s1 = first(ev, "hazard.reached", "z_s1");
  REQUIRE(reached_n1);
  REQUIRE(reached_s1);
  CHECK(reached_n1->t == reached_s1->t);

  // The engine's account says who is present and sheltering; the model's harm follows it.
  const hg::Event* shelter = first(ev, "shelter.in_place", "z_n1");
  REQUIRE(shelter);
  const auto harm = latest_harm(ev);
  REQUIRE(harm.count("z_n1"));
  REQUIRE(harm.count("z_s1"));
  REQUIRE(harm.count("z_s2"));
  const double inj_n1 = harm.at("z_n1")["injuries"], inj_s1 = harm.at("z_s1")["injuries"];
  INFO("injuries: sheltered z_n1 " << inj_n1 << ", outdoors z_s1 " << inj_s1);
  CHECK(inj_s1 > 100);
  CHECK(inj_n1 < 0.5 * inj_s1);
  // Evacuated long before the gas (≈ 50 min at 6 km): only the few who had not left yet are harmed.
  const double inj_n2 = harm.count("z_n2") ? harm.at("z_n2")["injuries"].get<double>() : 0.0;
  const double inj_s2 = harm.at("z_s2")["injuries"];
  INFO("injuries: evacuated z_n2 " << inj_n2 << ", stayed z_s2 " << inj_s2);
  CHECK(inj_s2 > 100);
  CHECK(inj_n2 < 0.01 * inj_s2);
  const hg::Event* acc_n2 = nullptr;
  for (const auto& e : ev)
    if (e.type == "population.account" && e.actors[0] == "z_n2") acc_n2 = &e;
  REQUIRE(acc_n2);
  CHECK(acc_n2->payload["present"].get<double>() < 5);
  CHECK(acc_n2->payload["evacuated"].get<double>() > 995);
  // Where the gas is, the zone_exposure counts the people who are there: nobody left in z_n2.
  for (const auto& e : hgtest::of_type(ev, "chemical_release.zone_exposure"))
    if (e.actors[1] == "z_n2" && e.t > 3000) CHECK(e.payload["present"].get<double>() < 5);

  // Roads in the AEGL-2 level close and reopen, attributed to the hazard; the road into the source
  // (the responders' way in) stays open.
  const hg::Event* closed = first(ev, "road.closed", "r_axis");
  REQUIRE(closed);
  CHECK(closed->payload["cause"] == "nh3");
  const hg::Event* reopened = first(ev, "road.reopened", "r_axis");
  REQUIRE(reopened);
  CHECK(reopened->t > closed->t);
  CHECK_FALSE(first(ev, "road.closed", "r_st_s"));

  // Work through the contract: the hazmat unit's entry team withdraws after its 30-min air, and every
  // work step logs the crew's dose behind the SCBA.
  CHECK(first(ev, "chemical_release.ppe_withdrawn"));
  CHECK(hgtest::of_type(ev, "chemical_release.responder_exposure").size() > 4);

  // Scoring computes the module's KPIs from the log.
  auto scored = hg::score::score_folder(run.dir, "");
  const auto* duration = scored->analysis.kpi("chem_release_duration_min");
  REQUIRE(duration);
  REQUIRE(duration->value);
  CHECK(*duration->value == Approx(40.0)); // 10 kg/s for 40 min, never plugged
  const auto* first_action = scored->analysis.kpi("chem_time_to_protective_action_min");
  REQUIRE(first_action);
  REQUIRE(first_action->value);
  CHECK(*first_action->value == 0.0); // ordered at ≈ 1 s, before the release began at 2 min
  const auto* before = scored->analysis.kpi("chem_protected_before_share");
  REQUIRE(before);
  REQUIRE(before->value);
  CHECK(*before->value == Approx(0.5)); // z_n1 and z_n2 of the four reached zones of 1000 people each
  const auto* above2 = scored->analysis.kpi("chem_people_above_aegl2");
  REQUIRE(above2);
  REQUIRE(above2->value);
  CHECK(*above2->value > 100);
  CHECK(*above2->value <= 4000);
  CHECK_FALSE(above2->evidence.empty());
  const auto* responders = scored->analysis.kpi("chem_responders_above_aegl2");
  REQUIRE(responders);
  REQUIRE(responders->value);
  CHECK(*responders->value == 0.0);
}

TEST_CASE("cascade: the flood's facility loss starts the chemical release in the same run and log",
          "[chemical][contract][cascade]") {
  const Run run = run_fixture("tests/chemical/fixtures/cascade.yaml", false);
  const auto& ev = run.events;
  const hg::Event* lost = first(ev, "facility.lost", "f_plant");
  REQUIRE(lost);
  CHECK(lost->payload["hazard"] == "test_flood");
  const hg::Event* trig = first(ev, "chemical_release.triggered", "nh3");
  REQUIRE(trig);
  const hg::Event* start = first(ev, "chemical_release.release_started", "nh3");
  REQUIRE(start);
  // Order in the one log: the loss, then the trigger (the chemical model sees it at its next step, or
  // in the same instant), then the release one minute (start_min) later.
  CHECK(lost->seq < trig->seq);
  CHECK(trig->seq < start->seq);
  CHECK(trig->t - lost->t >= 0);
  CHECK(trig->t - lost->t <= 60.0 + 1e-9);
  CHECK(trig->payload["release_at_s"].get<double>() == Approx(trig->t + 60.0));
  CHECK(start->payload["t_s"].get<double>() == Approx(trig->t + 60.0));
  // Nothing of the chemical before the trigger; the gas then reaches the zones downwind.
  for (const auto& e : ev)
    if (e.seq < trig->seq) {
      CHECK(e.type != "chemical_release.release_started");
      CHECK(e.type != "chemical_release.zone_reached");
    }
  bool chemical_reached = false;
  for (const auto& e : hgtest::of_type(ev, "hazard.reached"))
    chemical_reached |= e.payload["kind"] == "chemical_release" && e.t > start->t;
  CHECK(chemical_reached);
  // The flood's own effects are in the same log.
  CHECK(first(ev, "flood.breach"));
  CHECK(first(ev, "flood.zone", "z_s1"));
}
