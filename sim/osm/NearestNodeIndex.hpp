#pragma once
/// @file
/// @brief Nearest imported road node to a point, for joining facilities and zones to the OSM graph.
/// An R-tree (Boost.Geometry) on equirectangular coordinates finds a few candidates; the great-circle
/// distance picks among them, so the answer matches great_circle_km.
#include "sim/world/Geo.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace hg::osm {

class NearestNodeIndex {
public:
  explicit NearestNodeIndex(const std::vector<LatLon>& nodes);
  ~NearestNodeIndex();
  NearestNodeIndex(const NearestNodeIndex&) = delete;
  NearestNodeIndex& operator=(const NearestNodeIndex&) = delete;

  struct Hit {
    uint32_t node = 0;
    double distance_km = 0;
  };
  /// Nearest node; distance_km is infinite when the index is empty.
  Hit nearest(LatLon p) const;

private:
  struct Tree;
  std::unique_ptr<Tree> tree_;
  std::vector<LatLon> nodes_;
  double lon_scale_ = 1; ///< cos(mean latitude): makes a degree of longitude as long as one of latitude
};

} // namespace hg::osm
