/// @file
/// @brief Rating curves: table interpolation with monotonicity checks, or a power law.
#include "sim/hazards/flood/RatingCurve.hpp"

#include "sim/hazards/flood/Validate.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace hg::flood {

namespace {
/// Linear interpolation/extrapolation of y at x along a strictly increasing polyline.
template <class GetX, class GetY>
double interpolate(const std::vector<RatingPoint>& pts, double x, GetX get_x, GetY get_y) {
  size_t i = 1;
  while (i + 1 < pts.size() && x > get_x(pts[i]))
    ++i;
  const RatingPoint& a = pts[i - 1];
  const RatingPoint& b = pts[i];
  const double t = (x - get_x(a)) / (get_x(b) - get_x(a));
  return get_y(a) + t * (get_y(b) - get_y(a));
}
} // namespace

RatingCurve RatingCurve::from_table(std::vector<RatingPoint> points) {
  if (points.size() < 2)
    throw std::invalid_argument("points: expected at least 2 rows (got " + std::to_string(points.size()) +
                                ")");
  for (size_t i = 0; i < points.size(); ++i) {
    const std::string row = "points[" + std::to_string(i) + "]";
    require_finite(row + ".stage_m", points[i].stage_m);
    require_flow(row + ".discharge_m3_s", points[i].discharge_m3_s);
    if (i == 0) continue;
    if (points[i].stage_m <= points[i - 1].stage_m)
      throw std::invalid_argument(
          row + ".stage_m: expected a value > " + format_number(points[i - 1].stage_m) +
          " (the previous row; stages must increase) (got " + format_number(points[i].stage_m) + ")");
    if (points[i].discharge_m3_s <= points[i - 1].discharge_m3_s)
      throw std::invalid_argument(row + ".discharge_m3_s: expected a value > " +
                                  format_number(points[i - 1].discharge_m3_s) +
                                  " (the previous row; discharges must increase) (got " +
                                  format_number(points[i].discharge_m3_s) + ")");
  }
  RatingCurve curve;
  curve.points_ = std::move(points);
  return curve;
}

RatingCurve RatingCurve::power_law(double a, double h0_m, double b) {
  require_positive("a", a);
  require_finite("h0_m", h0_m);
  require_positive("b", b);
  RatingCurve curve;
  curve.a_ = a;
  curve.h0_m_ = h0_m;
  curve.b_ = b;
  return curve;
}

double RatingCurve::discharge_m3_s(double stage_m) const {
  require_finite("stage_m", stage_m);
  if (points_.empty()) return stage_m <= h0_m_ ? 0.0 : a_ * std::pow(stage_m - h0_m_, b_);
  const double q = interpolate(
      points_, stage_m, [](const RatingPoint& p) { return p.stage_m; },
      [](const RatingPoint& p) { return p.discharge_m3_s; });
  return std::max(0.0, q);
}

double RatingCurve::stage_m(double discharge_m3_s) const {
  require_flow("discharge_m3_s", discharge_m3_s);
  if (points_.empty()) return h0_m_ + std::pow(discharge_m3_s / a_, 1.0 / b_);
  return interpolate(
      points_, discharge_m3_s, [](const RatingPoint& p) { return p.discharge_m3_s; },
      [](const RatingPoint& p) { return p.stage_m; });
}

} // namespace hg::flood
