// Routing on the road graph: fastest paths, closures, unreachable targets (no engine needed).
#include "sim/world/RoadNetwork.hpp"
#include "TestSupport.hpp"
#include "sim/io/WorldLoader.hpp"

#include <catch2/catch.hpp>

namespace {
hg::World grid() {
  hg::Diagnostics d;
  hg::World w = hg::load_world({hgtest::source("tests/core/fixtures/grid/map.yaml"), "", ""}, d);
  REQUIRE_FALSE(d.has_errors());
  return w;
}
uint32_t n(const hg::World& w, const std::string& id) {
  return uint32_t(w.node_index.at(id));
}
uint32_t r(const hg::World& w, const std::string& id) {
  return uint32_t(w.road_index.at(id));
}
} // namespace

TEST_CASE("fastest path follows the shorter side of the square") {
  hg::World w = grid();
  hg::RoadNetwork net = hg::RoadNetwork::from_world(w);
  auto route = net.shortest_path(n(w, "a"), n(w, "c"));
  REQUIRE(route);
  // a-b-c: 10 km + 10 km at 60 km/h = 1200 s (hand computation).
  CHECK(route->time_s == Approx(1200.0));
  CHECK(route->nodes == std::vector<uint32_t>{n(w, "a"), n(w, "b"), n(w, "c")});
  CHECK(route->roads == std::vector<uint32_t>{r(w, "r_ab"), r(w, "r_bc")});
}

TEST_CASE("a closed road is avoided, and reopening restores the route") {
  hg::World w = grid();
  hg::RoadNetwork net = hg::RoadNetwork::from_world(w);
  net.set_closed(r(w, "r_bc"), true);
  auto route = net.shortest_path(n(w, "a"), n(w, "c"));
  REQUIRE(route);
  CHECK(route->time_s == Approx(1800.0)); // a-d-c: 15 + 15 km at 60 km/h
  net.set_closed(r(w, "r_bc"), false);
  CHECK(net.shortest_path(n(w, "a"), n(w, "c"))->time_s == Approx(1200.0));
}

TEST_CASE("a slower vehicle takes proportionally longer") {
  hg::World w = grid();
  hg::RoadNetwork net = hg::RoadNetwork::from_world(w);
  CHECK(net.shortest_path(n(w, "a"), n(w, "c"), 0.8)->time_s == Approx(1500.0)); // 1200 / 0.8
}

TEST_CASE("an island and a fully closed target are unreachable") {
  hg::World w = grid();
  hg::RoadNetwork net = hg::RoadNetwork::from_world(w);
  CHECK_FALSE(net.shortest_path(n(w, "a"), n(w, "e")));
  net.set_closed(r(w, "r_bc"), true);
  net.set_closed(r(w, "r_dc"), true);
  CHECK_FALSE(net.shortest_path(n(w, "a"), n(w, "c")));
  auto times = net.travel_times_from(n(w, "a"));
  CHECK(times[n(w, "d")] == Approx(900.0));
  CHECK(std::isinf(times[n(w, "c")]));
}
