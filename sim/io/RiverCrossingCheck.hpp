#pragma once
/// @file
/// @brief The `hgdrill validate` check of a map against its rivers: every road edge that crosses a
/// river centre line of the map's `rivers:` GeoJSON without being a bridge or ferry is a warning at the
/// road's own file:line:col, naming the road, the river and the place.
#include "sim/io/Diagnostics.hpp"
#include "sim/world/RiverCrossings.hpp"
#include "sim/world/World.hpp"

#include <string>
#include <vector>

namespace hg {

/// @brief Reads the river centre lines of a GeoJSON file (LineString / MultiLineString features; the
/// name is properties.name, else name_en, else name_zh, else "river N"). Other geometries are skipped.
/// A missing or malformed file throws std::runtime_error naming the file and what is wrong.
std::vector<RiverLine> load_river_lines(const std::string& path);

/// @brief Checks the roads of the map `map_path` (already loaded into `world`) against world.rivers_file.
/// Adds one warning per unbridged crossing (at the road's position in the map's YAML files) and an
/// error if the rivers file cannot be read. Does nothing when the map names no rivers file.
/// Returns the number of crossings found.
size_t check_river_crossings(const std::string& map_path, const World& world, Diagnostics& diag);

} // namespace hg
