// The bundled Hegang map, forces and comms: every file loads, the road graph joins every facility and
// zone to the city government, every coordinate is inside Hegang (or a declared outside entry
// point), every road is at least as long as the great circle between its ends, and every number in
// scenarios/ carries its provenance.
#include "sim/io/Scenario.hpp"
#include "sim/io/WorldLoader.hpp"
#include "sim/io/YamlReader.hpp"
#include "sim/world/RoadNetwork.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace {

std::string src(const std::string& rel) {
  return std::string(HG_SOURCE_DIR) + "/" + rel;
}

hg::World hegang() {
  hg::Diagnostics d;
  hg::World w = hg::load_world({src("scenarios/hegang/map.yaml"), src("scenarios/hegang/units.yaml"),
                                src("scenarios/hegang/comms.yaml")},
                               d);
  INFO(d.str());
  REQUIRE_FALSE(d.has_errors());
  return w;
}

using Ring = std::vector<std::pair<double, double>>; // lon, lat

std::vector<Ring> district_rings() {
  std::ifstream in(src("scenarios/hegang/districts.geojson"));
  nlohmann::json g = nlohmann::json::parse(in);
  std::vector<Ring> rings;
  for (const auto& f : g["features"]) {
    const auto& geom = f["geometry"];
    auto add_polygon = [&](const nlohmann::json& poly) {
      Ring r;
      for (const auto& p : poly[0])
        r.emplace_back(p[0].get<double>(), p[1].get<double>());
      rings.push_back(r);
    };
    if (geom["type"] == "Polygon")
      add_polygon(geom["coordinates"]);
    else
      for (const auto& poly : geom["coordinates"])
        add_polygon(poly);
  }
  return rings;
}

// Ray casting (even-odd rule).
bool inside(const Ring& r, double lon, double lat) {
  bool in = false;
  for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
    const auto [xi, yi] = r[i];
    const auto [xj, yj] = r[j];
    if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) in = !in;
  }
  return in;
}

bool in_hegang(const std::vector<Ring>& rings, double lon, double lat) {
  for (const auto& r : rings)
    if (inside(r, lon, lat)) return true;
  return false;
}

} // namespace

TEST_CASE("every bundled scenario, plan and rubric loads without errors") {
  namespace fs = std::filesystem;
  int checked = 0;
  for (const auto& dir : {"scenarios/demo", "scenarios/flood"})
    for (const auto& e : fs::directory_iterator(src(dir)))
      if (e.path().extension() == ".yaml") {
        hg::Diagnostics d;
        hg::load_scenario(e.path().string(), d);
        INFO(e.path().string() << "\n" << d.str());
        CHECK_FALSE(d.has_errors());
        ++checked;
      }
  CHECK(checked >= 3);
}

TEST_CASE("the Hegang map has the 8 districts and counties with their 2020 census population") {
  hg::World w = hegang();
  REQUIRE(w.districts.size() == 8);
  double total = 0;
  for (const auto& d : w.districts)
    total += d.population_2020;
  CHECK(total == Approx(891271)); // 2020 census, hegang-reference.md §1 [WP-en]
  // Zone populations add up to their district's census figure.
  for (const auto& d : w.districts) {
    double zones = 0;
    for (const auto& z : w.zones)
      if (z.district == d.id) zones += z.population;
    INFO(d.id);
    CHECK(zones == Approx(d.population_2020).epsilon(1e-6));
  }
}

TEST_CASE("the city plan's rescue forces are all there") {
  hg::World w = hegang();
  auto personnel = [&](const std::string& agency_part) {
    int n = 0;
    for (const auto& u : w.units)
      if (u.agency.find(agency_part) != std::string::npos) n += u.personnel;
    return n;
  };
  // 鹤政发〔2022〕20号: fire-and-rescue detachment 272, 鹤北 forest 200, 粮食局 56, 中海油华鹤 37,
  // 华能鹤岗 13, 59 semi-professional forest teams with 760, 雪豹 86, 利民同盟 68.
  CHECK(personnel("消防救援支队") == 272);
  CHECK(personnel("雪豹") == 86);
  CHECK(personnel("利民") == 68);
  CHECK(personnel("粮食局") == 56);
}

TEST_CASE("every facility and zone can be reached by road from the city government") {
  hg::World w = hegang();
  hg::RoadNetwork net = hg::RoadNetwork::from_world(w);
  const auto times = net.travel_times_from(uint32_t(w.node_index.at("n_hg_gov")));
  for (const auto& f : w.facilities) {
    INFO(f.id);
    CHECK(times[f.node] < std::numeric_limits<double>::infinity());
  }
  for (const auto& z : w.zones) {
    INFO(z.id);
    CHECK(times[z.node] < std::numeric_limits<double>::infinity());
  }
}

TEST_CASE("every coordinate lies inside Hegang or is a declared outside entry point") {
  hg::World w = hegang();
  const auto rings = district_rings();
  REQUIRE(rings.size() >= 8);
  for (const auto& n : w.nodes) {
    INFO(n.id << " " << n.pos.lat << "," << n.pos.lon);
    CHECK(n.outside != in_hegang(rings, n.pos.lon, n.pos.lat));
  }
  for (const auto& f : w.facilities) {
    INFO(f.id);
    CHECK((w.nodes[f.node].outside || in_hegang(rings, f.pos.lon, f.pos.lat)));
  }
}

TEST_CASE("every road is at least as long as the great circle between its ends") {
  hg::World w = hegang();
  for (const auto& r : w.roads) {
    INFO(r.id);
    CHECK(r.length_km + 1e-9 >= hg::great_circle_km(w.nodes[r.from].pos, w.nodes[r.to].pos));
  }
  int bridges = 0;
  for (const auto& r : w.roads)
    bridges += r.bridge ? 1 : 0;
  CHECK(bridges >= 5); // bridges are explicit edges, because floods cut them
}

TEST_CASE("every number in scenarios/ carries its provenance") {
  // Rule (docs/formats.md): a mapping holding a number has src:; inside plans a clause's src covers
  // its actions, and inside lists of pairs (hydrographs, rating and storage tables) the enclosing
  // mapping's src covers the numbers.
  namespace fs = std::filesystem;
  std::vector<std::string> missing;
  int files = 0;
  std::function<void(const YAML::Node&, const std::string&, bool, const std::string&)> walk =
      [&](const YAML::Node& n, const std::string& path, bool covered, const std::string& file) {
        if (n.IsMap()) {
          bool has_src = n["src"] && !n["src"].IsNull() && !n["src"].as<std::string>("").empty();
          bool has_number = false;
          for (auto it = n.begin(); it != n.end(); ++it) {
            const std::string k = it->first.as<std::string>("");
            double v;
            if (k != "adcode" && k != "seed" && k != "hgdrill" && k != "count" && k != "level" &&
                it->second.IsScalar() && YAML::convert<double>::decode(it->second, v))
              has_number = true;
          }
          if (has_number && !has_src && !covered) missing.push_back(file + ": " + path);
          for (auto it = n.begin(); it != n.end(); ++it)
            walk(it->second, path + "." + it->first.as<std::string>(""), covered || has_src, file);
        } else if (n.IsSequence()) {
          for (size_t i = 0; i < n.size(); ++i)
            walk(n[i], path + "[" + std::to_string(i) + "]", covered, file);
        }
      };
  for (const auto& e : fs::recursive_directory_iterator(src("scenarios")))
    if (e.path().extension() == ".yaml") {
      walk(YAML::LoadFile(e.path().string()), "", false, e.path().lexically_relative(src("")).string());
      ++files;
    }
  INFO([&] {
    std::string s;
    for (auto& m : missing)
      s += m + "\n";
    return s;
  }());
  CHECK(files >= 15);
  CHECK(missing.empty());
}
