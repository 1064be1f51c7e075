#pragma once
/// @file
/// @brief A longitude/latitude rectangle: the part of an OSM extract to import (--bbox).
#include "sim/world/Geo.hpp"

#include <optional>
#include <string>

namespace hg::osm {

/// @brief WGS84 rectangle, edges included. Does not cross the antimeridian (China never does).
struct BBox {
  double min_lon = -180;
  double min_lat = -90;
  double max_lon = 180;
  double max_lat = 90;

  bool contains(LatLon p) const {
    return p.lon >= min_lon && p.lon <= max_lon && p.lat >= min_lat && p.lat <= max_lat;
  }
  /// Parses "MINLON,MINLAT,MAXLON,MAXLAT" (the osmium/Overpass order); nullopt and `why` on error.
  static std::optional<BBox> parse(const std::string& text, std::string& why);
};

} // namespace hg::osm
