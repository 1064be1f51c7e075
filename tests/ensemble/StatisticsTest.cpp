/// @file
/// @brief The ensemble statistics against published values and hand derivations.
#include "sim/ensemble/Statistics.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>

using namespace hg::ensemble;

TEST_CASE("Wilson interval reproduces Newcombe (1998) Table I, method 3", "[ensemble][stats]") {
  // Newcombe RG (1998), Two-sided confidence intervals for the single proportion: comparison of seven
  // methods, Stat. Med. 17:857–872, Table I, "3. Score method" (Wilson), to four decimals.
  struct Case { std::size_t k, n; double lo, hi; };
  for (Case c : {Case{81, 263, 0.2553, 0.3662}, Case{15, 148, 0.0624, 0.1605}, Case{0, 20, 0.0, 0.1611},
                 Case{1, 29, 0.0061, 0.1718}}) {
    auto [lo, hi] = wilson_interval(c.k, c.n);
    CHECK(lo == Approx(c.lo).margin(5e-5));
    CHECK(hi == Approx(c.hi).margin(5e-5));
  }
}

TEST_CASE("Wilson interval by hand at k = n and n = 0", "[ensemble][stats]") {
  // k = n = 10: p = 1, z² = 3.8415; centre = (1 + 3.8415/20)/(1 + 0.38415) = 1.19207/1.38415 = 0.86123,
  // half = z/1.38415 · sqrt(0 + 3.8415/400) = 1.41600 · 0.098000 = 0.13877 → lower 0.72246, upper 1.
  auto [lo, hi] = wilson_interval(10, 10);
  CHECK(lo == Approx(0.72246).margin(1e-4));
  CHECK(hi == 1.0);
  auto [l0, h0] = wilson_interval(0, 0);
  CHECK(l0 == 0.0);
  CHECK(h0 == 1.0);
}

TEST_CASE("Spearman's rho: the textbook IQ / TV-hours example", "[ensemble][stats]") {
  // Ten people's IQ and hours of TV per week, the worked example of the Wikipedia article "Spearman's
  // rank correlation coefficient": sum d² = 194, rho = 1 − 6·194/(10·99) = −29/165 = −0.175757...
  std::vector<double> iq = {106, 86, 100, 101, 99, 103, 97, 113, 112, 110};
  std::vector<double> tv = {7, 0, 27, 50, 28, 29, 20, 12, 6, 17};
  CHECK(spearman(iq, tv) == Approx(-29.0 / 165.0).epsilon(1e-12));
}

TEST_CASE("Spearman's rho with ties uses average ranks", "[ensemble][stats]") {
  // x = 1..5, y = 1, 2, 2, 3, 5 → ranks of y: 1, 2.5, 2.5, 4, 5. Pearson of (1..5) and those ranks:
  // mean 3 both; sxy = (−2)(−2) + (−1)(−.5) + 0 + (1)(1) + (2)(2) = 9.5; sxx = 10; syy = 4+.25+.25+1+4 = 9.5
  // → rho = 9.5 / sqrt(10 · 9.5) = sqrt(0.95) = 0.974679...
  CHECK(spearman({1, 2, 3, 4, 5}, {1, 2, 2, 3, 5}) == Approx(std::sqrt(0.95)).epsilon(1e-12));
  auto r = average_ranks({3, 1, 3, 2});
  CHECK(r == std::vector<double>{3.5, 1, 3.5, 2});
  CHECK(spearman({1, 2, 3}, {7, 7, 7}) == 0.0); // constant: no correlation defined, reported as 0
  CHECK(spearman({1, 2, 3, 4}, {10, 20, 40, 80}) == Approx(1.0)); // monotone, not linear
  CHECK(spearman({1, 2, 3, 4}, {9, 4, 1, 0}) == Approx(-1.0));
}

TEST_CASE("Student-t quantiles match the printed table", "[ensemble][stats]") {
  // NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.2 (critical values of t), 0.975 column.
  CHECK(student_t_quantile(0.975, 4) == Approx(2.776).margin(5e-4));
  CHECK(student_t_quantile(0.975, 9) == Approx(2.262).margin(5e-4));
  CHECK(student_t_quantile(0.975, 29) == Approx(2.045).margin(5e-4));
  CHECK(student_t_quantile(0.975, 1) == Approx(12.706).margin(5e-3));
  // Large df tends to the normal quantile.
  CHECK(student_t_quantile(0.975, 1e6) == Approx(kZ95).margin(1e-5));
  CHECK(student_t_cdf(0, 7) == Approx(0.5));
}

TEST_CASE("Paired difference interval by hand", "[ensemble][stats]") {
  // d = 1..5: mean 3, s² = (4+1+0+1+4)/4 = 2.5, se = sqrt(2.5/5) = 0.70711, t(0.975, 4) = 2.77645
  // → half width 1.96324, interval [1.03676, 4.96324].
  MeanInterval m = mean_interval({1, 2, 3, 4, 5});
  CHECK(m.n == 5);
  CHECK(m.mean == Approx(3));
  CHECK(m.sd == Approx(std::sqrt(2.5)));
  CHECK(m.lo == Approx(1.03676).margin(1e-4));
  CHECK(m.hi == Approx(4.96324).margin(1e-4));
  MeanInterval one = mean_interval({7});
  CHECK((one.lo == 7 && one.hi == 7));
}

TEST_CASE("Wilson intervals cover a known probability about 95 % of the time", "[ensemble][stats]") {
  // Synthetic KPIs with a known distribution: 2,000 ensembles of 50 Bernoulli(0.3) draws from a fixed
  // SplitMix64 stream. Brown, Cai & DasGupta (2001, Stat. Sci. 16:101–133, Fig. 5) show the Wilson
  // coverage at n = 50 oscillating within about 0.93–0.97 around 0.95; a wrong interval (e.g. a
  // missing square root or z instead of z²) falls far outside that band.
  uint64_t state = 12345;
  auto next = [&] {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return double((z ^ (z >> 31)) >> 11) / 9007199254740992.0;
  };
  int covered = 0;
  const int trials = 2000;
  for (int t = 0; t < trials; ++t) {
    std::size_t k = 0;
    for (int i = 0; i < 50; ++i) k += next() < 0.3 ? 1 : 0;
    auto [lo, hi] = wilson_interval(k, 50);
    covered += (lo <= 0.3 && 0.3 <= hi) ? 1 : 0;
  }
  const double coverage = double(covered) / trials;
  CHECK(coverage > 0.92);
  CHECK(coverage < 0.98);
}
