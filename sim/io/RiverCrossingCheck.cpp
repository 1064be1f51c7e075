/// @file
/// @brief River centre lines from GeoJSON, and the validate warning for roads crossing them unbridged.
#include "sim/io/RiverCrossingCheck.hpp"

#include "sim/io/TextFormat.hpp"
#include "sim/io/YamlReader.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

namespace hg {

namespace {

std::vector<LatLon> line_points(const nlohmann::json& coords, const std::string& where) {
  if (!coords.is_array()) throw std::runtime_error(where + ": expected an array of [lon, lat] positions");
  std::vector<LatLon> pts;
  for (size_t i = 0; i < coords.size(); ++i) {
    const auto& p = coords[i];
    if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number())
      throw std::runtime_error(where + "[" + std::to_string(i) + "]: expected [lon, lat]");
    pts.push_back({p[1].get<double>(), p[0].get<double>()});
  }
  return pts;
}

std::string feature_name(const nlohmann::json& f, size_t index) {
  if (f.contains("properties") && f["properties"].is_object()) {
    const auto& p = f["properties"];
    for (const char* key : {"name", "name_en", "name_zh"})
      if (p.contains(key) && p[key].is_string() && !p[key].get<std::string>().empty())
        return p[key].get<std::string>();
  }
  return "river " + std::to_string(index + 1);
}

} // namespace

std::vector<RiverLine> load_river_lines(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open the rivers file");
  nlohmann::json g;
  try {
    g = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(path + ": not valid JSON (" + e.what() + ")");
  }
  if (!g.is_object() || !g.contains("features") || !g["features"].is_array())
    throw std::runtime_error(path + ": expected a GeoJSON FeatureCollection with a features array");
  std::vector<RiverLine> lines;
  for (size_t i = 0; i < g["features"].size(); ++i) {
    const auto& f = g["features"][i];
    const std::string where = path + ": features[" + std::to_string(i) + "].geometry.coordinates";
    if (!f.is_object() || !f.contains("geometry") || !f["geometry"].is_object()) continue;
    const auto& geom = f["geometry"];
    const std::string type = geom.value("type", "");
    const std::string name = feature_name(f, i);
    if (type == "LineString") {
      lines.push_back({name, line_points(geom["coordinates"], where)});
    } else if (type == "MultiLineString") {
      if (!geom["coordinates"].is_array()) throw std::runtime_error(where + ": expected an array of lines");
      for (size_t k = 0; k < geom["coordinates"].size(); ++k)
        lines.push_back({name, line_points(geom["coordinates"][k], where + "[" + std::to_string(k) + "]")});
    }
  }
  return lines;
}

size_t check_river_crossings(const std::string& map_path, const World& world, Diagnostics& diag) {
  if (world.rivers_file.empty()) return 0;
  std::vector<RiverLine> rivers;
  try {
    rivers = load_river_lines(world.rivers_file);
  } catch (const std::exception& e) {
    diag.error(map_path, 0, 0, "rivers", e.what());
    return 0;
  }
  const std::vector<RiverCrossing> crossings = unbridged_river_crossings(world, rivers);
  if (crossings.empty()) return 0;

  // Where each road is written: the manifest's own roads and those of its includes (the loader already
  // reported any problem with these files, so this pass keeps its own diagnostics to itself). Cursors
  // are copied out file by file: YAML::Node assignment writes through, so files must not be shuffled
  // inside a container.
  Diagnostics scratch;
  std::map<std::string, YamlCursor> where;
  auto index = [&](const YamlFile& f) {
    for (const auto& c : f.root().seq("roads"))
      where.emplace(c.opt_str("id"), c.reporting_to(diag));
  };
  if (auto manifest = YamlFile::load(map_path, scratch)) {
    index(*manifest);
    for (const auto& inc : manifest->root().strs("include"))
      if (auto f = YamlFile::load(resolve_path(map_path, inc), scratch)) index(*f);
  }

  const std::string rivers_name = std::filesystem::path(world.rivers_file).filename().string();
  for (const RiverCrossing& x : crossings) {
    const Road& r = world.roads[x.road];
    const std::string label = r.name.zh.empty() ? r.name.en : r.name.zh;
    const std::string msg =
        "road " + r.id + (label.empty() ? "" : " (" + label + ")") + " crosses the " + x.river + " (" +
        rivers_name + ") at " + fixed(x.at.lat, 4) + " N, " + fixed(x.at.lon, 4) +
        " E without a bridge or ferry: split it there with a bridge edge "
        "(bridge: true) or a ferry (class: ferry), so that a flood can close the crossing";
    auto it = where.find(r.id);
    if (it != where.end())
      it->second.warning(msg);
    else
      diag.warning(map_path, 0, 0, "roads", msg);
  }
  return crossings.size();
}

} // namespace hg
