#!/usr/bin/env python3
"""Check the Hegang scenario data (scenarios/hegang/*.yaml).  python3 stdlib + pyyaml.

Usage: python3 scenarios/hegang/tools/check_map.py [MAPDIR]
Prints every problem found and exits 1 if there is any, 0 otherwise.

Checks: files load and carry the right `hgdrill:` kind; ids match [a-z0-9_]+ with the right
prefix and are globally unique; references resolve (from/to/zone/class/node/district/base/
network/parent); vocabularies (road class, facility kind, hazard, unit type, capabilities,
post level); every node reachable from n_hg_gov; length_km >= great-circle distance of the
end nodes; non-outside nodes/facilities inside a district polygon, zone nodes inside their
own district; provenance rule (every mapping holding a number has src, exempt keys aside);
zone populations sum to district census; plan figures (fire 272, semi-pro forest 59 teams /
760 people, enterprise teams 200/56/37/13, social 86/68); gauges warning < guarantee; every road
edge that crosses a river centre line of the map's rivers GeoJSON is a bridge or a ferry (the same
rule as `hgdrill validate` of a map, sim/world/RiverCrossings.cpp).
"""
import collections
import json
import os
import re
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from geo import district_of, gc_km, load_districts  # noqa: E402

ID_RE = re.compile(r"^[a-z0-9_]+$")
EXEMPT = {"adcode", "seed", "level", "priority", "count", "hgdrill"}
ROAD_CLASSES = {"motorway", "trunk", "primary", "secondary", "tertiary", "urban", "forest", "access", "ferry"}
FAC_KINDS = {"hospital", "fire_station", "mine_rescue", "depot", "shelter", "hazard_site", "gauge", "forest_farm",
             "forestry_bureau", "command_post", "entry_point", "reservoir"}
HAZARDS = {"coal_mine", "ammonia", "power_plant", "chemical_park", "reservoir"}
UNIT_TYPES = {"fire_engine", "rescue", "hazmat", "ambulance", "mine_rescue", "forest_team", "relief_truck", "sandbag_team",
              "pump", "boat", "volunteer", "command"}
CAPS = {"fire_suppression", "hazmat", "flood_rescue", "evacuation", "relief_delivery", "sandbag", "pump", "medical_transport",
        "mine_rescue", "forest_fire", "search_rescue", "command",
        "forest_fire_professional"}  # declared by the forest-fire module (sim/hazards/fire/FireModule.cpp)
LEVELS = {"district", "county", "city", "province", "national"}
MAT = {"disaster_relief", "flood_drought", "forest_fire", "production_safety"}

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def provenance(obj, where, parent_has_src=False):
    if isinstance(obj, dict):
        if where.endswith(".stocks") and parent_has_src:
            return  # stocks: name -> amount; provenance in the facility's src (docs/formats.md)
        has_num = any(is_num(v) and k not in EXEMPT for k, v in obj.items())
        if has_num and "src" not in obj:
            err(where, "mapping holds a number but no src")
        if "src" in obj and (not isinstance(obj["src"], str) or not obj["src"].strip()):
            err(where, "src must be a non-empty string")
        for k, v in obj.items():
            provenance(v, f"{where}.{k}", "src" in obj)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            provenance(v, f"{where}[{i}]")


def _orient(a, b, c):
    v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    return (v > 0) - (v < 0)


def segments_cross(p1, p2, p3, p4):
    """Segments p1p2 and p3p4 ((lon, lat) pairs) meet; touching counts (as in RiverCrossings.cpp)."""
    return _orient(p1, p2, p3) != _orient(p1, p2, p4) and _orient(p3, p4, p1) != _orient(p3, p4, p2)


def river_lines(path):
    """(name, [(lon, lat), ...]) for every LineString part of a GeoJSON file."""
    with open(path, encoding="utf-8") as f:
        fc = json.load(f)
    out = []
    for i, ft in enumerate(fc.get("features", [])):
        g = ft.get("geometry") or {}
        props = ft.get("properties") or {}
        name = props.get("name") or props.get("name_en") or props.get("name_zh") or f"river {i + 1}"
        parts = [g["coordinates"]] if g.get("type") == "LineString" else \
            g["coordinates"] if g.get("type") == "MultiLineString" else []
        out.extend((name, [tuple(c[:2]) for c in part]) for part in parts)
    return out


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except Exception as e:  # noqa: BLE001
        err(path, f"cannot load: {e}")
        return {}


def main():
    mapdir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    P = lambda n: os.path.join(mapdir, n)  # noqa: E731
    m = load(P("map.yaml"))
    if m.get("hgdrill") != "map/1":
        err("map.yaml", "hgdrill must be map/1")
    for k in ("id", "name", "boundaries", "rivers", "include"):
        if k not in m:
            err("map.yaml", f"missing {k}")
    districts_geo = load_districts(P(m.get("boundaries", "districts.geojson")))
    if not os.path.exists(P(m.get("rivers", "rivers.geojson"))):
        err("map.yaml", "rivers file missing")
    merged = collections.defaultdict(list)
    for inc in m.get("include", []):
        doc = load(P(inc)) or {}
        provenance(doc, inc)
        for k, v in doc.items():
            if k == "hgdrill":
                continue
            if not isinstance(v, list):
                err(inc, f"section {k} must be a list")
                continue
            merged[k].extend((inc, i, x) for i, x in enumerate(v))
    units_doc = load(P("units.yaml")) or {}
    comms_doc = load(P("comms.yaml")) or {}
    if units_doc.get("hgdrill") != "resources/1":
        err("units.yaml", "hgdrill must be resources/1")
    if comms_doc.get("hgdrill") != "comms/1":
        err("comms.yaml", "hgdrill must be comms/1")
    provenance(units_doc, "units.yaml")
    provenance(comms_doc, "comms.yaml")

    # ---- ids
    seen = {}

    def reg(obj, prefix, where):
        i = obj.get("id")
        if not isinstance(i, str) or not ID_RE.match(i):
            err(where, f"bad id {i!r}")
            return
        if prefix and not i.startswith(prefix):
            err(where, f"id {i} should start with {prefix}")
        if i in seen:
            err(where, f"duplicate id {i} (also {seen[i]})")
        seen[i] = where

    nodes = {}
    for f, i, n in merged["nodes"]:
        w = f"{f}:nodes[{i}]"
        reg(n, "n_", w)
        nodes[n["id"]] = n
        for k in ("lat", "lon", "quality", "src"):
            if k not in n:
                err(w, f"missing {k}")
        if n.get("quality") not in {"sourced-GCJ→WGS", "sourced-WGS", "proxy", "estimated"}:
            err(w, f"bad quality {n.get('quality')}")
    classes = {}
    for f, i, c in merged["road_classes"]:
        classes[c.get("class")] = c
        if c.get("class") not in ROAD_CLASSES:
            err(f"{f}:road_classes[{i}]", f"unknown class {c.get('class')}")
        for k in ("speed_kmh", "flood_closure_depth_m"):
            if not is_num(c.get(k)) or c[k] <= 0:
                err(f"{f}:road_classes[{i}]", f"{k} must be > 0")
    dists = {}
    for f, i, d in merged["districts"]:
        reg(d, "d_", f"{f}:districts[{i}]")
        dists[d["id"]] = d
    zones = {}
    for f, i, z in merged["zones"]:
        reg(z, "z_", f"{f}:zones[{i}]")
        zones[z["id"]] = z
    facs = {}
    for f, i, x in merged["facilities"]:
        reg(x, "f_", f"{f}:facilities[{i}]")
        facs[x["id"]] = x
    roads = []
    for f, i, r in merged["roads"]:
        reg(r, "r_", f"{f}:roads[{i}]")
        roads.append((f"{f}:roads[{i}]", r))
    nets = {}
    for i, n in enumerate(comms_doc.get("networks", [])):
        w = f"comms.yaml:networks[{i}]"
        if not ID_RE.match(str(n.get("id"))):
            err(w, "bad id")
        if n.get("id") in seen:
            err(w, f"duplicate id {n.get('id')}")
        seen[n.get("id")] = w
        nets[n["id"]] = n
        if n.get("kind") not in {"radio", "private", "public"}:
            err(w, "bad kind")
    posts = {}
    for i, p in enumerate(comms_doc.get("posts", [])):
        reg(p, "cp_", f"comms.yaml:posts[{i}]")
        posts[p["id"]] = p
    for i, c in enumerate(comms_doc.get("warning_channels", [])):
        w = f"comms.yaml:warning_channels[{i}]"
        if not ID_RE.match(str(c.get("id"))):
            err(w, "bad id")
        for k in ("coverage_urban", "coverage_rural"):
            if not is_num(c.get(k)) or not 0 <= c[k] <= 1:
                err(w, f"{k} must be in [0,1]")
        if not is_num(c.get("delay_min")) or c["delay_min"] < 0:
            err(w, "delay_min must be >= 0")
    units = {}
    for i, u in enumerate(units_doc.get("units", [])):
        reg(u, "u_", f"units.yaml:units[{i}]")
        units[u["id"]] = u

    # ---- references and vocabularies
    adj = collections.defaultdict(set)
    for w, r in roads:
        for k in ("from", "to"):
            if r.get(k) not in nodes:
                err(w, f"{k} {r.get(k)} is not a node")
        if r.get("class") not in classes:
            err(w, f"class {r.get('class')} not in road_classes")
        if "zone" in r and r["zone"] not in zones:
            err(w, f"zone {r['zone']} is not a zone")
        if not is_num(r.get("length_km")) or r["length_km"] <= 0:
            err(w, "length_km must be > 0")
            continue
        a, b = nodes.get(r.get("from")), nodes.get(r.get("to"))
        if a and b:
            gc = gc_km(a["lat"], a["lon"], b["lat"], b["lon"])
            if r["length_km"] + 1e-9 < gc:
                err(w, f"{r['id']}: length_km {r['length_km']} < great-circle {gc:.3f}")
            adj[r["from"]].add(r["to"])
            if not r.get("oneway"):
                adj[r["to"]].add(r["from"])
        if r.get("bridge") and r["length_km"] > 5:
            err(w, "bridge edge longer than 5 km")
    for zid, z in zones.items():
        if z.get("district") not in dists:
            err(zid, f"district {z.get('district')} unknown")
        if z.get("node") not in nodes:
            err(zid, f"node {z.get('node')} unknown")
        if z.get("kind") not in {"urban", "rural", "forest"}:
            err(zid, "bad kind")
        if not isinstance(z.get("population"), int) or z["population"] < 0:
            err(zid, "population must be an int >= 0")
    for fid, x in facs.items():
        if x.get("node") not in nodes:
            err(fid, f"node {x.get('node')} unknown")
        extra = set(x) - {"id", "kind", "zh", "en", "node", "lat", "lon", "quality", "beds", "capacity_people", "stocks",
                          "material_classes", "hazard", "warning_m", "guarantee_m", "src", "note", "address", "river",
                          "bed_elev_m", "outside"}
        if extra:
            err(fid, f"unknown keys {sorted(extra)}")
        if not all(is_num(v) for v in x.get("stocks", {}).values()):
            err(fid, "stocks must map names to numbers")
        if x.get("kind") not in FAC_KINDS:
            err(fid, f"bad kind {x.get('kind')}")
        if "hazard" in x and x["hazard"] not in HAZARDS:
            err(fid, f"bad hazard {x['hazard']}")
        if x.get("kind") == "hospital" and not is_num(x.get("beds")):
            err(fid, "hospital without beds")
        if x.get("kind") == "shelter" and not is_num(x.get("capacity_people")):
            err(fid, "shelter without capacity_people")
        if x.get("kind") == "depot":
            if not set(x.get("material_classes", [])) <= MAT or not x.get("material_classes"):
                err(fid, "depot material_classes missing/unknown")
        if x.get("kind") == "gauge":
            if not (is_num(x.get("warning_m")) and is_num(x.get("guarantee_m")) and x["warning_m"] < x["guarantee_m"]):
                err(fid, "gauge needs warning_m < guarantee_m")
        if x.get("kind") == "hazard_site" and "hazard" not in x:
            err(fid, "hazard_site without hazard")
        n = nodes.get(x.get("node"))
        lim = 5.0 if n and n.get("outside") else 1.0  # outside entry nodes stand for a whole town
        if n and gc_km(n["lat"], n["lon"], x["lat"], x["lon"]) > lim:
            err(fid, f"facility is more than {lim} km from its node")
    for uid, u in units.items():
        if u.get("base") not in facs:
            err(uid, f"base {u.get('base')} is not a facility")
        if u.get("network") not in nets:
            err(uid, f"network {u.get('network')} unknown")
        if u.get("type") not in UNIT_TYPES:
            err(uid, f"bad type {u.get('type')}")
        for c in u.get("capabilities", []):
            if c not in CAPS:
                err(uid, f"unknown capability {c}")
        for k in ("personnel", "vehicles", "speed_factor", "turnout_min"):
            if not is_num(u.get(k)) or u[k] < 0:
                err(uid, f"{k} must be a number >= 0")
        extra = set(u) - {"id", "zh", "en", "type", "agency", "base", "capabilities", "personnel", "vehicles",
                          "speed_factor", "turnout_min", "network", "available", "src", "note", "group_of"}
        if extra:
            err(uid, f"unknown keys {sorted(extra)}")
        if not isinstance(u.get("available"), bool):
            err(uid, "available must be true/false")
    for pid, p in posts.items():
        if p.get("node") not in nodes:
            err(pid, f"node {p.get('node')} unknown")
        if p.get("network") not in nets:
            err(pid, f"network {p.get('network')} unknown")
        if "parent" in p and p["parent"] not in posts:
            err(pid, f"parent {p['parent']} unknown")
        if p.get("level") not in LEVELS:
            err(pid, "bad level")
    if posts.get("cp_city", {}).get("node") != "n_hg_gov":
        err("cp_city", "must sit at n_hg_gov")

    # ---- roads across rivers: a bridge (bridge: true) or a ferry (class ferry), never a plain road
    rivers_path = P(m.get("rivers", "rivers.geojson"))
    if os.path.exists(rivers_path):
        lines = river_lines(rivers_path)
        for w, r in roads:
            if r.get("bridge") or r.get("class") == "ferry":
                continue
            a, b = nodes.get(r.get("from")), nodes.get(r.get("to"))
            if not (a and b):
                continue
            p1, p2 = (a["lon"], a["lat"]), (b["lon"], b["lat"])
            for name, pts in lines:
                if any(segments_cross(p1, p2, pts[k], pts[k + 1]) for k in range(len(pts) - 1)):
                    err(w, f"{r['id']} crosses the {name} without a bridge or ferry edge")

    # ---- connectivity
    if "n_hg_gov" not in nodes:
        err("nodes", "n_hg_gov missing")
    else:
        seen_n = {"n_hg_gov"}
        stack = ["n_hg_gov"]
        while stack:
            for nb in adj[stack.pop()]:
                if nb not in seen_n:
                    seen_n.add(nb)
                    stack.append(nb)
        for nid in nodes:
            if nid not in seen_n:
                err(nid, "not reachable from n_hg_gov")

    # ---- polygons
    adc_of = {d["id"]: d.get("adcode") for d in dists.values()}
    for nid, n in nodes.items():
        d = district_of(n["lat"], n["lon"], districts_geo)
        if n.get("outside"):
            if d is not None:
                err(nid, f"outside: true but inside district {d}")
        elif d is None:
            err(nid, "not inside any district polygon (and not outside: true)")
    for zid, z in zones.items():
        n = nodes.get(z.get("node"))
        if n and district_of(n["lat"], n["lon"], districts_geo) != adc_of.get(z.get("district")):
            err(zid, f"zone node {n['id']} is not inside district {z.get('district')}")
    for fid, x in facs.items():
        n = nodes.get(x.get("node"))
        if n and not n.get("outside") and district_of(x["lat"], x["lon"], districts_geo) is None:
            err(fid, "facility point outside every district polygon")

    # ---- populations
    tot = collections.Counter()
    for z in zones.values():
        tot[z.get("district")] += z.get("population", 0)
    for did, d in dists.items():
        if tot[did] != d.get("population_2020"):
            err(did, f"zones sum {tot[did]} != census {d.get('population_2020')}")
        if did not in tot:
            err(did, "district has no zones")

    # ---- plan figures (city plan line 205)
    def pers(pred):
        return sum(u.get("personnel", 0) for u in units.values() if pred(u))
    if pers(lambda u: u.get("agency") == "市消防救援支队") != 272:
        err("units", "市消防救援支队 personnel must sum to 272")
    semi = [u for u in units.values() if u["id"].startswith("u_semi_")]
    if sum(u["personnel"] for u in semi) != 760 or sum(u.get("group_of", 1) for u in semi) != 59:
        err("units", "semi-professional forest teams must be 59 teams / 760 people")
    for pref, want in [("u_forest_hebei_", 200), ("u_vol_grain", 56), ("u_fire_huahe", 37), ("u_fire_huaneng", 13),
                       ("u_soc_xuebao", 86), ("u_soc_limin", 68)]:
        got = pers(lambda u: u["id"].startswith(pref))
        if got != want:
            err("units", f"{pref}* personnel {got} != {want}")

    kinds = collections.Counter(x["kind"] for x in facs.values())
    print(f"nodes {len(nodes)} (outside {sum(1 for n in nodes.values() if n.get('outside'))}), roads {len(roads)} "
          f"(bridges {sum(1 for _, r in roads if r.get('bridge'))}), zones {len(zones)}, facilities {len(facs)} {dict(kinds)}, "
          f"units {len(units)} (personnel {pers(lambda u: True)}), posts {len(posts)}, networks {len(nets)}, "
          f"warning_channels {len(comms_doc.get('warning_channels', []))}")
    if errors:
        for e in errors:
            print("error:", e)
        print(f"{len(errors)} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
