/// @file
/// @brief GeoJSON export of a tiny map and scenario: valid JSON, RFC 7946 lon/lat order, one feature
/// per item with its layer and properties.
#include "TinyMap.hpp"

#include "sim/osm/GeoJsonExporter.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace hg::osm;
using hg::osm::test::ScratchDir;
using json = nlohmann::json;

namespace {
std::map<std::string, std::vector<json>> by_layer(const json& fc) {
  std::map<std::string, std::vector<json>> out;
  for (const auto& f : fc["features"])
    out[f["properties"]["layer"].get<std::string>()].push_back(f);
  return out;
}
} // namespace

TEST_CASE("export geojson of a map") {
  ScratchDir dir("export_map");
  const std::string map = test::write_tiny_map(dir);
  std::vector<std::string> warnings;
  const json built = GeoJsonExporter(MapSource(map)).build(warnings);
  // Round trip through text, as QGIS reads it.
  const json fc = json::parse(built.dump());
  CHECK(fc["type"] == "FeatureCollection");
  auto layers = by_layer(fc);
  CHECK(layers["districts"].size() == 1);
  CHECK(layers["rivers"].size() == 1);
  CHECK(layers["roads"].size() == 1);
  CHECK(layers["nodes"].size() == 2);
  CHECK(layers["zones"].size() == 1);
  CHECK(layers["facilities"].size() == 2);
  CHECK(layers.count("units") == 0);
  CHECK(fc["features"].size() == 8);

  const json& d = layers["districts"][0];
  CHECK(d["geometry"]["type"] == "Polygon");
  CHECK(d["properties"]["name_en"] == "Xiangyang");
  CHECK(d["properties"]["population_2020"] == 72867);
  CHECK(d["properties"]["src"] == "[WP-de] 2020 census");

  const json& r = layers["roads"][0];
  CHECK(r["geometry"]["type"] == "LineString");
  CHECK(r["geometry"]["coordinates"] == json::parse("[[130.3,47.3],[130.3,47.35]]")); // lon first
  const json& rp = r["properties"];
  CHECK(rp["id"] == "r_ab");
  CHECK(rp["zh"] == "甲乙路");
  CHECK(rp["en"] == "A-B Road");
  CHECK(rp["class"] == "urban");
  CHECK(rp["length_km"] == 6.2);
  CHECK(rp["speed_kmh"] == 30);
  CHECK(rp["bridge"] == true);
  CHECK(rp["oneway"] == false);
  CHECK(rp["src"] == "estimated: test");

  const json& z = layers["zones"][0];
  CHECK(z["properties"]["kind"] == "urban");
  CHECK(z["properties"]["population"] == 18000);
  CHECK(z["geometry"]["coordinates"] == json::parse("[130.3,47.3]"));

  for (const auto& f : layers["facilities"])
    if (f["properties"]["id"] == "f_hosp") {
      CHECK(f["geometry"]["coordinates"] == json::parse("[130.3001,47.3501]"));
      CHECK(f["properties"]["kind"] == "hospital");
      CHECK(f["properties"]["quality"] == "proxy");
      CHECK(f["properties"]["beds"] == 100);
      CHECK(f["properties"]["src"] == "test hospital");
    }
}

TEST_CASE("export geojson of a scenario adds units and posts") {
  ScratchDir dir("export_scenario");
  test::write_tiny_map(dir);
  std::vector<std::string> warnings;
  const MapSource src(dir.file("scenario.yaml"));
  CHECK(src.is_scenario());
  auto layers = by_layer(GeoJsonExporter(src).build(warnings));
  REQUIRE(layers["units"].size() == 1);
  CHECK(layers["units"][0]["properties"]["base"] == "f_hosp");
  CHECK(layers["units"][0]["geometry"]["coordinates"] == json::parse("[130.3001,47.3501]"));
  REQUIRE(layers["posts"].size() == 1);
  CHECK(layers["posts"][0]["properties"]["level"] == "city");
  CHECK(layers["roads"].size() == 1);
}

TEST_CASE("export refuses a file that is neither a map nor a scenario") {
  ScratchDir dir("export_bad");
  const std::string f = dir.write("units.yaml", "hgdrill: resources/1\nunits: []\n");
  CHECK_THROWS_AS(MapSource(f), hg::InputError);
  const std::string m = dir.write("broken.yaml", "hgdrill: map/1\nid: x\nnodes:\n  - {id: n_a, lat: 95, lon: 130, src: t}\n");
  std::vector<std::string> warnings;
  CHECK_THROWS_AS(GeoJsonExporter(MapSource(m)).build(warnings), hg::InputError);
}
