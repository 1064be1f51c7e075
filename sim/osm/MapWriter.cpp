/// @file
/// @brief map/1 output of import-osm.
#include "sim/osm/MapWriter.hpp"

#include "sim/osm/RoadClassTable.hpp"

#include <nlohmann/json.hpp>

#include "sim/io/TextFormat.hpp"
#include <cmath>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace hg::osm {

namespace {
std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

void check(std::ofstream& out, const std::string& path) {
  out.flush();
  if (!out) throw std::runtime_error(path + ": cannot write");
}
} // namespace

const char* MapWriter::attribution() {
  return "OpenStreetMap © OpenStreetMap contributors, ODbL";
}

std::string MapWriter::quote(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void MapWriter::write(const std::string& dir, const JoinResult* join) const {
  write_nodes(dir + "/nodes.yaml");
  write_roads(dir + "/roads.yaml");
  if (join) {
    std::ofstream f(dir + "/facilities.yaml", std::ios::binary);
    f << join->places_yaml;
    check(f, dir + "/facilities.yaml");
    std::ofstream r(dir + "/join.yaml", std::ios::binary);
    r << join->report_yaml;
    check(r, dir + "/join.yaml");
    if (!join->boundaries_file.empty())
      fs::copy_file(join->boundaries_file, dir + "/districts.geojson", fs::copy_options::overwrite_existing);
    if (!join->rivers_file.empty())
      fs::copy_file(join->rivers_file, dir + "/rivers.geojson", fs::copy_options::overwrite_existing);
  }
  write_manifest(dir + "/map.yaml", join);
}

void MapWriter::write_manifest(const std::string& path, const JoinResult* join) const {
  const std::string file = fs::path(g_.source_file).filename().string();
  std::ofstream out(path, std::ios::binary);
  out << "# Road network imported from OpenStreetMap by hgdrill import-osm (docs/osm.md).\n"
      << "# " << g_.nodes.size() << " nodes, " << g_.roads.size() << " roads from " << file << ".\n"
      << "hgdrill: map/1\n"
      << "id: " << map_id_ << "\n"
      << "name: {zh: " << quote("OpenStreetMap 路网 (" + file + ")")
      << ", en: " << quote("OpenStreetMap roads (" + file + ")") << "}\n"
      << "src: " << quote(std::string(attribution()) + "; " + file) << "\n";
  if (join && !join->boundaries_file.empty()) out << "boundaries: districts.geojson\n";
  if (join && !join->rivers_file.empty()) out << "rivers: rivers.geojson\n";
  out << "include: [nodes.yaml, roads.yaml" << (join ? ", facilities.yaml" : "") << "]\n"
      << "road_classes:\n";
  for (const auto& c : RoadClassTable::classes())
    out << "  - {class: " << c.cls << ", speed_kmh: " << number(c.speed_kmh) << ", src: " << quote(c.src)
        << "}\n";
  check(out, path);
}

void MapWriter::write_nodes(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  out << "# Road graph vertices: OSM way ends and nodes shared by two or more imported ways.\n"
      << "# Coordinates are OSM's (WGS84, 1e-7 degree).\nnodes:\n";
  const std::string src = std::string(attribution()) + "; node ";
  for (const auto& n : g_.nodes)
    out << "  - {id: " << OsmGraph::node_id(n.osm_id) << ", lat: " << fixed(n.pos.lat, 7)
        << ", lon: " << fixed(n.pos.lon, 7)
        << ", quality: sourced-WGS, src: " << quote(src + std::to_string(n.osm_id)) << "}\n";
  check(out, path);
}

void MapWriter::write_roads(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  out << "# Road graph edges: pieces of OSM highway ways between topological nodes. length_km is\n"
      << "# measured along the full OSM geometry (sum of great-circle segment lengths).\nroads:\n";
  const std::string src = std::string(attribution()) + "; way ";
  for (const auto& r : g_.roads) {
    // Rounded up to the millimetre so that it never falls below the node-to-node distance the
    // loader checks; a zero-length piece (two OSM nodes at one spot) gets 1 mm.
    const double len = std::max(1e-6, std::ceil(r.length_km * 1e6) / 1e6);
    out << "  - {id: " << OsmGraph::road_id(r.way_id, r.piece)
        << ", from: " << OsmGraph::node_id(g_.nodes[r.from].osm_id)
        << ", to: " << OsmGraph::node_id(g_.nodes[r.to].osm_id);
    if (!r.zh.empty()) out << ", zh: " << quote(r.zh);
    if (!r.en.empty()) out << ", en: " << quote(r.en);
    if (!r.ref.empty()) out << ", ref: " << quote(r.ref);
    out << ", class: " << r.cls << ", length_km: " << fixed(len, 6);
    if (r.speed_kmh) out << ", speed_kmh: " << number(std::round(*r.speed_kmh * 10) / 10);
    out << ", bridge: " << (r.bridge ? "true" : "false") << ", oneway: " << (r.oneway ? "true" : "false");
    std::string s = src + std::to_string(r.way_id);
    if (r.speed_kmh)
      s += r.speed_from_maxspeed ? " (speed: maxspeed tag)"
                                 : std::string(" (speed: ") + RoadClassTable::link_speed_src() + ")";
    out << ", src: " << quote(s) << "}\n";
  }
  check(out, path);
}

} // namespace hg::osm
