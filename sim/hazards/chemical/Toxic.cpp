/// @file
/// @brief Toxic load, probit, indoor box.
#include "sim/hazards/chemical/Toxic.hpp"

#include "sim/hazards/chemical/Checks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hg::chemical {

double normal_cdf(double x) {
  return 0.5 * std::erfc(-x / M_SQRT2);
}

double probit_to_probability(double y) {
  if (!std::isfinite(y)) return y > 0 ? 1.0 : 0.0;
  return normal_cdf(y - 5.0);
}

double probit_value(const Probit& p, double load) {
  require_non_negative("toxic_load", load);
  if (load <= 0) return -std::numeric_limits<double>::infinity();
  return p.a + p.b * std::log(load);
}

double indoor_step(double c_in, double c_out, double ach, double dt_s) {
  require_non_negative("air_changes_per_h", ach, "1/h");
  require_non_negative("dt_s", dt_s, "s");
  return c_out + (c_in - c_out) * std::exp(-ach / 3600.0 * dt_s);
}

void breathe_outdoor(Breathing& b, double c_out, double n, double dt_s) {
  if (c_out > 0) b.load += std::pow(c_out, n) * dt_s / 60.0;
}

void breathe_indoor(Breathing& b, double c_out, double ach, double n, double dt_s) {
  // Clean air in and out (below a millionth of a ppm, far below any threshold): nothing changes.
  if (c_out < 1e-6 && b.c_in_ppm < 1e-6) {
    b.c_in_ppm = c_out;
    return;
  }
  const int sub = std::max(1, int(std::ceil(dt_s / 10.0)));
  const double h = dt_s / sub;
  for (int i = 0; i < sub; ++i) {
    const double before = b.c_in_ppm;
    b.c_in_ppm = indoor_step(before, c_out, ach, h);
    // Midpoint value for the load over the sub-step.
    b.load += std::pow(indoor_step(before, c_out, ach, 0.5 * h), n) * h / 60.0;
  }
}

DoseAccumulator::DoseAccumulator(double n, double ach) : n_(n), ach_(ach) {
  require_positive("n", n);
  require_non_negative("air_changes_per_h", ach, "1/h");
}

void DoseAccumulator::add(double c_out, double dt_s) {
  require_non_negative("concentration_ppm", c_out, "ppm");
  require_non_negative("dt_s", dt_s, "s");
  outdoor_ += std::pow(c_out, n_) * dt_s / 60.0;
  peak_out_ = std::max(peak_out_, c_out);
  const int sub = std::max(1, int(std::ceil(dt_s / 10.0)));
  const double h = dt_s / sub;
  for (int i = 0; i < sub; ++i) {
    const double before = c_in_;
    c_in_ = indoor_step(c_in_, c_out, ach_, h);
    // Midpoint value for the load over the sub-step.
    const double mid = indoor_step(before, c_out, ach_, 0.5 * h);
    indoor_ += std::pow(mid, n_) * h / 60.0;
    peak_in_ = std::max(peak_in_, c_in_);
  }
}

} // namespace hg::chemical
