#pragma once
/// @file
/// @brief Static checks of a plan against the scenario it is meant for, before anything runs:
/// unreachable targets, deadlines that travel time alone makes impossible, resources promised to two
/// places at once, and conditions that can never fire. Each finding names the plan clause.
#include "sim/io/Diagnostics.hpp"
#include "sim/io/Scenario.hpp"
#include "sim/plan/Plan.hpp"

namespace hg {

void check_plan(const Plan& plan, const Scenario& scenario, const std::vector<std::string>& hazard_kinds,
                Diagnostics& diag);

} // namespace hg
