/// @file
/// @brief Level-pool water balance of one zone.
#include "sim/hazards/flood/LevelPool.hpp"

#include "sim/hazards/flood/Validate.hpp"

#include <algorithm>

namespace hg::flood {

LevelPool::LevelPool(StorageCurve curve, double ground_elev_m, double initial_volume_m3)
    : curve_(std::move(curve)), ground_elev_m_(ground_elev_m), volume_m3_(initial_volume_m3) {
  require_finite("ground_elev_m", ground_elev_m);
  require_non_negative("initial_volume_m3", initial_volume_m3, "m3");
}

double LevelPool::level_m() const {
  return curve_.level_m(volume_m3_);
}

double LevelPool::depth_m() const {
  return std::max(0.0, level_m() - ground_elev_m_);
}

PoolStep LevelPool::step(double inflow_m3_s, double outflow_m3_s, double dt_s) {
  require_flow("inflow_m3_s", inflow_m3_s);
  require_flow("outflow_m3_s", outflow_m3_s);
  require_non_negative("dt_s", dt_s, "s");
  PoolStep done;
  done.inflow_m3 = inflow_m3_s * dt_s;
  volume_m3_ += done.inflow_m3;
  done.outflow_m3 = std::min(outflow_m3_s * dt_s, volume_m3_);
  volume_m3_ -= done.outflow_m3;
  return done;
}

} // namespace hg::flood
