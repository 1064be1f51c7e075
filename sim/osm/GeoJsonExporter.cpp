/// @file
/// @brief Building the GeoJSON export from the typed world and the raw YAML records.
#include "sim/osm/GeoJsonExporter.hpp"

#include "sim/io/YamlReader.hpp"

#include <cmath>
#include <fstream>

namespace hg::osm {

namespace {
using json = nlohmann::json;

// 1e-7 degree (~1 cm) is OSM's precision; more digits only make the file bigger.
double round7(double v) { return std::round(v * 1e7) / 1e7; }
json position(LatLon p) { return json::array({round7(p.lon), round7(p.lat)}); }

json feature(const std::string& layer, json geometry, json props) {
  props["layer"] = layer;
  return {{"type", "Feature"}, {"geometry", std::move(geometry)}, {"properties", std::move(props)}};
}
json point(LatLon p) { return {{"type", "Point"}, {"coordinates", position(p)}}; }

/// id → raw record as JSON, for the properties the typed world does not keep (src, notes, …).
std::map<std::string, json> by_id(const std::vector<std::pair<std::string, YAML::Node>>& recs) {
  std::map<std::string, json> out;
  for (const auto& [file, rec] : recs)
    if (rec.IsMap() && rec["id"])
      out[rec["id"].as<std::string>("")] = yaml_to_json(rec);
  return out;
}

json src_of(const std::map<std::string, json>& raw, const std::string& id) {
  auto it = raw.find(id);
  return it != raw.end() && it->second.contains("src") ? it->second["src"] : json(nullptr);
}

/// Features of a GeoJSON file (boundaries, rivers), each tagged with `layer`.
void copy_features(const std::string& file, const std::string& layer, json& out, std::vector<std::string>& warnings,
                   const std::map<int, json>& extra_by_adcode = {}) {
  if (file.empty())
    return;
  std::ifstream in(file, std::ios::binary);
  json doc = json::parse(in, nullptr, false);
  if (doc.is_discarded() || !doc.contains("features") || !doc["features"].is_array()) {
    warnings.push_back(file + ": not a GeoJSON FeatureCollection; layer " + layer + " left out");
    return;
  }
  for (auto& f : doc["features"]) {
    if (!f.is_object() || !f.contains("geometry"))
      continue;
    json props = f.contains("properties") && f["properties"].is_object() ? f["properties"] : json::object();
    if (props.contains("adcode") && props["adcode"].is_number_integer()) {
      auto it = extra_by_adcode.find(props["adcode"].get<int>());
      if (it != extra_by_adcode.end())
        for (auto& [k, v] : it->second.items())
          if (!props.contains(k))
            props[k] = v;
    }
    out.push_back(feature(layer, f["geometry"], std::move(props)));
  }
}
} // namespace

json GeoJsonExporter::build(std::vector<std::string>& warnings) const {
  Diagnostics diag;
  const World w = src_.load(diag);
  for (const auto& d : diag.items())
    warnings.push_back(d.str());
  json features = json::array();

  // District polygons come from the boundaries file; the district records add id, population, src.
  std::map<int, json> district_props;
  for (const auto& [file, rec] : src_.map_records("districts")) {
    json j = yaml_to_json(rec);
    if (j.contains("adcode") && j["adcode"].is_number_integer()) {
      json extra = {{"id", j.value("id", "")}, {"src", j.value("src", json(nullptr))}};
      if (j.contains("population_2020"))
        extra["population_2020"] = j["population_2020"];
      district_props[j["adcode"].get<int>()] = extra;
    }
  }
  copy_features(w.boundaries_file, "districts", features, warnings, district_props);
  copy_features(w.rivers_file, "rivers", features, warnings);

  const auto raw_roads = by_id(src_.map_records("roads"));
  for (const auto& r : w.roads) {
    json geom = {{"type", "LineString"},
                 {"coordinates", json::array({position(w.nodes[r.from].pos), position(w.nodes[r.to].pos)})}};
    json props = {{"id", r.id},           {"zh", r.name.zh},         {"en", r.name.en},
                  {"class", r.cls},       {"length_km", r.length_km}, {"speed_kmh", r.speed_kmh},
                  {"bridge", r.bridge},   {"oneway", r.oneway},       {"from", w.nodes[r.from].id},
                  {"to", w.nodes[r.to].id}, {"src", src_of(raw_roads, r.id)}};
    if (!r.zone.empty())
      props["zone"] = r.zone;
    features.push_back(feature("roads", std::move(geom), std::move(props)));
  }

  const auto raw_nodes = by_id(src_.map_records("nodes"));
  for (const auto& n : w.nodes) {
    json props = {{"id", n.id},           {"zh", n.name.zh},         {"en", n.name.en},
                  {"quality", n.quality}, {"outside", n.outside}, {"src", src_of(raw_nodes, n.id)}};
    if (n.ground_elev_m)
      props["ground_elev_m"] = *n.ground_elev_m;
    features.push_back(feature("nodes", point(n.pos), std::move(props)));
  }

  const auto raw_zones = by_id(src_.map_records("zones"));
  for (const auto& z : w.zones) {
    static const char* kinds[] = {"urban", "rural", "forest"};
    LatLon p = w.nodes[z.node].pos;
    auto it = raw_zones.find(z.id);
    if (it != raw_zones.end() && it->second.contains("lat") && it->second.contains("lon") &&
        it->second["lat"].is_number() && it->second["lon"].is_number())
      p = {it->second["lat"].get<double>(), it->second["lon"].get<double>()};
    json props = {{"id", z.id},
                  {"zh", z.name.zh},
                  {"en", z.name.en},
                  {"kind", kinds[int(z.kind)]},
                  {"population", z.population},
                  {"district", z.district},
                  {"node", w.nodes[z.node].id},
                  {"src", src_of(raw_zones, z.id)}};
    features.push_back(feature("zones", point(p), std::move(props)));
  }

  // Facilities keep every field of their record (beds, stocks, hazard, …): QGIS shows them all.
  const auto raw_facilities = by_id(src_.map_records("facilities"));
  for (const auto& f : w.facilities) {
    auto it = raw_facilities.find(f.id);
    json props = it != raw_facilities.end() ? it->second : json::object();
    props.erase("lat");
    props.erase("lon");
    props["id"] = f.id;
    props["kind"] = f.kind;
    props["quality"] = f.quality;
    props["node"] = w.nodes[f.node].id;
    features.push_back(feature("facilities", point(f.pos), std::move(props)));
  }

  if (src_.is_scenario()) {
    std::map<std::string, json> raw_units;
    for (const auto& rec : src_.file_records(src_.files().resources, "units"))
      if (rec.IsMap() && rec["id"])
        raw_units[rec["id"].as<std::string>("")] = yaml_to_json(rec);
    for (const auto& u : w.units) {
      const Facility& base = w.facilities[u.base];
      json props = {{"id", u.id},
                    {"zh", u.name.zh},
                    {"en", u.name.en},
                    {"type", u.type},
                    {"agency", u.agency},
                    {"base", base.id},
                    {"capabilities", u.capabilities},
                    {"personnel", u.personnel},
                    {"vehicles", u.vehicles},
                    {"available", u.available},
                    {"src", src_of(raw_units, u.id)}};
      features.push_back(feature("units", point(base.pos), std::move(props)));
    }
    std::map<std::string, json> raw_posts;
    for (const auto& rec : src_.file_records(src_.files().comms, "posts"))
      if (rec.IsMap() && rec["id"])
        raw_posts[rec["id"].as<std::string>("")] = yaml_to_json(rec);
    for (const auto& p : w.posts) {
      json props = {{"id", p.id},           {"zh", p.name.zh},  {"en", p.name.en},
                    {"level", p.level},     {"network", p.network}, {"parent", p.parent},
                    {"node", w.nodes[p.node].id}, {"src", src_of(raw_posts, p.id)}};
      features.push_back(feature("posts", point(w.nodes[p.node].pos), std::move(props)));
    }
  }

  return {{"type", "FeatureCollection"},
          {"name", w.id},
          {"features", std::move(features)}};
}

} // namespace hg::osm
