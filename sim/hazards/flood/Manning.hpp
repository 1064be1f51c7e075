#pragma once
/// @file
/// @brief Manning's uniform-flow equation in SI, Q = (1/n) A R^(2/3) S^(1/2), and the normal depth that
/// carries a given discharge (used to turn a routed discharge into a gauge stage).
#include "sim/hazards/flood/ChannelSection.hpp"

namespace hg::flood {

/// @brief Uniform flow at one depth: the section's geometry plus velocity and discharge.
struct ManningFlow {
  FlowGeometry geometry;
  double velocity_m_s = 0;
  double discharge_m3_s = 0;
};

/// @brief Velocity and discharge for depth y, Manning n (s/m^(1/3)) > 0 and bed slope S > 0 (m/m).
/// Throws std::invalid_argument naming "depth_m", "n" or "slope".
ManningFlow manning_flow(const ChannelSection& section, double depth_m, double n, double slope);

/// @brief The normal depth at which the section carries `discharge_m3_s` in uniform flow.
///
/// Found by bisection on a bracket, which cannot diverge: for open sections the bracket is grown until
/// it holds the root; for a circle it is [0, y at maximum discharge ≈ 0.938 D] (beyond that Q(y) falls,
/// so the lower root is the physical free-surface one). Throws std::invalid_argument naming
/// "discharge_m3_s" if a circular section cannot carry the flow partly full.
double normal_depth_m(const ChannelSection& section, double discharge_m3_s, double n, double slope);

} // namespace hg::flood
