#pragma once
/// @file
/// @brief The simplified road graph built from OSM: topological nodes (way ends and nodes shared by
/// two or more ways) and the way pieces between them, with what the map/1 writer needs.
#include "sim/world/Geo.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hg::osm {

/// @brief A kept graph vertex.
struct OsmNode {
  int64_t osm_id = 0;
  LatLon pos;
};

/// @brief One piece of one OSM way between two topological nodes.
struct OsmRoad {
  int64_t way_id = 0;
  int piece = 0;     ///< k in r_osm_<way>_<k>, counted along the way
  uint32_t from = 0; ///< index into OsmGraph::nodes (already in driving order for oneway=-1)
  uint32_t to = 0;
  std::string cls;
  std::string zh;
  std::string en;
  std::string ref;
  double length_km = 0; ///< sum of great-circle lengths of the segments along the geometry
  std::optional<double> speed_kmh; ///< maxspeed or ramp speed; nullopt = class default
  bool speed_from_maxspeed = false;
  bool bridge = false;
  bool oneway = false;
};

/// @brief Counters for the summary line and the benchmark.
struct ImportStats {
  uint64_t nodes_read = 0;        ///< node objects in the file
  uint64_t ways_read = 0;         ///< way objects in the file
  uint64_t ways_kept = 0;         ///< ways with an imported highway=* value
  uint64_t way_nodes = 0;         ///< node references of kept ways
  uint64_t missing_locations = 0; ///< references to nodes absent from the file
  uint64_t outside_bbox = 0;      ///< references dropped by --bbox
  uint64_t shape_nodes_dropped = 0;
};

/// @brief Connected components of the graph (roads taken as undirected).
struct ComponentReport {
  size_t count = 0;
  size_t largest_nodes = 0;
  /// One node index per component other than the largest, with the component size, smallest first.
  std::vector<std::pair<uint32_t, size_t>> others;
};

struct OsmGraph {
  std::string source_file;
  std::vector<OsmNode> nodes;
  std::vector<OsmRoad> roads;
  ImportStats stats;
  std::vector<std::string> warnings; ///< printed by the command, checked by tests

  static std::string node_id(int64_t osm_id);
  static std::string road_id(int64_t way_id, int piece);
};

} // namespace hg::osm
