/// @file
/// @brief Storage–elevation table: monotonicity checks and interpolation in both directions.
#include "sim/hazards/flood/StorageCurve.hpp"

#include "sim/hazards/flood/Validate.hpp"

#include <stdexcept>
#include <string>

namespace hg::flood {

StorageCurve::StorageCurve(std::vector<StoragePoint> points) : points_(std::move(points)) {
  if (points_.size() < 2)
    throw std::invalid_argument("points: expected at least 2 rows (got " + std::to_string(points_.size()) +
                                ")");
  for (size_t i = 0; i < points_.size(); ++i) {
    const std::string row = "points[" + std::to_string(i) + "]";
    require_finite(row + ".level_m", points_[i].level_m);
    require_non_negative(row + ".volume_m3", points_[i].volume_m3, "m3");
    if (i == 0) continue;
    if (points_[i].level_m <= points_[i - 1].level_m)
      throw std::invalid_argument(
          row + ".level_m: expected a value > " + format_number(points_[i - 1].level_m) +
          " (the previous row; levels must increase) (got " + format_number(points_[i].level_m) + ")");
    if (points_[i].volume_m3 <= points_[i - 1].volume_m3)
      throw std::invalid_argument(
          row + ".volume_m3: expected a value > " + format_number(points_[i - 1].volume_m3) +
          " (the previous row; volumes must increase) (got " + format_number(points_[i].volume_m3) + ")");
  }
}

double StorageCurve::volume_m3(double level_m) const {
  require_finite("level_m", level_m);
  if (level_m <= points_.front().level_m)
    return level_m == points_.front().level_m ? points_.front().volume_m3 : 0.0;
  size_t i = 1;
  while (i + 1 < points_.size() && level_m > points_[i].level_m)
    ++i;
  const StoragePoint& a = points_[i - 1];
  const StoragePoint& b = points_[i];
  return a.volume_m3 + (level_m - a.level_m) / (b.level_m - a.level_m) * (b.volume_m3 - a.volume_m3);
}

double StorageCurve::level_m(double volume_m3) const {
  require_non_negative("volume_m3", volume_m3, "m3");
  if (volume_m3 <= points_.front().volume_m3) return points_.front().level_m;
  size_t i = 1;
  while (i + 1 < points_.size() && volume_m3 > points_[i].volume_m3)
    ++i;
  const StoragePoint& a = points_[i - 1];
  const StoragePoint& b = points_[i];
  return a.level_m + (volume_m3 - a.volume_m3) / (b.volume_m3 - a.volume_m3) * (b.level_m - a.level_m);
}

} // namespace hg::flood
