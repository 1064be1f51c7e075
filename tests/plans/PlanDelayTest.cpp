// The plan executor acts on what reached the lead post, with its delays and losses, never on truth.
// fixtures/delay.yaml: the cond.yaml flood (stage (95 + 10 n) / 100 m at t = 60 n s, >= 3 m first at
// n = 21, 1260 s), gov down from 0 to 1290 s (0.358333 h), incident at 0 reported after 25 min.
#include "../core/TestSupport.hpp"
#include "sim/engine/Simulation.hpp"
#include "sim/plan/ScenarioSetup.hpp"

#include <catch2/catch.hpp>

namespace {

std::vector<double> fired(const std::vector<hg::Event>& ev, const std::string& clause) {
  std::vector<double> t;
  for (const auto& e : hgtest::of_type(ev, "plan.clause_fired"))
    if (e.payload.value("clause", "") == clause)
      t.push_back(e.t);
  return t;
}

} // namespace

TEST_CASE("the plan acts on delayed and lost information, not on ground truth", "[plans][beliefs]") {
  // Catch re-enters the test case for each SECTION: the run is kept in a static, so this process still
  // holds only one Simulation (one SimGrid Engine).
  static const std::vector<hg::Event> ev = [] {
    hg::Setup setup;
    REQUIRE(hg::load_setup(hgtest::source("tests/plans/fixtures/delay.yaml"), "", false, setup, false));
    hg::Simulation sim(*setup.scenario, hg::SimOptions{}, std::move(setup.hazards), setup.make_commander());
    sim.run();
    return sim.log().events();
  }();

  SECTION("incident_reported fires when the report arrives (25 min + 1 s), not when the incident starts") {
    auto inc = hgtest::of_type(ev, "incident.started");
    REQUIRE(inc.size() == 1);
    CHECK(inc[0].t == Approx(0.0).margin(0.01));
    // The report leaves the field at 1500 s (gov is up again since 1290 s) and crosses gov in 1 s.
    auto t = fired(ev, "d_reported");
    REQUIRE(t.size() == 1);
    CHECK(t[0] == Approx(1501.0).margin(0.01));
  }

  SECTION("stage >= warning fires on the first reading that gets through, not at the model's crossing") {
    auto cross = hgtest::of_type(ev, "flood.gauge_warning");
    REQUIRE(cross.size() == 1);
    CHECK(cross[0].t == Approx(1260.0).margin(0.01)); // truth: 3.05 m at 1260 s
    // The 1260 s reading is sent while gov is down: lost, and readings are not re-sent.
    bool lost_1260 = false;
    for (const auto& e : hgtest::of_type(ev, "message.lost"))
      if (e.payload.value("kind", "") == "observation" && std::abs(e.t - 1260.0) < 0.01)
        lost_1260 = true;
    CHECK(lost_1260);
    // The next reading, 3.15 m at 1320 s, arrives at 1321 s.
    auto t = fired(ev, "d_stage");
    REQUIRE(t.size() == 1);
    CHECK(t[0] == Approx(1321.0).margin(0.01));
    CHECK(t[0] > cross[0].t + 60.0);
  }

  SECTION("a zone reached while the report link is down is never known, so its clause never fires") {
    auto hr = hgtest::of_type(ev, "hazard.reached");
    REQUIRE(hr.size() == 1);
    CHECK(hr[0].t == Approx(120.0).margin(0.01)); // truth: 0.1725 m at 120 s (see PlanConditionsTest)
    CHECK(fired(ev, "d_reached").empty());
    bool not_fired = false;
    for (const auto& e : hgtest::of_type(ev, "plan.clause_not_fired"))
      if (e.payload.value("clause", "") == "d_reached")
        not_fired = true;
    CHECK(not_fired);
  }
}
