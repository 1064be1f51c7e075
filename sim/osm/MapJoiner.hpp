#pragma once
/// @file
/// @brief The --join step of import-osm: moves the facilities and zones of an existing map onto the
/// nearest imported road node, so that the imported map can replace the hand-made graph, and warns
/// about every item farther than --max-join-km from any imported road.
#include "sim/osm/MapSource.hpp"
#include "sim/osm/OsmGraph.hpp"

#include <string>
#include <vector>

namespace hg::osm {

struct JoinEntry {
  std::string item; ///< facility or zone id
  std::string kind; ///< "facility" | "zone"
  std::string old_node;
  uint32_t node = 0; ///< index into OsmGraph::nodes
  double distance_km = 0;
};

struct JoinResult {
  std::vector<JoinEntry> entries;
  std::string places_yaml; ///< districts, zones and facilities copied with node ids replaced
  std::string report_yaml; ///< join.yaml: one line per item with the distance
  std::vector<std::string> warnings;
  std::string boundaries_file; ///< of the joined map ("" = none), copied beside the import
  std::string rivers_file;
};

class MapJoiner {
public:
  MapJoiner(const OsmGraph& g, double max_join_km) : g_(g), max_join_km_(max_join_km) {}
  /// Throws hg::InputError when the map has errors.
  JoinResult join(const MapSource& src) const;

private:
  const OsmGraph& g_;
  double max_join_km_;
};

} // namespace hg::osm
