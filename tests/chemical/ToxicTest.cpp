// Toxic thresholds, probit → probability, toxic load, indoor box.
#include "sim/hazards/chemical/Toxic.hpp"
#include "sim/hazards/chemical/Chemical.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hg::chemical;

// Withers & Lees (1985), "The assessment of major hazards: the lethal toxicity of chlorine, Part 2",
// J. Hazard. Mater. 12: probit Y = −8.29 + 0.92 ln(ΣC²T) (ppm, min), regular population; the paper's
// LC50 for 10 min is 433 ppm and for 30 min 250 ppm. Both must give 50 % (Y ≈ 5).
TEST_CASE("Chlorine probit gives 50 % at Withers & Lees' published LC50s", "[chemical][probit]") {
  const Probit& p = chemical("chlorine").lethality;
  CHECK(p.a == -8.29);
  CHECK(p.b == 0.92);
  CHECK(p.n == 2.0);
  CHECK(probit_to_probability(probit_value(p, 433.0 * 433.0 * 10)) == Approx(0.5).margin(0.01));
  CHECK(probit_to_probability(probit_value(p, 250.0 * 250.0 * 30)) == Approx(0.5).margin(0.01));
}

// Finney (1971) probit table, as in Crowl & Louvar (2011) Table 2-4: 1 % ↔ 2.67, 10 % ↔ 3.72,
// 50 % ↔ 5.00, 90 % ↔ 6.28, 99 % ↔ 7.33.
TEST_CASE("Probit to probability: Finney / Crowl & Louvar Table 2-4", "[chemical][probit]") {
  CHECK(probit_to_probability(2.67) == Approx(0.01).margin(0.0005));
  CHECK(probit_to_probability(3.72) == Approx(0.10).margin(0.001));
  CHECK(probit_to_probability(5.00) == Approx(0.50).margin(1e-12));
  CHECK(probit_to_probability(6.28) == Approx(0.90).margin(0.001));
  CHECK(probit_to_probability(7.33) == Approx(0.99).margin(0.0005));
  CHECK(probit_to_probability(probit_value(chemical("ammonia").lethality, 0)) == 0.0);
}

// US EPA final AEGL values (ppm) as tabulated; interpolation between columns is log–log.
TEST_CASE("AEGL thresholds: table values, interpolation, CO AEGL-1 → ERPG-1", "[chemical][aegl]") {
  const Chemical& nh3 = chemical("ammonia");
  CHECK(threshold_ppm(nh3, ToxicLevel::kAegl2, 60) == 160);
  CHECK(threshold_ppm(nh3, ToxicLevel::kAegl3, 10) == 2700);
  CHECK(threshold_ppm(nh3, ToxicLevel::kAegl3, 480) == 390);
  CHECK(threshold_ppm(nh3, ToxicLevel::kAegl3, 5) == 2700); // below 10 min: the 10-min value
  // 2 h between 60 min (1100) and 4 h (550): log-log halfway in log t → 1100·(0.5)^(ln2/ln4) = 777.8 ppm.
  CHECK(threshold_ppm(nh3, ToxicLevel::kAegl3, 120) ==
        Approx(1100 * std::pow(0.5, std::log(2.0) / std::log(4.0))));
  CHECK(threshold_ppm(chemical("chlorine"), ToxicLevel::kAegl2, 60) == 2.0);
  CHECK(threshold_ppm(chemical("h2s"), ToxicLevel::kAegl3, 60) == 50);
  std::string sub;
  CHECK(threshold_ppm(chemical("co"), ToxicLevel::kAegl1, 60, &sub) == 200);
  CHECK(sub == "ERPG-1");
  CHECK(threshold_ppm(chemical("co"), ToxicLevel::kAegl2, 30, &sub) == 150);
  CHECK(sub.empty());
  CHECK_THROWS_WITH(chemical("phosgene"), Catch::Contains("unknown chemical"));
}

TEST_CASE("ppm and g/m3 at 25 C (24.45 L/mol)", "[chemical][aegl]") {
  // 160 ppm NH3 = 160·17.031/24.45 mg/m3 = 111.45 mg/m3.
  CHECK(ppm_to_g_m3(160, 17.031) == Approx(0.111451).epsilon(1e-5));
  CHECK(g_m3_to_ppm(ppm_to_g_m3(2.0, 70.906), 70.906) == Approx(2.0));
}

TEST_CASE("Indoor box: exact exponential approach, loads", "[chemical][dose]") {
  // dC_in/dt = λ(C_out − C_in), λ = 0.5/h: after 1 h at 100 ppm outdoors C_in = 100(1 − e^−0.5) = 39.347 ppm.
  CHECK(indoor_step(0, 100, 0.5, 3600) == Approx(39.3469).epsilon(1e-5));
  DoseAccumulator d(2.0, 0.5);
  for (int i = 0; i < 60; ++i)
    d.add(100, 60);
  CHECK(d.outdoor_load() == Approx(100.0 * 100.0 * 60));
  CHECK(d.indoor_ppm() == Approx(39.3469).epsilon(1e-5));
  // ∫(C(1−e^{−λt}))² dt over 60 min, λ = 0.5/h = 1/120 per min:
  // C²[T − 2(1−e^{−λT})/λ + (1−e^{−2λT})/(2λ)] = 1e4·[60 − 240·0.393469 + 60·0.632121] = 1e4·3.4999 = 34 999
  // ppm²·min.
  CHECK(d.indoor_load() == Approx(34999).epsilon(2e-3));
  CHECK(d.peak_outdoor_ppm() == 100);
}
