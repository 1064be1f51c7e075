#pragma once
/// @file
/// @brief A command post as a SimGrid actor. Every post logs what it receives and passes the first
/// report of each incident up to its parent (standing reporting procedure). The lead post also holds
/// the commander (plan executor or team) and carries out its decisions in the action vocabulary:
/// orders to units, warnings, evacuations, reports upward, requests for outside support.
#include <cstddef>

namespace hg {

class Simulation;

/// Starts the actor of world post `index`.
void start_post_actor(Simulation& sim, size_t index);

} // namespace hg
