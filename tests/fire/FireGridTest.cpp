// Fuel and elevation rasters through GDAL: GeoTIFF round trip, the bundled Hegang rasters, errors.
#include "sim/hazards/fire/FireGrid.hpp"

#include <catch2/catch.hpp>
#include <ogr_spatialref.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace hg::fire;

namespace {
std::string utm52n_wkt() {
  OGRSpatialReference srs;
  srs.importFromEPSG(32652);
  char* wkt = nullptr;
  srs.exportToWkt(&wkt);
  std::string s = wkt;
  CPLFree(wkt);
  return s;
}
const std::string kDir = std::string(HG_SOURCE_DIR) + "/scenarios/fire/";
} // namespace

TEST_CASE("grid: GeoTIFF round trip keeps codes, elevations and georeference", "[fire][grid]") {
  FireGrid g = FireGrid::uniform(40, 30, 100, 9, 0);
  g.set_georeference(utm52n_wkt(), 620000, 5330000);
  for (size_t i = 0; i < g.size(); ++i) {
    g.set_fuel(i, static_cast<int>(i % 13) + 1);
    g.set_elevation(i, 100.0 + 0.5 * static_cast<double>(i));
  }
  g.set_fuel(g.index(3, 4), 98);
  const auto dir = std::filesystem::temp_directory_path() / "hg_fire_grid_test";
  std::filesystem::create_directories(dir);
  const std::string fuel = (dir / "fuel.tif").string(), dem = (dir / "dem.tif").string();
  g.write_geotiff(fuel, dem);
  const FireGrid r = FireGrid::read_geotiff(fuel, dem);
  REQUIRE(r.nx() == 40);
  REQUIRE(r.ny() == 30);
  CHECK(r.cell_m() == 100);
  CHECK(r.georeferenced());
  for (size_t i = 0; i < g.size(); ++i) {
    REQUIRE(r.fuel(i) == g.fuel(i));
    REQUIRE(r.elevation_m(i) == Approx(g.elevation_m(i)));
  }
  CHECK(r.geotransform()[0] == 620000);
  CHECK(r.geotransform()[3] == 5330000);
  // A cell centre goes to lat/lon and back to the same cell.
  const Cell c{17, 11};
  const auto [lat, lon] = r.cell_center_latlon(c);
  CHECK(lat == Approx(48.1).margin(0.2)); // UTM 52N northing 5.33e6 m is near 48° N
  const auto back = r.cell_at_latlon(lat, lon);
  REQUIRE(back);
  CHECK(back->col == 17);
  CHECK(back->row == 11);
  CHECK_FALSE(r.cell_at_latlon(0, 0));
  std::filesystem::remove_all(dir);
}

TEST_CASE("grid: the bundled Taipinggou rasters", "[fire][grid]") {
  const FireGrid g = FireGrid::read_geotiff(kDir + "taipinggou-fuel.tif", kDir + "taipinggou-dem.tif");
  CHECK(g.cell_m() == 100);
  CHECK(g.nx() > 200);
  CHECK(g.ny() > 200);
  // 金满屯林场 (48.0141 N, 130.7256 E, [V] via hegang-places.csv) is a developed (91) cell; the Amur
  // centre line near 太平沟 (48.1277 N, 130.7121 E, Natural Earth) is water (98).
  const auto farm = g.cell_at_latlon(48.0141, 130.72556);
  REQUIRE(farm);
  CHECK(g.fuel(g.index(farm->col, farm->row)) == 91);
  const auto river = g.cell_at_latlon(48.1277, 130.7121);
  REQUIRE(river);
  CHECK(g.fuel(g.index(river->col, river->row)) == 98);
  // Terrain: the generator's bank level is 85 m and the ridges stay below 600 m.
  double lo = 1e9, hi = -1e9;
  for (size_t i = 0; i < g.size(); ++i) {
    lo = std::min(lo, g.elevation_m(i));
    hi = std::max(hi, g.elevation_m(i));
  }
  CHECK(lo >= 79);
  CHECK(hi <= 600);
}

TEST_CASE("grid: unreadable or unsuitable rasters are errors naming the file", "[fire][grid]") {
  CHECK_THROWS_WITH(FireGrid::read_geotiff("/nonexistent/fuel.tif", ""),
                    Catch::Contains("/nonexistent/fuel.tif"));
  // A raster in geographic degrees is refused (the stencil needs square metric cells).
  const auto dir = std::filesystem::temp_directory_path() / "hg_fire_grid_geo";
  std::filesystem::create_directories(dir);
  FireGrid g = FireGrid::uniform(5, 5, 0.001, 1);
  OGRSpatialReference wgs;
  wgs.SetWellKnownGeogCS("WGS84");
  char* wkt = nullptr;
  wgs.exportToWkt(&wkt);
  g.set_georeference(wkt, 130.5, 48.1);
  CPLFree(wkt);
  const std::string path = (dir / "geo.tif").string();
  g.write_geotiff(path, "");
  CHECK_THROWS_WITH(FireGrid::read_geotiff(path, ""), Catch::Contains("projected CRS"));
  std::filesystem::remove_all(dir);
}
