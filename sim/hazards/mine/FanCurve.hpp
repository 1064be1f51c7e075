#pragma once
/// @file
/// @brief A main fan's pressure–quantity characteristic, linearly interpolated between the points the
/// manufacturer or a fan test gives (McPherson 1993 §10.3; fans as pressure sources in network analysis,
/// §7.3.2). Beyond the last point the last segment is extended (the pressure falls below zero and the fan
/// acts as a resistance); for reverse flow through the fan the shut-off pressure is used.
#include <cstddef>
#include <vector>

namespace hg::mine {

/// @brief One point of a fan curve.
struct FanPoint {
  double q_m3_s = 0;
  double p_pa = 0;
};

/// @brief Piecewise-linear fan characteristic p(Q).
class FanCurve {
public:
  FanCurve() = default;
  /// @brief At least two points with strictly increasing Q >= 0; otherwise std::invalid_argument
  /// naming the point ("curve[2]: ...").
  explicit FanCurve(std::vector<FanPoint> points);
  /// @brief Fan pressure at quantity Q, Pa.
  double pressure_pa(double q_m3_s) const;
  /// @brief dp/dQ at Q (slope of the segment Q lies on), Pa·s/m3.
  double slope_pa_s_m3(double q_m3_s) const;
  /// @brief The middle quantity of the curve (a starting guess for iterations).
  double mid_q_m3_s() const;
  bool empty() const { return pts_.empty(); }
  const std::vector<FanPoint>& points() const { return pts_; }

private:
  std::size_t segment(double q) const;
  std::vector<FanPoint> pts_;
};

} // namespace hg::mine
