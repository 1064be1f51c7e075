/// @file
/// @brief Parsing of --bbox values.
#include "sim/osm/BBox.hpp"

#include <cstdlib>
#include <sstream>
#include <vector>

namespace hg::osm {

std::optional<BBox> BBox::parse(const std::string& text, std::string& why) {
  std::vector<double> v;
  std::stringstream ss(text);
  std::string part;
  while (std::getline(ss, part, ',')) {
    char* end = nullptr;
    const double x = std::strtod(part.c_str(), &end);
    if (part.empty() || end == part.c_str() || *end != '\0') {
      why = "\"" + part + "\" is not a number";
      return std::nullopt;
    }
    v.push_back(x);
  }
  if (v.size() != 4) {
    why = "expected 4 numbers MINLON,MINLAT,MAXLON,MAXLAT (got " + std::to_string(v.size()) + ")";
    return std::nullopt;
  }
  BBox b{v[0], v[1], v[2], v[3]};
  if (b.min_lon < -180 || b.max_lon > 180 || b.min_lat < -90 || b.max_lat > 90) {
    why = "longitudes must be within -180..180 and latitudes within -90..90";
    return std::nullopt;
  }
  if (b.min_lon >= b.max_lon || b.min_lat >= b.max_lat) {
    why = "minimum must be below maximum (the order is MINLON,MINLAT,MAXLON,MAXLAT)";
    return std::nullopt;
  }
  return b;
}

} // namespace hg::osm
