// Depth–mortality functions of Jonkman's method (breach / rapidly rising / remaining zone).
//
// Sources: Jonkman, Vrijling & Vrouwenvelder (2008), Natural Hazards 46:353–389, §5 (mortality functions
// from the 1953 Netherlands flood); Jonkman (2007) PhD thesis TU Delft, ch. 7; Jonkman, Maaskant, Boyd &
// Levitan (2009), Risk Analysis 29(5):676–698 (New Orleans). The text of their tables could not be
// retrieved: the search tool returned only the papers' abstracts and first pages, and a further search
// on 2026-12-02 (issue 18 item 4; list of the copies looked at in docs/models/flood.md §9) found no
// stored copy of the parameter table or of any mortality value they publish. So no value here is
// "copied from the table" and there is no test against a published value: each expected value is
// derived by hand from the published form F(h) = Φ((ln h − μ)/σ) with the constants the method is
// quoted with, and the arithmetic is shown.
#include "sim/hazards/flood/DepthMortality.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hg::flood;

// Remaining zone, h = 1 m: z = (ln 1 − 7.60)/2.75 = −2.763636; from a normal table Φ(−2.76) = 0.002890,
// Φ(−2.77) = 0.002803, linear interpolation at −2.7636: 0.002890 − 0.3636 × 0.000087 = 0.002858.
// (docs/models/population.md states the same check value, 0.00285.)
TEST_CASE("Mortality, remaining zone: h = 1 m", "[flood][mortality]") {
  CHECK(depth_mortality(1.0, ZoneType::kRemaining) == Approx(0.002858).margin(2e-6));
}

// Remaining zone, h = 3 m: ln 3 = 1.098612; z = (1.098612 − 7.60)/2.75 = −2.364141;
// Φ(−2.36) = 0.009137, Φ(−2.37) = 0.008894 → 0.009137 − 0.4141 × 0.000243 = 0.009036.
// About 1 % at 3 m: the order of the overall mortality among the exposed found for historical floods
// and for New Orleans (Jonkman et al. 2009, abstract: "approximately 1%").
TEST_CASE("Mortality, remaining zone: h = 3 m", "[flood][mortality]") {
  CHECK(depth_mortality(3.0, ZoneType::kRemaining) == Approx(0.009036).margin(2e-6));
}

// Rapidly rising zone, h = 3 m: z = (1.098612 − 1.46)/0.28 = −1.290671; Φ(−1.29) = 0.098525,
// Φ(−1.30) = 0.096800 → 0.098525 − 0.0671 × 0.001725 = 0.098409. Median depth e^1.46 = 4.306 m → 0.5.
TEST_CASE("Mortality, rapidly rising zone", "[flood][mortality]") {
  CHECK(depth_mortality(3.0, ZoneType::kRapidlyRising) == Approx(0.098409).margin(2e-6));
  CHECK(depth_mortality(std::exp(1.46), ZoneType::kRapidlyRising) == Approx(0.5).margin(1e-12));
  // Below the zone's 2.1 m criterion the place belongs to the remaining zone.
  CHECK(depth_mortality(1.0, ZoneType::kRapidlyRising) == depth_mortality(1.0, ZoneType::kRemaining));
}

// Consistency of the constants with the zone criterion: the two lognormal curves cross where
// (x − 1.46)/0.28 = (x − 7.60)/2.75, x = ln h = (7.60 × 0.28 − 1.46 × 2.75)/(0.28 − 2.75) = 0.76397,
// h = 2.147 m — the 2.1 m depth threshold of the rapidly rising zone. Above it the rapid-rise function
// is the higher one, below it the lower one. (Wrong μ or σ would move the crossing away from 2.1 m.)
TEST_CASE("Mortality: rapid-rise and remaining curves cross at the 2.1 m threshold", "[flood][mortality]") {
  const double x = (kRemainingZoneMortality.mu * kRapidlyRisingMortality.sigma -
                    kRapidlyRisingMortality.mu * kRemainingZoneMortality.sigma) /
                   (kRapidlyRisingMortality.sigma - kRemainingZoneMortality.sigma);
  CHECK(std::exp(x) == Approx(2.147).margin(5e-4));
  CHECK(std::exp(x) == Approx(kRapidlyRisingMinDepthM).margin(0.05));
  auto rapid = [](double h) {
    return standard_normal_cdf((std::log(h) - kRapidlyRisingMortality.mu) / kRapidlyRisingMortality.sigma);
  };
  CHECK(rapid(2.0) < depth_mortality(2.0, ZoneType::kRemaining));
  CHECK(rapid(2.3) > depth_mortality(2.3, ZoneType::kRemaining));
}

TEST_CASE("Mortality: breach zone, no water, monotonic, bad depth", "[flood][mortality]") {
  CHECK(depth_mortality(0.5, ZoneType::kBreach) == 1.0);
  CHECK(depth_mortality(0.0, ZoneType::kRemaining) == 0.0);
  CHECK(depth_mortality(0.0, ZoneType::kBreach) == 0.0);
  double previous = 0;
  for (double h = 0.1; h < 10; h += 0.1) {
    const double f = depth_mortality(h, ZoneType::kRemaining);
    CHECK(f > previous);
    CHECK(f < 0.05); // the remaining zone stays low: Φ((ln 10 − 7.60)/2.75) = Φ(−1.926) ≈ 2.7 % at 10 m
    previous = f;
  }
  CHECK_THROWS_WITH(depth_mortality(-1.0, ZoneType::kRemaining), Catch::StartsWith("depth_m:"));
  CHECK_THROWS_WITH(depth_mortality(std::nan(""), ZoneType::kRemaining), Catch::StartsWith("depth_m:"));
}

// Zone criteria: breach zone h·v >= 7 m2/s and v >= 2 m/s; rapidly rising h >= 2.1 m and w >= 0.5 m/h.
TEST_CASE("Mortality: zone classification by the method's criteria", "[flood][mortality]") {
  CHECK(classify_zone(3.5, 2.0, 0.0) == ZoneType::kBreach);    // 7.0 m2/s, 2 m/s
  CHECK(classify_zone(3.4, 2.0, 0.0) == ZoneType::kRemaining); // 6.8 m2/s
  CHECK(classify_zone(8.0, 1.5, 0.0) == ZoneType::kRemaining); // 12 m2/s but v < 2 m/s
  CHECK(classify_zone(2.1, 0.5, 0.5) == ZoneType::kRapidlyRising);
  CHECK(classify_zone(2.0, 0.5, 3.0) == ZoneType::kRemaining); // too shallow
  CHECK(classify_zone(4.0, 0.5, 0.4) == ZoneType::kRemaining); // too slow a rise
}
