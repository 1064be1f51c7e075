#pragma once
/// @file
/// @brief Level-pool storage of one flood zone (polder, floodplain cell): a single horizontal water
/// surface whose level follows the stored volume, dV/dt = inflow − outflow. Good for flat protected
/// areas filled through a breach; it ignores flow inside the zone.
#include "sim/hazards/flood/StorageCurve.hpp"

namespace hg::flood {

/// @brief Volumes that actually entered and left during one step (outflow is capped by the water present).
struct PoolStep {
  double inflow_m3 = 0;
  double outflow_m3 = 0;
};

/// @brief A zone's water body: volume state plus its storage curve and ground elevation.
class LevelPool {
public:
  /// @brief ground_elev_m is the typical ground level of the zone (depth = level − ground, >= 0).
  LevelPool(StorageCurve curve, double ground_elev_m, double initial_volume_m3 = 0);

  double volume_m3() const { return volume_m3_; }
  /// @brief Water surface elevation, m.
  double level_m() const;
  /// @brief Water depth over the zone's ground elevation, m (0 when dry).
  double depth_m() const;
  const StorageCurve& curve() const { return curve_; }
  double ground_elev_m() const { return ground_elev_m_; }

  /// @brief Advances by dt: inflow volume is added first, then the outflow removed (never more than
  /// the water present, so the volume stays >= 0). Flows must be >= 0 (std::invalid_argument).
  PoolStep step(double inflow_m3_s, double outflow_m3_s, double dt_s);

private:
  StorageCurve curve_;
  double ground_elev_m_;
  double volume_m3_;
};

} // namespace hg::flood
