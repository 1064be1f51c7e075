// Storage curves from a DEM: the test writes a small GeoTIFF with GDAL's GTiff driver and compares the
// volumes with sums done by hand.
#include "sim/hazards/flood/DemStorage.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

using namespace hg::flood;

namespace {

constexpr double kX0 = 500000.0; // UTM 52N (Hegang), top-left corner
constexpr double kY0 = 5250000.0;
constexpr double kCell = 10.0; // m, so a cell is 100 m2

/// 10 × 10 plane tilted along x: z = 100 + 0.1 col (m). Float64 so that the hand sums are exact.
std::string write_tilted_plane(const std::string& name, bool with_nodata_corner) {
  GDALAllRegister();
  const std::string path =
      (std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()) + ".tif")).string();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
  REQUIRE(driver != nullptr);
  GDALDataset* ds = driver->Create(path.c_str(), 10, 10, 1, GDT_Float64, nullptr);
  REQUIRE(ds != nullptr);
  double gt[6] = {kX0, kCell, 0.0, kY0, 0.0, -kCell};
  ds->SetGeoTransform(gt);
  OGRSpatialReference srs;
  srs.importFromEPSG(32652);
  ds->SetSpatialRef(&srs);
  std::vector<double> z(100);
  for (int row = 0; row < 10; ++row)
    for (int col = 0; col < 10; ++col)
      z[row * 10 + col] = 100.0 + 0.1 * col;
  GDALRasterBand* band = ds->GetRasterBand(1);
  if (with_nodata_corner) {
    band->SetNoDataValue(-9999.0);
    z[0] = -9999.0;
  }
  REQUIRE(band->RasterIO(GF_Write, 0, 0, 10, 10, z.data(), 10, 10, GDT_Float64, 0, 0) == CE_None);
  GDALClose(ds);
  return path;
}

double volume_at(const DemStorageTable& t, double level_m) {
  for (const StoragePoint& p : t.points)
    if (std::abs(p.level_m - level_m) < 1e-9) return p.volume_m3;
  FAIL("level " << level_m << " not in the table");
  return -1;
}

} // namespace

TEST_CASE("DEM storage: whole tilted plane against hand sums", "[flood][dem]") {
  const std::string path = write_tilted_plane("hg_flood_plane", false);
  const DemStorageTable t = dem_storage_table(path, DemClip{}, {99.0, 100.0, 100.5, 101.0});
  CHECK(t.cell_count == 100);
  CHECK(t.area_m2 == Approx(10000.0));
  CHECK(t.min_elev_m == Approx(100.0));
  CHECK(t.max_elev_m == Approx(100.9));
  // 100.5 m: in each row cols 0–4 are wet by 0.5+0.4+0.3+0.2+0.1 = 1.5 m → 1.5 × 10 rows × 100 m2.
  CHECK(volume_at(t, 100.5) == Approx(1500.0).epsilon(1e-9));
  // 101.0 m: every col wet, 1.0+0.9+…+0.1 = 5.5 m per row → 5500 m3.
  CHECK(volume_at(t, 101.0) == Approx(5500.0).epsilon(1e-9));
  // Only the last dry level is kept, so the curve starts at 100.0 m with 0 m3.
  REQUIRE(t.points.front().level_m == Approx(100.0));
  CHECK(t.points.front().volume_m3 == 0.0);
  const StorageCurve curve(t.points);
  CHECK(curve.level_m(1500.0) == Approx(100.5));
  std::filesystem::remove(path);
}

TEST_CASE("DEM storage: clip by box and by polygon, nodata skipped", "[flood][dem]") {
  const std::string path = write_tilted_plane("hg_flood_plane_nodata", true);
  // Nodata at (row 0, col 0): 101 m loses that cell's 1.0 m × 100 m2.
  CHECK(volume_at(dem_storage_table(path, DemClip{}, {100.0, 101.0}), 101.0) == Approx(5400.0));
  // Box over cols 0–4, rows 5–9 (cell centres inside): 1.0+0.9+0.8+0.7+0.6 = 4.0 m × 5 rows × 100 m2.
  DemClip box;
  box.bbox = BoundingBox{kX0, kY0 - 100.0, kX0 + 50.0, kY0 - 50.0};
  const DemStorageTable tb = dem_storage_table(path, box, {100.0, 101.0});
  CHECK(tb.cell_count == 25);
  CHECK(volume_at(tb, 101.0) == Approx(2000.0));
  // Polygon over cols 0–1, all rows (nodata corner excluded): (1.0 + 0.9) × 10 − 1.0 = 18.0 m × 100 m2.
  DemClip poly;
  poly.polygon_xy = {{kX0, kY0}, {kX0 + 20.0, kY0}, {kX0 + 20.0, kY0 - 100.0}, {kX0, kY0 - 100.0}};
  const DemStorageTable tp = dem_storage_table(path, poly, {100.0, 101.0});
  CHECK(tp.cell_count == 19);
  CHECK(volume_at(tp, 101.0) == Approx(1800.0));
  // Automatic levels: lowest cell to highest + headroom, increasing volumes.
  const DemStorageTable ta = dem_storage_table(path, DemClip{}, 11, 1.0);
  CHECK(ta.points.front().level_m == Approx(100.0));
  CHECK(ta.points.back().level_m == Approx(101.9));
  CHECK_NOTHROW(StorageCurve(ta.points));
  std::filesystem::remove(path);
}

TEST_CASE("DEM storage: errors", "[flood][dem]") {
  CPLPushErrorHandler(CPLQuietErrorHandler); // the missing file is expected; keep GDAL's own message quiet
  CHECK_THROWS_AS(dem_storage_table("/nonexistent/dem.tif", DemClip{}, {1.0, 2.0}), std::runtime_error);
  CPLPopErrorHandler();
  const std::string path = write_tilted_plane("hg_flood_plane_err", false);
  CHECK_THROWS_WITH(dem_storage_table(path, DemClip{}, {101.0, 100.0}), Catch::StartsWith("levels_m[1]:"));
  DemClip outside;
  outside.bbox = BoundingBox{0, 0, 1, 1};
  CHECK_THROWS_WITH(dem_storage_table(path, outside, {100.0, 101.0}), Catch::Contains("no valid DEM cell"));
  std::filesystem::remove(path);
}

// Hardening (issue 12): a raster larger than the 4096 x 4096-cell budget is refused from its header,
// before anything is allocated. The file is sparse (no block written), so it costs no disk.
TEST_CASE("DEM storage: a raster past the cell budget is refused before reading", "[flood][dem][limits]") {
  GDALAllRegister();
  const std::string path =
      (std::filesystem::temp_directory_path() / ("hg_dem_huge_" + std::to_string(::getpid()) + ".tif")).string();
  char** opts = CSLSetNameValue(nullptr, "SPARSE_OK", "TRUE");
  GDALDataset* ds = GetGDALDriverManager()->GetDriverByName("GTiff")->Create(path.c_str(), 5000, 4000, 1,
                                                                            GDT_Float64, opts);
  CSLDestroy(opts);
  REQUIRE(ds != nullptr);
  double gt[6] = {kX0, kCell, 0.0, kY0, 0.0, -kCell};
  ds->SetGeoTransform(gt);
  GDALClose(ds);
  // 5000 x 4000 = 20M cells > 4096 x 4096 = 16.8M.
  CHECK_THROWS_WITH(dem_storage_table(path, DemClip{}, {100.0, 101.0}),
                    Catch::Contains("5000 x 4000 cells exceeds the budget of 4096 x 4096 cells"));
  std::filesystem::remove(path);
}
