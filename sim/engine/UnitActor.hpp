#pragma once
/// @file
/// @brief A rescue unit as a SimGrid actor: receives orders, turns out, drives its route edge by
/// edge (rerouting at the next node when a road on its path has closed), works on scene, reports
/// through its radio network, and returns to base.
#include <cstddef>

namespace hg {

class Simulation;

/// Starts the actor of world unit `index`.
void start_unit_actor(Simulation& sim, size_t index);

} // namespace hg
