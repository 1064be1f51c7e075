#pragma once
/// @file
/// @brief `hgdrill export geojson`: one RFC 7946 FeatureCollection (lon/lat order, WGS84) of a map
/// or scenario for QGIS. Every feature has a `layer` property (districts, rivers, roads, nodes, zones,
/// facilities, and for a scenario units and posts) so that one file can be split into layers.
#include "sim/osm/MapSource.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace hg::osm {

class GeoJsonExporter {
public:
  explicit GeoJsonExporter(const MapSource& src) : src_(src) {}
  /// Loads the world (throws hg::InputError on errors) and builds the collection; warnings (e.g. an
  /// unreadable boundaries file) go to `warnings`.
  nlohmann::json build(std::vector<std::string>& warnings) const;

private:
  const MapSource& src_;
};

} // namespace hg::osm
