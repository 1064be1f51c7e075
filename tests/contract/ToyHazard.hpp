#pragma once
// A test-only hazard, registered from this folder, that exercises every part of the hazard contract
// with hand-computable numbers: a spill whose level rises by `growth_per_h` each hour, that a unit's
// cleanup work lowers, that reaches a zone, harms the people present there, closes a road, cuts off a
// facility and reports its level to the command post. Nothing in sim/engine, sim/plan or scoring knows it.
#include "sim/hazards/HazardRegistry.hpp"

namespace hgtest {

/// The toy module (kind "toy_spill"); register it with hg::register_hazard_module(toy_module()).
hg::HazardModule toy_module();

/// Level at which the spill reaches its zone and starts harming people there.
constexpr double kToyReachLevel = 2.0;
/// Level at which it closes its road (reopened below 1).
constexpr double kToyCloseLevel = 3.0;
/// Level at which its facility is lost.
constexpr double kToyFacilityLevel = 4.0;
/// Expected deaths per person present per hour spent above the reach level.
constexpr double kToyDeathsPerPersonHour = 0.001;
/// Casualties waiting for an ambulance at the spill once it has reached its zone.
constexpr int kToyPatients = 3;
/// Level removed per person-hour of cleanup.
constexpr double kToyCleanupPerPersonHour = 0.05;

} // namespace hgtest
