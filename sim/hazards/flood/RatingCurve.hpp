#pragma once
/// @file
/// @brief Stage–discharge relation of a gauge: either a measured table (linear interpolation) or a
/// power law Q = a (h − h0)^b (the usual fitted form, e.g. Subramanya, Engineering Hydrology, §4.13).
#include <utility>
#include <vector>

namespace hg::flood {

/// @brief One row of a rating table.
struct RatingPoint {
  double stage_m = 0;
  double discharge_m3_s = 0;
};

/// @brief A gauge's stage ↔ discharge conversion in both directions.
class RatingCurve {
public:
  /// @brief A table with at least two rows, stage and discharge both strictly increasing (otherwise
  /// std::invalid_argument naming the row, e.g. "points[3].discharge_m3_s: expected a value > 120
  /// (the previous row) (got 110)"). Between rows: linear; beyond the ends: the end segment is
  /// extended (floods go past the measured range), with discharge floored at 0.
  static RatingCurve from_table(std::vector<RatingPoint> points);
  /// @brief Q = a (h − h0)^b for h > h0, 0 below. a > 0, b > 0.
  static RatingCurve power_law(double a, double h0_m, double b);

  /// @brief Discharge at a stage, m3/s.
  double discharge_m3_s(double stage_m) const;
  /// @brief Stage at a discharge (>= 0), m.
  double stage_m(double discharge_m3_s) const;

private:
  RatingCurve() = default;
  std::vector<RatingPoint> points_; ///< empty for a power law
  double a_ = 0;
  double h0_m_ = 0;
  double b_ = 0;
};

} // namespace hg::flood
