// CO dose: Stewart et al. (1973) as used by Purser, and ISO 13571's CO FED (docs/models/mine.md §4).
#include "sim/hazards/mine/Dose.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hg::mine;

// %COHb = 3.317e-5 · ppm^1.036 · RMV · t (Stewart et al. 1973, Arch. Environ. Health 26:1–7; as quoted by
// Purser in the SFPE Handbook and by coheadquarters.com "Uptake of CO at acutely high levels"). By hand:
// 1000^1.036 = 10^3.108 = 1282.3; × 3.317e-5 × 25 L/min = 1.0634 % per minute.
TEST_CASE("Stewart/Purser COHb uptake rate", "[mine][dose]") {
  CHECK(cohb_rate_pct_per_min(1000, kRmvLightWorkLMin) == Approx(1.0634).epsilon(1e-3));
  CHECK(cohb_after_pct(1000, 25, 10) == Approx(10.634).epsilon(1e-3));
  CHECK(cohb_after_pct(0, 25, 10, 3) == 3);   // clean air: no uptake (and no elimination in this model)
  CHECK(cohb_after_pct(1e6, 25, 600) == 100); // capped
}

// ISO 13571 (2012) incapacitation by CO: FED = Σ φ_CO/35 000 · Δt reaches 1 after 35 min at 1000 ppm.
// Purser's criterion (30 % COHb, light activity) with Stewart's uptake at RMV 20 L/min gives the same time:
// 30 / (3.317e-5 × 1282.3 × 20) = 35.27 min. The published dose and the formula agree within 1 %.
TEST_CASE("Stewart's COHb at 30 % matches ISO 13571's 35 000 ppm·min", "[mine][dose]") {
  CHECK(iso13571_fed_co(1000, 35) == Approx(1.0));
  const double t_stewart = minutes_to_cohb(1000, 20, kCohbIncapacitationPct);
  CHECK(t_stewart == Approx(35.27).epsilon(1e-3));
  CHECK(std::abs(t_stewart - 35.0) / 35.0 < 0.01);
  // At 5000 ppm (afterdamp-like) the light-work time to incapacitation is a few minutes.
  CHECK(minutes_to_cohb(5000, 25, 30) == Approx(30 / (3.317e-5 * std::pow(5000.0, 1.036) * 25)));
  CHECK(std::isinf(minutes_to_cohb(0, 25, 30)));
}
