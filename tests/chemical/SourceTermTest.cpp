// Source terms: orifice equations, choked criterion, flash fraction, tank depletion. Expected values
// are derived by hand from the published equations (Crowl & Louvar 2011 ch. 4); the arithmetic is in
// each test. (No worked example with printed numbers for these four chemicals was available here.)
#include "sim/hazards/chemical/SourceTerm.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hg::chemical;

// Crowl & Louvar (2011) eq. 4-51: choked when P0/Pa ≥ ((γ+1)/2)^(γ/(γ−1)); for air (γ = 1.4) the
// book states 1.893 (critical ratio 0.528).
TEST_CASE("Choked pressure ratio for gamma = 1.4 is 1.893", "[chemical][source]") {
  CHECK(choked_pressure_ratio(1.4) == Approx(1.893).margin(0.001));
}

TEST_CASE("Gas through a hole: choked and subsonic branches (hand-derived)", "[chemical][source]") {
  // Choked: CO, 10 mm hole, C0 = 1, 10 bar abs, 293.15 K.
  // Q = C0 A P0 √(γ M/(R T) (2/(γ+1))^((γ+1)/(γ−1))) with A = 7.854e-5 m2, M = 0.02801 kg/mol:
  // γM/(RT) = 1.4·0.02801/(8.314462618·293.15) = 1.60886e-5; (2/2.4)^6 = 0.334898 → √(5.38803e-6)
  // = 2.32121e-3 Q = 7.853982e-5 · 1e6 · 2.32121e-3 = 0.182307 kg/s.
  const double a = M_PI * 0.01 * 0.01 / 4;
  CHECK(gas_hole_rate_kg_s(a, 1.0, 1e6, kAtmospherePa, 293.15, 28.010, 1.40) ==
        Approx(0.18231).epsilon(2e-4));
  // Subsonic: P0 = 1.5 bar abs (< 1.893 × 1.01325 bar). r = 101325/150000 = 0.6755;
  // r^(2/1.4) = 0.57087, r^(2.4/1.4) = 0.51050 → bracket 0.060372; 2M/(RT)·γ/(γ−1) =
  // 2·0.02801/(8.314462618·293.15)·3.5 = 8.0443e-5 Q = 7.853982e-5·1.5e5·√(8.0443e-5·0.060372)
  // = 11.78097·2.20374e-3 = 0.025962 kg/s.
  CHECK(gas_hole_rate_kg_s(a, 1.0, 1.5e5, kAtmospherePa, 293.15, 28.010, 1.40) ==
        Approx(0.0259985).epsilon(1e-5));
  // Continuity at the choked boundary: just below and just above give the same rate.
  const double pc = choked_pressure_ratio(1.4) * kAtmospherePa;
  CHECK(gas_hole_rate_kg_s(a, 1, pc * 0.9999, kAtmospherePa, 293.15, 28.010, 1.4) ==
        Approx(gas_hole_rate_kg_s(a, 1, pc * 1.0001, kAtmospherePa, 293.15, 28.010, 1.4)).epsilon(1e-3));
  CHECK(gas_hole_rate_kg_s(a, 1, 9e4, kAtmospherePa, 293.15, 28.010, 1.4) == 0.0);
}

TEST_CASE("Liquid through a hole: Bernoulli with C0 (hand-derived)", "[chemical][source]") {
  // Crowl & Louvar eq. 4-18: Q = ρ A C0 √(2 (Pg/ρ + g hL)). Water-like: ρ = 1000, 25 mm hole, C0 = 0.61,
  // Pg = 200 kPa, hL = 3 m: Pg/ρ + g hL = 200 + 29.41995 = 229.41995 → √(458.8399) = 21.42055;
  // A = 4.908739e-4 m2 → Q = 1000·4.908739e-4·0.61·21.42055 = 6.41398 kg/s.
  const double a = M_PI * 0.025 * 0.025 / 4;
  CHECK(liquid_hole_rate_kg_s(a, 0.61, 1000, 2e5, 3) == Approx(6.41398).epsilon(1e-5));
  CHECK(liquid_hole_rate_kg_s(a, 0.61, 1000, 0, 0) == 0.0);
}

// Crowl & Louvar eq. 4-90: f_v = c_p (T − T_b)/ΔH_v. Ammonia at 20 °C: 4745·(293.15 − 239.82)/1.370e6 =
// 0.18471.
TEST_CASE("Flash fraction of liquefied ammonia at 20 C", "[chemical][source]") {
  CHECK(flash_fraction(chemical("ammonia"), 293.15) == Approx(0.18471).epsilon(1e-4));
  CHECK(flash_fraction(chemical("ammonia"), 230.0) == 0.0); // subcooled: no flash
  CHECK(flash_fraction(chemical("carbon-monoxide"), 293.15) == 1.0);
}

// DIPPR 101 constants of Perry's Table 2-8 give 1 atm at the normal boiling point (NIST WebBook T_b).
TEST_CASE("Vapour pressure equals 1 atm at the normal boiling point", "[chemical][source]") {
  for (const Chemical& c : chemicals()) {
    INFO(c.key);
    CHECK(vapour_pressure_pa(c, c.boiling_point_k) == Approx(kAtmospherePa).epsilon(0.03));
  }
  // Ammonia at 20 °C: 8.57 bar (NIST WebBook saturation table); chlorine 6.78 bar.
  CHECK(vapour_pressure_pa(chemical("ammonia"), 293.15) == Approx(8.57e5).epsilon(0.01));
  CHECK(vapour_pressure_pa(chemical("chlorine"), 293.15) == Approx(6.78e5).epsilon(0.01));
  CHECK_THROWS_WITH(vapour_pressure_pa(chemical("carbon-monoxide"), 293.15),
                    Catch::Contains("critical temperature"));
}

TEST_CASE("Compressed-gas blowdown follows the isothermal choked exponential", "[chemical][source]") {
  // While choked, m = P V M/(R T) and dm/dt = −C0 A P √(γM χ/(RT)) ⇒ P = P0 exp(−k t),
  // k = C0 A √(γ R T χ/M)/V, χ = (2/(γ+1))^((γ+1)/(γ−1)).
  TankSpec s;
  s.chemical = &chemical("carbon-monoxide");
  s.shape = TankShape::kVerticalCylinder;
  s.diameter_m = 1.0;
  s.length_m = 2.0;
  s.liquefied = false;
  s.gauge_pressure_pa = 20e5;
  s.temperature_k = 293.15;
  s.hole_diameter_m = 0.005;
  s.hole_phase = HolePhase::kVapour;
  s.discharge_coefficient = 0.8;
  Tank t(s);
  const double m0 = t.mass_kg();
  const double v = M_PI / 4 * 2.0, a = M_PI * 0.005 * 0.005 / 4, g = 1.4, mm = 0.02801;
  const double chi = std::pow(2 / (g + 1), (g + 1) / (g - 1));
  const double k = 0.8 * a * std::sqrt(g * kGasConstant * 293.15 * chi / mm) / v;
  double released = t.advance(120);
  CHECK(t.gauge_pressure_pa() + kAtmospherePa ==
        Approx((20e5 + kAtmospherePa) * std::exp(-k * 120)).epsilon(1e-4));
  CHECK(released + t.mass_kg() == Approx(m0).epsilon(1e-12));
}

TEST_CASE("Liquefied tanker: rate falls as it empties, stops at the hole, mass conserved",
          "[chemical][source]") {
  TankSpec s;
  s.chemical = &chemical("ammonia");
  s.shape = TankShape::kHorizontalCylinder;
  s.diameter_m = 2.4;
  s.length_m = 10;
  s.inventory_kg = 20000;
  s.temperature_k = 288.15;
  s.hole_diameter_m = 0.025;
  s.hole_height_m = 0.3;
  Tank t(s);
  const double r0 = t.rate_kg_s();
  // Hand check of the first rate: P_sat(15 °C) from DIPPR 101 minus 1 atm, level from the segment area.
  const double pg = vapour_pressure_pa(*s.chemical, 288.15) - kAtmospherePa;
  const double head = t.liquid_level_m() - 0.3;
  CHECK(r0 == Approx(610.2 * M_PI * 0.025 * 0.025 / 4 * 0.61 * std::sqrt(2 * (pg / 610.2 + 9.80665 * head))));
  double total = 0, last = r0;
  for (int i = 0; i < 200; ++i) {
    total += t.advance(60);
    CHECK(t.rate_kg_s() <= last + 1e-12);
    last = t.rate_kg_s();
  }
  CHECK(total + t.mass_kg() == Approx(20000).epsilon(1e-12));
  // Ends with liquid left below the hole.
  for (int i = 0; i < 2000 && t.rate_kg_s() > 0; ++i)
    t.advance(600);
  CHECK(t.rate_kg_s() == 0.0);
  CHECK(t.liquid_level_m() == Approx(0.3).margin(0.01));
}

TEST_CASE("Tank spec errors name the field", "[chemical][source]") {
  TankSpec s;
  s.chemical = &chemical("chlorine");
  s.inventory_kg = 1e9;
  CHECK_THROWS_WITH(Tank(s), Catch::Contains("inventory_kg:"));
  s.inventory_kg = 1000;
  s.hole_diameter_m = -1;
  CHECK_THROWS_WITH(Tank(s), Catch::Contains("hole_diameter_m:"));
}
