// FireModel (the hg::Hazard adapter) on a small georeferenced synthetic landscape: suppression by direct
// and indirect attack, containment, crew entrapment, road closures, settlements, danger, determinism.
#include "sim/hazards/fire/FireModel.hpp"
#include "FakeSink.hpp"

#include <catch2/catch.hpp>
#include <ogr_spatialref.h>

using namespace hg::fire;

namespace {

FireGrid landscape(int fuel = 1, int nx = 120, int ny = 120) {
  FireGrid g = FireGrid::uniform(nx, ny, 30, fuel);
  OGRSpatialReference srs;
  srs.importFromEPSG(32652);
  char* wkt = nullptr;
  srs.exportToWkt(&wkt);
  g.set_georeference(wkt, 630000, 5320000);
  CPLFree(wkt);
  return g;
}

LatLonPoint at(const FireGrid& g, int col, int row) {
  auto [lat, lon] = g.cell_center_latlon({col, row});
  return {lat, lon};
}

FireConfig base_config(const FireGrid& g, double wind_m_s = 4, double from_deg = 270) {
  FireConfig c;
  c.id = "fire_test";
  c.step_s = 300;
  c.report_every_s = 1800;
  c.ignition = at(g, 30, 60);
  c.ignition_node = "n_test";
  c.start_month = 4;
  c.start_hour = 12;
  c.wind = {{0, wind_m_s, from_deg}};
  c.wind_adjustment_factor = 0.5;
  c.moisture = {6, 7, 8, 60, 90};
  c.dead_by_time_of_day = false;
  return c;
}

test::FakeSink play(FireModel& m, double hours, const std::string& target = "", const std::string& task = "",
                    double people = 0, double from_h = 0) {
  if (target.empty()) return test::play(m, hours);
  return test::play(m, hours, {{target, task, people, from_h}});
}

hg::Work work(const std::string& task, const std::string& target, double people, double dt_s,
              const std::string& unit = "u_test") {
  return hg::Work{unit, task, target, people, 0, dt_s, 0};
}

} // namespace

TEST_CASE("fire model: direct attack from the rear contains the fire", "[fire][model][suppression]") {
  const FireGrid g = landscape(1);
  FireConfig cfg = base_config(g, 1.5);
  cfg.default_crew = CrewType::kType1;
  FireModel free(cfg, g);
  play(free, 4);
  FireModel fought(cfg, g);
  // 40 people of a type 1 crew in short grass: 30 ch/h per 20 people (NWCG) → 60 ch/h ≈ 1207 m/h of line,
  // more than the perimeter grows in a light wind.
  const test::FakeSink sink = play(fought, 4, "fire_test", "direct_attack", 40, 0.25);
  REQUIRE(sink.count("fire.contained") == 1);
  const auto* c = sink.first("fire.contained");
  CHECK(c->payload["line_m"].get<double>() > 0);
  CHECK(fought.spread().burned_area_ha() < 0.5 * free.spread().burned_area_ha());
  CHECK(fought.spread().contained());
}

TEST_CASE("fire model: production rate decides how much line a crew builds", "[fire][model][suppression]") {
  // Indirect line far ahead in short grass, no fire near it yet: the line grows at people × rate.
  const FireGrid g = landscape(1);
  FireConfig cfg = base_config(g, 0.5);
  LineConfig l;
  l.id = "fl_east";
  l.mode = "indirect";
  l.crew = CrewType::kType2;
  l.node = "n_test";
  l.path = {at(g, 110, 0), at(g, 110, 119)};
  cfg.lines.push_back(l);
  FireModel m(cfg, g);
  test::FakeSink sink;
  hgtest::StaticView view;
  m.start(view, sink);
  // 20 people of a type 2 crew, fuel model 1: 18 ch/h (NWCG IRPG table) = 362.1 m/h; in 1 h → 12 cells of 30
  // m (no walk-in: the test line has no drop-node position).
  for (int k = 0; k < 12; ++k) {
    view.t_s = 300.0 * (k + 1);
    REQUIRE(m.work(work("fireline", "fl_east", 20, 300), sink));
  }
  CHECK(m.spread().line_cells() == 12);
  CHECK(sink.observations.back().quantity == "fireline_m");
  CHECK(sink.observations.back().value == Approx(360));
}

TEST_CASE("fire model: indirect line ahead of the head stops it", "[fire][model][suppression]") {
  const FireGrid g = landscape(1);
  FireConfig cfg = base_config(g, 3);
  LineConfig l;
  l.id = "fl_east";
  l.mode = "indirect";
  l.crew = CrewType::kType1;
  l.node = "n_test";
  l.path = {at(g, 90, 0), at(g, 90, 119)};
  l.has_safety_zone = true;
  l.safety_zone = at(g, 118, 60);
  cfg.lines.push_back(l);
  FireModel m(cfg, g);
  const test::FakeSink sink = play(m, 6, "fl_east", "indirect_attack", 200, 0);
  CHECK(sink.count("fire.line_completed") == 1);
  size_t east = 0;
  for (int r = 0; r < 120; ++r)
    for (int col = 91; col < 120; ++col)
      east += m.spread().burned(g.index(col, r));
  CHECK(east == 0);
}

TEST_CASE("fire model: entrapment risk and entrapment", "[fire][model][safety]") {
  SECTION("direct attack in brush with flames above the 1.2 m hand-crew limit") {
    const FireGrid g = landscape(4); // chaparral: flames of several metres
    FireModel m(base_config(g, 5), g);
    const test::FakeSink sink = play(m, 2, "fire_test", "direct_attack", 100, 0.1);
    REQUIRE(sink.count("fire.entrapment_risk") >= 1);
    CHECK(sink.first("fire.entrapment_risk")->payload["flame_length_m"].get<double>() > 1.2);
  }
  SECTION("indirect line just ahead of the head, safety zone far away") {
    const FireGrid g = landscape(1);
    FireConfig cfg = base_config(g, 4);
    LineConfig l;
    l.id = "fl_close";
    l.mode = "indirect";
    l.node = "n_test";
    l.path = {at(g, 45, 50), at(g, 45, 119)}; // starts in the head's path
    l.has_safety_zone = true;
    l.safety_zone = at(g, 119, 119);
    l.escape_rate_m_min = 20;
    cfg.lines.push_back(l);
    FireModel m(cfg, g);
    // A crew too small to get away from its start: it works where the head is arriving.
    const test::FakeSink sink = play(m, 2, "fl_close", "fireline", 1, 0);
    REQUIRE(sink.count("fire.entrapment_risk") >= 1);
    const auto* risk = sink.first("fire.entrapment_risk");
    CHECK(risk->actors.front() == "u_test"); // the unit that works there
    CHECK(risk->payload["line"] == "fl_close");
    CHECK(risk->payload["time_to_fire_min"].get<double>() < risk->payload["escape_time_min"].get<double>());
    CHECK(sink.count("fire.entrapment") == 1);
  }
}

TEST_CASE("fire model: roads near the front close and reopen", "[fire][model][roads]") {
  const FireGrid g = landscape(1);
  FireConfig cfg = base_config(g, 1.5);
  cfg.default_crew = CrewType::kType1;
  cfg.closure_distance_m = 300;
  cfg.reopen_after_h = 1;
  cfg.roads = {{"r_near", {at(g, 45, 0), at(g, 45, 119)}, 6}, {"r_far", {at(g, 115, 0), at(g, 115, 119)}, 6}};
  FireModel m(cfg, g);
  const test::FakeSink sink = play(m, 8, "fire_test", "direct_attack", 80, 1.0);
  bool near_closed = false, near_reopened = false, far_closed = false;
  for (const auto& [road, closed] : sink.closures) {
    if (road == "r_near" && closed) near_closed = true;
    if (road == "r_near" && !closed) near_reopened = true;
    if (road == "r_far" && closed) far_closed = true;
  }
  CHECK(near_closed);
  CHECK(near_reopened); // contained, the front is gone, one hour later the road opens
  CHECK_FALSE(far_closed);
}

TEST_CASE("fire model: firebreak roads do not burn", "[fire][model][roads]") {
  const FireGrid g = landscape(1);
  FireConfig cfg = base_config(g, 3);
  cfg.firebreak_min_width_m = 10;
  cfg.roads = {{"r_wide", {at(g, 70, 0), at(g, 70, 119)}, 12}};
  FireModel m(cfg, g);
  play(m, 8);
  size_t east = 0;
  for (int r = 0; r < 120; ++r)
    for (int col = 71; col < 120; ++col)
      east += m.spread().burned(g.index(col, r));
  CHECK(east == 0);
  CHECK(m.spread().burned(g.index(69, 60))); // the fire did reach the road
}

TEST_CASE("fire model: settlements inside the projected arrival, then reached", "[fire][model][effects]") {
  const FireGrid g = landscape(1);
  FireConfig cfg = base_config(g, 3);
  cfg.evacuation_horizon_h = 3;
  cfg.settlement_radius_m = 60;
  cfg.settlements = {{"z_village", true, at(g, 100, 60), 250}, {"f_farm", false, at(g, 30, 5), 0}};
  FireModel m(cfg, g);
  REQUIRE(m.zones_at_risk().size() == 1);
  CHECK(m.zones_at_risk()[0].zone == "z_village");
  CHECK(m.zones_at_risk()[0].people == 250);
  const test::FakeSink sink = play(m, 6);
  const auto* evac = sink.first("fire.evacuation_needed");
  REQUIRE(evac);
  CHECK(evac->actors.front() == "z_village");
  const auto* reached = sink.first("fire.reached");
  REQUIRE(reached);
  CHECK(reached->actors.front() == "z_village");
  // Warned before reached, and the warning's ETA was within the horizon.
  double t_warn = -1, t_reach = -1;
  for (size_t i = 0; i < sink.events.size(); ++i) {
    if (&sink.events[i] == evac) t_warn = double(i);
    if (&sink.events[i] == reached) t_reach = double(i);
  }
  CHECK(t_warn < t_reach);
  CHECK(evac->payload["eta_h"].get<double>() <= 3.0);
  CHECK(sink.reached_zones == std::vector<std::string>{"z_village"});
}

TEST_CASE("fire model: events, observations, unknown targets, determinism", "[fire][model]") {
  const FireGrid g = landscape(1);
  FireConfig cfg = base_config(g, 3);
  cfg.wind = {{0, 3, 270}, {1, 6, 315}};
  cfg.danger_days = {{-1, 18, 30, 15, 0}, {0, 20, 25, 20, 0}};
  FireModel a(cfg, g);
  const test::FakeSink sa = play(a, 3);
  FireModel b(cfg, g);
  const test::FakeSink sb = play(b, 3);
  CHECK(sa.log == sb.log);
  CHECK(sa.count("fire.ignited") == 1);
  CHECK(sa.count("fire.wind") == 2);
  CHECK(sa.count("fire.danger") == 1);
  CHECK(sa.count("fire.perimeter") == 6);
  bool area = false;
  for (const auto& o : sa.observations)
    area = area || (o.quantity == "fire_area_ha" && o.subject == "fire_test" && o.value > 0);
  CHECK(area);
  test::FakeSink s;
  CHECK_FALSE(a.work(work("fireline", "nowhere", 10, 60), s));
  CHECK_FALSE(a.work(work("sandbag", "fire_test", 10, 60), s));
  CHECK_FALSE(a.work(work("indirect_attack", "fire_test", 10, 60), s)); // no route on the fire itself
  CHECK_FALSE(a.accepts_work("indirect_attack", "fire_test"));
  CHECK(a.accepts_work("direct_attack", "fire_test"));
  CHECK(a.accepts_work("fireline", "fire_test"));
  CHECK(a.targets() == std::vector<std::string>{"fire_test"});
  CHECK(a.site_of("fire_test") == "n_test");
  CHECK(a.site_of("nowhere").empty());
  CHECK(a.inject({{"what", "wind"}, {"speed_10m_m_s", 1.0}, {"dir_deg", 90.0}}, 3 * 3600, s));
  CHECK_FALSE(a.inject({{"what", "flood"}}, 3 * 3600, s));
  CHECK_FALSE(a.inject("ignite", 3 * 3600, s));
  CHECK_FALSE(a.inject({{"what", 7}}, 3 * 3600, s));
  CHECK_FALSE(a.inject({{"what", "wind"}, {"speed_10m_m_s", "fast"}, {"dir_deg", 90.0}}, 3 * 3600, s));
  CHECK_FALSE(a.inject({{"what", "ignite"}, {"lat", "north"}, {"lon", 130.0}}, 3 * 3600, s));
  const LatLonPoint spot = at(g, 2, 2); // upwind corner, not burned yet
  CHECK(a.inject({{"what", "ignite"}, {"lat", spot.lat}, {"lon", spot.lon}}, 3 * 3600, s));
  CHECK(s.count("fire.spot_ignited") == 1);
  // Ignition outside the raster or in water: errors naming the field.
  FireConfig bad = cfg;
  bad.ignition = {10, 10};
  CHECK_THROWS_WITH(FireModel(bad, g), Catch::StartsWith("ignition:"));
}

TEST_CASE("fire model: crews walk in from their drop node before they build line",
          "[fire][model][suppression]") {
  // Drop node at cell (10, 0), line starting at cell (90, 0): 80 cells × 30 m = 2400 m at 30 m/min = 80 min.
  const FireGrid g = landscape(1);
  FireConfig cfg = base_config(g, 0.5);
  LineConfig l;
  l.id = "fl_east";
  l.mode = "indirect";
  l.crew = CrewType::kType2;
  l.node = "n_drop";
  l.node_pos = at(g, 10, 0);
  l.path = {at(g, 90, 0), at(g, 90, 119)};
  cfg.lines.push_back(l);
  FireModel m(cfg, g);
  const test::FakeSink sink = test::play(m, 3, {{"fl_east", "fireline", 20, 0, "u_crew"}});
  const auto* on_line = sink.first("fire.crew_on_line");
  REQUIRE(on_line);
  CHECK(on_line->actors == std::vector<std::string>{"u_crew", "fire_test"});
  CHECK(on_line->payload["walk_in_min"].get<double>() == Approx(80.0).epsilon(1e-9));
  CHECK(on_line->payload["line"] == "fl_east");
  // Work steps of 5 min from t = 0: the crew arrives at 80 min, so the first fireline_m observation
  // comes in the step ending at 85 min, and after 3 h the line is (180 − 80) min × 20 people of type 2 at
  // 18 ch/h per 20 (NWCG) = 100/60 × 362.1 m = 603.5 m → 20 whole cells of 30 m (600 m).
  size_t first_line_obs = sink.log.size(), on_line_at = sink.log.size();
  for (size_t i = 0; i < sink.log.size(); ++i) {
    if (sink.log[i].rfind("observe fireline_m", 0) == 0 && first_line_obs == sink.log.size())
      first_line_obs = i;
    if (sink.log[i].find("fire.crew_on_line") != std::string::npos) on_line_at = i;
  }
  CHECK(on_line_at < first_line_obs);
  CHECK(m.spread().line_cells() == 20);
  // A drop node off the fire's own site: the fire itself (direct attack) without a node position walks 0.
  FireModel direct(base_config(g, 0.5), g);
  const test::FakeSink d = test::play(direct, 1, {{"fire_test", "direct_attack", 20, 0}});
  REQUIRE(d.first("fire.crew_on_line"));
  CHECK(d.first("fire.crew_on_line")->payload["walk_in_min"].get<double>() == 0);
}
