/// @file
/// @brief Geometric elements of rectangular, trapezoidal and circular sections (Chow 1959, Table 2-1).
#include "sim/hazards/flood/ChannelSection.hpp"

#include "sim/hazards/flood/Validate.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace hg::flood {

SectionShape parse_section_shape(const std::string& name) {
  if (name == "rectangular") return SectionShape::kRectangular;
  if (name == "trapezoidal") return SectionShape::kTrapezoidal;
  if (name == "circular") return SectionShape::kCircular;
  throw std::invalid_argument("section: expected rectangular|trapezoidal|circular (got " + name + ")");
}

std::string to_string(SectionShape shape) {
  switch (shape) {
  case SectionShape::kRectangular:
    return "rectangular";
  case SectionShape::kTrapezoidal:
    return "trapezoidal";
  case SectionShape::kCircular:
    return "circular";
  }
  return "?";
}

ChannelSection ChannelSection::rectangular(double width_m) {
  require_positive("width_m", width_m, "m");
  return ChannelSection(SectionShape::kRectangular, width_m, 0.0, 0.0);
}

ChannelSection ChannelSection::trapezoidal(double width_m, double side_slope) {
  require_non_negative("width_m", width_m, "m");
  require_non_negative("side_slope", side_slope);
  if (width_m == 0 && side_slope == 0)
    throw std::invalid_argument("width_m: expected width_m > 0 or side_slope > 0 (got 0 and 0)");
  return ChannelSection(SectionShape::kTrapezoidal, width_m, side_slope, 0.0);
}

ChannelSection ChannelSection::circular(double diameter_m) {
  require_positive("diameter_m", diameter_m, "m");
  return ChannelSection(SectionShape::kCircular, 0.0, 0.0, diameter_m);
}

double ChannelSection::max_depth_m() const {
  return shape_ == SectionShape::kCircular ? diameter_m_ : std::numeric_limits<double>::infinity();
}

FlowGeometry ChannelSection::geometry(double depth_m) const {
  require_non_negative("depth_m", depth_m, "m");
  FlowGeometry g;
  switch (shape_) {
  case SectionShape::kRectangular:
  case SectionShape::kTrapezoidal: {
    const double z = side_slope_;
    g.area_m2 = (width_m_ + z * depth_m) * depth_m;
    g.wetted_perimeter_m = width_m_ + 2.0 * depth_m * std::sqrt(1.0 + z * z);
    g.top_width_m = width_m_ + 2.0 * z * depth_m;
    break;
  }
  case SectionShape::kCircular: {
    if (depth_m > diameter_m_)
      throw std::invalid_argument("depth_m: expected a depth <= diameter_m = " + format_number(diameter_m_) +
                                  " m (got " + format_number(depth_m) + ")");
    // θ is the angle subtended at the centre by the free surface (Chow 1959, Table 2-1).
    const double theta = 2.0 * std::acos(1.0 - 2.0 * depth_m / diameter_m_);
    g.area_m2 = (theta - std::sin(theta)) * diameter_m_ * diameter_m_ / 8.0;
    g.wetted_perimeter_m = theta * diameter_m_ / 2.0;
    g.top_width_m = diameter_m_ * std::sin(theta / 2.0);
    break;
  }
  }
  g.hydraulic_radius_m = g.wetted_perimeter_m > 0 ? g.area_m2 / g.wetted_perimeter_m : 0.0;
  return g;
}

} // namespace hg::flood
