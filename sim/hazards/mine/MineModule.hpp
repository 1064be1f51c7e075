#pragma once
/// @file
/// @brief The coal-mine hazard as the program sees it: how to build it from a scenario, its events,
/// plan quantities, tasks, KPIs and report texts, and its calculators.
#include "sim/hazards/HazardRegistry.hpp"

namespace hg::mine {

/// @brief `kind: coal_mine`, registered with one line in sim/hazards/HazardRegistry.cpp.
HazardModule mine_module();

} // namespace hg::mine
