#pragma once
/// @file
/// @brief Reads a `kind: chemical_release` entry of a scenario's `hazards:` list into a ChemicalConfig,
/// checking every id against the world and every number's range, with file:line:col errors
/// (format in docs/models/chemical.md §5).
#include "sim/hazards/chemical/ChemicalConfig.hpp"
#include "sim/io/YamlReader.hpp"
#include "sim/world/World.hpp"

#include <string>

namespace hg::chemical {

/// @brief Parses one chemical-release hazard; `start_label` is the scenario's ISO start time (for the
/// sun elevation). Errors go to the cursor's diagnostics; the result is usable only if there were none.
ChemicalConfig load_chemical_config(const YamlCursor& c, const World& world, const std::string& start_label);

} // namespace hg::chemical
