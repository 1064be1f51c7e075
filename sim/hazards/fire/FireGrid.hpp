#pragma once
/// @file
/// @brief The landscape a fire grows on: a north-up raster of fuel codes (Anderson 1–13, or the
/// non-burnable codes 91/92/93/98/99 of Scott & Burgan 2005) and elevations, with slope and aspect
/// derived by Horn's (1981) 3×3 method, read from and written to GeoTIFF through GDAL. Cells are square
/// and in metres (a projected CRS, e.g. UTM 52N for Hegang); geographic rasters are rejected because the
/// spread stencil needs equal cell sides.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hg::fire {

struct GridTransforms; ///< WGS84 ↔ grid CRS (GDAL), defined in FireGrid.cpp

/// @brief A column/row pair; row 0 is the northern edge.
struct Cell {
  int col = 0;
  int row = 0;
};

class FireGrid {
public:
  FireGrid() = default;
  /// @brief A uniform grid without georeference (tests, benchmarks): every cell has `fuel_code`.
  static FireGrid uniform(int nx, int ny, double cell_m, int fuel_code, double elev_m = 0);
  /// @brief Reads band 1 of a fuel GeoTIFF and, if `elev_path` is not empty, band 1 of an elevation
  /// GeoTIFF on the same grid. Throws std::runtime_error (with the path) if a file cannot be read, has no
  /// projected CRS, is rotated, has non-square cells, or the two rasters differ in size or origin.
  static FireGrid read_geotiff(const std::string& fuel_path, const std::string& elev_path);
  /// @brief Writes the fuel (Byte) and, if `elev_path` is not empty, the elevation (Float32) as GeoTIFF.
  void write_geotiff(const std::string& fuel_path, const std::string& elev_path) const;

  int nx() const { return nx_; }
  int ny() const { return ny_; }
  double cell_m() const { return cell_m_; }
  size_t size() const { return fuel_.size(); }
  size_t index(int col, int row) const { return static_cast<size_t>(row) * nx_ + col; }
  Cell cell(size_t idx) const { return {static_cast<int>(idx % nx_), static_cast<int>(idx / nx_)}; }
  bool inside(int col, int row) const { return col >= 0 && row >= 0 && col < nx_ && row < ny_; }

  int fuel(size_t idx) const { return fuel_[idx]; }
  void set_fuel(size_t idx, int code) { fuel_[idx] = static_cast<uint8_t>(code); }
  double elevation_m(size_t idx) const { return elev_m_[idx]; }
  void set_elevation(size_t idx, double z) { elev_m_[idx] = static_cast<float>(z); }
  /// @brief Slope in percent (rise/run × 100) and aspect (azimuth the slope faces, downhill, degrees
  /// clockwise from north; 0 on flat ground), after compute_terrain().
  double slope_pct(size_t idx) const { return slope_pct_[idx]; }
  double aspect_deg(size_t idx) const { return aspect_deg_[idx]; }
  /// @brief Horn (1981) slope and aspect from the elevations (edges use the nearest inside cell).
  void compute_terrain();

  /// @brief Map coordinates (raster CRS, metres) of a cell centre, and the cell holding a point.
  std::pair<double, double> cell_center_xy(Cell c) const;
  std::optional<Cell> cell_at_xy(double x, double y) const;
  /// @brief WGS84 latitude/longitude ↔ cell (needs a CRS; nullopt outside the grid or without CRS).
  std::optional<Cell> cell_at_latlon(double lat, double lon) const;
  std::pair<double, double> cell_center_latlon(Cell c) const;
  bool georeferenced() const { return !wkt_.empty(); }
  const std::string& crs_wkt() const { return wkt_; }
  /// @brief Geotransform (GDAL order); origin (0, 0) and cell_m for uniform grids.
  const double* geotransform() const { return gt_; }
  /// @brief Sets the CRS and origin of the north-west corner (for grids built in memory).
  void set_georeference(const std::string& wkt, double west_x, double north_y);

private:
  int nx_ = 0;
  int ny_ = 0;
  double cell_m_ = 0;
  double gt_[6] = {0, 1, 0, 0, 0, -1};
  std::string wkt_;
  std::vector<uint8_t> fuel_;
  std::vector<float> elev_m_;
  std::vector<float> slope_pct_;
  std::vector<float> aspect_deg_;
  mutable std::shared_ptr<GridTransforms> transforms_; ///< built on first use
  const GridTransforms* transforms() const;
};

} // namespace hg::fire
