#pragma once
/// @file
/// @brief The statistics of an ensemble, written out so that they are the same on every standard
/// library: Wilson score intervals for the probability of meeting a target, Spearman rank
/// correlation for sensitivity, and Student-t intervals for paired differences of two plans.
#include <cstddef>
#include <utility>
#include <vector>

namespace hg::ensemble {

/// Two-sided 95 % normal quantile z(0.975).
constexpr double kZ95 = 1.959963984540054;

/// Wilson score interval for `k` successes in `n` trials (Wilson 1927, JASA 22:209–212; the
/// "method 3" of Newcombe 1998, Stat. Med. 17:857–872). {0, 1} when n = 0.
std::pair<double, double> wilson_interval(std::size_t k, std::size_t n, double z = kZ95);

/// Ranks 1..n with ties given their average rank (the "fractional ranking" Spearman's rho uses).
std::vector<double> average_ranks(const std::vector<double>& x);

/// Pearson correlation; 0 when either series is constant or shorter than 2.
double pearson(const std::vector<double>& x, const std::vector<double>& y);

/// Spearman's rank correlation: Pearson's r of the average ranks (Spearman 1904; with ties this is
/// the usual definition, e.g. Conover, Practical Nonparametric Statistics, 3rd ed., §5.4).
double spearman(const std::vector<double>& x, const std::vector<double>& y);

/// Regularised incomplete beta I_x(a, b) (continued fraction, Numerical Recipes 3rd ed. §6.4).
double incomplete_beta(double a, double b, double x);
/// Student-t cumulative distribution with `df` degrees of freedom.
double student_t_cdf(double t, double df);
/// Student-t quantile (bisection on the CDF to 1e-12).
double student_t_quantile(double p, double df);

struct MeanInterval {
  std::size_t n = 0;
  double mean = 0;
  double sd = 0;  ///< sample standard deviation (n − 1)
  double lo = 0;  ///< 95 % Student-t interval of the mean; lo = hi = mean when n < 2
  double hi = 0;
};
/// Mean with its 95 % t interval; for paired differences pass the per-replica differences.
MeanInterval mean_interval(const std::vector<double>& x);

} // namespace hg::ensemble
