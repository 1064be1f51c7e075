/// @file
/// @brief R-tree nearest-node search.
#include "sim/osm/NearestNodeIndex.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <limits>

namespace hg::osm {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using Point = bg::model::point<double, 2, bg::cs::cartesian>;
using Value = std::pair<Point, uint32_t>;

struct NearestNodeIndex::Tree {
  bgi::rtree<Value, bgi::rstar<16>> rtree;
};

NearestNodeIndex::NearestNodeIndex(const std::vector<LatLon>& nodes) : tree_(new Tree), nodes_(nodes) {
  double sum_lat = 0;
  for (const auto& n : nodes)
    sum_lat += n.lat;
  if (!nodes.empty())
    lon_scale_ = std::cos(sum_lat / double(nodes.size()) * M_PI / 180.0);
  std::vector<Value> values;
  values.reserve(nodes.size());
  for (uint32_t i = 0; i < nodes.size(); ++i)
    values.push_back({Point(nodes[i].lon * lon_scale_, nodes[i].lat), i});
  tree_->rtree = bgi::rtree<Value, bgi::rstar<16>>(values.begin(), values.end()); // bulk load (packing)
}

NearestNodeIndex::~NearestNodeIndex() = default;

NearestNodeIndex::Hit NearestNodeIndex::nearest(LatLon p) const {
  Hit best{0, std::numeric_limits<double>::infinity()};
  // The planar metric is only close to great-circle distance near the mean latitude; 8 candidates
  // absorb that error for a city-sized map.
  std::vector<Value> found;
  tree_->rtree.query(bgi::nearest(Point(p.lon * lon_scale_, p.lat), 8), std::back_inserter(found));
  for (const auto& v : found) {
    const double d = great_circle_km(p, nodes_[v.second]);
    if (d < best.distance_km)
      best = {v.second, d};
  }
  return best;
}

} // namespace hg::osm
