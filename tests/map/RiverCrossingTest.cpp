// Roads and rivers: every road edge that crosses a river centre line must be a bridge or a ferry, so
// that a flood can close the crossing. The check (sim/world/RiverCrossings.hpp, run by `hgdrill
// validate` of a map) on a fixture with one plain crossing, and on the bundled Hegang map.
#include "sim/io/RiverCrossingCheck.hpp"
#include "sim/io/WorldLoader.hpp"
#include "sim/world/RiverCrossings.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>
#include <string>
#include <sys/wait.h>

namespace {

std::string src(const std::string& rel) {
  return std::string(HG_SOURCE_DIR) + "/" + rel;
}

hg::World load(const std::string& map) {
  hg::Diagnostics d;
  hg::World w = hg::load_world({map, "", ""}, d);
  INFO(d.str());
  REQUIRE_FALSE(d.has_errors());
  return w;
}

std::set<std::string> crossing_roads(const hg::World& w, const std::vector<hg::RiverCrossing>& xs) {
  std::set<std::string> ids;
  for (const auto& x : xs)
    ids.insert(w.roads[x.road].id);
  return ids;
}

} // namespace

TEST_CASE("River check: a plain road across a river is found, bridges and ferries are not", "[map][rivers]") {
  const std::string map = src("tests/map/fixtures/river_map.yaml");
  const hg::World w = load(map);
  const auto rivers = hg::load_river_lines(w.rivers_file);
  REQUIRE(rivers.size() == 1); // the Polygon feature is not a river line
  CHECK(rivers[0].name == "Testhe");
  const auto xs = hg::unbridged_river_crossings(w, rivers);
  REQUIRE(xs.size() == 1);
  CHECK(w.roads[xs[0].road].id == "r_ab_plain");
  CHECK(xs[0].river == "Testhe");
  CHECK(xs[0].at.lon == Approx(130.05));
  CHECK(xs[0].at.lat == Approx(47.0));

  // The validate warning sits at the road's own line (line 18 of the fixture) and names it.
  hg::Diagnostics d;
  CHECK(hg::check_river_crossings(map, w, d) == 1);
  CHECK(d.error_count() == 0);
  REQUIRE(d.warning_count() == 1);
  const std::string text = d.str();
  INFO(text);
  CHECK(text.find("river_map.yaml:18:") != std::string::npos);
  CHECK(text.find("road r_ab_plain (平路) crosses the Testhe (river.geojson) at 47.0000 N, 130.0500 E") !=
        std::string::npos);
}

TEST_CASE("River check: a road in an included file is reported at that file and line", "[map][rivers]") {
  const std::string map = src("tests/map/fixtures/river_split/map.yaml");
  const hg::World w = load(map);
  hg::Diagnostics d;
  CHECK(hg::check_river_crossings(map, w, d) == 1);
  const std::string text = d.str();
  INFO(text);
  CHECK(text.find("river_split/roads.yaml:4:") != std::string::npos);
  CHECK(text.find("road r_cb crosses the Testhe") != std::string::npos);
}

TEST_CASE("River check: a broken rivers file is an error naming the file", "[map][rivers]") {
  CHECK_THROWS_WITH(hg::load_river_lines(src("tests/map/fixtures/no_such_rivers.geojson")),
                    Catch::Contains("no_such_rivers.geojson: cannot open"));
  hg::World w = load(src("tests/map/fixtures/river_map.yaml"));
  w.rivers_file = src("tests/map/fixtures/river_map.yaml"); // YAML, not JSON
  hg::Diagnostics d;
  CHECK(hg::check_river_crossings(src("tests/map/fixtures/river_map.yaml"), w, d) == 0);
  CHECK(d.error_count() == 1);
  CHECK(d.str().find("not valid JSON") != std::string::npos);
}

// The bundled map used to carry G11 (市界 → 佳木斯) and old G201 (汤原 → 佳木斯) across the Songhua with no
// bridge, and five edges near 名山, 肇兴 and 金满屯 across the Natural Earth Amur line (issue 18).
TEST_CASE("River check: the bundled Hegang map crosses rivers only on bridges and ferries", "[map][rivers]") {
  const std::string map = src("scenarios/hegang/map.yaml");
  const hg::World w = load(map);
  const auto rivers = hg::load_river_lines(w.rivers_file);
  REQUIRE(rivers.size() >= 2);
  const auto xs = hg::unbridged_river_crossings(w, rivers);
  std::string list;
  for (const auto& x : xs)
    list += w.roads[x.road].id + " (" + x.river + ") ";
  INFO(list);
  CHECK(xs.empty());
  hg::Diagnostics d;
  CHECK(hg::check_river_crossings(map, w, d) == 0);
  CHECK(d.warning_count() == 0);

  // Not vacuous: with every bridge flag cleared, the check finds exactly the Songhua bridges (and the
  // ferry stays legal).
  hg::World plain = w;
  for (auto& r : plain.roads)
    r.bridge = false;
  const auto ids = crossing_roads(plain, hg::unbridged_river_crossings(plain, rivers));
  CHECK(ids == std::set<std::string>{"r_fusui_bridge", "r_g11_songhua_bridge", "r_g201_songhua_bridge"});
}

TEST_CASE("hgdrill validate warns about an unbridged river crossing in a map", "[map][rivers][cli]") {
  const std::string cmd =
      std::string(HG_BIN_DIR) + "/hgdrill validate " + src("tests/map/fixtures/river_map.yaml") + " 2>&1";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0)
    out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  INFO(out);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0); // a warning, not an error
  CHECK(out.find("river_map.yaml:18:") != std::string::npos);
  CHECK(out.find("warning") != std::string::npos);
  CHECK(out.find("r_ab_plain") != std::string::npos);
}
