// Golden log of the bundled Huahe ammonia scenario (nominal inputs, the plan playing): any change in the
// chemical model, its events or its response shows up as a diff. Regenerate with tests/golden/update.sh
// after an intended change, and explain the change in the commit. Also: every bundled chemical scenario
// runs in strict mode with its plan.
#include "../core/TestSupport.hpp"
#include "sim/engine/Simulation.hpp"
#include "sim/plan/ScenarioSetup.hpp"

#include <catch2/catch.hpp>

namespace {
void run_strict(const std::string& scenario) {
  hg::EventLog::set_strict(true);
  hg::Setup setup;
  REQUIRE(hg::load_setup(hgtest::source(scenario), "", false, setup, false));
  hg::Simulation sim(*setup.scenario, hg::SimOptions{}, std::move(setup.hazards), setup.make_commanders());
  CHECK_NOTHROW(sim.run());
  CHECK(hgtest::of_type(sim.log().events(), "chemical_release.release_started").size() == 1);
  CHECK(hgtest::of_type(sim.log().events(), "plan.clause_fired").size() > 3);
}
} // namespace

TEST_CASE("golden log of the bundled Huahe ammonia scenario", "[chemical][golden]") {
  const std::string d = hgtest::temp_dir("golden-chem");
  auto r = hgtest::hgdrill("run " + hgtest::source("scenarios/chemical/huahe-ammonia-night.yaml") +
                           " --nominal --no-report --no-baseline --quiet --out " + d + "/run");
  REQUIRE(r.code == 0);
  const std::string want = hgtest::read(hgtest::source("tests/golden/chem_huahe_ammonia_night.events.jsonl"));
  REQUIRE_FALSE(want.empty());
  CHECK(hgtest::read(d + "/run/events.jsonl") == want);
}

TEST_CASE("every event of huahe-ammonia-night is in the catalogue", "[chemical][golden]") {
  run_strict("scenarios/chemical/huahe-ammonia-night.yaml");
}
TEST_CASE("every event of g11-heli-ammonia-tanker is in the catalogue", "[chemical][golden]") {
  run_strict("scenarios/chemical/g11-heli-ammonia-tanker.yaml");
}
TEST_CASE("every event of flood-huahe-cascade is in the catalogue", "[chemical][golden]") {
  run_strict("scenarios/chemical/flood-huahe-cascade.yaml");
}
