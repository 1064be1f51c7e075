/// @file
/// @brief Manning's equation (SI) and normal depth by bracketed bisection.
#include "sim/hazards/flood/Manning.hpp"

#include "sim/hazards/flood/Validate.hpp"

#include <cmath>
#include <stdexcept>

namespace hg::flood {

namespace {
double discharge_at(const ChannelSection& section, double depth_m, double n, double slope) {
  const FlowGeometry g = section.geometry(depth_m);
  return g.area_m2 * std::pow(g.hydraulic_radius_m, 2.0 / 3.0) * std::sqrt(slope) / n;
}

/// Depth of maximum discharge in a circle: Q(y) is unimodal on [0, D], so a golden-section search
/// finds it without needing the closed form.
double circular_depth_of_max_discharge(const ChannelSection& section, double n, double slope) {
  const double phi = (std::sqrt(5.0) - 1.0) / 2.0;
  double lo = 0.5 * section.diameter_m();
  double hi = section.diameter_m();
  for (int i = 0; i < 200 && hi - lo > 1e-12 * section.diameter_m(); ++i) {
    const double a = hi - phi * (hi - lo);
    const double b = lo + phi * (hi - lo);
    if (discharge_at(section, a, n, slope) < discharge_at(section, b, n, slope))
      lo = a;
    else
      hi = b;
  }
  return 0.5 * (lo + hi);
}
} // namespace

ManningFlow manning_flow(const ChannelSection& section, double depth_m, double n, double slope) {
  require_positive("n", n);
  require_positive("slope", slope, "m/m");
  ManningFlow flow;
  flow.geometry = section.geometry(depth_m);
  flow.velocity_m_s = std::pow(flow.geometry.hydraulic_radius_m, 2.0 / 3.0) * std::sqrt(slope) / n;
  flow.discharge_m3_s = flow.velocity_m_s * flow.geometry.area_m2;
  return flow;
}

double normal_depth_m(const ChannelSection& section, double discharge_m3_s, double n, double slope) {
  require_flow("discharge_m3_s", discharge_m3_s);
  require_positive("n", n);
  require_positive("slope", slope, "m/m");
  if (discharge_m3_s == 0) return 0.0;
  double lo = 0.0;
  double hi = 0.0;
  if (section.shape() == SectionShape::kCircular) {
    hi = circular_depth_of_max_discharge(section, n, slope);
    const double capacity = discharge_at(section, hi, n, slope);
    if (discharge_m3_s > capacity)
      throw std::invalid_argument("discharge_m3_s: expected a flow <= " + format_number(capacity) +
                                  " m3/s, the most this pipe carries partly full (got " +
                                  format_number(discharge_m3_s) + ")");
  } else {
    hi = 1.0;
    for (int i = 0; i < 200 && discharge_at(section, hi, n, slope) < discharge_m3_s; ++i) {
      lo = hi;
      hi *= 2.0;
    }
  }
  // Bisection: 200 halvings reach the double resolution of any bracket.
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (discharge_at(section, mid, n, slope) < discharge_m3_s)
      lo = mid;
    else
      hi = mid;
  }
  return 0.5 * (lo + hi);
}

} // namespace hg::flood
