// Briggs plume rise (ISC3 formulation).
#include "sim/hazards/chemical/PlumeRise.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hg::chemical;

// De Visscher (2014), Air Dispersion Modeling, example on p. 31: 20 m3/s of flue gas through a stack of
// radius 1 m (w = 20/π = 6.366 m/s), ρ_a = 1.17, ρ_s = 0.935 kg/m3, u = 3 m/s: F_b = 12.539 m4/s3 and
// the final rise 47.589 m (x_f = 49 F_b^(5/8) for F_b < 55). (Book page not available here; numbers as
// reproduced in tcarion/GaussianPlume.jl's tests; hand check: 1.6·12.539^(1/3)·238.1^(2/3)/3 = 47.59.)
// Densities → temperatures for an ideal gas at equal pressure: T_s/T_a = ρ_a/ρ_s.
TEST_CASE("Briggs final rise: De Visscher 2014 p. 31 example", "[chemical][rise]") {
  const double ta = 293.15, ts = ta * 1.17 / 0.935;
  const PlumeRise r = briggs_plume_rise(20 / M_PI, 2.0, ts, ta, 3.0, Stability::kD);
  CHECK(r.regime == RiseRegime::kBuoyant);
  CHECK(r.buoyancy_flux_m4_s3 == Approx(12.539).margin(0.01)); // g = 9.80665 here
  CHECK(r.rise_m == Approx(47.589).margin(0.03));
  CHECK(r.final_rise_distance_m == Approx(49 * std::pow(r.buoyancy_flux_m4_s3, 0.625)));
}

// Stable buoyant rise (ISC3 eq. 1-11): Δh = 2.6 (F_b/(u s))^(1/3), s = g (dθ/dz)/T_a, dθ/dz = 0.035 K/m
// for class F; x_f = 2.0715 u/√s. Hand-derived.
TEST_CASE("Briggs stable buoyant rise, class F (hand-derived)", "[chemical][rise]") {
  const double ta = 283.15, ts = 423.15, v = 10, d = 1.5, u = 2;
  const PlumeRise r = briggs_plume_rise(v, d, ts, ta, u, Stability::kF);
  const double fb = 9.80665 * v * d * d * (ts - ta) / (4 * ts);
  const double s = 9.80665 * 0.035 / ta;
  CHECK(r.regime == RiseRegime::kBuoyant);
  CHECK(r.rise_m == Approx(2.6 * std::cbrt(fb / (u * s))));
  CHECK(r.final_rise_distance_m == Approx(2.0715 * u / std::sqrt(s)));
}

TEST_CASE("Briggs momentum rise for a cool jet (hand-derived)", "[chemical][rise]") {
  // ΔT = 1 K is below the crossover 0.0297·T_s·v^(1/3)/d^(2/3): momentum rise 3 d v/u (ISC3 eq. 1-12).
  const PlumeRise r = briggs_plume_rise(15, 0.5, 294.15, 293.15, 4, Stability::kC);
  CHECK(r.regime == RiseRegime::kMomentum);
  CHECK(r.rise_m == Approx(3 * 0.5 * 15 / 4.0));
  CHECK_THROWS_WITH(briggs_plume_rise(15, 0.5, 280, 293.15, 4, Stability::kC),
                    Catch::Contains("stack_temp_k:"));
}
