#pragma once
/// @file
/// @brief The coal-mine hazard as the program sees it: how to build it from a scenario, and its calculators.
#include "sim/hazards/HazardRegistry.hpp"

namespace hg::mine {

HazardModule mine_module();

} // namespace hg::mine
