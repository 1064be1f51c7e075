/// @file
/// @brief Ids of imported nodes and roads.
#include "sim/osm/OsmGraph.hpp"

namespace hg::osm {

namespace {
// Ids must match [a-z0-9_]+: negative ids (unsaved JOSM objects) get an "m" instead of "-".
std::string osm_number(int64_t id) { return id < 0 ? "m" + std::to_string(-id) : std::to_string(id); }
} // namespace

std::string OsmGraph::node_id(int64_t osm_id) { return "n_osm_" + osm_number(osm_id); }
std::string OsmGraph::road_id(int64_t way_id, int piece) {
  return "r_osm_" + osm_number(way_id) + "_" + std::to_string(piece);
}

} // namespace hg::osm
