#pragma once
/// @file
/// @brief Storage–elevation relation of a polder or floodplain zone: stored volume against water level,
/// from a surveyed table or from a DEM (see DemStorage.hpp). The basis of level-pool routing.
#include <vector>

namespace hg::flood {

/// @brief One row of a storage–elevation table.
struct StoragePoint {
  double level_m = 0;   ///< water surface elevation
  double volume_m3 = 0; ///< volume stored below that level
};

/// @brief Volume ↔ level conversion by linear interpolation in a storage table.
class StorageCurve {
public:
  /// @brief At least two rows, levels and volumes strictly increasing, volumes >= 0; otherwise
  /// std::invalid_argument naming the row ("points[2].volume_m3: expected a value > …").
  /// Below the first row the volume is 0 (the first row is the pond bottom, its volume normally 0);
  /// above the last row the last segment's surface area is extended (a flood can outgrow the survey).
  explicit StorageCurve(std::vector<StoragePoint> points);

  /// @brief Stored volume at a water level, m3.
  double volume_m3(double level_m) const;
  /// @brief Water level holding a volume (>= 0), m. At or below the first row's volume: its level.
  double level_m(double volume_m3) const;
  /// @brief The table rows.
  const std::vector<StoragePoint>& points() const { return points_; }

private:
  std::vector<StoragePoint> points_;
};

} // namespace hg::flood
