// Property: the population account balances in every zone at every step, for every bundled scenario
// and 20 seeds. The engine checks the account after every change and throws std::logic_error if it
// does not balance (Population::check); this test runs each (scenario, seed) in a forked child (SimGrid
// allows one Engine per process) for the first hours of the scenario — long enough for warnings,
// evacuations, relief and the first casualties — and also re-checks the final population.account
// events. Cheap by design: one TEST_CASE (one process) per scenario, 20 short children each. Horizons:
// the river flood runs to its flooding (~100 h, the level pools are cheap); a chemical release is over
// (warned, sheltered, evacuated) within 2 h, and its plume model is the costly part; others 6 h.
#include "TestSupport.hpp"
#include "sim/engine/Simulation.hpp"
#include "sim/plan/ScenarioSetup.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <iostream>

namespace {

/// Runs one seed in this (child) process for the first `horizon_h` hours; returns "" if every account
/// balanced, else the problem.
std::string run_one(const std::string& scenario, uint64_t seed, double horizon_h) {
  hg::Setup setup;
  hg::SetupOptions opt;
  opt.seed = seed;
  opt.draws.draw = true;
  opt.draws.seed = seed;
  if (!hg::load_setup(scenario, opt, setup, false)) return "scenario does not load";
  setup.scenario->duration_s = std::min(setup.scenario->duration_s, horizon_h * 3600.0);
  hg::SimOptions so;
  so.seed = seed;
  try {
    hg::Simulation sim(*setup.scenario, so, std::move(setup.hazards), setup.make_commanders());
    sim.run();
    for (const auto& a : hgtest::of_type(sim.log().events(), "population.account")) {
      const auto& p = a.payload;
      const double tol = 1e-6 * std::max(1.0, p["resident"].get<double>());
      auto g = [&](const char* k) { return p[k].get<double>(); };
      if (std::fabs(g("present") + g("evacuated") - g("at_risk")) > tol)
        return a.actors[0] + ": present + evacuated != at_risk";
      if (std::fabs(g("sheltered") + g("unsheltered") - g("evacuated")) > tol)
        return a.actors[0] + ": sheltered + unsheltered != evacuated";
      if (g("relieved") > g("affected") + tol) return a.actors[0] + ": relieved > affected";
      if (g("at_risk") > g("resident") + tol) return a.actors[0] + ": at_risk > resident";
      if (g("evacuated") > g("warned") + tol) return a.actors[0] + ": evacuated > warned";
    }
  } catch (const std::logic_error& e) { // the engine's own check, at the step where it broke
    return e.what();
  }
  return "";
}

void check_scenario_seeds(const std::string& rel, double horizon_h) {
  const std::string scenario = hgtest::source(rel);
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    int pipefd[2];
    REQUIRE(::pipe(pipefd) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::close(pipefd[0]);
      const std::string why = run_one(scenario, seed, horizon_h);
      if (!why.empty() && ::write(pipefd[1], why.data(), why.size()) < 0) _exit(3);
      _exit(why.empty() ? 0 : 1);
    }
    ::close(pipefd[1]);
    std::string why;
    char buf[512];
    ssize_t n;
    while ((n = ::read(pipefd[0], buf, sizeof buf)) > 0) why.append(buf, size_t(n));
    ::close(pipefd[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    INFO(rel << " seed " << seed << ": " << why);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
}

} // namespace

TEST_CASE("population account balances: songhua-2013 x 20 seeds", "[population][property]") {
  check_scenario_seeds("scenarios/flood/songhua-2013.yaml", 120);
}
TEST_CASE("population account balances: flash-heli x 20 seeds", "[population][property]") {
  check_scenario_seeds("scenarios/flood/flash-heli.yaml", 36);
}
TEST_CASE("population account balances: g11-hazmat x 20 seeds", "[population][property]") {
  check_scenario_seeds("scenarios/demo/g11-hazmat.yaml", 6);
}
TEST_CASE("population account balances: huahe-ammonia-night x 20 seeds", "[population][property]") {
  check_scenario_seeds("scenarios/chemical/huahe-ammonia-night.yaml", 2);
}
TEST_CASE("population account balances: flood-huahe-cascade x 20 seeds", "[population][property]") {
  check_scenario_seeds("scenarios/chemical/flood-huahe-cascade.yaml", 6);
}
TEST_CASE("population account balances: g11-heli-ammonia-tanker x 20 seeds", "[population][property]") {
  check_scenario_seeds("scenarios/chemical/g11-heli-ammonia-tanker.yaml", 2);
}
TEST_CASE("population account balances: taipinggou-spring x 20 seeds", "[population][property]") {
  check_scenario_seeds("scenarios/fire/taipinggou-spring.yaml", 6);
}
TEST_CASE("population account balances: xinxing-gas-explosion x 20 seeds", "[population][property]") {
  check_scenario_seeds("scenarios/mine/xinxing-gas-explosion.yaml", 6);
}
TEST_CASE("population account balances: zhenxing-water-inrush x 20 seeds", "[population][property]") {
  check_scenario_seeds("scenarios/mine/zhenxing-water-inrush.yaml", 6);
}
