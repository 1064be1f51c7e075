#pragma once
/// @file
/// @brief The forest-fire hazard as the program sees it: how to build it from a scenario, and its calculator.
#include "sim/hazards/HazardRegistry.hpp"

namespace hg::fire {

HazardModule fire_module();

} // namespace hg::fire
