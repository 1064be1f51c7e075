#pragma once
/// @file
/// @brief Loads the map (map/1 manifest and its includes), resources (resources/1) and comms
/// (comms/1) files into a World, checking ids, references and value ranges, and collecting every
/// problem in Diagnostics.
#include "sim/io/Diagnostics.hpp"
#include "sim/world/World.hpp"

#include <string>

namespace hg {

struct WorldFiles {
  std::string map;
  std::string resources; ///< may be empty
  std::string comms;     ///< may be empty
};

/// Loads and cross-checks the three files. Errors go to `diag`; the returned world is complete only
/// if `diag` has no errors.
World load_world(const WorldFiles& files, Diagnostics& diag);

} // namespace hg
