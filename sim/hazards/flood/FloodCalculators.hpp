#pragma once
/// @file
/// @brief `hgdrill model route|manning|weir`: the flood model's hydraulic formulas on the command line.
#include "sim/hazards/Calculator.hpp"

namespace hg::flood {

std::vector<Calculator> flood_calculators();

} // namespace hg::flood
