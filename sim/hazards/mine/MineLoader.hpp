#pragma once
/// @file
/// @brief Reads a `kind: coal_mine` entry of a scenario's `hazards:` list (and the mine network file it
/// names) into a MineConfig, with file:line:col errors and range checks.
#include "sim/hazards/mine/MineConfig.hpp"
#include "sim/io/YamlReader.hpp"
#include "sim/world/World.hpp"

namespace hg::mine {

/// @brief Parses one coal-mine hazard; `world` checks the road node and post ids (nullptr: not checked).
/// Errors go to the cursor's diagnostics; the result is usable only if there were none.
MineConfig load_mine_config(const YamlCursor& c, const World* world);

} // namespace hg::mine
