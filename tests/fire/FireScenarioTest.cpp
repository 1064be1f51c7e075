// The bundled spring fire scenario: it loads, the fire grows, closes roads near the front, threatens
// settlements, reacts to crews, and two runs give the same log.
#include "FakeSink.hpp"
#include "sim/hazards/HazardFactory.hpp"
#include "sim/hazards/fire/FireModel.hpp"
#include "sim/io/Scenario.hpp"

#include <catch2/catch.hpp>

using namespace hg::fire;

namespace {

const std::string kScenario = std::string(HG_SOURCE_DIR) + "/scenarios/fire/taipinggou-spring.yaml";

struct Loaded {
  hg::Scenario sc;
  std::vector<std::unique_ptr<hg::Hazard>> hazards;
};

Loaded load() {
  Loaded l;
  hg::Diagnostics diag;
  l.sc = hg::load_scenario(kScenario, diag);
  l.hazards = hg::make_hazards(l.sc, 1, diag);
  INFO(diag.str());
  REQUIRE(diag.error_count() == 0);
  REQUIRE(l.hazards.size() == 1);
  return l;
}

/// Runs the driver loop for `hours` and returns the sink; `crew` people work the given line each step.
test::FakeSink play(hg::Hazard& h, double hours, const std::string& line = "", const std::string& cap = "",
                    double crew = 0, double crew_from_h = 0) {
  test::FakeSink sink;
  h.start(sink);
  const double dt = h.step_s();
  for (double t = 0; t < hours * 3600 - 1e-6; t += dt) {
    if (!line.empty() && t >= crew_from_h * 3600) REQUIRE(h.apply_effort(line, cap, crew, dt, sink));
    h.advance(t, dt, sink);
  }
  return sink;
}

} // namespace

TEST_CASE("bundled spring fire: loads, grows, closes roads near the front", "[fire][scenario]") {
  Loaded l = load();
  auto& fire = dynamic_cast<FireModel&>(*l.hazards[0]);
  test::FakeSink sink = play(fire, 24);
  CHECK(sink.count("fire.ignited") == 1);
  CHECK(sink.count("fire.danger") >= 1);
  CHECK(sink.count("fire.wind") == 5); // the series has five points
  CHECK(fire.spread().burned_area_ha() > 100);
  // The G331 between 金满屯 and 太平沟 closes once the front is within 1 km.
  REQUIRE_FALSE(sink.closures.empty());
  CHECK(sink.closures.front().first == "r_g331_w_4");
  CHECK(sink.closures.front().second);
  // 金满屯林场 is flagged for evacuation before the fire reaches its footprint.
  size_t warned = sink.events.size(), reached = sink.events.size();
  for (size_t i = 0; i < sink.events.size(); ++i) {
    const auto& e = sink.events[i];
    if (e.actors.empty() || e.actors.front() != "f_ff_jinmantun") continue;
    if (e.type == "fire.evacuation_needed" && warned == sink.events.size()) warned = i;
    if (e.type == "fire.reached" && reached == sink.events.size()) reached = i;
  }
  CHECK(warned < sink.events.size());
  CHECK(warned < reached);
  CHECK(fire.zones_at_risk() == std::vector<std::string>{"z_taipinggou"});
  CHECK(fire.location_of("fl_jinmantun_west") == "n_ff_jinmantun");
}

TEST_CASE("bundled spring fire: same inputs, same log", "[fire][scenario]") {
  Loaded a = load();
  Loaded b = load();
  const test::FakeSink sa = play(*a.hazards[0], 12, "fl_jinmantun_flank", "direct_attack", 30, 1);
  const test::FakeSink sb = play(*b.hazards[0], 12, "fl_jinmantun_flank", "direct_attack", 30, 1);
  CHECK(sa.log == sb.log);
  CHECK(sa.log.size() > 30);
}

TEST_CASE("bundled spring fire: the professional team's line west of the farm",
          "[fire][scenario][suppression]") {
  Loaded free_run = load();
  const test::FakeSink free_sink = play(*free_run.hazards[0], 24);
  Loaded fought = load();
  // 100 people of the 鹤北 professional team (type 1) cut the planned line from t = 1 h.
  const test::FakeSink sink = play(*fought.hazards[0], 24, "fl_jinmantun_west", "indirect_attack", 100, 1);
  auto& f_free = dynamic_cast<FireModel&>(*free_run.hazards[0]);
  auto& f_fought = dynamic_cast<FireModel&>(*fought.hazards[0]);
  CHECK(sink.count("fire.line_completed") == 1);
  CHECK(f_fought.spread().line_cells() > 20);
  CHECK(f_fought.spread().burned_area_ha() < f_free.spread().burned_area_ha());
  // Without the line the fire reaches 金满屯林场 (≈ 20.6 h); with it, not within the day.
  CHECK(free_sink.count("fire.reached") == 1);
  CHECK(sink.count("fire.reached") == 0);
}
