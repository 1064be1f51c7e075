// Trapezoidal levee breach (HEC-RAS "User Entered Data" breach): coefficient, geometry, discharge.
#include "sim/hazards/flood/Breach.hpp"
#include "sim/hazards/flood/Weir.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hg::flood;

namespace {
constexpr double kFt = 0.3048;
constexpr double kCfs = kFt * kFt * kFt;
} // namespace

// HEC-RAS User's Manual, "User Entered Breach Data" (Breach Weir Coef): "Suggested range of values are
// 2.0 to 3.2, with 2.6 as a default value for most earth dams" (US customary, ft^0.5/s). The weir
// equation Q = C L H^1.5 in feet and cfs becomes SI with C_SI = C_US × 0.3048^(3 − 1 − 1.5) = C_US × √0.3048.
TEST_CASE("Breach weir coefficient: HEC-RAS default 2.6 ft^0.5/s in SI", "[flood][breach]") {
  CHECK(kUsToSiWeirCoefficient == Approx(std::sqrt(0.3048)).epsilon(1e-15));
  CHECK(kHecRasBreachWeirCoefficient == Approx(1.4354).margin(5e-5));    // 2.6 × 0.552087
  CHECK(kHecRasBreachWeirCoefficientMin == Approx(1.1042).margin(5e-5)); // 2.0 × 0.552087
  CHECK(kHecRasBreachWeirCoefficientMax == Approx(1.7667).margin(5e-5)); // 3.2 × 0.552087
  // The old rectangular-breach default (critical-depth 1.705) lies above HEC-RAS's whole range.
  CHECK(kBroadCrestedWeirCoefficient > kHecRasBreachWeirCoefficientMax * 0.96);
}

// The HEC-RAS manual gives no numeric breach example we could retrieve, so this applies its stated
// method — "the program uses a weir equation to calculate the flow through the breach" (User's Manual,
// Breach Weir Coef), Q = C L H^1.5, on the trapezoid of "Final Bottom Width" and "Left/Right Side Slope"
// — integrated across the opening by hand:
//   bottom, b = 60 m at the invert:  C b H^1.5
//   each side, slope z = 2 (H:V):    C ∫_0^H (H − y)^1.5 z dy = C z (2/5) H^2.5
// With H = 3 m (water at invert + 3 m, below the crest at invert + 4 m) and C = 2.6 × √0.3048 = 1.435426:
//   b H^1.5            = 60 × 5.196152          = 311.7691
//   2 z (2/5) H^2.5    = 2 × 2 × 0.4 × 15.588457 =  24.9415
//   Q = 1.435426 × 336.7107 = 483.32 m3/s
// The same breach in feet (b = 196.85 ft, H = 9.8425 ft, C = 2.6): Q = 17,068.4 cfs = 483.32 m3/s.
TEST_CASE("Breach free flow: trapezoid by the weir equation, worked by hand", "[flood][breach]") {
  BreachOpening o;
  o.bottom_width_m = 60;
  o.invert_elev_m = 100;
  o.top_elev_m = 104;
  o.side_slope_h_v = 2;
  CHECK(o.top_width_m() == Approx(60 + 2 * 2 * 4));
  const double q = breach_free_flow_m3_s(o, 103.0, kHecRasBreachWeirCoefficient);
  CHECK(q == Approx(483.32).epsilon(2e-5));
  CHECK(q / kCfs == Approx(17068.4).epsilon(2e-5));
  // Between levels with the tailwater below the invert it is the same free flow, signed.
  CHECK(breach_flow_between_levels_m3_s(o, 103.0, 99.0, kHecRasBreachWeirCoefficient) == Approx(q));
  CHECK(breach_flow_between_levels_m3_s(o, 99.0, 103.0, kHecRasBreachWeirCoefficient) == Approx(-q));
}

// Water above the crest: the sides only reach the crest, so each side is C z (2/5)(H^2.5 − H_top^2.5).
// invert 100, crest 102, water 103 → H = 3, H_top = 1:
//   Q = 1.435426 × (311.7691 + 2 × 2 × 0.4 × (15.588457 − 1)) = 1.435426 × 335.1107 = 481.03 m3/s
TEST_CASE("Breach free flow: water above the crest", "[flood][breach]") {
  BreachOpening o;
  o.bottom_width_m = 60;
  o.invert_elev_m = 100;
  o.top_elev_m = 102;
  o.side_slope_h_v = 2;
  CHECK(breach_free_flow_m3_s(o, 103.0, kHecRasBreachWeirCoefficient) == Approx(481.03).epsilon(2e-5));
  CHECK(breach_free_flow_m3_s(o, 100.0, kHecRasBreachWeirCoefficient) == 0.0);
  CHECK(breach_free_flow_m3_s(o, 98.0, kHecRasBreachWeirCoefficient) == 0.0);
}

// HEC-RAS linear breach progression: "Breach Formation Time … the duration from when the breach begins
// to have some significant erosion, to the full development of the breach" (User's Manual); width and
// bottom elevation move linearly from the crest to their final values.
TEST_CASE("Breach opening grows linearly over the formation time", "[flood][breach]") {
  const BreachOpening start = breach_opening_at(0.0, 64.1, 64.1, 198, 61.0, 0.7);
  CHECK(start.bottom_width_m == 0.0);
  CHECK(start.invert_elev_m == 64.1);
  CHECK(start.top_width_m() == 0.0);
  const BreachOpening half = breach_opening_at(0.5, 64.1, 64.1, 198, 61.0, 0.7);
  CHECK(half.bottom_width_m == Approx(99));
  CHECK(half.invert_elev_m == Approx(62.55));
  const BreachOpening full = breach_opening_at(3.0, 64.1, 64.1, 198, 61.0, 0.7); // clamped at 1
  CHECK(full.bottom_width_m == Approx(198));
  CHECK(full.invert_elev_m == Approx(61.0));
  // 198 + 2 × 0.7 × 3.1 = 202.34 m at the crest (songhua-2013.yaml, 绥滨 breach).
  CHECK(full.top_width_m() == Approx(202.34));
  // Sandbags raised the crest by 0.3 m: the sides reach the new top.
  CHECK(breach_opening_at(1.0, 64.1, 64.4, 198, 61.0, 0.7).top_width_m() == Approx(198 + 2 * 0.7 * 3.4));
}

// With vertical sides the breach is a rectangular weir, so it must agree with the Villemonte weir of
// Weir.hpp (itself checked against Ponce's worked examples) at every tailwater.
TEST_CASE("Breach with vertical sides equals the rectangular Villemonte weir", "[flood][breach]") {
  BreachOpening o;
  o.bottom_width_m = 40;
  o.invert_elev_m = 2.0;
  o.top_elev_m = 3.5;
  o.side_slope_h_v = 0;
  for (double tail : {1.0, 2.0, 2.3, 2.8, 3.1, 3.39}) {
    INFO("tailwater " << tail);
    CHECK(breach_flow_between_levels_m3_s(o, 3.4, tail, 1.4) ==
          Approx(weir_flow_between_levels_m3_s(2.0, 40, 3.4, tail, 1.4)).epsilon(1e-12));
  }
}

// Submerged sides: each strip at height y is reduced by Villemonte with its own heads (W − y, T − y).
// Checked against an independent midpoint-rule integration with 200,000 strips, and for the limits
// Villemonte states (free when the tailwater is at the invert, zero at equal levels, monotone between).
TEST_CASE("Breach submergence: strip-wise Villemonte, limits and monotonicity", "[flood][breach]") {
  BreachOpening o;
  o.bottom_width_m = 30;
  o.invert_elev_m = 10;
  o.top_elev_m = 13;
  o.side_slope_h_v = 1.5;
  const double c = kHecRasBreachWeirCoefficient;
  const double w = 12.5;
  auto reference = [&](double t) {
    const int n = 200000;
    const double top = std::min(w, o.top_elev_m), dy = (top - o.invert_elev_m) / n;
    double sides = 0;
    for (int i = 0; i < n; ++i) {
      const double y = o.invert_elev_m + (i + 0.5) * dy;
      sides += std::pow(w - y, 1.5) * villemonte_factor(w - y, t - y) * dy;
    }
    const double h = w - o.invert_elev_m;
    return c * (o.bottom_width_m * std::pow(h, 1.5) * villemonte_factor(h, t - o.invert_elev_m) +
                2 * o.side_slope_h_v * sides);
  };
  for (double t : {10.5, 11.0, 11.8, 12.3, 12.49}) {
    INFO("tailwater " << t);
    CHECK(breach_flow_between_levels_m3_s(o, w, t, c) == Approx(reference(t)).epsilon(1e-5));
  }
  CHECK(breach_flow_between_levels_m3_s(o, w, 10.0, c) == Approx(breach_free_flow_m3_s(o, w, c)));
  CHECK(breach_flow_between_levels_m3_s(o, w, w, c) == 0.0);
  double previous = breach_free_flow_m3_s(o, w, c);
  for (double t = 10.05; t < w; t += 0.05) {
    const double q = breach_flow_between_levels_m3_s(o, w, t, c);
    CHECK(q < previous);
    CHECK(q > 0.0);
    previous = q;
  }
}

TEST_CASE("Breach: bad arguments are named", "[flood][breach]") {
  BreachOpening o;
  o.bottom_width_m = 10;
  CHECK_THROWS_WITH(breach_free_flow_m3_s(o, 1.0, 0.0), Catch::StartsWith("coefficient:"));
  CHECK_THROWS_WITH(breach_opening_at(0.5, 10, 10, -1, 8, 1), Catch::StartsWith("final_bottom_width_m:"));
  CHECK_THROWS_WITH(breach_opening_at(0.5, 10, 10, 5, 8, -1), Catch::StartsWith("side_slope_h_v:"));
}
