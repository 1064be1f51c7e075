#pragma once
/// @file
/// @brief A MAP_OR_SCENARIO argument: finds the map (and, for a scenario, its resources and comms
/// files), loads and validates the world, and gives the raw YAML records (all fields, src
/// included) that the typed World does not keep, for copying (join) and exporting (GeoJSON).
#include "sim/io/Diagnostics.hpp"
#include "sim/io/WorldLoader.hpp"

#include <yaml-cpp/yaml.h>

#include <map>
#include <string>
#include <vector>

namespace hg::osm {

class MapSource {
public:
  /// Reads the header of `path` (map/1 or scenario/1). Throws hg::InputError if it is neither.
  explicit MapSource(const std::string& path);

  const WorldFiles& files() const { return files_; }
  bool is_scenario() const { return scenario_; }
  /// Loads the world; warnings go to `diag`. Throws hg::InputError when the files have errors.
  World load(Diagnostics& diag) const;
  /// Records of a map section (nodes, roads, districts, zones, facilities) from the manifest and
  /// its includes, in load order, each with the file it came from.
  std::vector<std::pair<std::string, YAML::Node>> map_records(const std::string& section) const;
  /// Records of a section of one other file (units of resources, posts of comms); none if "".
  std::vector<YAML::Node> file_records(const std::string& file, const std::string& section) const;

private:
  const YAML::Node& doc(const std::string& file) const;
  WorldFiles files_;
  bool scenario_ = false;
  mutable std::map<std::string, YAML::Node> docs_;
};

} // namespace hg::osm
