/// @file
/// @brief Fuel/elevation rasters through GDAL, and Horn (1981) slope and aspect.
#include "sim/hazards/fire/FireGrid.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace hg::fire {

namespace {

constexpr double kPi = 3.14159265358979323846;

struct DatasetCloser {
  void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<GDALDataset, DatasetCloser>;

void register_gdal() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

Dataset open(const std::string& path) {
  register_gdal();
  Dataset ds(static_cast<GDALDataset*>(GDALOpen(path.c_str(), GA_ReadOnly)));
  if (!ds) throw std::runtime_error(path + ": GDAL cannot open the raster (" + CPLGetLastErrorMsg() + ")");
  if (ds->GetRasterCount() < 1) throw std::runtime_error(path + ": the raster has no band");
  return ds;
}

} // namespace

struct GridTransforms {
  std::unique_ptr<OGRCoordinateTransformation> to_grid;
  std::unique_ptr<OGRCoordinateTransformation> to_wgs84;
};

namespace {

std::shared_ptr<GridTransforms> make_transforms(const std::string& wkt) {
  auto t = std::make_shared<GridTransforms>();
  if (wkt.empty()) return t;
  OGRSpatialReference grid, wgs;
  if (grid.importFromWkt(wkt.c_str()) != OGRERR_NONE) return t;
  wgs.SetWellKnownGeogCS("WGS84");
  wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  grid.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  t->to_grid.reset(OGRCreateCoordinateTransformation(&wgs, &grid));
  t->to_wgs84.reset(OGRCreateCoordinateTransformation(&grid, &wgs));
  return t;
}

} // namespace

FireGrid FireGrid::uniform(int nx, int ny, double cell_m, int fuel_code, double elev_m) {
  if (nx <= 0 || ny <= 0 || !(cell_m > 0)) throw std::invalid_argument("grid: expected nx, ny, cell_m > 0");
  FireGrid g;
  g.nx_ = nx;
  g.ny_ = ny;
  g.cell_m_ = cell_m;
  g.gt_[0] = 0;
  g.gt_[1] = cell_m;
  g.gt_[3] = ny * cell_m;
  g.gt_[5] = -cell_m;
  const size_t n = static_cast<size_t>(nx) * ny;
  g.fuel_.assign(n, static_cast<uint8_t>(fuel_code));
  g.elev_m_.assign(n, static_cast<float>(elev_m));
  g.compute_terrain();
  return g;
}

const GridTransforms* FireGrid::transforms() const {
  if (!transforms_) transforms_ = make_transforms(wkt_);
  return transforms_.get();
}

void FireGrid::set_georeference(const std::string& wkt, double west_x, double north_y) {
  transforms_.reset();
  wkt_ = wkt;
  gt_[0] = west_x;
  gt_[3] = north_y;
}

FireGrid FireGrid::read_geotiff(const std::string& fuel_path, const std::string& elev_path) {
  Dataset ds = open(fuel_path);
  FireGrid g;
  if (ds->GetGeoTransform(g.gt_) != CE_None)
    throw std::runtime_error(fuel_path + ": the raster has no geotransform");
  if (g.gt_[2] != 0 || g.gt_[4] != 0)
    throw std::runtime_error(fuel_path +
                             ": rotated rasters are not supported (geotransform terms 2, 4 != 0)");
  if (std::fabs(std::fabs(g.gt_[1]) - std::fabs(g.gt_[5])) > 1e-6 * std::fabs(g.gt_[1]))
    throw std::runtime_error(fuel_path + ": cells must be square (got " + std::to_string(g.gt_[1]) + " x " +
                             std::to_string(-g.gt_[5]) + ")");
  if (g.gt_[1] <= 0 || g.gt_[5] >= 0) throw std::runtime_error(fuel_path + ": expected a north-up raster");
  const OGRSpatialReference* srs = ds->GetSpatialRef();
  if (!srs || !srs->IsProjected())
    throw std::runtime_error(fuel_path +
                             ": expected a projected CRS in metres (e.g. UTM), not geographic degrees");
  char* wkt = nullptr;
  srs->exportToWkt(&wkt);
  g.wkt_ = wkt ? wkt : "";
  CPLFree(wkt);
  g.nx_ = ds->GetRasterXSize();
  g.ny_ = ds->GetRasterYSize();
  // Memory budget, checked before allocating (docs/formats.md "Limits"): the spread model keeps about
  // 30 bytes per cell, so 16.8M cells (4096 x 4096) stay near 500 MB.
  constexpr double kMaxCells = 4096.0 * 4096.0;
  if (double(g.nx_) * g.ny_ > kMaxCells)
    throw std::runtime_error(fuel_path + ": raster of " + std::to_string(g.nx_) + " x " + std::to_string(g.ny_) +
                             " cells exceeds the budget of 4096 x 4096 cells; clip or coarsen it (gdalwarp -tr)");
  g.cell_m_ = g.gt_[1] * srs->GetLinearUnits();
  const size_t n = static_cast<size_t>(g.nx_) * g.ny_;
  std::vector<int32_t> codes(n);
  if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, g.nx_, g.ny_, codes.data(), g.nx_, g.ny_, GDT_Int32, 0,
                                     0) != CE_None)
    throw std::runtime_error(fuel_path + ": cannot read band 1 (" + CPLGetLastErrorMsg() + ")");
  g.fuel_.resize(n);
  for (size_t i = 0; i < n; ++i)
    g.fuel_[i] = static_cast<uint8_t>(codes[i] < 0 || codes[i] > 255 ? 0 : codes[i]);
  g.elev_m_.assign(n, 0.0f);
  if (!elev_path.empty()) {
    Dataset de = open(elev_path);
    double gt[6];
    if (de->GetRasterXSize() != g.nx_ || de->GetRasterYSize() != g.ny_ ||
        de->GetGeoTransform(gt) != CE_None || std::fabs(gt[0] - g.gt_[0]) > 1e-3 ||
        std::fabs(gt[3] - g.gt_[3]) > 1e-3 || std::fabs(gt[1] - g.gt_[1]) > 1e-6)
      throw std::runtime_error(elev_path +
                               ": the elevation raster must have the fuel raster's size, origin and cells");
    if (de->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, g.nx_, g.ny_, g.elev_m_.data(), g.nx_, g.ny_,
                                       GDT_Float32, 0, 0) != CE_None)
      throw std::runtime_error(elev_path + ": cannot read band 1 (" + CPLGetLastErrorMsg() + ")");
  }
  g.compute_terrain();
  return g;
}

void FireGrid::write_geotiff(const std::string& fuel_path, const std::string& elev_path) const {
  register_gdal();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
  if (!drv) throw std::runtime_error("GDAL has no GTiff driver");
  char** opts = CSLSetNameValue(nullptr, "COMPRESS", "DEFLATE");
  auto write = [&](const std::string& path, GDALDataType type, void* data) {
    Dataset ds(drv->Create(path.c_str(), nx_, ny_, 1, type, opts));
    if (!ds) throw std::runtime_error(path + ": GDAL cannot create the file (" + CPLGetLastErrorMsg() + ")");
    double gt[6];
    std::copy(gt_, gt_ + 6, gt);
    ds->SetGeoTransform(gt);
    if (!wkt_.empty()) ds->SetProjection(wkt_.c_str());
    if (ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, nx_, ny_, data, nx_, ny_, type, 0, 0) != CE_None)
      throw std::runtime_error(path + ": cannot write band 1 (" + CPLGetLastErrorMsg() + ")");
  };
  std::vector<uint8_t> f = fuel_;
  std::vector<float> z = elev_m_;
  write(fuel_path, GDT_Byte, f.data());
  if (!elev_path.empty()) write(elev_path, GDT_Float32, z.data());
  CSLDestroy(opts);
}

void FireGrid::compute_terrain() {
  const size_t n = fuel_.size();
  slope_pct_.assign(n, 0.0f);
  aspect_deg_.assign(n, 0.0f);
  auto z = [&](int c, int r) {
    c = std::min(std::max(c, 0), nx_ - 1);
    r = std::min(std::max(r, 0), ny_ - 1);
    return static_cast<double>(elev_m_[index(c, r)]);
  };
  for (int r = 0; r < ny_; ++r)
    for (int c = 0; c < nx_; ++c) {
      // Horn (1981): weighted third-order finite differences; x east, y north.
      const double a = z(c - 1, r - 1), b = z(c, r - 1), cc = z(c + 1, r - 1);
      const double d = z(c - 1, r), f = z(c + 1, r);
      const double g = z(c - 1, r + 1), h = z(c, r + 1), i = z(c + 1, r + 1);
      const double dz_dx = ((cc + 2 * f + i) - (a + 2 * d + g)) / (8 * cell_m_);
      const double dz_dy = ((a + 2 * b + cc) - (g + 2 * h + i)) / (8 * cell_m_); // north minus south
      const double s = std::sqrt(dz_dx * dz_dx + dz_dy * dz_dy);
      slope_pct_[index(c, r)] = static_cast<float>(100 * s);
      if (s > 1e-9) {
        // Downhill direction is −∇z; azimuth clockwise from north.
        double az = std::atan2(-dz_dx, -dz_dy) * 180 / kPi;
        if (az < 0) az += 360;
        aspect_deg_[index(c, r)] = static_cast<float>(az);
      }
    }
}

std::pair<double, double> FireGrid::cell_center_xy(Cell c) const {
  return {gt_[0] + (c.col + 0.5) * gt_[1], gt_[3] + (c.row + 0.5) * gt_[5]};
}

std::optional<Cell> FireGrid::cell_at_xy(double x, double y) const {
  const int col = static_cast<int>(std::floor((x - gt_[0]) / gt_[1]));
  const int row = static_cast<int>(std::floor((y - gt_[3]) / gt_[5]));
  if (!inside(col, row)) return std::nullopt;
  return Cell{col, row};
}

std::optional<Cell> FireGrid::cell_at_latlon(double lat, double lon) const {
  const GridTransforms* t = transforms();
  if (!t->to_grid) return std::nullopt;
  double x = lon, y = lat;
  if (!t->to_grid->Transform(1, &x, &y)) return std::nullopt;
  return cell_at_xy(x, y);
}

std::pair<double, double> FireGrid::cell_center_latlon(Cell c) const {
  auto [x, y] = cell_center_xy(c);
  const GridTransforms* t = transforms();
  if (!t->to_wgs84) return {0, 0};
  t->to_wgs84->Transform(1, &x, &y);
  return {y, x};
}

} // namespace hg::fire
