#pragma once
// Plays a scenario of tests/plans/fixtures/ with its plan and returns the log (one engine per process:
// each test case that calls it runs in its own process through catch_discover_tests).
#include "../core/TestSupport.hpp"
#include "sim/engine/Simulation.hpp"
#include "sim/plan/ScenarioSetup.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace hgtest {

inline std::vector<hg::Event> run_plan_fixture(const std::string& file) {
  hg::Setup setup;
  REQUIRE(hg::load_setup(hgtest::source("tests/plans/fixtures/" + file), "", false, setup, false));
  hg::Simulation sim(*setup.scenario, hg::SimOptions{}, std::move(setup.hazards), setup.make_commander());
  sim.run();
  return sim.log().events();
}

} // namespace hgtest
