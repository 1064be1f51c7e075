#pragma once
/// @file
/// @brief Lines and polygons read from a GeoJSON file (district boundaries, rivers), with their
/// Chinese/English names from the feature properties (`name`, `name_en`).
#include "viz/Projection.hpp"

#include <string>
#include <vector>

namespace hg::viz {

class GeoLayer {
public:
  struct Shape {
    std::vector<std::vector<LatLon>> parts; ///< rings (polygons) or line strings
    bool polygon = false;
    std::string name;    ///< `name` property (Chinese for districts)
    std::string name_en; ///< `name_en` property
    GeoBox box;
  };

  /// Reads Polygon, MultiPolygon, LineString and MultiLineString features; throws
  /// std::runtime_error naming the file on bad input. An empty path gives an empty layer.
  static GeoLayer load(const std::string& path);

  const std::vector<Shape>& shapes() const { return shapes_; }
  GeoBox box() const;
  bool empty() const { return shapes_.empty(); }

private:
  std::vector<Shape> shapes_;
};

} // namespace hg::viz
