#pragma once
/// @file
/// @brief Water from an inrush filling the lowest airways first: the mine's storage–elevation curve
/// V(h) (the water volume held by every airway below level h, each airway a sloping prism of its
/// cross-section with the floor running linearly between its junction elevations), inverted for the level
/// that holds the inflow so far. This is the level-pool ("bath-tub") assumption used for mine-flooding
/// estimates when the workings are connected and the inflow is slow next to the flow along the
/// airways; it ignores the time water takes to run down to the sump, pumping unless given, and water
/// held in the goaf or strata.
#include "sim/hazards/mine/MineNetwork.hpp"

namespace hg::mine {

/// @brief Water volume held by one branch when the water surface is at `level_m`, m3.
double branch_water_volume_m3(const MineNetwork& net, int branch, double level_m);
/// @brief Water volume held by the whole network at `level_m`, m3 (surface junctions excluded: a branch
/// is filled only up to its own roof).
double mine_water_volume_m3(const MineNetwork& net, double level_m);
/// @brief The level at which the network holds `volume_m3` (bisection; the lowest floor if 0; the top of
/// the highest roof if more than the mine can hold).
double water_level_m(const MineNetwork& net, double volume_m3);
/// @brief Water depth at a point of a branch (0 = from end, 1 = to end), m (0 if dry).
double water_depth_m(const MineNetwork& net, int branch, double s, double level_m);

} // namespace hg::mine
