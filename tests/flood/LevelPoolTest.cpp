// Storage–elevation tables and the level-pool water balance.
#include "sim/hazards/flood/LevelPool.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using hg::flood::LevelPool;
using hg::flood::StorageCurve;

namespace {
// A polder 1 km2 at the bottom widening to 2 km2 at +2 m (volumes by the trapezoid rule, by hand).
StorageCurve polder() {
  return StorageCurve({{80.0, 0.0}, {81.0, 1.25e6}, {82.0, 3.0e6}});
}
} // namespace

TEST_CASE("Storage curve: interpolation both ways and extrapolation", "[flood][levelpool]") {
  const StorageCurve c = polder();
  CHECK(c.volume_m3(80.5) == Approx(0.625e6));
  CHECK(c.volume_m3(79.0) == 0.0);
  CHECK(c.level_m(2.125e6) == Approx(81.5));
  CHECK(c.level_m(0.0) == Approx(80.0));
  // Above the table the last segment's area (1.75e6 m2) is kept.
  CHECK(c.volume_m3(83.0) == Approx(4.75e6));
  CHECK(c.level_m(4.75e6) == Approx(83.0));
}

TEST_CASE("Storage curve: non-monotonic rows are named", "[flood][levelpool]") {
  CHECK_THROWS_WITH(StorageCurve({{80.0, 0.0}, {81.0, 1e6}, {82.0, 0.9e6}}),
                    Catch::StartsWith("points[2].volume_m3: expected a value > 1000000"));
  CHECK_THROWS_WITH(StorageCurve({{80.0, 0.0}, {79.0, 1e6}}), Catch::StartsWith("points[1].level_m:"));
}

TEST_CASE("Level pool: level and depth follow the volume", "[flood][levelpool]") {
  LevelPool pool(polder(), 80.3);
  CHECK(pool.depth_m() == 0.0);
  pool.step(100.0, 0.0, 12500.0); // 1.25e6 m3
  CHECK(pool.level_m() == Approx(81.0));
  CHECK(pool.depth_m() == Approx(0.7));
}

TEST_CASE("Level pool: mass balance over a fill-and-drain sequence", "[flood][levelpool]") {
  LevelPool pool(polder(), 80.0, 2.0e5);
  const double v0 = pool.volume_m3();
  double in_m3 = 0, out_m3 = 0;
  for (int i = 0; i < 500; ++i) {
    const double inflow = 50.0 + 40.0 * std::sin(i * 0.05);
    const double outflow = i < 250 ? 10.0 : 200.0; // the drain overdraws at the end: outflow is capped
    const auto done = pool.step(inflow, outflow, 300.0);
    in_m3 += done.inflow_m3;
    out_m3 += done.outflow_m3;
    CHECK(pool.volume_m3() >= 0.0);
  }
  CHECK(in_m3 - out_m3 == Approx(pool.volume_m3() - v0).epsilon(1e-12).margin(1e-9 * in_m3));
  CHECK(out_m3 < 10.0 * 250 * 300 + 200.0 * 250 * 300); // some requested outflow was not there
  CHECK_THROWS_WITH(pool.step(-1.0, 0.0, 10.0), Catch::StartsWith("inflow_m3_s:"));
}
