/// @file
/// @brief Joining map facilities and zones to imported OSM nodes.
#include "sim/osm/MapJoiner.hpp"

#include "sim/osm/NearestNodeIndex.hpp"

#include "sim/io/TextFormat.hpp"

#include <cstdio>

namespace hg::osm {

namespace {
std::string label(const std::string& id, const Names& n) {
  std::string s = id;
  if (!n.zh.empty() || !n.en.empty())
    s += " (" + n.zh + (n.zh.empty() || n.en.empty() ? "" : " / ") + n.en + ")";
  return s;
}
} // namespace

JoinResult MapJoiner::join(const MapSource& src) const {
  Diagnostics diag;
  const World w = src.load(diag);
  JoinResult res;
  res.boundaries_file = w.boundaries_file;
  res.rivers_file = w.rivers_file;

  std::vector<LatLon> pos;
  pos.reserve(g_.nodes.size());
  for (const auto& n : g_.nodes)
    pos.push_back(n.pos);
  const NearestNodeIndex index(pos);

  auto join_one = [&](const std::string& kind, const std::string& id, const Names& name, LatLon p,
                      const std::string& old_node) {
    const auto hit = index.nearest(p);
    res.entries.push_back({id, kind, old_node, hit.node, hit.distance_km});
    if (hit.distance_km > max_join_km_)
      res.warnings.push_back(kind + " " + label(id, name) + " at " + fixed(p.lat, 5) + "," + fixed(p.lon, 5) +
                             " is " + fixed(hit.distance_km, 2) + " km from the nearest imported road node " +
                             OsmGraph::node_id(g_.nodes[hit.node].osm_id) + " (more than --max-join-km " +
                             fixed(max_join_km_, 2) + "); check --bbox or the item's position");
  };

  YAML::Node places(YAML::NodeType::Map);
  for (const auto& [file, rec] : src.map_records("districts"))
    places["districts"].push_back(YAML::Clone(rec));
  for (const auto& [file, rec] : src.map_records("zones")) {
    const Zone* z = w.zone(rec["id"].as<std::string>(""));
    if (!z) continue;
    // Zones may carry their own centre; otherwise the road node they were served from stands in.
    LatLon p = w.nodes[z->node].pos;
    if (rec["lat"] && rec["lon"]) p = {rec["lat"].as<double>(p.lat), rec["lon"].as<double>(p.lon)};
    join_one("zone", z->id, z->name, p, w.nodes[z->node].id);
    YAML::Node copy = YAML::Clone(rec);
    copy["node"] = OsmGraph::node_id(g_.nodes[res.entries.back().node].osm_id);
    places["zones"].push_back(copy);
  }
  for (const auto& [file, rec] : src.map_records("facilities")) {
    const Facility* f = w.facility(rec["id"].as<std::string>(""));
    if (!f) continue;
    join_one("facility", f->id, f->name, f->pos, w.nodes[f->node].id);
    YAML::Node copy = YAML::Clone(rec);
    copy["node"] = OsmGraph::node_id(g_.nodes[res.entries.back().node].osm_id);
    places["facilities"].push_back(copy);
  }

  YAML::Emitter out;
  out << places;
  res.places_yaml = "# Districts, zones and facilities of " + src.files().map +
                    ",\n# each moved to the nearest imported OSM road node by hgdrill import-osm --join.\n" +
                    out.c_str() + "\n";

  std::string rep =
      "# hgdrill import-osm --join: nearest imported road node of every zone and facility of\n# " +
      src.files().map + " (--max-join-km " + fixed(max_join_km_, 2) + ")\njoins:\n";
  for (const auto& e : res.entries)
    rep += "  - {item: " + e.item + ", kind: " + e.kind + ", old_node: " + e.old_node +
           ", node: " + OsmGraph::node_id(g_.nodes[e.node].osm_id) +
           ", distance_km: " + fixed(e.distance_km, 3) +
           ", far: " + (e.distance_km > max_join_km_ ? "true" : "false") +
           ", src: \"estimated: great-circle distance to the nearest imported OSM node\"}\n";
  res.report_yaml = rep;
  return res;
}

} // namespace hg::osm
