#pragma once
/// @file
/// @brief Prismatic channel cross-sections (rectangular, trapezoidal, partly full circular) and their
/// geometric elements at a given depth, as tabulated in Chow (1959) Open-Channel Hydraulics, Table 2-1.
#include <string>

namespace hg::flood {

/// @brief Shape of a prismatic cross-section.
enum class SectionShape { kRectangular, kTrapezoidal, kCircular };

/// @brief Parses "rectangular" | "trapezoidal" | "circular"; throws std::invalid_argument otherwise.
SectionShape parse_section_shape(const std::string& name);
/// @brief The lower-case name of a shape.
std::string to_string(SectionShape shape);

/// @brief Area, wetted perimeter, hydraulic radius and top width of the flow at one depth.
struct FlowGeometry {
  double area_m2 = 0;
  double wetted_perimeter_m = 0;
  double hydraulic_radius_m = 0;
  double top_width_m = 0;
};

/// @brief A cross-section: bottom width and side slope z (H:1V) for rectangular/trapezoidal,
/// diameter for circular. Build it with the named constructors, which validate the dimensions.
class ChannelSection {
public:
  /// @brief Rectangle of bottom width B > 0.
  static ChannelSection rectangular(double width_m);
  /// @brief Trapezoid of bottom width B >= 0 and side slopes z >= 0 horizontal per 1 vertical.
  static ChannelSection trapezoidal(double width_m, double side_slope);
  /// @brief Circular conduit of diameter D > 0 flowing partly full (depth <= D).
  static ChannelSection circular(double diameter_m);

  SectionShape shape() const { return shape_; }
  double width_m() const { return width_m_; }
  double side_slope() const { return side_slope_; }
  double diameter_m() const { return diameter_m_; }
  /// @brief Largest depth the section can hold (D for a circle, unbounded otherwise).
  double max_depth_m() const;

  /// @brief Geometric elements at depth y (>= 0; <= D for a circle). Throws naming "depth_m".
  FlowGeometry geometry(double depth_m) const;

private:
  ChannelSection(SectionShape shape, double width_m, double side_slope, double diameter_m)
      : shape_(shape), width_m_(width_m), side_slope_(side_slope), diameter_m_(diameter_m) {}
  SectionShape shape_;
  double width_m_;
  double side_slope_;
  double diameter_m_;
};

} // namespace hg::flood
