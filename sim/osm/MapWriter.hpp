#pragma once
/// @file
/// @brief Writes an imported OSM graph as a map/1 folder: map.yaml (manifest with road_classes),
/// nodes.yaml, roads.yaml and, after --join, facilities.yaml, join.yaml and copies of the joined
/// map's boundaries and rivers. Every record carries src (ODbL attribution and the OSM object).
#include "sim/osm/MapJoiner.hpp"
#include "sim/osm/OsmGraph.hpp"

#include <string>

namespace hg::osm {

class MapWriter {
public:
  MapWriter(const OsmGraph& g, std::string map_id) : g_(g), map_id_(std::move(map_id)) {}
  /// Writes into `dir` (the staging folder of an AtomicDir). Throws std::runtime_error on I/O errors.
  void write(const std::string& dir, const JoinResult* join = nullptr) const;

  /// The attribution every record starts its src with (required by the ODbL).
  static const char* attribution();
  /// A YAML double-quoted scalar (JSON escaping is valid YAML 1.2; bad UTF-8 becomes U+FFFD).
  static std::string quote(const std::string& s);

private:
  void write_manifest(const std::string& path, const JoinResult* join) const;
  void write_nodes(const std::string& path) const;
  void write_roads(const std::string& path) const;
  const OsmGraph& g_;
  std::string map_id_;
};

} // namespace hg::osm
