#pragma once
/// @file
/// @brief How OSM highway=* values map to hgdrill road classes, and the default free-flow speed of
/// each class with its source. docs/osm.md shows the same table; keep them in step.
#include <optional>
#include <string>
#include <vector>

namespace hg::osm {

/// @brief Default speed of one hgdrill road class (written to map.yaml road_classes).
struct ClassDefault {
  std::string cls;
  double speed_kmh = 0;
  std::string src;
};

/// @brief What one highway=* value becomes.
struct HighwayRule {
  std::string highway;
  std::string cls;
  std::optional<double> link_speed_kmh; ///< ramps (_link) are slower than their class
  bool implies_oneway = false;          ///< OSM wiki: motorway and motorway_link imply oneway=yes
};

class RoadClassTable {
public:
  /// The rule for a highway=* value, or nullptr for values that are not imported (footway, …).
  static const HighwayRule* find(const std::string& highway);
  /// Every class the importer can produce, with its default speed and source.
  static const std::vector<ClassDefault>& classes();
  static const std::vector<HighwayRule>& rules();
  /// Source text written for link speeds.
  static const char* link_speed_src();
};

} // namespace hg::osm
