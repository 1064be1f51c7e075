// Inrush water filling the lowest airways (docs/models/mine.md §3.3): volume below a level for flat and
// sloping airways, derived by hand, and the inverse.
#include "sim/hazards/mine/WaterLevel.hpp"

#include <catch2/catch.hpp>

using namespace hg::mine;

namespace {
MineNetwork two_airways() {
  MineNetwork n;
  n.junctions = {{"a"}, {"b"}, {"c"}};
  n.junctions[0].z_m = -100; // flat airway a–b at −100 m
  n.junctions[1].z_m = -100;
  n.junctions[2].z_m = -80; // b–c rises 20 m
  Branch f;
  f.id = "flat";
  f.from = 0;
  f.to = 1;
  f.length_m = 200;
  f.area_m2 = 9;
  f.height_m = 3;
  Branch s = f;
  s.id = "slope";
  s.from = 1;
  s.to = 2;
  n.branches = {f, s};
  return n;
}
} // namespace

TEST_CASE("water volume held below a level", "[mine][water]") {
  const MineNetwork n = two_airways();
  // Flat airway, level 1.5 m above its floor: half its 1800 m3.
  CHECK(branch_water_volume_m3(n, 0, -98.5) == Approx(900));
  CHECK(branch_water_volume_m3(n, 0, -90) == Approx(1800));
  // Sloping airway (floor −100 → −80 over 200 m, H = 3 m), level −90: the lower half of its length has
  // floor below −90. Mean fill = (1/20)∫_{−100}^{−80} clamp((−90 − u)/3, 0, 1) du = (1/20)(7 + 1.5) = 0.425,
  // so 0.425 × 1800 = 765 m3.
  CHECK(branch_water_volume_m3(n, 1, -90) == Approx(765));
  CHECK(mine_water_volume_m3(n, -90) == Approx(1800 + 765));
  // The inverse returns the level that holds a volume.
  CHECK(water_level_m(n, 1800 + 765) == Approx(-90).margin(1e-6));
  CHECK(water_level_m(n, 0) == Approx(-100));
  CHECK(water_depth_m(n, 1, 0.25, -90) == Approx(5)); // floor at −95 a quarter of the way up
}
