/// @file
/// @brief Segment–polyline intersection of road edges with river centre lines.
#include "sim/world/RiverCrossings.hpp"

#include <algorithm>

namespace hg {

namespace {

int orientation(LatLon a, LatLon b, LatLon c) {
  const double v = (b.lon - a.lon) * (c.lat - a.lat) - (b.lat - a.lat) * (c.lon - a.lon);
  return (v > 0) - (v < 0);
}

/// Whether segments p1p2 and p3p4 meet (general position, touching included), and where.
bool intersect(LatLon p1, LatLon p2, LatLon p3, LatLon p4, LatLon& at, double& along) {
  const int o1 = orientation(p1, p2, p3), o2 = orientation(p1, p2, p4);
  const int o3 = orientation(p3, p4, p1), o4 = orientation(p3, p4, p2);
  if (o1 == o2 || o3 == o4) return false;
  const double d = (p2.lon - p1.lon) * (p4.lat - p3.lat) - (p2.lat - p1.lat) * (p4.lon - p3.lon);
  along = d == 0 ? 0.0 : ((p3.lon - p1.lon) * (p4.lat - p3.lat) - (p3.lat - p1.lat) * (p4.lon - p3.lon)) / d;
  along = std::clamp(along, 0.0, 1.0);
  at = {p1.lat + along * (p2.lat - p1.lat), p1.lon + along * (p2.lon - p1.lon)};
  return true;
}

} // namespace

bool crosses_rivers_legally(const Road& road) {
  return road.bridge || road.cls == "ferry";
}

std::vector<RiverCrossing> unbridged_river_crossings(const World& world,
                                                     const std::vector<RiverLine>& rivers) {
  std::vector<RiverCrossing> out;
  for (size_t ri = 0; ri < world.roads.size(); ++ri) {
    const Road& road = world.roads[ri];
    if (crosses_rivers_legally(road)) continue;
    const LatLon a = world.nodes[road.from].pos, b = world.nodes[road.to].pos;
    std::vector<std::pair<double, RiverCrossing>> found;
    for (const RiverLine& river : rivers)
      for (size_t k = 0; k + 1 < river.points.size(); ++k) {
        LatLon at;
        double along = 0;
        if (intersect(a, b, river.points[k], river.points[k + 1], at, along))
          found.push_back({along, RiverCrossing{ri, river.name, at}});
      }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    for (auto& f : found)
      out.push_back(std::move(f.second));
  }
  return out;
}

} // namespace hg
