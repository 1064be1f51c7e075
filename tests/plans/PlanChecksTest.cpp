// Static plan checks (hgdrill validate): every check with a plan written to fail it.
// The plans are written to a temp folder and checked against the fixture scenarios' worlds
// (fixtures/actions.yaml: hazmat incident at c, 2 h, no hazard; fixtures/cond.yaml: flood, 1.25 h).
// Units inside the city with 'hazmat': only u_1 (base a, turnout 0); u_out is at the outside node o.
#include "../core/TestSupport.hpp"
#include "sim/plan/ScenarioSetup.hpp"

#include <catch2/catch.hpp>

namespace {

const char* kHead = "hgdrill: plan/1\n"                     // 1
                    "id: bad\n"                             // 2
                    "name: {zh: 坏预案, en: Bad plan}\n"    // 3
                    "general: {hazard: hazmat_road}\n"      // 4
                    "organisation: {lead_post: cp_city}\n"  // 5
                    "measures:\n";                          // 6 (first clause on line 7)

struct Checked {
  std::string plan_file;
  hg::Diagnostics diag;
  bool has(hg::Severity sev, const std::string& text) const {
    for (const auto& d : diag.items())
      if (d.severity == sev && d.str().find(text) != std::string::npos)
        return true;
    return false;
  }
};

/// Checks `clauses` (YAML under `measures:`) as the plan of fixture scenario `scenario`.
Checked check(const std::string& scenario, const std::string& name, const std::string& clauses) {
  Checked c;
  const std::string dir = hgtest::temp_dir("planchecks");
  c.plan_file = dir + "/" + name + ".yaml";
  hgtest::write(c.plan_file, std::string(kHead) + clauses);
  hg::SetupOptions opt;
  opt.plan_override = c.plan_file;
  hg::check_scenario(hgtest::source("tests/plans/fixtures/" + scenario), c.diag, nullptr, opt);
  INFO(c.diag.str());
  return c;
}

const auto E = hg::Severity::kError;
const auto W = hg::Severity::kWarning;

} // namespace

TEST_CASE("the fixture plans themselves pass the static checks", "[plans][checks]") {
  for (const char* s : {"actions.yaml", "cond.yaml", "delay.yaml"}) {
    hg::Diagnostics d;
    hg::check_scenario(hgtest::source(std::string("tests/plans/fixtures/") + s), d);
    INFO(s << "\n" << d.str());
    CHECK(d.error_count() == 0);
    CHECK(d.warning_count() == 0);
  }
}

TEST_CASE("unknown zones, roads, channels, facilities, gauges, places and capabilities are errors", "[plans][checks]") {
  auto c = check("actions.yaml", "unknown",
                 "  - id: m_bad\n"
                 "    when: \"stage(g_nope) >= 1 or depth(z_nope) > 0\"\n"
                 "    actions:\n"
                 "      - {do: evacuate, zones: [z_nope], shelter: f_nope}\n"
                 "      - {do: warn, channels: [fax], zones: [z_c]}\n"
                 "      - {do: close_road, road: r_nope}\n"
                 "      - {do: open_shelter, facility: f_station}\n"
                 "      - {do: open_depot, facility: f_shelter}\n"
                 "      - {do: dispatch, count: 1, capability: hazmat, target: nowhere}\n"
                 "      - {do: dispatch, count: 1, capability: teleport, target: c}\n"
                 "    src: \"estimated: test\"\n");
  INFO(c.diag.str());
  CHECK(c.has(E, "unknown gauge \"g_nope\" in stage(...)"));
  CHECK(c.has(E, "unknown zone \"z_nope\" in depth(...)"));
  CHECK(c.has(E, ":10:")); // the evacuate action's line
  CHECK(c.has(E, "unknown zone \"z_nope\""));
  CHECK(c.has(E, "unknown facility \"f_nope\""));
  CHECK(c.has(E, "unknown warning channel \"fax\""));
  CHECK(c.has(E, "unknown road \"r_nope\""));
  CHECK(c.has(E, "expected a shelter (\"f_station\" is a fire_station)"));
  CHECK(c.has(E, "expected a depot (\"f_shelter\" is a shelter)"));
  CHECK(c.has(E, "unknown place \"nowhere\""));
  CHECK(c.has(E, "unknown capability \"teleport\""));
  CHECK(c.diag.error_count() == 10);
}

TEST_CASE("a stage(...) argument that is a facility but not a gauge is an error", "[plans][checks]") {
  auto c = check("cond.yaml", "notgauge",
                 "  - id: m_x\n"
                 "    when: \"stage(f_shelter) >= 3\"\n"
                 "    actions: [{do: open_shelter, facility: f_shelter}]\n"
                 "    src: \"estimated: test\"\n");
  CHECK(c.has(E, "\"f_shelter\" is a shelter, not a gauge"));
}

TEST_CASE("a target no capable unit can reach by road is an error naming the clause and its line", "[plans][checks]") {
  // e is on the island e-f: no road from a (u_1's base).
  auto c = check("actions.yaml", "unreachable",
                 "  - id: m_island\n"
                 "    when: \"incident_reported\"\n"
                 "    actions: [{do: dispatch, count: 1, capability: hazmat, target: e}]\n"
                 "    src: \"estimated: test\"\n");
  CHECK(c.has(E, c.plan_file + ":7:1: error: measures[m_island]: target \"e\" cannot be reached by road from any "
                               "unit with 'hazmat'"));
}

TEST_CASE("a deadline that turnout plus travel alone make impossible is an error giving the needed time", "[plans][checks]") {
  // u_1 at a, turnout 0: to c by a-b-c is 20 km at 60 km/h = 20 min (a-d-c: 30 min). Deadline 10 min.
  auto c = check("actions.yaml", "deadline",
                 "  - id: m_fast\n"
                 "    when: \"incident_reported\"\n"
                 "    actions: [{do: dispatch, count: 1, capability: hazmat, target: c, deadline_min: 10}]\n"
                 "    src: \"estimated: test\"\n");
  CHECK(c.has(E, c.plan_file + ":7:1: error: measures[m_fast]: deadline 0 h 10 min is impossible: the fastest unit "
                               "with 'hazmat' (u_1) needs 0 h 20 min (turnout + travel) to reach \"c\""));
  // 20 min is just enough: no finding.
  auto ok = check("actions.yaml", "deadline_ok",
                  "  - id: m_fast\n"
                  "    when: \"incident_reported\"\n"
                  "    actions: [{do: dispatch, count: 1, capability: hazmat, target: c, deadline_min: 20}]\n"
                  "    src: \"estimated: test\"\n");
  CHECK(ok.diag.error_count() == 0);
}

TEST_CASE("the same units promised by two clauses is a warning, more than exist in one clause an error", "[plans][checks]") {
  auto c = check("actions.yaml", "promised",
                 "  - id: m_a\n"
                 "    when: \"incident_reported\"\n"
                 "    actions: [{do: dispatch, count: 1, capability: hazmat, target: c}]\n"
                 "    src: \"estimated: test\"\n"
                 "  - id: m_b\n"
                 "    when: \"incident_reported\"\n"
                 "    actions: [{do: dispatch, count: 1, capability: hazmat, target: b}]\n"
                 "    src: \"estimated: test\"\n");
  CHECK(c.diag.error_count() == 0);
  CHECK(c.has(W, "measures[m_b]: clauses m_a, m_b together promise 2 units with 'hazmat' but only 1 exist: if they "
                 "fire together, some units are promised to two places at once"));
  CHECK(c.has(W, ":11:1: warning:")); // on the last clause, m_b, line 11

  auto many = check("actions.yaml", "toomany",
                    "  - id: m_many\n"
                    "    when: \"incident_reported\"\n"
                    "    actions: [{do: dispatch, count: 2, capability: hazmat, target: c}]\n"
                    "    src: \"estimated: test\"\n");
  CHECK(many.has(E, "measures[m_many]: asks for 2 units with 'hazmat' but only 1 exist"));

  auto none = check("actions.yaml", "nocap",
                    "  - id: m_mine\n"
                    "    when: \"incident_reported\"\n"
                    "    actions: [{do: dispatch, count: 1, capability: mine_rescue, target: c}]\n"
                    "    src: \"estimated: test\"\n");
  CHECK(none.has(E, "measures[m_mine]: no available unit has capability 'mine_rescue' inside the city"));
}

TEST_CASE("conditions that can never be true are errors", "[plans][checks]") {
  auto c = check("actions.yaml", "never",
                 "  - id: m_late\n"
                 "    when: \"hours_since_report > 100\"\n"
                 "    actions: [{do: set_level, level: I}]\n"
                 "    src: \"estimated: test\"\n"
                 "  - id: m_level\n"
                 "    when: \"response_level > 4\"\n"
                 "    actions: [{do: set_level, level: I}]\n"
                 "    src: \"estimated: test\"\n"
                 "  - id: m_fine\n"
                 "    when: \"hours_since_report > 1.5\"\n"
                 "    actions: [{do: set_level, level: I}]\n"
                 "    src: \"estimated: test\"\n");
  // hours_since_report lies in [-1, 2] in a 2 h scenario; response_level in [0, 4].
  CHECK(c.has(E, "measures[m_late]: condition can never be true: \"hours_since_report > 100\""));
  CHECK(c.has(E, "measures[m_level]: condition can never be true: \"response_level > 4\""));
  CHECK_FALSE(c.has(E, "measures[m_fine]"));
  CHECK(c.diag.error_count() == 2);
}

TEST_CASE("a condition reading a quantity no hazard of the scenario produces is a warning", "[plans][checks]") {
  // A hazard kind this scenario does not use, registered here with one plan quantity.
  hg::HazardModule wildfire;
  wildfire.kind = "test_wildfire";
  wildfire.quantities = {{"burning_ha", "", "burning_ha", hg::QuantitySpec::Read::kMaxOverSubjects, 0, 1e9, "test"}};
  hg::register_hazard_module(wildfire);
  auto c = check("cond.yaml", "fire_in_flood",
                 "  - id: m_fire\n"
                 "    when: \"burning_ha > 10\"\n"
                 "    actions: [{do: set_level, level: I}]\n"
                 "    src: \"estimated: test\"\n"
                 "  - id: m_stage\n"
                 "    when: \"stage(f_gauge) >= warning(f_gauge)\"\n"
                 "    actions: [{do: set_level, level: I}]\n"
                 "    src: \"estimated: test\"\n");
  CHECK(c.diag.error_count() == 0);
  CHECK(c.has(W, "measures[m_fire]: condition reads 'burning_ha', which only a test_wildfire hazard produces; this "
                 "scenario has none, so the clause can never fire here"));
  CHECK_FALSE(c.has(W, "measures[m_stage]")); // the flood scenario produces stage(g)

  auto h = check("actions.yaml", "stage_in_hazmat",
                 "  - id: m_stage\n"
                 "    when: \"stage(f_gauge) >= warning(f_gauge)\"\n"
                 "    actions: [{do: set_level, level: I}]\n"
                 "    src: \"estimated: test\"\n");
  CHECK(h.has(W, "measures[m_stage]: condition reads 'stage', which only a flood hazard produces"));
}

TEST_CASE("hgdrill validate exits 3 on a plan error and prints the finding", "[plans][checks]") {
  const std::string dir = hgtest::temp_dir("planvalidate");
  const std::string fx = hgtest::source("tests/plans/fixtures/");
  hgtest::write(dir + "/plan.yaml", std::string(kHead) +
                                        "  - id: m_fast\n"
                                        "    when: \"incident_reported\"\n"
                                        "    actions: [{do: dispatch, count: 1, capability: hazmat, target: c, "
                                        "deadline_min: 10}]\n"
                                        "    src: \"estimated: test\"\n");
  hgtest::write(dir + "/scenario.yaml",
                "hgdrill: scenario/1\n"
                "id: bad_deadline\n"
                "name: {zh: 坏, en: Bad}\n"
                "map: " + fx + "map.yaml\n"
                "resources: " + fx + "units.yaml\n"
                "comms: " + hgtest::source("tests/core/fixtures/grid/comms.yaml") + "\n"
                "plan: plan.yaml\n"
                "duration_h: 2\n"
                "incident: {kind: hazmat_road, node: c, at_h: 0, reported_to: cp_city, report_delay_min: 0, "
                "src: \"estimated: test\"}\n");
  auto r = hgtest::hgdrill("validate " + dir + "/scenario.yaml");
  INFO(r.output);
  CHECK(r.code == 3);
  CHECK(r.output.find(dir + "/plan.yaml:7:1: error: measures[m_fast]: deadline 0 h 10 min is impossible: the "
                            "fastest unit with 'hazmat' (u_1) needs 0 h 20 min") != std::string::npos);

  auto ok = hgtest::hgdrill("validate " + fx + "actions.yaml");
  INFO(ok.output);
  CHECK(ok.code == 0);
}
