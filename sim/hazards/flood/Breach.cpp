/// @file
/// @brief Trapezoidal breach geometry (linear growth) and its weir flow with Villemonte submergence.
#include "sim/hazards/flood/Breach.hpp"

#include "sim/hazards/flood/Validate.hpp"
#include "sim/hazards/flood/Weir.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace hg::flood {

namespace {

/// 4-point Gauss–Legendre nodes and weights on [−1, 1] (Abramowitz & Stegun 1964, Table 25.4).
constexpr std::array<double, 4> kGaussX = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563,
                                           0.8611363115940526};
constexpr std::array<double, 4> kGaussW = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461,
                                           0.3478548451374538};
constexpr int kPanels = 16;

/// ∫_a^b (w − y)^1.5 dy for y <= w.
double free_strip_integral(double w, double a, double b) {
  if (b <= a) return 0.0;
  return 0.4 * (std::pow(w - a, 2.5) - std::pow(std::max(0.0, w - b), 2.5));
}

/// ∫_a^b (w − y)^1.5 · Villemonte(w − y, t − y) dy by composite Gauss–Legendre.
double submerged_strip_integral(double w, double t, double a, double b) {
  if (b <= a) return 0.0;
  const double h = (b - a) / kPanels;
  double sum = 0.0;
  for (int p = 0; p < kPanels; ++p) {
    const double mid = a + (p + 0.5) * h;
    for (size_t k = 0; k < kGaussX.size(); ++k) {
      const double y = mid + 0.5 * h * kGaussX[k];
      const double head = w - y;
      sum += kGaussW[k] * std::pow(head, 1.5) * villemonte_factor(head, t - y);
    }
  }
  return 0.5 * h * sum;
}

} // namespace

double BreachOpening::top_width_m() const {
  return bottom_width_m + 2.0 * side_slope_h_v * std::max(0.0, top_elev_m - invert_elev_m);
}

BreachOpening breach_opening_at(double fraction, double crest_elev_m, double top_elev_m,
                                double final_bottom_width_m, double final_invert_elev_m,
                                double side_slope_h_v) {
  require_non_negative("final_bottom_width_m", final_bottom_width_m, "m");
  require_non_negative("side_slope_h_v", side_slope_h_v);
  require_finite("crest_elev_m", crest_elev_m);
  require_finite("final_invert_elev_m", final_invert_elev_m);
  const double f = std::clamp(fraction, 0.0, 1.0);
  BreachOpening o;
  o.bottom_width_m = f * final_bottom_width_m;
  o.invert_elev_m = crest_elev_m - f * (crest_elev_m - final_invert_elev_m);
  o.top_elev_m = std::max(top_elev_m, o.invert_elev_m);
  o.side_slope_h_v = side_slope_h_v;
  return o;
}

double breach_free_flow_m3_s(const BreachOpening& o, double level_m, double coefficient) {
  require_positive("coefficient", coefficient, "m^0.5/s");
  require_finite("level_m", level_m);
  const double head_m = level_m - o.invert_elev_m;
  if (head_m <= 0) return 0.0;
  const double sides =
      2.0 * o.side_slope_h_v * free_strip_integral(level_m, o.invert_elev_m, std::min(level_m, o.top_elev_m));
  return coefficient * (o.bottom_width_m * std::pow(head_m, 1.5) + sides);
}

double breach_flow_between_levels_m3_s(const BreachOpening& o, double level_a_m, double level_b_m,
                                       double coefficient) {
  require_positive("coefficient", coefficient, "m^0.5/s");
  require_finite("level_a_m", level_a_m);
  require_finite("level_b_m", level_b_m);
  const double w = std::max(level_a_m, level_b_m); // headwater
  const double t = std::min(level_a_m, level_b_m); // tailwater
  const double inv = o.invert_elev_m;
  if (w <= inv || w == t) return 0.0;
  const double top = std::min(w, o.top_elev_m); // strips exist from the invert up to here
  // Floor: one strip at the invert.
  double q = o.bottom_width_m * std::pow(w - inv, 1.5) * villemonte_factor(w - inv, t - inv);
  // Sides: strips below the tailwater are submerged, strips above it flow freely.
  const double split = std::clamp(t, inv, top);
  const double sides = submerged_strip_integral(w, t, inv, split) + free_strip_integral(w, split, top);
  q += 2.0 * o.side_slope_h_v * sides;
  q *= coefficient;
  return level_a_m >= level_b_m ? q : -q;
}

} // namespace hg::flood
