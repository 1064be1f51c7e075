#pragma once
/// @file
/// @brief The engine side of the hazard contract: one driver actor per hazard advances it in its own
/// aggregated steps, the EngineView lets it read ground truth (world, population account, closures),
/// and the DriverSink turns what it publishes into log events, road closures, facility losses, harm in
/// the population account, zone arrivals and observations sent to the posts through comms.
#include "sim/hazards/Hazard.hpp"

#include <memory>

namespace hg {

class Simulation;

void start_hazard_drivers(Simulation& sim);
std::unique_ptr<EffectSink> make_effect_sink(Simulation& sim, Hazard& hazard);
std::unique_ptr<HazardView> make_hazard_view(Simulation& sim);

} // namespace hg
