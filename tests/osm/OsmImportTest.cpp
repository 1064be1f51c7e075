/// @file
/// @brief Import of a hand-made OSM XML file: topological nodes, pieces, classes, lengths computed
/// by hand, names, one-way and bridge flags, components, the map/1 output and broken inputs.
#include "OsmTestFiles.hpp"

#include "sim/io/WorldLoader.hpp"
#include "sim/osm/GraphComponents.hpp"
#include "sim/osm/MapWriter.hpp"
#include "sim/osm/OsmImporter.hpp"
#include "sim/osm/OsmReadError.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace hg;
using namespace hg::osm;
using hg::osm::test::kFixtureOsm;
using hg::osm::test::ScratchDir;

namespace {
// Hand computation on the sphere of Geo.hpp (R = 6371.0088 km):
//   along a meridian, 0.01 degree = R * 0.01 * pi/180                 = 1.111951 km
//   along a parallel at latitude phi, 0.01 degree = 2R asin(cos(phi) sin(0.005 deg))
//                                          at 47.35: 0.753367 km, at 47.40: 0.752653 km
constexpr double kMeridian001 = 1.1119508023;
constexpr double kParallel001At4735 = 0.7533667696;
constexpr double kParallel001At4740 = 0.7526527771;

const OsmRoad& road(const OsmGraph& g, int64_t way, int piece) {
  for (const auto& r : g.roads)
    if (r.way_id == way && r.piece == piece)
      return r;
  FAIL("no road r_osm_" << way << "_" << piece);
  throw;
}
int64_t osm_id(const OsmGraph& g, uint32_t i) { return g.nodes.at(i).osm_id; }

OsmGraph import_fixture(const ScratchDir& dir, ImportOptions opt = {}) {
  return OsmImporter(opt).run(dir.write("fixture.osm", kFixtureOsm));
}
} // namespace

TEST_CASE("import keeps only topological nodes") {
  ScratchDir dir("topo");
  const OsmGraph g = import_fixture(dir);
  std::set<int64_t> ids;
  for (const auto& n : g.nodes)
    ids.insert(n.osm_id);
  // Way ends and shared nodes; shape nodes 2, 4, 11 (11 is also on a footway, which is not imported),
  // 31 and the nodes of the footway and the building are gone.
  CHECK(ids == std::set<int64_t>{1, 3, 10, 12, 13, 20, 21, 30, 32, 50});
  CHECK(g.roads.size() == 8);
  CHECK(g.stats.ways_read == 8);
  CHECK(g.stats.ways_kept == 6);
  CHECK(g.stats.nodes_read == 17);
}

TEST_CASE("import splits ways at shared nodes and measures along the geometry") {
  ScratchDir dir("split");
  const OsmGraph g = import_fixture(dir);

  const OsmRoad& m = road(g, 1, 0); // 1-2-3: one piece, two meridian segments
  CHECK(osm_id(g, m.from) == 1);
  CHECK(osm_id(g, m.to) == 3);
  CHECK(m.cls == "motorway");
  CHECK(m.length_km == Approx(2 * kMeridian001).epsilon(1e-9));
  CHECK(m.length_km == Approx(2.223902).epsilon(1e-6));
  CHECK(m.oneway); // implied by highway=motorway
  CHECK_FALSE(m.bridge);
  CHECK(m.ref == "G11");
  CHECK(m.zh == "鹤大高速");

  const OsmRoad& b = road(g, 2, 0);
  CHECK(b.cls == "primary");
  CHECK(b.bridge); // bridge=viaduct
  CHECK_FALSE(b.oneway);
  CHECK(b.length_km == Approx(2 * kMeridian001).epsilon(1e-9));

  // Way 3 crosses way 4 at node 12: pieces 10-11-12 and 12-13.
  const OsmRoad& s0 = road(g, 3, 0);
  const OsmRoad& s1 = road(g, 3, 1);
  CHECK(osm_id(g, s0.from) == 10);
  CHECK(osm_id(g, s0.to) == 12);
  CHECK(osm_id(g, s1.from) == 12);
  CHECK(osm_id(g, s1.to) == 13);
  CHECK(s0.length_km == Approx(2 * kParallel001At4735).epsilon(1e-9));
  CHECK(s0.length_km == Approx(1.506734).epsilon(1e-6));
  CHECK(s1.length_km == Approx(kParallel001At4735).epsilon(1e-9));
  CHECK(s0.cls == "secondary");
  CHECK(s0.zh == "新华路");
  CHECK(s0.en == "Xinhua Road");
  REQUIRE(s0.speed_kmh);
  CHECK(*s0.speed_kmh == Approx(48.28032)); // 30 mph
  CHECK(s0.speed_from_maxspeed);

  const OsmRoad& r0 = road(g, 4, 0);
  const OsmRoad& r1 = road(g, 4, 1);
  CHECK(r0.cls == "urban");
  CHECK(osm_id(g, r0.from) == 20);
  CHECK(osm_id(g, r0.to) == 12);
  CHECK(osm_id(g, r1.to) == 21);
  CHECK(r0.length_km == Approx(kMeridian001).epsilon(1e-9));

  const OsmRoad& t = road(g, 5, 0); // 30-31-32: parallel leg then meridian leg
  CHECK(t.cls == "forest");
  CHECK(t.length_km == Approx(kParallel001At4740 + kMeridian001).epsilon(1e-9));
  CHECK(t.length_km == Approx(1.864604).epsilon(1e-6));

  const OsmRoad& rev = road(g, 7, 0); // oneway=-1: drawn 21→50, driven 50→21
  CHECK(rev.oneway);
  CHECK(osm_id(g, rev.from) == 50);
  CHECK(osm_id(g, rev.to) == 21);
  CHECK(rev.cls == "tertiary");
}

TEST_CASE("a disconnected graph is reported with a sample node of the small component") {
  ScratchDir dir("components");
  OsmGraph g = import_fixture(dir);
  const ComponentReport rep = GraphComponents::analyze(g);
  CHECK(rep.count == 2);
  CHECK(rep.largest_nodes == 8);
  REQUIRE(rep.others.size() == 1);
  CHECK(rep.others[0].second == 2);
  const std::string w = GraphComponents::warning(g, rep);
  CHECK_THAT(w, Catch::Contains("2 connected components"));
  CHECK_THAT(w, Catch::Contains("n_osm_30 (2)"));
  GraphComponents::keep_largest(g);
  CHECK(g.nodes.size() == 8);
  CHECK(g.roads.size() == 7);
  CHECK(GraphComponents::analyze(g).count == 1);
}

TEST_CASE("a bbox cuts ways at its edge") {
  ScratchDir dir("bbox");
  ImportOptions opt;
  std::string why;
  opt.bbox = BBox::parse("130.25,47.31,130.35,47.355", why); // drops node 1, 21, 50 and the track
  REQUIRE(opt.bbox);
  const OsmGraph g = import_fixture(dir, opt);
  std::set<int64_t> ids;
  for (const auto& n : g.nodes)
    ids.insert(n.osm_id);
  CHECK(ids == std::set<int64_t>{2, 3, 10, 12, 13, 20}); // node 2 is now the end of the motorway
  CHECK(road(g, 1, 0).length_km == Approx(kMeridian001).epsilon(1e-9));
  CHECK(g.stats.outside_bbox > 0);
  CHECK_FALSE(BBox::parse("132.6,47.0,129.6,48.4", why));
  CHECK_FALSE(BBox::parse("129.6,47.0,132.6", why));
}

TEST_CASE("a closed way becomes two roads, never a road from a node to itself") {
  ScratchDir dir("loop");
  const std::string osm = R"(<osm version="0.6">
  <node id="1" lat="47.30" lon="130.30"/><node id="2" lat="47.31" lon="130.30"/>
  <node id="3" lat="47.31" lon="130.31"/><node id="4" lat="47.30" lon="130.31"/>
  <way id="9"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/>
    <tag k="highway" v="residential"/><tag k="junction" v="roundabout"/></way>
</osm>)";
  const OsmGraph g = OsmImporter({}).run(dir.write("loop.osm", osm));
  REQUIRE(g.roads.size() == 2);
  for (const auto& r : g.roads) {
    CHECK(r.from != r.to);
    CHECK(r.oneway); // implied by junction=roundabout
  }
}

TEST_CASE("written map/1 folder loads with the simulator's loader") {
  ScratchDir dir("write");
  const OsmGraph g = import_fixture(dir);
  std::filesystem::create_directories(dir.file("out"));
  MapWriter(g, "osm_test").write(dir.file("out"));
  Diagnostics diag;
  const World w = load_world({dir.file("out/map.yaml"), "", ""}, diag);
  INFO(diag.str());
  REQUIRE_FALSE(diag.has_errors());
  CHECK(w.nodes.size() == 10);
  CHECK(w.roads.size() == 8);
  const Road* s0 = w.road("r_osm_3_0");
  REQUIRE(s0);
  CHECK(s0->name.zh == "新华路");
  CHECK(s0->name.en == "Xinhua Road");
  CHECK(s0->speed_kmh == Approx(48.3));
  CHECK(s0->length_km == Approx(1.506734).margin(1e-6));
  const Road* m = w.road("r_osm_1_0");
  REQUIRE(m);
  CHECK(m->oneway);
  CHECK(m->speed_kmh == Approx(100)); // class default
  CHECK(w.road("r_osm_2_0")->bridge);
  CHECK(w.road("r_osm_4_0")->speed_kmh == Approx(30));
  CHECK(w.node("n_osm_12"));
  CHECK(w.node("n_osm_12")->pos.lat == Approx(47.35));
  // Provenance rule: every record of the written files holds src.
  std::ifstream roads(dir.file("out/roads.yaml"));
  std::string line;
  size_t records = 0;
  while (std::getline(roads, line))
    if (line.rfind("  - {", 0) == 0) {
      ++records;
      CHECK_THAT(line, Catch::Contains("src: \"OpenStreetMap © OpenStreetMap contributors, ODbL; way "));
    }
  CHECK(records == 8);
}

TEST_CASE("broken OSM files give an error naming the file and what failed") {
  ScratchDir dir("broken");
  auto message_for = [](const std::string& path) -> std::string {
    try {
      OsmImporter({}).run(path);
    } catch (const OsmReadError& e) {
      return e.what();
    }
    return "(no error)";
  };
  const std::string truncated = dir.write("truncated.osm", std::string(kFixtureOsm).substr(0, 700));
  std::string m = message_for(truncated);
  CHECK_THAT(m, Catch::StartsWith(truncated + ": cannot read OSM data: "));
  CHECK_THAT(m, Catch::Contains("XML"));

  const std::string pbf = dir.write("garbage.osm.pbf", std::string(4000, 'x'));
  m = message_for(pbf);
  CHECK_THAT(m, Catch::StartsWith(pbf + ": cannot read OSM data: "));
  CHECK_THAT(m, Catch::Contains("PBF"));

  const std::string bz2 = dir.write("bad.osm.bz2", "not bzip2 at all");
  CHECK_THAT(message_for(bz2), Catch::StartsWith(bz2 + ": cannot read OSM data: "));

  CHECK(message_for(dir.file("missing.osm.pbf")) == dir.file("missing.osm.pbf") + ": cannot read OSM data: no such file");

  const std::string no_roads = dir.write("empty.osm", "<osm version=\"0.6\"><node id=\"1\" lat=\"47\" lon=\"130\"/></osm>");
  CHECK_THAT(message_for(no_roads), Catch::Contains("no ways with highway="));
}

TEST_CASE("the hgdrill program exits 3 on a broken file and writes a map on a good one") {
  const std::string exe = std::string(HG_BIN_DIR) + "/hgdrill";
  if (!std::filesystem::exists(exe)) {
    WARN("hgdrill not built; command-line part skipped");
    return;
  }
  ScratchDir dir("cli");
  const std::string bad = dir.write("bad.osm", "<osm version=\"0.6\"><node id=\"1\" lat=");
  const std::string cmd_bad = exe + " import-osm " + bad + " --out " + dir.file("out") + " 2>" + dir.file("err.txt");
  int rc = std::system(cmd_bad.c_str());
  CHECK(WEXITSTATUS(rc) == 3);
  std::ifstream err(dir.file("err.txt"));
  std::string text((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  CHECK_THAT(text, Catch::Contains(bad + ": cannot read OSM data"));
  CHECK_FALSE(std::filesystem::exists(dir.file("out")));

  const std::string good = dir.write("good.osm", kFixtureOsm);
  const std::string cmd = exe + " import-osm " + good + " --out " + dir.file("out") + " 2>" + dir.file("err2.txt");
  rc = std::system(cmd.c_str());
  CHECK(WEXITSTATUS(rc) == 0);
  CHECK(std::filesystem::exists(dir.file("out/map.yaml")));
  std::ifstream err2(dir.file("err2.txt"));
  std::string text2((std::istreambuf_iterator<char>(err2)), std::istreambuf_iterator<char>());
  CHECK_THAT(text2, Catch::Contains("2 connected components"));
}
