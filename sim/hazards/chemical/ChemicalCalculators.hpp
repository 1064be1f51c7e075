#pragma once
/// @file
/// @brief `hgdrill model plume|plume-rise|threat-zone`: the chemical model's formulas on the command
/// line (a stable interface: option names and JSON keys are relied on by users' scripts).
#include "sim/hazards/Calculator.hpp"

namespace hg::chemical {

std::vector<Calculator> chemical_calculators();

} // namespace hg::chemical
