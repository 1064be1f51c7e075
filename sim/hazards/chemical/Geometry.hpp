#pragma once
/// @file
/// @brief Flat local coordinates around the release (east/north metres, equirectangular projection —
/// within 0.1 % over the 30 km a plume matters here), and the shapes the threat zones are intersected
/// with: circles around population-zone nodes, polygons, road segments between node positions.
#include "sim/world/Geo.hpp"

#include <vector>

namespace hg::chemical {

/// @brief A point in local metres.
struct Xy {
  double x_m = 0; ///< east
  double y_m = 0; ///< north
};

/// @brief Equirectangular projection about an origin.
class LocalFrame {
public:
  explicit LocalFrame(LatLon origin);
  Xy to_xy(LatLon p) const;
  LatLon to_latlon(Xy p) const;
  LatLon origin() const { return origin_; }

private:
  LatLon origin_;
  double m_per_deg_lat_;
  double m_per_deg_lon_;
};

/// @brief Sample points covering a circle: the centre plus rings (deterministic, area-weighted equally),
/// used to estimate which fraction of a zone lies inside a footprint.
std::vector<Xy> circle_samples(Xy centre, double radius_m, int rings = 3);

/// @brief Points along a segment, at most `spacing_m` apart, both ends included.
std::vector<Xy> segment_samples(Xy a, Xy b, double spacing_m);

/// @brief Even–odd point-in-polygon test.
bool point_in_polygon(Xy p, const std::vector<Xy>& polygon);

/// @brief Sample points inside a polygon on a square lattice of `spacing_m` (at least its first vertex).
std::vector<Xy> polygon_samples(const std::vector<Xy>& polygon, double spacing_m);

} // namespace hg::chemical
