"""Shared geometry helpers for the Hegang map tools (python3 stdlib only)."""
import json
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
MAPDIR = os.path.dirname(HERE)
R_EARTH_KM = 6371.0088  # mean Earth radius (IUGG)


def gc_km(lat1, lon1, lat2, lon2):
    """Great-circle (haversine) distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * R_EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def point_in_ring(lat, lon, ring):
    """Ray casting; ring is a list of [lon, lat]."""
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat):
            x = (xj - xi) * (lat - yi) / (yj - yi) + xi
            if lon < x:
                inside = not inside
        j = i
    return inside


def point_in_geom(lat, lon, geom):
    polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
    for poly in polys:
        if point_in_ring(lat, lon, poly[0]) and not any(point_in_ring(lat, lon, h) for h in poly[1:]):
            return True
    return False


def load_districts(path=None):
    path = path or os.path.join(MAPDIR, "districts.geojson")
    with open(path, encoding="utf-8") as f:
        fc = json.load(f)
    return [(ft["properties"]["adcode"], ft["properties"]["name"], ft["geometry"]) for ft in fc["features"]]


def district_of(lat, lon, districts):
    for adcode, name, geom in districts:
        if point_in_geom(lat, lon, geom):
            return adcode
    return None


def load_river(name, path=None):
    """Return the longest part of river `name` as a list of (lat, lon)."""
    path = path or os.path.join(MAPDIR, "rivers.geojson")
    with open(path, encoding="utf-8") as f:
        fc = json.load(f)
    for ft in fc["features"]:
        if ft["properties"]["name"] == name:
            g = ft["geometry"]
            parts = g["coordinates"] if g["type"] == "MultiLineString" else [g["coordinates"]]
            best = max(parts, key=len)
            return [(c[1], c[0]) for c in best]
    raise KeyError(name)


def chainage(line, lat, lon):
    """Project (lat, lon) on polyline; return (km along line from line[0], distance km to line, (plat, plon))."""
    best = None
    acc = 0.0
    for (a_lat, a_lon), (b_lat, b_lon) in zip(line, line[1:]):
        seg = gc_km(a_lat, a_lon, b_lat, b_lon)
        # local equirectangular projection for the parameter
        kx = math.cos(math.radians((a_lat + b_lat) / 2))
        ax, ay, bx, by = a_lon * kx, a_lat, b_lon * kx, b_lat
        px, py = lon * kx, lat
        dx, dy = bx - ax, by - ay
        t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
        q_lat, q_lon = a_lat + t * (b_lat - a_lat), a_lon + t * (b_lon - a_lon)
        d = gc_km(lat, lon, q_lat, q_lon)
        if best is None or d < best[1]:
            best = (acc + t * seg, d, (q_lat, q_lon))
        acc += seg
    return best
