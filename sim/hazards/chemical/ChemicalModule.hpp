#pragma once
/// @file
/// @brief The chemical-release hazard as the program sees it: how to build it from a scenario, and its
/// calculators (`hgdrill model plume|plume-rise|threat-zone`).
#include "sim/hazards/HazardRegistry.hpp"

namespace hg::chemical {

HazardModule chemical_module();

} // namespace hg::chemical
