#!/usr/bin/env python3
"""Writes a hand-made run folder on the real Hegang map, for viewer screenshots and demos while the
engine (`hgdrill run`) is not available: a Songhua flood drill with rising gauges, flooded zones,
roads closing as their zone floods, and units dispatched along shortest routes (one rerouted, one
unreachable). Formats per docs/formats.md. Not a simulation: the numbers are illustrative.

usage: make_demo_run.py OUT_DIR [--map-dir scenarios/hegang]
"""
import argparse, heapq, json, math, os
import yaml

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--map-dir", default=os.path.join(os.path.dirname(__file__), "../../scenarios/hegang"))
a = ap.parse_args()
md = os.path.abspath(a.map_dir)
load = lambda f: yaml.safe_load(open(os.path.join(md, f), encoding="utf-8"))
nodes = {n["id"]: n for n in load("nodes.yaml")["nodes"]}
roads = load("roads.yaml")["roads"]
classes = {c["class"]: c for c in load("roads.yaml").get("road_classes", [])}
zones = {z["id"]: z for z in load("zones.yaml")["zones"]}
facs = {f["id"]: f for f in load("facilities.yaml")["facilities"]}
units = load("units.yaml")["units"]

os.makedirs(os.path.join(a.out, "run"), exist_ok=True)
scen = os.path.abspath(os.path.join(a.out, "scenario.yaml"))
with open(scen, "w", encoding="utf-8") as f:
    f.write(f"""hgdrill: scenario/1
id: demo_songhua_flood_viz
name: {{zh: 松花江洪水演练（示意）, en: Songhua flood drill (illustrative)}}
map: {md}/map.yaml
resources: {md}/units.yaml
comms: {md}/comms.yaml
start: "2023-08-03T06:00:00+08:00"
duration_h: 12
incident: {{kind: flood, node: {zones['z_suibin']['node']}, at_h: 0, reported_to: cp_city, src: "estimated: viewer demo"}}
""")

def speed(r):
    return r.get("speed_kmh") or classes.get(r["class"], {}).get("speed_kmh", 40)

closed = set()
def route(src, dst):
    adj = {}
    for r in roads:
        if r["id"] in closed:
            continue
        w = r["length_km"] / speed(r) * 3600
        adj.setdefault(r["from"], []).append((r["to"], w))
        if not r.get("oneway"):
            adj.setdefault(r["to"], []).append((r["from"], w))
    dist, prev, pq = {src: 0}, {}, [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if u == dst:
            break
        if d > dist[u]:
            continue
        for v, w in adj.get(u, []):
            if d + w < dist.get(v, 1e18):
                dist[v], prev[v] = d + w, u
                heapq.heappush(pq, (d + w, v))
    if dst not in dist:
        return None, None
    path = [dst]
    while path[-1] != src:
        path.append(prev[path[-1]])
    return path[::-1], dist[dst]

events = []
def ev(t, type_, actors, payload):
    events.append([t, len(events), type_, actors, payload])

ev(0, "run.started", [], {"duration_s": 43200, "scenario": scen, "seed": 1, "start": "2023-08-03T06:00:00+08:00", "version": "viz-demo"})
inc = nodes[zones["z_suibin"]["node"]]
ev(0, "incident.started", [], {"kind": "flood", "lat": inc["lat"], "lon": inc["lon"], "node": inc["id"]})
gauges = [f for f in facs.values() if f["kind"] == "gauge" and f.get("warning_m")]
for h in range(0, 13):
    for g in gauges:
        w, gu = g["warning_m"], g.get("guarantee_m", g["warning_m"] + 1)
        stage = w - 1.0 + (gu - w + 1.6) * min(1.0, h / 9.0)
        ev(h * 3600 + 60, "flood.gauge", [g["id"]], {"discharge_m3_s": round(8000 + 900 * h), "guarantee_m": gu, "stage_m": round(stage, 3), "warning_m": w})
flood_zones = sorted({r["zone"] for r in roads if r.get("zone")})
for k, zid in enumerate(flood_zones):
    for h in range(2 + k % 3, 13):
        depth = round(min(2.4, 0.25 * (h - 1 - k % 3)), 3)
        ev(h * 3600 + 300, "flood.zone", [zid], {"depth_m": depth, "level_m": 0, "people_at_risk": int(zones[zid]["population"] * min(1, depth)), "volume_m3": int(depth * 4e6)})
        for r in roads:
            cd = classes.get(r["class"], {}).get("flood_closure_depth_m", 0.3)
            if r.get("zone") == zid and depth >= cd and r["id"] not in closed:
                closed.add(r["id"])
                ev(h * 3600 + 420, "road.closed", [r["id"]], {"reason": "flood"})
closed.clear()

# Units: a few boats/rescue teams dispatched to the flooded towns, in the order of the flood.
movers = [u for u in units if u.get("available", True) and u.get("base") in facs][:10]
t = 5400.0
for i, u in enumerate(movers):
    target = flood_zones[i % len(flood_zones)]
    src, dst = facs[u["base"]]["node"], zones[target]["node"]
    path, secs = route(src, dst)
    if not path:
        ev(t, "unit.unreachable", [u["id"]], {"from_node": src, "reason": "no open route", "to_node": dst})
        continue
    secs = secs / u.get("speed_factor", 1.0) + 60 * u.get("turnout_min", 2)
    ev(t, "unit.dispatched", [u["id"], "cp_city"], {"clause": None, "eta_s": round(secs, 3), "first_alarm": i < 3, "route": path, "target": target, "target_node": dst, "task": "flood_rescue"})
    ev(t + secs, "unit.arrived", [u["id"]], {"node": dst, "target": target, "task": "flood_rescue"})
    if i % 3 == 0:
        ev(t + secs + 3 * 3600, "unit.task_done", [u["id"]], {"target": target, "task": "flood_rescue"})
        ev(t + 2 * secs + 3 * 3600, "unit.returned", [u["id"]], {"node": src})
    t += 420
ev(43200, "run.ended", [], {"events": len(events) + 1, "sim_end_s": 43200})
events.sort(key=lambda e: (e[0], e[1]))
with open(os.path.join(a.out, "run", "events.jsonl"), "w", encoding="utf-8") as f:
    for seq, (t, _, type_, actors, payload) in enumerate(events):
        f.write(json.dumps({"seq": seq, "t": float(f"{t:.3f}"), "type": type_, "actors": actors, "payload": dict(sorted(payload.items()))}, ensure_ascii=False, separators=(",", ":")).replace(f'"t":{float(f"{t:.3f}")}', f'"t":{t:.3f}') + "\n")
with open(os.path.join(a.out, "run", "run.json"), "w") as f:
    json.dump({"scenario": scen, "scenario_id": "demo_songhua_flood_viz", "seed": 1, "version": "viz-demo", "plan": None, "rubric": None, "no_response": False}, f)
with open(os.path.join(a.out, "run", "scores.json"), "w", encoding="utf-8") as f:
    json.dump({"total": 64, "kpis": [
        {"name": "first rescue unit at a flooded town (min)", "value": 52, "target": 45, "score": 0.8},
        {"name": "roads closed before water reached 0.3 m", "value": 0.9, "target": 1.0, "score": 0.9},
        {"name": "people warned before flooding", "value": 0.55, "target": 0.9, "score": 0.4}]}, f, ensure_ascii=False)
print(os.path.join(a.out, "run"), len(events), "events")
