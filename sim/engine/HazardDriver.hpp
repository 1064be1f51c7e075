#pragma once
/// @file
/// @brief Advances each hazard model in its own aggregated time steps inside one actor per hazard,
/// and turns what the model reports (HazardSink) into log events, road closures, zone arrivals and
/// observations sent to the command posts through the comms network.
#include <memory>

namespace hg {

class Simulation;
class Hazard;
class HazardSink;

void start_hazard_drivers(Simulation& sim);
/// The sink a hazard speaks through (also used for injects and response effort).
std::unique_ptr<HazardSink> make_hazard_sink(Simulation& sim, Hazard& hazard);

} // namespace hg
