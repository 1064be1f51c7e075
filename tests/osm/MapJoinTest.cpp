/// @file
/// @brief --join: facilities and zones of a map move to the nearest imported node; items far from
/// every road are named in a warning; the joined folder loads.
#include "TinyMap.hpp"

#include "sim/io/WorldLoader.hpp"
#include "sim/osm/MapJoiner.hpp"
#include "sim/osm/MapWriter.hpp"
#include "sim/osm/OsmImporter.hpp"

#include <catch2/catch.hpp>

using namespace hg;
using namespace hg::osm;
using hg::osm::test::ScratchDir;

TEST_CASE("join moves facilities and zones to the nearest imported node") {
  ScratchDir dir("join");
  const std::string map = test::write_tiny_map(dir);
  const OsmGraph g = OsmImporter({}).run(dir.write("fixture.osm", test::kFixtureOsm));
  const JoinResult res = MapJoiner(g, 2.0).join(MapSource(map));

  REQUIRE(res.entries.size() == 3);
  std::map<std::string, JoinEntry> by_item;
  for (const auto& e : res.entries)
    by_item[e.item] = e;
  CHECK(OsmGraph::node_id(g.nodes[by_item["f_hosp"].node].osm_id) == "n_osm_12");
  CHECK(by_item["f_hosp"].distance_km < 0.02);
  CHECK(OsmGraph::node_id(g.nodes[by_item["z_hongjun"].node].osm_id) == "n_osm_1"); // at node n_a
  CHECK(by_item["z_hongjun"].distance_km == Approx(0).margin(1e-9));
  CHECK(by_item["f_depot_far"].distance_km > 2.0);

  REQUIRE(res.warnings.size() == 1);
  CHECK_THAT(res.warnings[0], Catch::Contains("facility f_depot_far (远仓库 / Far depot)"));
  CHECK_THAT(res.warnings[0], Catch::Contains("--max-join-km 2.00"));

  std::filesystem::create_directories(dir.file("out"));
  MapWriter(g, "osm_joined").write(dir.file("out"), &res);
  Diagnostics diag;
  const World w = load_world({dir.file("out/map.yaml"), dir.file("units.yaml"), ""}, diag);
  INFO(diag.str());
  REQUIRE_FALSE(diag.has_errors());
  REQUIRE(w.facility("f_hosp"));
  CHECK(w.nodes[w.facility("f_hosp")->node].id == "n_osm_12");
  CHECK(w.zone("z_hongjun"));
  CHECK(w.units.size() == 1);
  CHECK(std::filesystem::exists(dir.file("out/districts.geojson")));
  CHECK(std::filesystem::exists(dir.file("out/join.yaml")));
}
