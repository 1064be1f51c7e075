#pragma once
/// @file
/// @brief The river-flood hazard as the program sees it: how to build it from a scenario, and its calculators.
#include "sim/hazards/HazardRegistry.hpp"

namespace hg::flood {

HazardModule flood_module();

} // namespace hg::flood
