// Plug-flow transport of CO and smoke (docs/models/mine.md §3): travel time L/v on one airway, flow-weighted
// mixing at a junction, and the CO volume balance.
#include "sim/hazards/mine/Contaminants.hpp"

#include <catch2/catch.hpp>

using namespace hg::mine;

namespace {
MineNetwork chain() {
  // a —(600 m, 10 m2)→ b —(300 m, 10 m2)→ c
  MineNetwork n;
  n.junctions = {{"a"}, {"b"}, {"c"}};
  Branch ab;
  ab.id = "ab";
  ab.from = 0;
  ab.to = 1;
  ab.length_m = 600;
  ab.area_m2 = 10;
  Branch bc = ab;
  bc.id = "bc";
  bc.from = 1;
  bc.to = 2;
  bc.length_m = 300;
  n.branches = {ab, bc};
  return n;
}
} // namespace

// Plug flow: a front moves with the mean air velocity v = Q/A, so it needs L/v to cross an airway.
// Q = 20 m3/s in 10 m2 → 2 m/s; 600 m → 300 s. With 10 s steps the front must arrive exactly then.
TEST_CASE("contaminant front crosses an airway in L / v", "[mine][transport]") {
  const MineNetwork n = chain();
  ContaminantField f(n);
  f.set_flows({20, 20});
  const double co_m3_s = 20 * 100e-6; // 100 ppm in 20 m3/s
  double arrival = -1;
  for (int k = 1; k <= 60 && arrival < 0; ++k) {
    f.add_branch_source(0, co_m3_s, 0); // a CO source mixed into the air entering ab at a
    f.step(10);
    if (f.at_junction(1).co_ppm > 1) arrival = (k - 1) * 10.0; // the step in which it first leaves ab
  }
  // Entering air carries 100 ppm from t = 0; the 6000 m3 of clean air ahead of it leave during the first
  // 30 steps, so the contaminated air leaves during the step that starts at 600/2 = 300 s.
  CHECK(arrival == Approx(300));
  CHECK(f.at_junction(1).co_ppm == Approx(100));
  CHECK(f.in_branch(1, 0.5).co_ppm == Approx(0)); // bc's middle (150 m at 2 m/s = 75 s later) still clean
  // Reverse the flow: the contaminated air in ab goes back towards a.
  f.set_flows({-20, -20});
  f.step(10);
  CHECK(f.in_branch(0, 0.0).co_ppm == Approx(100));
}

// Complete mixing at a junction (MFIRE; McPherson ch. 21): c = Σ Q_i c_i / Σ Q_i.
// 10 m3/s at 100 ppm joining 30 m3/s of fresh air → 25 ppm.
TEST_CASE("flow-weighted mixing at a junction", "[mine][transport]") {
  MineNetwork n;
  n.junctions = {{"s1"}, {"s2"}, {"m"}, {"out"}};
  Branch a;
  a.id = "a";
  a.from = 0;
  a.to = 2;
  a.length_m = 100;
  a.area_m2 = 10;
  Branch b = a;
  b.id = "b";
  b.from = 1;
  Branch c = a;
  c.id = "c";
  c.from = 2;
  c.to = 3;
  n.branches = {a, b, c};
  ContaminantField f(n);
  f.fill_branch(0, {100, 0});
  f.set_flows({10, 30, 40});
  f.step(10); // 100 m3 of each inflow reaches m: a gives 100 ppm air, b fresh air
  CHECK(f.at_junction(2).co_ppm == Approx(25));
}

TEST_CASE("CO volume is conserved: added = held + exhausted", "[mine][transport]") {
  MineNetwork n = chain();
  n.junctions[2].surface = true;
  ContaminantField f(n);
  f.set_flows({15, 15});
  for (int k = 0; k < 200; ++k) {
    if (k < 50) f.add_branch_source(0, 0.002, 1.0);
    f.step(7);
  }
  CHECK(f.co_added_m3() == Approx(50 * 7 * 0.002));
  CHECK(f.co_volume_m3() + f.co_exhausted_m3() == Approx(f.co_added_m3()).epsilon(1e-9));
  CHECK(f.co_exhausted_m3() > 0);
}
