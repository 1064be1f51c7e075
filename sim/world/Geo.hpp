#pragma once
/// @file
/// @brief Small geodesy helpers on WGS84 coordinates.
#include <cmath>

namespace hg {

struct LatLon {
  double lat = 0;
  double lon = 0;
};

/// Great-circle distance in km (haversine on a sphere of mean Earth radius 6371.0088 km).
inline double great_circle_km(LatLon a, LatLon b) {
  constexpr double kR = 6371.0088, kDeg = M_PI / 180.0;
  const double dlat = (b.lat - a.lat) * kDeg, dlon = (b.lon - a.lon) * kDeg;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * kDeg) * std::cos(b.lat * kDeg) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kR * std::asin(std::min(1.0, std::sqrt(h)));
}

} // namespace hg
