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
  for (const auto& e : sink.events)
    if (e.type == "fire.perimeter") UNSCOPED_INFO(e.payload.dump());
  for (const auto& c : sink.closures)
    UNSCOPED_INFO(c.first << (c.second ? " closed" : " open"));
  CHECK(fire.spread().burned_area_ha() > 100);
  CHECK(!sink.closures.empty());
}
