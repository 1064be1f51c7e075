/// @file
/// @brief Storage–elevation tables from a DEM read through GDAL.
#include "sim/hazards/flood/DemStorage.hpp"

#include "sim/hazards/flood/Validate.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace hg::flood {

namespace {

struct Cell {
  double elev_m;
  double area_m2;
};

/// Even-odd ray casting; the ring may be closed (last = first) or not.
bool inside_polygon(const std::vector<std::pair<double, double>>& ring, double x, double y) {
  bool inside = false;
  const size_t n = ring.size();
  for (size_t i = 0, j = n - 1; i < n; j = i++) {
    const auto [xi, yi] = ring[i];
    const auto [xj, yj] = ring[j];
    if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

struct DatasetCloser {
  void operator()(GDALDataset* ds) const { GDALClose(ds); }
};

std::vector<Cell> read_cells(const std::string& path, const DemClip& clip) {
  static std::once_flag registered;
  std::call_once(registered, [] { GDALAllRegister(); });
  std::unique_ptr<GDALDataset, DatasetCloser> ds(
      static_cast<GDALDataset*>(GDALOpen(path.c_str(), GA_ReadOnly)));
  if (!ds) throw std::runtime_error(path + ": GDAL cannot open the DEM (" + CPLGetLastErrorMsg() + ")");
  if (ds->GetRasterCount() < 1) throw std::runtime_error(path + ": the DEM has no raster band");
  double gt[6];
  if (ds->GetGeoTransform(gt) != CE_None) throw std::runtime_error(path + ": the DEM has no geotransform");
  if (gt[2] != 0 || gt[4] != 0)
    throw std::invalid_argument(path + ": rotated rasters are not supported (geotransform terms 2, 4 != 0)");
  const OGRSpatialReference* srs = ds->GetSpatialRef();
  const bool geographic = srs && srs->IsGeographic();
  GDALRasterBand* band = ds->GetRasterBand(1);
  int has_nodata = 0;
  const double nodata = band->GetNoDataValue(&has_nodata);
  const int nx = ds->GetRasterXSize();
  const int ny = ds->GetRasterYSize();
  // Memory budget, checked before allocating (docs/formats.md "Limits"): 16.8M cells (4096 x 4096).
  if (double(nx) * ny > 4096.0 * 4096.0)
    throw std::runtime_error(path + ": DEM of " + std::to_string(nx) + " x " + std::to_string(ny) +
                             " cells exceeds the budget of 4096 x 4096 cells; clip or coarsen it (gdalwarp -tr)");
  std::vector<double> z(static_cast<size_t>(nx) * ny);
  if (band->RasterIO(GF_Read, 0, 0, nx, ny, z.data(), nx, ny, GDT_Float64, 0, 0) != CE_None)
    throw std::runtime_error(path + ": cannot read band 1 (" + CPLGetLastErrorMsg() + ")");

  const double kEarthRadiusM = 6371008.8; // IUGG mean radius
  const double deg = M_PI / 180.0;
  std::vector<Cell> cells;
  for (int row = 0; row < ny; ++row) {
    const double y = gt[3] + (row + 0.5) * gt[5];
    double cell_area_m2 = std::fabs(gt[1] * gt[5]);
    if (geographic) cell_area_m2 *= kEarthRadiusM * kEarthRadiusM * deg * deg * std::cos(y * deg);
    for (int col = 0; col < nx; ++col) {
      const double x = gt[0] + (col + 0.5) * gt[1];
      const double v = z[static_cast<size_t>(row) * nx + col];
      if ((has_nodata && v == nodata) || !std::isfinite(v)) continue;
      if (clip.bbox &&
          (x < clip.bbox->min_x || x > clip.bbox->max_x || y < clip.bbox->min_y || y > clip.bbox->max_y))
        continue;
      if (clip.polygon_xy.size() >= 3 && !inside_polygon(clip.polygon_xy, x, y)) continue;
      cells.push_back({v, cell_area_m2});
    }
  }
  if (cells.empty()) throw std::invalid_argument(path + ": no valid DEM cell inside the clip polygon/box");
  return cells;
}

DemStorageTable table_from_cells(const std::vector<Cell>& cells, const std::vector<double>& levels_m) {
  if (levels_m.size() < 2)
    throw std::invalid_argument("levels_m: expected at least 2 levels (got " +
                                std::to_string(levels_m.size()) + ")");
  DemStorageTable t;
  t.cell_count = static_cast<int>(cells.size());
  t.min_elev_m = cells.front().elev_m;
  t.max_elev_m = cells.front().elev_m;
  for (const Cell& c : cells) {
    t.area_m2 += c.area_m2;
    t.min_elev_m = std::min(t.min_elev_m, c.elev_m);
    t.max_elev_m = std::max(t.max_elev_m, c.elev_m);
  }
  for (size_t i = 0; i < levels_m.size(); ++i) {
    const std::string field = "levels_m[" + std::to_string(i) + "]";
    require_finite(field, levels_m[i]);
    if (i > 0 && levels_m[i] <= levels_m[i - 1])
      throw std::invalid_argument(field + ": expected a level > " + format_number(levels_m[i - 1]) +
                                  " (got " + format_number(levels_m[i]) + ")");
    double volume_m3 = 0;
    for (const Cell& c : cells)
      if (levels_m[i] > c.elev_m) volume_m3 += (levels_m[i] - c.elev_m) * c.area_m2;
    t.points.push_back({levels_m[i], volume_m3});
  }
  // A StorageCurve needs strictly increasing volumes: keep only the last dry level below the terrain.
  size_t first_wet = 0;
  while (first_wet + 1 < t.points.size() && t.points[first_wet + 1].volume_m3 == 0)
    ++first_wet;
  t.points.erase(t.points.begin(), t.points.begin() + static_cast<std::ptrdiff_t>(first_wet));
  return t;
}

} // namespace

DemStorageTable dem_storage_table(const std::string& path, const DemClip& clip,
                                  const std::vector<double>& levels_m) {
  return table_from_cells(read_cells(path, clip), levels_m);
}

DemStorageTable dem_storage_table(const std::string& path, const DemClip& clip, int level_count,
                                  double headroom_m) {
  if (level_count < 2)
    throw std::invalid_argument("level_count: expected an integer >= 2 (got " + std::to_string(level_count) +
                                ")");
  require_non_negative("headroom_m", headroom_m, "m");
  const std::vector<Cell> cells = read_cells(path, clip);
  double lo = cells.front().elev_m;
  double hi = lo;
  for (const Cell& c : cells) {
    lo = std::min(lo, c.elev_m);
    hi = std::max(hi, c.elev_m);
  }
  hi += headroom_m;
  if (hi <= lo) hi = lo + 1.0; // flat zone, no headroom: still give a usable curve
  std::vector<double> levels;
  for (int i = 0; i < level_count; ++i)
    levels.push_back(lo + (hi - lo) * i / (level_count - 1));
  return table_from_cells(cells, levels);
}

} // namespace hg::flood
