/// @file
/// @brief GeoJSON reader for the viewer's background layers (see GeoLayer.hpp).
#include "viz/GeoLayer.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

namespace hg::viz {

namespace {
using nlohmann::json;

std::vector<LatLon> ring(const json& coords) {
  std::vector<LatLon> out;
  for (const auto& c : coords)
    if (c.is_array() && c.size() >= 2) out.push_back({c[1].get<double>(), c[0].get<double>()});
  return out;
}

void add_geometry(const json& g, GeoLayer::Shape& s) {
  const std::string type = g.value("type", "");
  const json& c = g.at("coordinates");
  if (type == "LineString") {
    s.parts.push_back(ring(c));
  } else if (type == "MultiLineString" || type == "Polygon") {
    s.polygon = type == "Polygon";
    for (const auto& r : c)
      s.parts.push_back(ring(r));
  } else if (type == "MultiPolygon") {
    s.polygon = true;
    for (const auto& poly : c)
      for (const auto& r : poly)
        s.parts.push_back(ring(r));
  }
}
} // namespace

GeoLayer GeoLayer::load(const std::string& path) {
  GeoLayer layer;
  if (path.empty()) return layer;
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open GeoJSON file");
  try {
    json j = json::parse(in);
    std::vector<json> features;
    if (j.value("type", "") == "FeatureCollection")
      features = j.at("features").get<std::vector<json>>();
    else
      features.push_back(j);
    for (const auto& f : features) {
      const json& g = f.value("type", "") == "Feature" ? f.at("geometry") : f;
      if (g.is_null()) continue;
      Shape s;
      if (f.contains("properties") && f["properties"].is_object()) {
        const auto& p = f["properties"];
        if (p.contains("name") && p["name"].is_string()) s.name = p["name"];
        if (p.contains("name_en") && p["name_en"].is_string()) s.name_en = p["name_en"];
      }
      add_geometry(g, s);
      for (const auto& part : s.parts)
        for (const auto& pt : part)
          s.box.add(pt);
      if (!s.parts.empty()) layer.shapes_.push_back(std::move(s));
    }
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(path + ": bad GeoJSON: " + e.what());
  }
  return layer;
}

GeoBox GeoLayer::box() const {
  GeoBox b;
  for (const auto& s : shapes_)
    b.add(s.box);
  return b;
}

} // namespace hg::viz
