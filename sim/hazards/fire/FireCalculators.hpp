#pragma once
/// @file
/// @brief `hgdrill model fire`: the Rothermel surface fire at given fuel model, moistures, midflame wind
/// and slope (a stable interface: option names and the first JSON keys do not change).
#include "sim/hazards/Calculator.hpp"

#include <vector>

namespace hg::fire {

std::vector<Calculator> fire_calculators();

} // namespace hg::fire
