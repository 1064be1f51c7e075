// Engine behaviour at simulated times, one SimGrid Engine per test process (catch_discover_tests).
#include "TestSupport.hpp"
#include "sim/engine/Simulation.hpp"
#include "sim/plan/ScenarioSetup.hpp"

#include <catch2/catch.hpp>

namespace {
std::vector<hg::Event> run_fixture(const std::string& name) {
  hg::Setup setup;
  REQUIRE(hg::load_setup(hgtest::source("tests/core/fixtures/grid/" + name), "", false, setup, false));
  hg::SimOptions opt;
  hg::Simulation sim(*setup.scenario, opt, std::move(setup.hazards), setup.make_commander());
  sim.run();
  return sim.log().events();
}
} // namespace

TEST_CASE("a closure mid-trip forces a reroute at the next node, arriving at the hand-computed time") {
  auto ev = run_fixture("reroute.yaml");
  // Hand computation (fixtures/grid): the report crosses the gov link (1 s latency) -> t = 1 s; the
  // order crosses gov + radio (1 s each) -> t = 3 s; turnout 0. The unit leaves on a-b-c (1200 s);
  // r_bc closes at 300 s; at b (t = 603 s) it reroutes b-a-d-c = 600 + 900 + 900 s -> arrives 3003 s.
  auto rer = hgtest::of_type(ev, "unit.rerouted");
  REQUIRE(rer.size() == 1);
  CHECK(rer[0].t == Approx(603.0).margin(0.01));
  CHECK(rer[0].payload["at_node"] == "b");
  CHECK(rer[0].payload["closed_road"] == "r_bc");
  CHECK(rer[0].payload["route"] == nlohmann::json({"b", "a", "d", "c"}));
  auto arr = hgtest::of_type(ev, "unit.arrived");
  REQUIRE(arr.size() == 1);
  CHECK(arr[0].t == Approx(3003.0).margin(0.01));
  auto done = hgtest::of_type(ev, "plan.action_done");
  REQUIRE(done.size() == 1);
  CHECK(done[0].payload["status"] == "on_time"); // 3005 s <= 1 s + 3600 s
}

TEST_CASE("a target no unit can reach is caught before the run, naming the clause") {
  // The incident is on the island e-f: the static plan check refuses the scenario (exit 3).
  auto r = hgtest::hgdrill("validate " + hgtest::source("tests/core/fixtures/grid/unreachable.yaml"));
  CHECK(r.code == 3);
  CHECK(r.output.find(
            "plan.yaml:7:1: error: measures[m_dispatch]: target \"incident\" cannot be reached by road "
            "from any unit with 'hazmat'") != std::string::npos);
}

TEST_CASE("a unit whose target becomes unreachable on the way logs it and goes home") {
  hg::Setup setup;
  REQUIRE(hg::load_setup(hgtest::source("tests/core/fixtures/grid/reroute.yaml"), "", false, setup, false));
  // Both roads into c close while the unit is on a-b.
  hg::Scenario& sc = *setup.scenario;
  sc.closures.push_back({"r_dc", 300.0, std::nullopt, {}});
  hg::Simulation sim(sc, hg::SimOptions{}, std::move(setup.hazards), setup.make_commander());
  sim.run();
  auto un = hgtest::of_type(sim.log().events(), "unit.unreachable");
  REQUIRE(un.size() == 1);
  CHECK(un[0].t == Approx(603.0).margin(0.01)); // at b, the first node after the closures
  CHECK(un[0].payload["from_node"] == "b");
  CHECK(hgtest::of_type(sim.log().events(), "unit.returned").size() == 1);
}

TEST_CASE("orders lost on a failed link are logged and retried until the link recovers") {
  auto ev = run_fixture("linkfail.yaml");
  // Radio down 0..100 s. The order is first sent at 1 s: lost at 1 s, 61 s; the retry at 121 s gets
  // through (gov 1 s + radio 1 s latency) -> delivered at 123 s.
  std::vector<hg::Event> lost;
  for (const auto& e : hgtest::of_type(ev, "message.lost"))
    if (e.payload["kind"] == "order") lost.push_back(e);
  REQUIRE(lost.size() == 2);
  CHECK(lost[0].t == Approx(1.0).margin(0.01));
  CHECK(lost[1].t == Approx(61.0).margin(0.01));
  CHECK(lost[0].payload["will_retry"] == true);
  CHECK(lost[0].payload["network"] == "radio");
  auto disp = hgtest::of_type(ev, "unit.dispatched");
  REQUIRE(disp.size() == 1);
  CHECK(disp[0].t == Approx(123.0).margin(0.01));
}

TEST_CASE("a report sent over a failed link is lost, so nobody is dispatched") {
  auto ev = run_fixture("reportloss.yaml");
  auto lost = hgtest::of_type(ev, "message.lost");
  REQUIRE(lost.size() == 1);
  CHECK(lost[0].payload["kind"] == "report");
  CHECK(lost[0].payload["will_retry"] == false);
  CHECK(lost[0].t == Approx(36.0).margin(0.01));
  CHECK(hgtest::of_type(ev, "unit.dispatched").empty());
  CHECK(hgtest::of_type(ev, "plan.clause_fired").empty());
}

TEST_CASE("message delay is latency plus size over bandwidth") {
  auto ev = run_fixture("reroute.yaml");
  auto del = hgtest::of_type(ev, "message.delivered");
  REQUIRE_FALSE(del.empty());
  // First report: one gov hop, 1 s latency; 1e9 bit/s makes the size term negligible (< 1 ms).
  CHECK(del[0].payload["delay_s"].get<double>() == Approx(1.0).margin(0.002));
}

TEST_CASE("a flood closes a road at the step its water passes the closure depth, and units reroute") {
  auto ev = run_fixture("flood.yaml");
  // fixtures/grid/flood.yaml: 1-min flood steps; the levee breaches at 72 s, so the first water is in
  // the step ending at 120 s, and r_bc (crest 0 m, closure 0.25 m) closes then, never before.
  auto closed = hgtest::of_type(ev, "road.closed");
  REQUIRE(closed.size() == 1);
  CHECK(closed[0].actors[0] == "r_bc");
  CHECK(closed[0].t == Approx(120.0));
  for (const auto& z : hgtest::of_type(ev, "flood.zone")) {
    if (z.t < closed[0].t) CHECK(z.payload["level_m"].get<double>() < 0.25);
    if (z.t == closed[0].t) CHECK(z.payload["level_m"].get<double>() >= 0.25);
  }
  // The unit left on a-b-c before the closure and reroutes at b (603 s) through d.
  auto rer = hgtest::of_type(ev, "unit.rerouted");
  REQUIRE(rer.size() == 1);
  CHECK(rer[0].t == Approx(603.0).margin(0.01));
  CHECK(rer[0].payload["closed_road"] == "r_bc");
  CHECK(hgtest::of_type(ev, "hazard.reached").size() == 1);
}
