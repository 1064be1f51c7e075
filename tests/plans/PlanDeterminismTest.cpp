// Determinism: the same scenario and seed give a byte-identical events.jsonl (two separate processes).
#include "../core/TestSupport.hpp"

#include <catch2/catch.hpp>

namespace {

std::string run_log(const std::string& scenario, const std::string& out, const std::string& seed) {
  auto r = hgtest::hgdrill("run " + hgtest::source("tests/plans/fixtures/" + scenario) + " --seed " + seed +
                           " --no-report --no-baseline --quiet --out " + out);
  INFO(r.output);
  REQUIRE(r.code == 0);
  return hgtest::read(out + "/events.jsonl");
}

} // namespace

TEST_CASE("the same scenario and seed give byte-identical event logs", "[plans][determinism]") {
  const std::string dir = hgtest::temp_dir("plandet");
  for (const char* scenario : {"actions.yaml", "cond.yaml"}) {
    INFO(scenario);
    const std::string a = run_log(scenario, dir + "/a_" + scenario, "7");
    const std::string b = run_log(scenario, dir + "/b_" + scenario, "7");
    REQUIRE(a.size() > 1000);
    CHECK(a.find("\"plan.clause_fired\"") != std::string::npos);
    CHECK(a == b);
  }
}
