#pragma once
/// @file
/// @brief Road edges that cross a river centre line without a bridge or ferry. A road edge is the
/// straight segment between its two nodes (as the router and the map picture draw it); a river is a
/// polyline (GeoJSON LineString parts). An edge that intersects a river line must be a bridge
/// (`bridge: true`) or a ferry (`class: ferry`), so that a flood can close the crossing.
#include "sim/world/Geo.hpp"
#include "sim/world/World.hpp"

#include <string>
#include <vector>

namespace hg {

/// @brief One river centre line (one part of a (Multi)LineString), in WGS84.
struct RiverLine {
  std::string name; ///< the feature's name (properties.name, else name_en / name_zh)
  std::vector<LatLon> points;
};

/// @brief A road edge crossing a river line.
struct RiverCrossing {
  size_t road = 0;   ///< index into World::roads
  std::string river; ///< RiverLine::name
  LatLon at;         ///< where the edge meets the line
};

/// @brief Every intersection of a road edge with a river line, for roads that are neither bridges nor
/// ferries, in road order and then along the road. Segments are intersected in the lon/lat plane
/// (intersection is unchanged by the local east–west scale, so no projection is needed); touching
/// counts as crossing.
std::vector<RiverCrossing> unbridged_river_crossings(const World& world,
                                                     const std::vector<RiverLine>& rivers);

/// @brief Whether a road may cross a river: a bridge, or a ferry link.
bool crosses_rivers_legally(const Road& road);

} // namespace hg
