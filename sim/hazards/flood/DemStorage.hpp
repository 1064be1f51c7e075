#pragma once
/// @file
/// @brief Builds a zone's storage–elevation table from a DEM (GeoTIFF or any GDAL raster): for each
/// water level h, V(h) = Σ over cells inside the zone of max(0, h − z_cell) × cell area. This is the
/// level-pool assumption (one flat water surface), which suits polders behind a levee.
#include "sim/hazards/flood/StorageCurve.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hg::flood {

/// @brief An axis-aligned box in the raster's coordinate system.
struct BoundingBox {
  double min_x = 0;
  double min_y = 0;
  double max_x = 0;
  double max_y = 0;
};

/// @brief Which cells belong to the zone: those whose centre is inside the polygon (one ring, in the
/// raster's CRS, closed or not) and inside the box. Either may be omitted; both omitted = whole raster.
struct DemClip {
  std::vector<std::pair<double, double>> polygon_xy;
  std::optional<BoundingBox> bbox;
};

/// @brief What was read, for logs and sanity checks.
struct DemStorageTable {
  std::vector<StoragePoint> points; ///< ready for StorageCurve
  int cell_count = 0;               ///< valid (non-nodata) cells inside the clip
  double area_m2 = 0;               ///< their total plan area
  double min_elev_m = 0;
  double max_elev_m = 0;
};

/// @brief Reads band 1 of `path` through GDAL (honouring its nodata value) and computes V(h) at each
/// of `levels_m` (strictly increasing). Cell area comes from the geotransform; for a geographic CRS
/// (degrees) it is converted per row with the cell's latitude (spherical Earth, R = 6 371 km).
/// Throws std::runtime_error if GDAL cannot open the file, std::invalid_argument for a rotated raster,
/// bad levels ("levels_m[2]: …") or a clip that holds no valid cell.
DemStorageTable dem_storage_table(const std::string& path, const DemClip& clip,
                                  const std::vector<double>& levels_m);

/// @brief As above with `level_count` (>= 2) levels evenly spaced from the lowest cell to the highest
/// cell plus `headroom_m` (water can rise above the highest ground of the zone).
DemStorageTable dem_storage_table(const std::string& path, const DemClip& clip, int level_count = 50,
                                  double headroom_m = 2.0);

} // namespace hg::flood
