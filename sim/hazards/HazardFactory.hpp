#pragma once
/// @file
/// @brief Builds the hazard models a scenario lists (`hazards:`), by kind. A new hazard kind adds one
/// line here and its own folder under sim/hazards/.
#include "sim/hazards/Hazard.hpp"
#include "sim/io/Scenario.hpp"

#include <memory>
#include <vector>

namespace hg {

/// Kinds that can be built.
std::vector<std::string> hazard_kinds();

/// Builds every hazard of the scenario; problems go to `diag` (file, line, field).
std::vector<std::unique_ptr<Hazard>> make_hazards(const Scenario& sc, uint64_t seed, Diagnostics& diag);

} // namespace hg
