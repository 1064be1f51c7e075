#pragma once
/// @file
/// @brief Reads a `kind: flood` entry of a scenario's `hazards:` list into a FloodConfig, checking
/// every id against the world and every number's range, with file:line:col errors.
#include "sim/hazards/flood/FloodConfig.hpp"
#include "sim/io/YamlReader.hpp"
#include "sim/world/World.hpp"

namespace hg::flood {

/// Parses one flood hazard. Errors go to the cursor's diagnostics; the result is usable only if
/// there were none.
FloodConfig load_flood_config(const YamlCursor& c, const World& world);

} // namespace hg::flood
