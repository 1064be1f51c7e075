// Broad-crested weir and Villemonte submergence: published examples and physical properties.
#include "sim/hazards/flood/Weir.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hg::flood;

namespace {
constexpr double kFt = 0.3048;
constexpr double kCfs = kFt * kFt * kFt;
} // namespace

// The SI coefficient is the critical-flow value (2/3)^(3/2) √g (Henderson 1966, Open Channel Flow,
// §6.2; Chow 1959, §14-6), also written 0.385 √(2g); both are 1.705 to 3 decimals with g = 9.81 m/s2.
TEST_CASE("Weir coefficient: 1.705 is the critical-depth value", "[flood][weir]") {
  CHECK(kBroadCrestedWeirCoefficient == Approx(std::pow(2.0 / 3.0, 1.5) * std::sqrt(9.81)).margin(5e-4));
  CHECK(kBroadCrestedWeirCoefficient == Approx(0.385 * std::sqrt(2 * 9.81)).margin(5e-4));
}

// Ponce, V.M., SDSU CIVE 530 Open-Channel Hydraulics, Midterm 1 Fall 2005 worked solutions
// (facets.sdsu.edu/protected31/cive530_midterm_1_problem_all_fa05.html): broad-crested weir, L = 20 ft,
// H = 0.8 ft, C = (2/3)[(2/3) g]^(1/2) = 3.087 ft^0.5/s → Q = 3.09 × 20 × 0.8^1.5 = 44.22 cfs.
// In SI: B = 6.096 m, H = 0.2438 m.
TEST_CASE("Weir free flow: Ponce CIVE 530 midterm 1 (2005), 20 ft crest", "[flood][weir]") {
  const double q = weir_discharge_m3_s(20 * kFt, 0.8 * kFt);
  CHECK(q / kCfs == Approx(44.22).epsilon(2e-3)); // book used C rounded to 3.09
}

// Same source, unit-width problem: q = 50 m3/s/m gives critical depth yc = (q²/g)^(1/3) = 6.34 m.
// Over a broad crest yc = 2/3 H, so a head H = 1.5 × 6.34 m must pass q = 50 m3/s per metre of crest.
TEST_CASE("Weir free flow: Ponce CIVE 530 midterm 1 (2005), q = 50 m3/s/m", "[flood][weir]") {
  const double q = weir_discharge_m3_s(1.0, 1.5 * 6.34);
  CHECK(q == Approx(50.0).epsilon(5e-3)); // yc printed to 2 decimals
}

TEST_CASE("Weir: no head, no flow; bad widths and coefficients are named", "[flood][weir]") {
  CHECK(weir_discharge_m3_s(10, 0) == 0);
  CHECK(weir_discharge_m3_s(10, -0.3) == 0);
  CHECK_THROWS_WITH(weir_discharge_m3_s(-1, 1), Catch::StartsWith("crest_width_m:"));
  CHECK_THROWS_WITH(weir_discharge_m3_s(1, 1, 0), Catch::StartsWith("coefficient:"));
}

// Villemonte, J.R. (1947) "Submerged weir discharge studies", Engineering News-Record (1947):
// Qs/Q = (1 − (H2/H1)^n)^0.385. No published worked example was at hand, so this checks the limits the
// paper states: free flow when the tailwater is at the crest, zero flow at equal heads, and a
// monotonic decrease in between.
TEST_CASE("Villemonte submergence factor: limits and monotonicity", "[flood][weir]") {
  CHECK(villemonte_factor(1.0, 0.0) == 1.0);
  CHECK(villemonte_factor(1.0, -0.5) == 1.0);
  CHECK(villemonte_factor(1.0, 1.0) == 0.0);
  double previous = 1.0;
  for (double ratio = 0.05; ratio < 1.0; ratio += 0.05) {
    const double f = villemonte_factor(2.0, 2.0 * ratio);
    CHECK(f < previous);
    CHECK(f > 0.0);
    previous = f;
  }
}

TEST_CASE("Weir between two levels: direction and submergence", "[flood][weir]") {
  // Tailwater below the crest: free flow.
  CHECK(weir_flow_between_levels_m3_s(100.0, 10.0, 101.0, 99.0) == Approx(weir_discharge_m3_s(10.0, 1.0)));
  // Tailwater above the crest: reduced flow, and reversed sign when the other side is higher.
  const double submerged = weir_flow_between_levels_m3_s(100.0, 10.0, 101.0, 100.5);
  CHECK(submerged > 0);
  CHECK(submerged < weir_discharge_m3_s(10.0, 1.0));
  CHECK(weir_flow_between_levels_m3_s(100.0, 10.0, 100.5, 101.0) == Approx(-submerged));
  CHECK(weir_flow_between_levels_m3_s(100.0, 10.0, 100.7, 100.7) == 0.0);
  CHECK(weir_flow_between_levels_m3_s(100.0, 10.0, 99.0, 98.0) == 0.0);
}
