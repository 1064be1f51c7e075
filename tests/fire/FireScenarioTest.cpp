// The bundled spring fire scenario driven through the hazard contract alone (no engine): it loads, the
// fire grows, closes the G331 near the front, flags the Jinmantun farm for evacuation before it reaches its
// footprint, reacts to crews (who first walk in from their drop node), and two runs give the same log.
#include "FakeSink.hpp"
#include "sim/hazards/HazardRegistry.hpp"
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

} // namespace

TEST_CASE("bundled spring fire: loads, grows, closes roads near the front", "[fire][scenario]") {
  Loaded l = load();
  auto& fire = dynamic_cast<FireModel&>(*l.hazards[0]);
  test::FakeSink sink = test::play(fire, 24);
  CHECK(sink.count("fire.ignited") == 1);
  CHECK(sink.count("fire.danger") >= 1);
  CHECK(sink.count("fire.wind") == 5); // the series has five points
  CHECK(fire.spread().burned_area_ha() > 100);
  // The G331 between 金满屯 and 太平沟 passes 250 m from the ignition: it closes at the first step.
  REQUIRE_FALSE(sink.closures.empty());
  CHECK(sink.closures.front().first == "r_g331_w_4");
  CHECK(sink.closures.front().second);
  // 金满屯林场 is flagged for evacuation before the fire reaches its footprint.
  size_t warned = sink.events.size(), reached = sink.events.size();
  for (size_t i = 0; i < sink.events.size(); ++i) {
    const auto& e = sink.events[i];
    if (e.actors.empty() || e.actors.front() != "z_ff_jinmantun") continue;
    if (e.type == "fire.evacuation_needed" && warned == sink.events.size()) warned = i;
    if (e.type == "fire.reached" && reached == sink.events.size()) reached = i;
  }
  CHECK(warned < sink.events.size());
  CHECK(warned < reached);
  CHECK(sink.reached_zones == std::vector<std::string>{"z_ff_jinmantun"});
  // Harm on the 1000 people the test view keeps there: exposed while the front is in the footprint, but
  // the front stops at the farm's developed ring, ≥ 400 m away, where the radiant flux is far below
  // the pain threshold: no expected deaths (docs/models/fire.md §6).
  REQUIRE_FALSE(sink.harms.empty());
  CHECK(sink.harms.front().zone == "z_ff_jinmantun");
  CHECK(sink.harms.front().exposed == 1000);
  CHECK(sink.harms.front().value < 1.0);
  CHECK(sink.harms.back().fatalities < 0.01);
  // The forecast names the settlement zones with their residents (757 people per forest farm).
  const auto risk = fire.zones_at_risk();
  REQUIRE(risk.size() == 4);
  CHECK(risk[0].zone == "z_ff_jinmantun");
  CHECK(risk[0].people == 757);
  CHECK(fire.site_of("fl_jinmantun_west") == "n_ff_jinmantun");
  CHECK(fire.targets() ==
        std::vector<std::string>{"fire_jinmantun", "fl_jinmantun_west", "fl_jinmantun_flank"});
}

TEST_CASE("bundled spring fire: same inputs, same log", "[fire][scenario]") {
  Loaded a = load();
  Loaded b = load();
  const test::CrewWork crew{"fl_jinmantun_flank", "direct_attack", 30, 1};
  const test::FakeSink sa = test::play(*a.hazards[0], 12, {crew});
  const test::FakeSink sb = test::play(*b.hazards[0], 12, {crew});
  CHECK(sa.log == sb.log);
  CHECK(sa.log.size() > 30);
}

TEST_CASE("bundled spring fire: the professional team's line west of the farm",
          "[fire][scenario][suppression]") {
  Loaded free_run = load();
  const test::FakeSink free_sink = test::play(*free_run.hazards[0], 24);
  Loaded fought = load();
  // 100 people of the 鹤北 professional team (type 1) reach the drop node at 1 h and walk 3.4 km to the
  // line's north end at 30 m/min (≈ 113 min) before they cut it.
  const test::FakeSink sink = test::play(
      *fought.hazards[0], 24, {{"fl_jinmantun_west", "indirect_attack", 100, 1, "u_forest_hebei_1"}});
  auto& f_free = dynamic_cast<FireModel&>(*free_run.hazards[0]);
  auto& f_fought = dynamic_cast<FireModel&>(*fought.hazards[0]);
  const auto* on_line = sink.first("fire.crew_on_line");
  REQUIRE(on_line);
  CHECK(on_line->actors.front() == "u_forest_hebei_1");
  CHECK(on_line->payload["walk_in_min"].get<double>() == Approx(112.8).margin(0.5));
  CHECK(sink.count("fire.line_completed") == 1);
  CHECK(f_fought.spread().line_cells() > 20);
  CHECK(f_fought.spread().burned_area_ha() < f_free.spread().burned_area_ha());
  // Without the line the fire reaches 金满屯林场; with it, not within the day.
  CHECK(free_sink.count("fire.reached") == 1);
  CHECK(sink.count("fire.reached") == 0);
}
