#pragma once
/// @file
/// @brief The tags of one OSM way that matter for routing (class, one-way, bridge, speed limit,
/// names), read once in the way pass so the raw tag list need not be kept.
#include <osmium/fwd.hpp>

#include <optional>
#include <string>

namespace hg::osm {

struct WayTags {
  std::string highway;
  std::string cls;
  int oneway = 0; ///< 0 two-way, 1 along the way, -1 against the way (oneway=-1)
  bool bridge = false;
  std::optional<double> maxspeed_kmh; ///< tagged limit, or the link speed of a ramp
  bool maxspeed_tagged = false;       ///< true when maxspeed_kmh came from maxspeed=*
  std::string zh;
  std::string en;
  std::string ref;

  /// nullopt for ways that are not imported roads (not a listed highway, area=yes).
  static std::optional<WayTags> from(const osmium::TagList& tags);
  /// "60" → 60, "40 mph" → 64.37, "60;80" → 60; nullopt for "none", "CN:urban", "walk", …
  static std::optional<double> parse_maxspeed_kmh(const std::string& v);
  /// oneway=yes|true|1 → 1, -1|reverse → -1, no|false|0 → 0, absent/other → `implied`.
  static int parse_oneway(const char* v, int implied);
};

} // namespace hg::osm
