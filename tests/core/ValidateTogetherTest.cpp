// `hgdrill validate SCENARIO PLAN [--rubric R]` makes the check `hgdrill run` makes (issue 11): a plan
// given with a scenario is checked against it, and the rubric the run will be scored with is loaded
// before anything is simulated, with file:line:col. Runs the hgdrill program (no Engine in this process).
#include "TestSupport.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

namespace {

/// scenarios/plans/flood.yaml with its Suibin evacuation sent to a zone the map does not have.
std::string plan_with_unknown_zone(const std::string& dir) {
  std::string plan = hgtest::read(hgtest::source("scenarios/plans/flood.yaml"));
  const std::string from = "zones: [z_suibin], shelter: f_shel_suibin";
  REQUIRE(plan.find(from) != std::string::npos);
  plan.replace(plan.find(from), from.size(), "zones: [z_suibni], shelter: f_shel_suibin");
  const std::string path = dir + "/plan.yaml";
  hgtest::write(path, plan);
  return path;
}

} // namespace

TEST_CASE("validate checks a plan against the scenario given with it", "[core][validate]") {
  const std::string dir = hgtest::temp_dir("validate-plan");
  const std::string plan = plan_with_unknown_zone(dir);
  const std::string scenario = hgtest::source("scenarios/flood/songhua-2013.yaml");
  // Alone, a plan has no world to check its zones against: its syntax is fine.
  CHECK(hgtest::hgdrill("validate " + plan).code == 0);
  // With the scenario, the unknown zone is an error naming the plan's file and line, as run reports it.
  const auto v = hgtest::hgdrill("validate " + scenario + " " + plan);
  INFO(v.output);
  CHECK(v.code == 3);
  CHECK(v.output.find(plan + ":") != std::string::npos);
  CHECK(v.output.find("z_suibni") != std::string::npos);
  const auto r = hgtest::hgdrill("run " + scenario + " --plan " + plan + " --no-baseline --quiet --out " + dir + "/run");
  CHECK(r.code == 3);
  CHECK(r.output.find("z_suibni") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/run"));
}

TEST_CASE("a misspelt or broken rubric stops validate and run before anything is simulated",
          "[core][validate]") {
  const std::string dir = hgtest::temp_dir("validate-rubric");
  const std::string scenario = hgtest::source("scenarios/demo/g11-hazmat.yaml");
  const auto missing = hgtest::hgdrill("validate " + scenario + " --rubric " + dir + "/hazmat_raod.yaml");
  INFO(missing.output);
  CHECK(missing.code == 3);
  CHECK(missing.output.find("hazmat_raod.yaml") != std::string::npos);

  // A rubric with an unknown KPI: reported at its line and column, and run writes nothing.
  hgtest::write(dir + "/bad.yaml", R"(hgdrill: rubric/1
id: bad
name: {zh: 坏, en: Bad}
capabilities:
  - id: c
    zh: 能力
    en: Capability
    weight: 1
    src: "estimated: test"
    kpis:
      - {kpi: t_first_unit_mn, target: 5, fail: 30, src: "estimated: test"}
)");
  const auto bad = hgtest::hgdrill("validate " + scenario + " --rubric " + dir + "/bad.yaml");
  INFO(bad.output);
  CHECK(bad.code == 3);
  CHECK(bad.output.find(dir + "/bad.yaml:11:") != std::string::npos);
  CHECK(bad.output.find("t_first_unit_min") != std::string::npos); // the "did you mean"
  const auto run = hgtest::hgdrill("run " + scenario + " --rubric " + dir + "/bad.yaml --no-baseline --quiet --out " + dir + "/run");
  CHECK(run.code == 3);
  CHECK(run.output.find(dir + "/bad.yaml:11:") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/run"));

  // The bundled scenario with its own rubric validates.
  CHECK(hgtest::hgdrill("validate " + scenario).code == 0);
}

TEST_CASE("a hazard inject to an id no hazard has is an error with its line", "[core][validate]") {
  const std::string dir = hgtest::temp_dir("validate-inject");
  std::string sc = hgtest::read(hgtest::source("scenarios/flood/flash-heli.yaml"));
  // Make the relative paths absolute, then add an inject to a misspelt hazard id.
  for (const std::string key : {"map: ", "resources: ", "comms: ", "plan: ", "rubric: "}) {
    const size_t at = sc.find("\n" + key + "../");
    if (at != std::string::npos) sc.replace(at + 1 + key.size(), 2, hgtest::source("scenarios"));
  }
  sc += "injects:\n  - {at_h: 1, kind: hazard, to: heli_flash_2081, body: {what: breach, levee: n_heli_br2_s}}\n";
  const std::string path = dir + "/s.yaml";
  hgtest::write(path, sc);
  const auto v = hgtest::hgdrill("validate " + path);
  INFO(v.output);
  CHECK(v.code == 3);
  CHECK(v.output.find("no hazard of this scenario has the id \"heli_flash_2081\"") != std::string::npos);
  CHECK(v.output.find("heli_flash_2018") != std::string::npos); // the ids it does have
}
