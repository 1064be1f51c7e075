#pragma once
/// @file
/// @brief Static checks of a plan against the scenario it is meant for, before anything runs:
/// unreachable targets, deadlines that travel time alone makes impossible, resources promised to two
/// places at once, and conditions that can never fire. Each finding names the plan clause.
#include "sim/hazards/Hazard.hpp"
#include "sim/io/Diagnostics.hpp"
#include "sim/io/Scenario.hpp"
#include "sim/plan/Plan.hpp"

#include <memory>

namespace hg {

/// Checks `plan` as played at `post` of `scenario`, whose hazards are `hazards`.
void check_plan(const Plan& plan, const Scenario& scenario, const std::vector<std::unique_ptr<Hazard>>& hazards,
                const std::string& post, Diagnostics& diag);

} // namespace hg
