#!/usr/bin/env python3
"""Builds the bundled fuel and elevation rasters of the Taipinggou / Jinmantun forests (萝北县 太平沟,
金满屯, 大马河 forest farms on the Amur) as GeoTIFF for the forest-fire model.

EVERY NUMBER HERE IS AN ESTIMATE. No fuel map or DEM of Hegang is bundled with the project, so this
script draws a plausible landscape from what is sourced (docs/models/fire.md §9, hegang-reference.md):
  - forest farm and township positions: Vonng/adcode (CC BY 4.0) via hegang-places.csv, GCJ-02 -> WGS84
    (reference §1.3; the same coordinates as scenarios/hegang/nodes.yaml);
  - the Amur centre line: Natural Earth 1:50m river centre line points (reference §3.1) -- coarse (km);
  - Lesser Khingan forests, 70 % natural, on hills up to ~1000 m (reference §4.4); the 太平沟 reserve is
    bounded W/N by the ridge with 鹤北局 and E by the Amur (reference §4.4).
Rules (estimated, chosen to be explainable, not measured):
  - elevation: river bank 85 m a.s.l. rising to ~600 m on the western ridges (Amur stage ~80-90 m at
    Taipinggou is consistent with the Songhua/Amur gauge levels used in scenarios/hegang), plus
    deterministic ridges and valleys (sums of sines): the relief of low mountains, not real terrain;
  - fuel (Anderson 1982 numbers; spring, before green-up):
      98 open water within 500 m of the Amur centre line; 0 (no data, does not burn) beyond it (Russia);
      91 developed within 400 m of a forest farm or township point;
      93 farmland on valley floors (< 140 m) within 2.5 km of a settlement (burns as stubble in spring
         only if the scenario says so);
       3 tall grass (wet meadow, 小叶章 reed-grass) on valley floors < 120 m elsewhere;
       2 grass with open timber on warm (S/W) slopes below 250 m;
       9 hardwood (birch/oak/poplar) leaf litter on most slopes;
       8 closed conifer (Korean pine, spruce/fir, larch) litter on cold (N/E) slopes above 300 m;
       6 dormant brush/young stands on 12 % of cells chosen by a fixed hash (cut-overs, regrowth).
  - grid: UTM zone 52N (EPSG:32652), 100 m cells, lat 47.88-48.20 N, lon 130.50-130.90 E.
Deterministic: no random numbers, only closed-form functions of the cell position.

Run from the repository root (needs Debian python3-gdal and python3-numpy; a developer tool only, the
C++ reads the result):
    /usr/bin/python3 scenarios/fire/tools/build_rasters.py   (the Debian interpreter, where python3-gdal lives)
"""
import math
import os

import numpy as np
from osgeo import gdal, osr

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CELL_M = 100.0
LAT0, LAT1, LON0, LON1 = 47.88, 48.20, 130.50, 130.90

# Amur centre line (Natural Earth 1:50m), lat, lon -- reference §3.1.
AMUR = [(48.3415, 130.8042), (48.2546, 130.7872), (48.1277, 130.7121), (48.0192, 130.7326),
        (47.9294, 130.8486), (47.8429, 130.9154)]
# Settlements: id, lat, lon (hegang-places.csv / scenarios/hegang/nodes.yaml).
SETTLEMENTS = [("n_ff_taipinggou", 48.12201, 130.65252), ("n_taipinggou", 48.13243, 130.66593),
               ("n_ff_jinmantun", 48.01410, 130.72556), ("n_ff_damahe", 47.91857, 130.81453)]


def main():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32652)
    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_utm = osr.CoordinateTransformation(wgs, srs)

    corners = [to_utm.TransformPoint(lon, lat)[:2] for lat in (LAT0, LAT1) for lon in (LON0, LON1)]
    x0 = math.floor(min(c[0] for c in corners) / CELL_M) * CELL_M
    x1 = math.ceil(max(c[0] for c in corners) / CELL_M) * CELL_M
    y0 = math.floor(min(c[1] for c in corners) / CELL_M) * CELL_M
    y1 = math.ceil(max(c[1] for c in corners) / CELL_M) * CELL_M
    nx = int((x1 - x0) / CELL_M)
    ny = int((y1 - y0) / CELL_M)
    xs = x0 + (np.arange(nx) + 0.5) * CELL_M
    ys = y1 - (np.arange(ny) + 0.5) * CELL_M
    X, Y = np.meshgrid(xs, ys)

    amur = np.array([to_utm.TransformPoint(lon, lat)[:2] for lat, lon in AMUR])
    # Signed distance to the river polyline: positive on the west (Chinese) bank.
    dist = np.full(X.shape, np.inf)
    side = np.zeros(X.shape)
    for (ax, ay), (bx, by) in zip(amur[:-1], amur[1:]):
        dx, dy = bx - ax, by - ay
        t = np.clip(((X - ax) * dx + (Y - ay) * dy) / (dx * dx + dy * dy), 0, 1)
        px, py = ax + t * dx, ay + t * dy
        d = np.hypot(X - px, Y - py)
        cross = dx * (Y - ay) - dy * (X - ax)  # > 0 left of the downstream direction
        closer = d < dist
        dist = np.where(closer, d, dist)
        side = np.where(closer, np.sign(cross), side)
    # The river flows roughly south: the west bank is on its right (cross < 0).
    west = side <= 0

    # Elevation (estimated): bank 85 m, rising westwards to ~600 m, with ridges and valleys.
    d_km = np.where(west, dist, 0) / 1000.0
    base = 85 + 420 * (1 - np.exp(-d_km / 12.0))
    ridges = 60 * np.sin(X / 2300.0) * np.cos(Y / 3100.0) + 35 * np.sin((X + Y) / 1700.0) + 20 * np.cos(
        (X - 2 * Y) / 900.0)
    elev = base + ridges * np.clip(d_km / 3.0, 0, 1)
    elev = np.where(west, elev, 80.0).astype(np.float32)

    # Slope aspect for the fuel rules (same Horn method as the C++).
    zp = np.pad(elev, 1, mode="edge")
    a, b, c = zp[:-2, :-2], zp[:-2, 1:-1], zp[:-2, 2:]
    d, f = zp[1:-1, :-2], zp[1:-1, 2:]
    g, h, i = zp[2:, :-2], zp[2:, 1:-1], zp[2:, 2:]
    dzdx = ((c + 2 * f + i) - (a + 2 * d + g)) / (8 * CELL_M)
    dzdy = ((a + 2 * b + c) - (g + 2 * h + i)) / (8 * CELL_M)
    aspect = (np.degrees(np.arctan2(-dzdx, -dzdy)) + 360) % 360
    warm = (aspect >= 135) & (aspect < 315)  # S and W facing

    settle = [to_utm.TransformPoint(lon, lat)[:2] for _, lat, lon in SETTLEMENTS]
    d_settle = np.min([np.hypot(X - sx, Y - sy) for sx, sy in settle], axis=0)

    fuel = np.full(X.shape, 9, dtype=np.uint8)
    fuel[warm & (elev < 250)] = 2
    fuel[(~warm) & (elev >= 300)] = 8
    fuel[elev < 120] = 3
    # Deterministic patchiness: a hash of the cell index (no random generator).
    col = np.arange(nx)[None, :].repeat(ny, 0)
    row = np.arange(ny)[:, None].repeat(nx, 1)
    hsh = (col * 73856093 ^ row * 19349663) % 1000
    fuel[(hsh < 120) & (elev >= 120)] = 6
    fuel[(d_settle < 2500) & (elev < 140)] = 93
    fuel[d_settle < 400] = 91
    fuel[west & (dist < 500)] = 98
    fuel[~west] = 0

    drv = gdal.GetDriverByName("GTiff")
    for name, arr, typ in (("taipinggou-fuel.tif", fuel, gdal.GDT_Byte), ("taipinggou-dem.tif", elev, gdal.GDT_Float32)):
        path = os.path.join(OUT, name)
        ds = drv.Create(path, nx, ny, 1, typ, options=["COMPRESS=DEFLATE", "PREDICTOR=2" if typ == gdal.GDT_Byte else "PREDICTOR=3"])
        ds.SetGeoTransform((x0, CELL_M, 0, y1, 0, -CELL_M))
        ds.SetProjection(srs.ExportToWkt())
        band = ds.GetRasterBand(1)
        band.WriteArray(arr)
        band.SetDescription("estimated: scenarios/fire/tools/build_rasters.py")
        ds.SetMetadataItem("SOURCE", "estimated by scenarios/fire/tools/build_rasters.py (see its docstring)")
        ds = None
    counts = {int(k): int(v) for k, v in zip(*np.unique(fuel, return_counts=True))}
    print(f"{nx} x {ny} cells of {CELL_M:g} m, origin ({x0:.0f}, {y1:.0f}) EPSG:32652; fuel cells by code: {counts}")
    print(f"elevation {elev.min():.0f}..{elev.max():.0f} m")


if __name__ == "__main__":
    main()
