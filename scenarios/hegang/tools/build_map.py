#!/usr/bin/env python3
"""Generate the Hegang scenario YAML files (map, nodes, roads, districts, zones, facilities,
units, comms) from the compact tables below.  python3 stdlib + pyyaml only.

Run:  python3 scenarios/hegang/tools/build_map.py   (writes ../*.yaml)
Then: python3 scenarios/hegang/tools/check_map.py

Every number written carries a `src`.  Coordinates marked V are from Vonng/adcode (CC BY 4.0)
via /work/shared/data/hegang-places.csv (GCJ-02 -> WGS84); others are flagged estimated/proxy.
"""
import math
import os
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from geo import MAPDIR, chainage, district_of, gc_km, load_districts, load_river  # noqa: E402

DIST = load_districts()
SONGHUA = load_river("Songhua")
AMUR = load_river("Amur")

V = "[V] Vonng/adcode @b755d6e (CC BY 4.0), code {}; GCJ-02->WGS84 (hegang-places.csv)"
REF = "hegang-reference.md"
PLAN = "city plan 000_f15b6ec4b062a3ff.txt (鹤政发〔2022〕20号)"

ADC = {"d_xiangyang": 230402, "d_gongnong": 230403, "d_nanshan": 230404, "d_xingan": 230405,
       "d_dongshan": 230406, "d_xingshan": 230407, "d_luobei": 230421, "d_suibin": 230422}

# ---------------------------------------------------------------- nodes
NODES = {}


def node(nid, zh, en, lat, lon, quality, src, outside=False, district=None, elev=None):
    assert nid not in NODES, nid
    n = {"id": nid, "zh": zh, "en": en, "lat": round(lat, 5), "lon": round(lon, 5)}
    if elev is not None:
        n["ground_elev_m"] = elev[0]
    n["quality"] = quality
    n["outside"] = outside
    n["src"] = src if elev is None else f"{src}; ground_elev_m {elev[1]}"
    NODES[nid] = n
    if not outside:
        d = district_of(lat, lon, DIST)
        if d is None:
            raise SystemExit(f"node {nid} ({lat},{lon}) is outside every district polygon")
        if district and ADC[district] != d:
            raise SystemExit(f"node {nid} ({lat},{lon}) is in {d}, expected {district}")
    return nid


# ---- flood-stage interpolation for floodplain elevations (all estimated) ----
# Songhua warning stages: 佳木斯 79.30 (ref §3.2, 2023 bulletin), 富锦(二) 60.5 (same),
# 同江 Songhua 54.90 derived from 2013 report 55.79 m = 0.89 m over critical (ref §3.2).
# Guarantee minus warning: 佳木斯 1.49 m, 富锦 1.29 m -> use the interpolated difference.
_CH = {k: chainage(SONGHUA, *p)[0] for k, p in
       {"jms": (46.8320, 130.3481), "fujin": (47.25, 132.04), "tongjiang": (47.65, 132.50)}.items()}
AMUR_MOUTH_CH = chainage(AMUR, 47.7066, 132.5178)[0]


def songhua_stage(lat, lon):
    ch, dist, _ = chainage(SONGHUA, lat, lon)
    pts = [(_CH["tongjiang"], 54.90, 1.29), (_CH["fujin"], 60.5, 1.29), (_CH["jms"], 79.30, 1.49)]
    for (c0, w0, g0), (c1, w1, g1) in zip(pts, pts[1:]):
        if ch <= c1 or (c1, w1) == pts[-1][:2]:
            t = (ch - c0) / (c1 - c0)
            return round(w0 + t * (w1 - w0), 2), round(g0 + t * (g1 - g0), 2), ch, dist
    raise AssertionError


AMUR_SLOPE = 0.09  # m per km of the Natural-Earth centre-line (see docs/hegang-data.md)


def amur_stage(lat, lon):
    ch, dist, _ = chainage(AMUR, lat, lon)
    w = 54.00 + AMUR_SLOPE * (ch - AMUR_MOUTH_CH)
    return round(w, 2), 1.4, ch, dist


def flood_elev(lat, lon, river, offset, why):
    w, g, ch, dist = (songhua_stage if river == "Songhua" else amur_stage)(lat, lon)
    e = round(w + offset, 1)
    return (e, f"estimated: {river} warning stage interpolated at the nearest centre-line point "
               f"(chainage {ch:.0f} km, {dist:.1f} km away) = {w} m, + {offset} m ({why})")


def V_node(nid, zh, en, lat, lon, code, district, **kw):
    return node(nid, zh, en, lat, lon, "sourced-GCJ→WGS", V.format(code), district=district, **kw)


# ---------------------------------------------------------------- roads
ROADS = []
FACTOR = {"plain": 1.25, "hilly": 1.35, "urban": 1.3}


def road(rid, a, b, zh, en, cls, f="plain", length=None, src=None, bridge=False, speed=None, zone=None):
    na, nb = NODES[a], NODES[b]
    gc = gc_km(na["lat"], na["lon"], nb["lat"], nb["lon"])
    if length is None:
        fac = FACTOR[f]
        length = max(0.1, math.ceil(gc * fac * 10) / 10)
        s = f"estimated: great-circle {gc:.2f} km x {fac} ({f})"
        if src:
            s = f"{s}; {src}"
    else:
        if length < gc:
            raise SystemExit(f"road {rid}: sourced length {length} < great-circle {gc:.2f}")
        s = src
    r = {"id": rid, "from": a, "to": b, "zh": zh, "en": en, "class": cls, "length_km": length}
    if speed:
        r["speed_kmh"] = speed
    r["bridge"] = bridge
    r["oneway"] = False
    if zone:
        r["zone"] = zone
    r["src"] = s
    assert rid not in {x["id"] for x in ROADS}, rid
    ROADS.append(r)
    return r


def chain(prefix, ids, zh, en, cls, f="plain", src=None, speed=None):
    for i, (a, b) in enumerate(zip(ids, ids[1:]), 1):
        road(f"{prefix}_{i}", a, b, zh, en, cls, f, src=src, speed=speed)


def bridge(rid, a, b, zh, en, cls, src_extra, speed=None, length=None, src=None):
    return road(rid, a, b, zh, en, cls, "plain", length=length,
                src=src or f"bridge position {src_extra}", bridge=True, speed=speed)


def boundary_bridge(prefix, a_lat, a_lon, b_lat, b_lon, code_a, code_b, river, zh_road):
    """Put a bridge where the straight line a->b passes from district code_a to code_b
    (used for 梧桐河, which the reference gives as the 东山/萝北 boundary river)."""
    n = 400
    prev = None
    for i in range(n + 1):
        t = i / n
        la, lo = a_lat + t * (b_lat - a_lat), a_lon + t * (b_lon - a_lon)
        d = district_of(la, lo, DIST)
        if prev is not None and prev[1] == code_a and d == code_b:
            # step back/forward ~150 m to get both bank nodes clearly inside
            L = gc_km(a_lat, a_lon, b_lat, b_lon)
            dt = 0.15 / L
            t0, t1 = prev[0] - dt, t + dt
            p0 = (a_lat + t0 * (b_lat - a_lat), a_lon + t0 * (b_lon - a_lon))
            p1 = (a_lat + t1 * (b_lat - a_lat), a_lon + t1 * (b_lon - a_lon))
            return p0, p1
        prev = (t, d)
    raise SystemExit(f"{prefix}: no {code_a}->{code_b} crossing")


# =============================================================== DATA
# ---- outside entry points
EST_OUT = "estimated: " + REF + " §2.2 off-map nodes ({})"
node("n_jiamusi", "佳木斯", "Jiamusi", 46.8320, 130.3481, "sourced-WGS", REF + " §2.2: [NE] populated places (WGS84)", outside=True)
node("n_yichun", "伊春", "Yichun", 47.7226, 128.8924, "sourced-GCJ→WGS", REF + " §2.2: [D] province file centre ->WGS", outside=True)
node("n_harbin", "哈尔滨", "Harbin", 45.7550, 126.6365, "sourced-GCJ→WGS", REF + " §2.2: [D] 230000 capital centre ->WGS", outside=True)
node("n_daqing", "大庆", "Daqing", 46.59, 125.10, "estimated", REF + " §5 (国家东北区域应急救援中心, Daqing; estimated)", outside=True)
node("n_tangyuan", "汤原县", "Tangyuan", 46.73, 129.90, "estimated", EST_OUT.format("汤原县"), outside=True)
node("n_jiayin", "嘉荫县", "Jiayin", 48.89, 130.40, "estimated", EST_OUT.format("嘉荫县"), outside=True)
FUJIN_E = flood_elev(47.25, 132.04, "Songhua", 2.0, "富锦 town on the south-bank terrace behind dykes")
node("n_fujin", "富锦市", "Fujin", 47.25, 132.04, "estimated", EST_OUT.format("富锦市"), outside=True, elev=FUJIN_E)
node("n_tongjiang", "同江市", "Tongjiang", 47.650, 132.500, "sourced-WGS", REF + " §2.2 (en-wiki mirror ipedia.pro)", outside=True)
node("n_jms_depot", "佳木斯省级救灾物资储备库", "Jiamusi provincial relief depot", 46.80, 130.36, "estimated", REF + " §5 (estimated, in Jiamusi)", outside=True)

# Songhua crossings at 佳木斯 (the NE centre line passes 0.17 km north of the 佳木斯 node). Bridge ends
# 0.7–1.2 km from the centre line on each bank; positions estimated (not georeferenced).
EJ = "estimated: {} ; position not georeferenced, placed on the NE Songhua centre line's {} bank ±2 km"
node("n_g11_sh_n", "鹤大高速佳木斯松花江特大桥北端", "G11 Jiamusi Songhua bridge north end", 46.846, 130.346, "estimated",
     EJ.format("ref §2.1: the 鹤大高速佳木斯过境段 (25.239 km, opened 2022-11-08) has one super-major Songhua bridge; "
               "its south end is the 佳木斯 node itself, 0.17 km south of the centre line", "left (north)"),
     outside=True)
node("n_g201_sh_n", "佳木斯松花江公路大桥北端", "Jiamusi Songhua highway bridge north end (old G201)", 46.848, 130.37, "estimated",
     EJ.format("ref §2.2 #3: the old G201 crosses the Songhua at 佳木斯; bridge name 佳木斯松花江公路大桥 from general knowledge, unverified", "left (north)"),
     outside=True)
node("n_g201_sh_s", "佳木斯松花江公路大桥南端", "Jiamusi Songhua highway bridge south end (old G201)", 46.834, 130.37, "estimated",
     EJ.format("as above", "right (south)"), outside=True)
node("n_g201_tangyuan_e", "G201 汤原—佳木斯（江北）", "old G201 between Tangyuan and Jiamusi (north bank)", 46.875, 130.10, "estimated",
     "estimated: waypoint keeping the old G201 on the Songhua's left (north) bank between 汤原 and the 佳木斯 bridge, "
     "north of the NE centre line's meanders; ±3 km", outside=True)
node("n_g1011_yilan", "G1011 佳木斯—依兰方向", "G1011 south-west of Jiamusi (toward Yilan)", 46.62, 130.02, "estimated",
     "estimated: waypoint keeping G1011 on the Songhua's right (south-east) bank south-west of 佳木斯 (the expressway "
     "runs toward 依兰/哈尔滨 on that bank); ±5 km", outside=True)
node("n_g1011_tongjiang_s", "G1011 富锦—同江（江南）", "G1011 between Fujin and Tongjiang (south bank)", 47.45, 132.40, "estimated",
     "estimated: waypoint keeping G1011 on the Songhua's right (south-east) bank between 富锦 and 同江; ±5 km", outside=True)

# ---- city districts: seats and subdistricts
node("n_hg_gov", "鹤岗市政府（向阳区友谊路1号）", "Hegang city government", 47.34004, 130.28641, "sourced-GCJ→WGS",
     "[V] 230402 向阳区 seat (Vonng/adcode, CC BY 4.0); GCJ-02->WGS84; government address 向阳区友谊路1号 [WP-zh]", district="d_xiangyang")
V_node("n_hongjun", "红军街道", "Hongjun subdistrict", 47.348002, 130.283586, "230402002000", "d_xiangyang")
V_node("n_shengli", "胜利街道", "Shengli subdistrict", 47.335894, 130.290689, "230402004000", "d_xiangyang")
V_node("n_nanyi", "南翼街道", "Nanyi subdistrict", 47.333680, 130.299719, "230402005000", "d_xiangyang")
ESTD = "estimated: placed inside the {} polygon from the name/general layout (no coordinate in [V]); ±1–2 km"
node("n_beishan_xy", "北山街道", "Beishan subdistrict", 47.356, 130.284, "estimated", ESTD.format("向阳区"), district="d_xiangyang")
node("n_guangming", "光明街道", "Guangming subdistrict", 47.342, 130.280, "estimated", ESTD.format("向阳区"), district="d_xiangyang")

V_node("n_seat_gongnong", "工农区政府", "Gongnong district seat", 47.316383, 130.266886, "230403000000", "d_gongnong")
V_node("n_yucai", "育才街道", "Yucai subdistrict", 47.313318, 130.272155, "230403001000", "d_gongnong")
V_node("n_xinnan", "新南街道", "Xinnan subdistrict", 47.311400, 130.253403, "230403003000", "d_gongnong")
V_node("n_tuanjie_gn", "团结街道", "Tuanjie subdistrict", 47.330278, 130.275507, "230403006000", "d_gongnong")
node("n_jiefang", "解放街道（宏大社区）", "Jiefang subdistrict (Hongda community)", 47.325671, 130.263864, "proxy",
     "proxy: [V] 宏大社区 230403005002 (community of 解放街道); Vonng/adcode CC BY 4.0; GCJ-02->WGS84", district="d_gongnong")
node("n_hongqi_gn", "红旗街道", "Hongqi subdistrict (Gongnong)", 47.320, 130.258, "estimated", ESTD.format("工农区"), district="d_gongnong")
node("n_hubin", "湖滨街道", "Hubin subdistrict", 47.300, 130.245, "estimated", ESTD.format("工农区"), district="d_gongnong")

V_node("n_seat_nanshan", "南山区政府", "Nanshan district seat", 47.312767, 130.278977, "230404000000", "d_nanshan")
node("n_tiexi", "铁西街道（西苑社区）", "Tiexi subdistrict (Xiyuan community)", 47.312126, 130.274618, "proxy",
     "proxy: [V] 西苑社区 230404001002; Vonng/adcode CC BY 4.0; GCJ-02->WGS84", district="d_nanshan")
node("n_tiedong", "铁东街道（东鸿社区）", "Tiedong subdistrict (Donghong community)", 47.314576, 130.283470, "proxy",
     "proxy: [V] 东鸿社区 230404002004; Vonng/adcode CC BY 4.0; GCJ-02->WGS84", district="d_nanshan")
node("n_lulinshan", "麓林山街道（麓岭社区）", "Lulinshan subdistrict (Luling community)", 47.286822, 130.251448, "proxy",
     "proxy: [V] 麓岭社区 230404006005; Vonng/adcode CC BY 4.0; GCJ-02->WGS84", district="d_nanshan")
node("n_liuhao", "六号街道", "Liuhao subdistrict", 47.300, 130.280, "estimated", ESTD.format("南山区"), district="d_nanshan")
node("n_dalu", "大陆街道", "Dalu subdistrict", 47.285, 130.262, "estimated", ESTD.format("南山区") + " (near 大陆煤矿 estimate)", district="d_nanshan")
node("n_fuli", "富力街道", "Fuli subdistrict", 47.265, 130.285, "estimated", ESTD.format("南山区") + " (near 富力煤矿 estimate)", district="d_nanshan")

V_node("n_seat_xingan", "兴安区政府", "Xing'an district seat", 47.250476, 130.231455, "230405000000", "d_xingan")
node("n_hongqi_town", "红旗镇（新农村）", "Hongqi town (Xinnong village)", 47.255656, 130.237816, "proxy",
     "proxy: [V] 新农村 230405100201 of 红旗镇; Vonng/adcode CC BY 4.0; GCJ-02->WGS84", district="d_xingan")
for nid, zh, en, la, lo in [
        ("n_xinganlu", "兴安路街道", "Xing'anlu subdistrict", 47.2525, 130.2280),
        ("n_xingjianlu", "兴建路街道", "Xingjianlu subdistrict", 47.2470, 130.2350),
        ("n_xingchanglu", "兴长路街道", "Xingchanglu subdistrict", 47.2570, 130.2220),
        ("n_jundelu", "峻德路街道", "Jundelu subdistrict", 47.2380, 130.2400),
        ("n_hedonglu", "河东路街道", "Hedonglu subdistrict", 47.2500, 130.2470),
        ("n_guangyu", "光宇街道", "Guangyu subdistrict", 47.2640, 130.2200)]:
    node(nid, zh, en, la, lo, "estimated", ESTD.format("兴安区"), district="d_xingan")

V_node("n_seat_dongshan", "东山区政府", "Dongshan district seat", 47.336078, 130.309124, "230406000000", "d_dongshan")
V_node("n_sanjie", "三街街道", "Sanjie subdistrict", 47.351441, 130.321336, "230406003000", "d_dongshan")
node("n_gongrencun", "工人村街道", "Gongrencun subdistrict", 47.305, 130.315, "estimated",
     ESTD.format("东山区") + "; 益新社区 (益新煤矿) belongs to it (ref §4.1)", district="d_dongshan")
node("n_xinyi", "新一街道", "Xinyi subdistrict", 47.345, 130.330, "estimated", ESTD.format("东山区") + "; 新一煤矿 (ref §4.1)", district="d_dongshan")
node("n_hglj", "鹤岗市林业局", "Hegang Forestry Bureau HQ", 47.358, 130.330, "estimated",
     "estimated: no coordinate in [V] (ref §1.2 lists it without one); placed in the 东山区 urban fringe", district="d_dongshan")
V_node("n_dongfanghong", "东方红乡", "Dongfanghong township", 47.327522, 130.329144, "230406202000", "d_dongshan")
node("n_shuyuan", "蔬园乡（合兴村）", "Shuyuan township (Hexing village)", 47.345491, 130.245101, "proxy",
     "proxy: [V] 合兴村 230406201204 of 蔬园乡; Vonng/adcode CC BY 4.0; GCJ-02->WGS84", district="d_dongshan")
V_node("n_kaoshan", "靠山村", "Kaoshan village", 47.270753, 130.319776, "230406202200", "d_dongshan")
V_node("n_xinhua", "新华镇", "Xinhua town", 47.105520, 130.287116, "230406100000", "d_dongshan",
       elev=flood_elev(47.105520, 130.287116, "Songhua", 4.0, "inland terrace on the lower 鹤立河 ~23 km from the Songhua channel"))
V_node("n_xinhua_farm", "新华农场", "Xinhua state farm", 47.110480, 130.304746, "230406500000", "d_dongshan",
       elev=flood_elev(47.110480, 130.304746, "Songhua", 4.0, "same lowland as 新华镇"))

V_node("n_seat_xingshan", "兴山区政府", "Xingshan district seat", 47.355260, 130.295631, "230407000000", "d_xingshan")
V_node("n_gounan", "沟南街道", "Gounan subdistrict", 47.352730, 130.291866, "230407004000", "d_xingshan")
node("n_goubei", "沟北街道", "Goubei subdistrict", 47.360, 130.300, "estimated", ESTD.format("兴山区"), district="d_xingshan")
node("n_lingnan", "岭南街道", "Lingnan subdistrict", 47.368, 130.312, "estimated", ESTD.format("兴山区"), district="d_xingshan")
node("n_lingbei", "岭北街道", "Lingbei subdistrict", 47.385, 130.318, "estimated", ESTD.format("兴山区") + " (岭北 mine area)", district="d_xingshan")

# ---- trunk-road waypoints (estimated)
EW = "estimated: trunk-road waypoint placed on the assumed alignment ({}); ±3 km"
node("n_g11_start", "G11 鹤大高速起点（东山区）", "G11 northern terminus (Dongshan)", 47.318, 130.335, "estimated", EW.format("G11 starts in 东山区 at 河里大桥, ref §2.1"), district="d_dongshan")
node("n_heli_br_n", "河里大桥北端", "Heli bridge north end (G11)", 47.309, 130.342, "estimated", EW.format("河里大桥, G11, ref §2.1"), district="d_dongshan")
node("n_heli_br_s", "河里大桥南端", "Heli bridge south end (G11)", 47.302, 130.346, "estimated", EW.format("河里大桥, G11, ref §2.1"), district="d_dongshan")
node("n_g11_xinhua_ic", "G11 新华互通", "G11 Xinhua interchange", 47.13, 130.33, "estimated", EW.format("G11 south toward 佳木斯"), district="d_dongshan")
node("n_g11_south", "G11 市界（东山区南）", "G11 at the southern city boundary", 47.07, 130.34, "estimated", EW.format("G11 south toward 佳木斯"), district="d_dongshan")
node("n_g1111_s", "G1111 城南", "G1111 south of the city", 47.28, 130.30, "estimated", EW.format("G1111 west from the G11"), district="d_nanshan")
node("n_g1111_xhl", "G1111 小鹤立河桥东", "G1111 east of Xiaoheli river bridge", 47.30, 130.18, "estimated", EW.format("G1111 west"), district="d_dongshan")
node("n_g1111_xhl_w", "G1111 小鹤立河桥西", "G1111 west of Xiaoheli river bridge", 47.302, 130.170, "estimated", EW.format("G1111 crossing 小鹤立河 upstream of the reservoir"), district="d_dongshan")
node("n_g1111_sandao", "G1111 三道互通", "G1111 Sandao interchange", 47.33, 130.00, "estimated", EW.format("G1111 west"), district="d_dongshan")
node("n_g1111_west", "G1111 市界（西）", "G1111 at the western city boundary", 47.40, 129.86, "estimated", EW.format("G1111 toward 伊春"), district="d_dongshan")
node("n_xhl_br_e", "鹤伊公路小鹤立河桥东", "Heyi road Xiaoheli bridge east", 47.326, 130.218, "estimated", EW.format("鹤伊公路 below the 小鹤立河 dam"), district="d_dongshan")
node("n_xhl_br_w", "鹤伊公路小鹤立河桥西", "Heyi road Xiaoheli bridge west", 47.327, 130.210, "estimated", EW.format("鹤伊公路 below the 小鹤立河 dam"), district="d_dongshan")
node("n_g201_s", "G201 兴安南", "old G201 south of Xing'an", 47.18, 130.22, "estimated", EW.format("old G201 toward 汤原"), district="d_dongshan")
node("n_heli_br2_n", "鹤立河桥北（新华路）", "Heli river bridge north (Xinhua road)", 47.125, 130.290, "estimated", EW.format("city–新华 road crossing 鹤立河, which passes 新华镇 (ref §3.1)"), district="d_dongshan")
node("n_heli_br2_s", "鹤立河桥南（新华路）", "Heli river bridge south (Xinhua road)", 47.118, 130.289, "estimated", EW.format("as above"), district="d_dongshan")
node("n_xinxing_rd", "新兴矿区路口", "Xinxing mine road junction", 47.405, 130.328, "estimated", EW.format("road north via 兴山/鸟山 toward 鹤北, ref §2.2 #9"), district="d_xingshan")
node("n_niaoshan_rd", "鸟山路口", "Niaoshan junction", 47.45, 130.36, "estimated", EW.format("ref §2.2 #9 (via 鸟山)"), district="d_dongshan")
node("n_xinlu_rd", "新陆路口", "Xinlu junction", 47.47, 130.38, "estimated", EW.format("ref §2.2 #9"), district="d_dongshan")

# 梧桐河 crossings (boundary river 东山/萝北, ref §3.1)
(a0, a1) = boundary_bridge("wt1", 47.47, 130.38, 47.538657, 130.458176, 230406, 230421, "梧桐河", "鹤北路")
node("n_wt_br1_w", "梧桐河桥西（鹤北路）", "Wutong bridge west (Hebei road)", *a0, "estimated", EW.format("梧桐河 = 东山/萝北 boundary (ref §3.1); bridge where the road line crosses it"), district="d_dongshan")
node("n_wt_br1_e", "梧桐河桥东（鹤北路）", "Wutong bridge east (Hebei road)", *a1, "estimated", EW.format("as above"), district="d_luobei")
(b0, b1) = boundary_bridge("wt2", 47.327522, 130.329144, 47.424760, 130.575832, 230406, 230421, "梧桐河", "鹤宝路")
node("n_wt_br2_w", "梧桐河桥西（鹤宝路）", "Wutong bridge west (Hegang–Baoquanling road)", *b0, "estimated", EW.format("梧桐河 = 东山/萝北 boundary; road line crossing"), district="d_dongshan")
node("n_wt_br2_e", "梧桐河桥东（鹤宝路）", "Wutong bridge east (Hegang–Baoquanling road)", *b1, "estimated", EW.format("as above"), district="d_luobei")
(c0, c1) = boundary_bridge("wt3", 47.110480, 130.304746, 47.424760, 130.575832, 230406, 230421, "梧桐河", "哈萝公路")
node("n_wt_br3_w", "梧桐河桥西（哈萝公路）", "Wutong bridge west (Harbin–Luobei road)", *c0, "estimated", EW.format("梧桐河 = 东山/萝北 boundary; assumed 哈萝 alignment 新华农场–宝泉岭"), district="d_dongshan")
node("n_wt_br3_e", "梧桐河桥东（哈萝公路）", "Wutong bridge east (Harbin–Luobei road)", *c1, "estimated", EW.format("as above"), district="d_luobei")

# ---- Luobei
V_node("n_fengxiang", "凤翔镇", "Fengxiang town (Luobei seat)", 47.571601, 130.811536, "230421100000", "d_luobei")
V_node("n_seat_luobei", "萝北县政府", "Luobei county seat", 47.574111, 130.843755, "230421000000", "d_luobei")
V_node("n_dongming", "东明朝鲜族乡", "Dongming Korean township", 47.568994, 130.820277, "230421200000", "d_luobei")
V_node("n_lbfb", "萝北县林业局", "Luobei County Forestry Bureau", 47.572955, 130.834613, "230421400000", "d_luobei")
V_node("n_hebei", "鹤北镇", "Hebei town", 47.538657, 130.458176, "230421101000", "d_luobei")
V_node("n_hbfb", "鹤北林业局", "Hebei Forestry Bureau", 47.551323, 130.450476, "230421401000", "d_luobei")
# 名山镇: the [V] point (47.679232, 131.076561) lies 0.38 km north of the Natural Earth Amur centre line,
# which is too coarse here (the town is on the right bank, the channel runs north of it). The road node
# is put 0.75 km south, on the right bank of that line, so that the roads into the town do not "cross
# the Amur" (check_map.py / hgdrill validate river check); facilities and the ground level keep the
# [V] point.
node("n_mingshan", "名山镇", "Mingshan town (Luobei port)", 47.6725, 131.076561, "proxy",
     V.format("230421102000") + "; road node moved 0.75 km S of the [V] point (47.679232) onto the right bank of "
     "the Natural Earth Amur centre line, which passes 0.38 km S of the [V] point", district="d_luobei",
     elev=flood_elev(47.679232, 131.076561, "Amur", 1.0, "port town on the Amur bank behind the dyke"))
V_node("n_tuanjie_lb", "团结镇", "Tuanjie town", 47.484373, 130.872773, "230421103000", "d_luobei",
       elev=flood_elev(47.484373, 130.872773, "Songhua", 6.0, "lower 都鲁河 marsh plain, ~35 km N of the Songhua; flood/waterlogging prone (ref §3.1)"))
V_node("n_zhaoxing", "肇兴镇", "Zhaoxing town", 47.722945, 131.340016, "230421104000", "d_luobei",
       elev=flood_elev(47.722945, 131.340016, "Amur", 1.0, "town on the Amur bank behind the dyke"))
V_node("n_taipinggou", "太平沟乡", "Taipinggou township", 48.132430, 130.665933, "230421203000", "d_luobei")
V_node("n_junchuan", "军川农场", "Junchuan state farm", 47.530010, 131.250678, "230421502000", "d_luobei")
V_node("n_gongqing", "共青农场", "Gongqing state farm", 47.581207, 130.703776, "230421505000", "d_luobei")
V_node("n_baoquanling", "宝泉岭农场", "Baoquanling state farm", 47.424760, 130.575832, "230421506000", "d_luobei")
node("n_yunshan", "云山镇（新跃村）", "Yunshan town (Xinyue village)", 47.724110, 130.646163, "proxy",
     "proxy: [V] 新跃村 230421105204 of 云山镇; Vonng/adcode CC BY 4.0; GCJ-02->WGS84", district="d_luobei")
ESTZ = "estimated: ref §1.2 lists it without coordinates; placed inside {} ({}); ±5–10 km"
node("n_jiangbin", "江滨农场", "Jiangbin state farm", 47.30, 130.80, "estimated", ESTZ.format("萝北县", "south, toward the Songhua"), district="d_luobei",
     elev=flood_elev(47.30, 130.80, "Songhua", 3.0, "Songhua–都鲁河 lowland"))
node("n_mingshan_farm", "名山农场", "Mingshan state farm", 47.64, 131.05, "estimated", ESTZ.format("萝北县", "near 名山镇 per ref §1.2"), district="d_luobei",
     elev=flood_elev(47.64, 131.05, "Amur", 3.0, "Amur lowland ~4 km inland"))
node("n_yanjun", "延军农场", "Yanjun state farm", 47.44, 131.15, "estimated", ESTZ.format("萝北县", "east, between 团结 and 军川"), district="d_luobei")
node("n_bql_city", "宝泉岭管理局局直", "Baoquanling bureau-direct area", 47.435, 130.59, "estimated", ESTZ.format("萝北县", "at 宝泉岭, next to the farm HQ"), district="d_luobei")
# 都鲁河 crossings (river passes 四方山林场 -> 鹤北镇 -> 共青农场 -> 团结镇, ref §3.1)
node("n_dl_br1_w", "都鲁河桥西（鹤北）", "Dulu bridge west (Hebei)", 47.541, 130.470, "estimated", EW.format("都鲁河 passes 鹤北镇 (ref §3.1)"), district="d_luobei")
node("n_dl_br1_e", "都鲁河桥东（鹤北）", "Dulu bridge east (Hebei)", 47.543, 130.478, "estimated", EW.format("as above"), district="d_luobei")
node("n_dl_br2_w", "都鲁河桥西（哈萝公路）", "Dulu bridge west (Harbin–Luobei road)", 47.525, 130.745, "estimated", EW.format("都鲁河 between 共青农场 and 团结镇, on 哈萝公路"), district="d_luobei")
node("n_dl_br2_e", "都鲁河桥东（哈萝公路）", "Dulu bridge east (Harbin–Luobei road)", 47.530, 130.753, "estimated", EW.format("as above"), district="d_luobei")

# ---- Suibin
V_node("n_suibin", "绥滨镇", "Suibin town (county seat)", 47.284494, 131.861198, "230422100000", "d_suibin",
       elev=flood_elev(47.284494, 131.861198, "Songhua", 1.0, "county town on the Songhua north bank behind the dyke"))
V_node("n_seat_suibin", "绥滨县政府", "Suibin county seat", 47.286813, 131.845009, "230422000000", "d_suibin",
       elev=flood_elev(47.286813, 131.845009, "Songhua", 1.0, "as 绥滨镇"))
V_node("n_suidong", "绥东镇", "Suidong town", 47.416316, 132.099991, "230422101000", "d_suibin",
       elev=flood_elev(47.416316, 132.099991, "Songhua", 1.0, "on the lower Songhua north bank"))
V_node("n_zhongren", "忠仁镇", "Zhongren town", 47.547408, 131.843179, "230422102000", "d_suibin",
       elev=flood_elev(47.547408, 131.843179, "Amur", 3.0, "Amur lowland ~14 km S of the channel"))
V_node("n_liansheng", "连生乡", "Liansheng township", 47.407801, 131.945086, "230422200000", "d_suibin")
V_node("n_beigang", "北岗乡", "Beigang township", 47.345199, 131.764713, "230422201000", "d_suibin")
V_node("n_fuqiang", "富强乡", "Fuqiang township", 47.310444, 131.606508, "230422202000", "d_suibin")
V_node("n_beishan_sb", "北山乡", "Beishan township (Suibin)", 47.449148, 131.732501, "230422203000", "d_suibin")
V_node("n_fuxing", "福兴乡", "Fuxing township", 47.585077, 131.659187, "230422204000", "d_suibin")
V_node("n_xinfu", "新富乡", "Xinfu township", 47.402197, 131.460510, "230422205000", "d_suibin")
V_node("n_suibin_farm", "绥滨农场", "Suibin state farm", 47.520961, 131.680820, "230422501000", "d_suibin")
V_node("n_puyang", "普阳农场", "Puyang state farm", 47.273881, 131.352564, "230422503000", "d_suibin",
       elev=flood_elev(47.273881, 131.352564, "Songhua", 1.5, "Songhua north-bank plain ~7 km from the channel"))
node("n_farm290", "二九〇农场", "290 state farm", 47.50, 132.25, "estimated", ESTZ.format("绥滨县", "east, toward the Amur–Songhua confluence"), district="d_suibin",
     elev=flood_elev(47.50, 132.25, "Songhua", 1.5, "confluence lowland"))
node("n_sbxilc", "绥滨西林场", "Suibin West forest farm", 47.33, 131.22, "estimated", ESTZ.format("绥滨县", "western end, by the name"), district="d_suibin")
node("n_zxbflc", "国营中兴边防林场", "Zhongxing border forest farm", 47.68, 131.66, "estimated", ESTZ.format("绥滨县", "on the Amur border, by the name"), district="d_suibin",
     elev=flood_elev(47.68, 131.66, "Amur", 2.0, "Amur bank"))
# Songhua: 富绥大桥 (bridge 3,457.7 m, ref §2.1). Ends 3.3 km apart (great-circle) so the sourced 3.458 km deck length holds.
node("n_fusui_n", "富绥松花江大桥北端", "Fusui Songhua bridge north end", 47.2790, 131.8800, "estimated",
     EW.format("富绥大桥 north (绥滨) abutment, at the 绥滨县 polygon's Songhua bank (the NE centre-line runs ~3 km too far south here)"), district="d_suibin",
     elev=flood_elev(47.268, 131.872, "Songhua", 0.5, "floodplain approach embankment toe"))
node("n_fusui_s", "富绥松花江大桥南端", "Fusui Songhua bridge south end", 47.2495, 131.8850, "estimated",
     EW.format("富绥大桥 south (富锦) abutment"), outside=True,
     elev=flood_elev(47.240, 131.880, "Songhua", 0.5, "south-bank floodplain at the abutment"))
node("n_fusui_s_road", "富绥大桥南引道（江南）", "Fusui bridge south approach (south bank)", 47.235, 131.96, "estimated",
     EW.format("south approach to 富锦 kept on the Songhua's right bank, south of the NE centre line, which runs along "
               "lat 47.25 here"), outside=True)

# ---- forest farms (nodes), [V]
FF = [  # id, zh, en, lat, lon, code, district
    ("n_ff_taipinggou", "太平沟林场", "Taipinggou forest farm", 48.122010, 130.652520, "230421400501", "d_luobei"),
    ("n_ff_damahe", "大马河林场", "Damahe forest farm", 47.918568, 130.814526, "230421400502", "d_luobei"),
    ("n_ff_jinmantun", "金满屯林场", "Jinmantun forest farm", 48.014103, 130.725556, "230421400503", "d_luobei"),
    ("n_ff_yumihe", "渔米河林场", "Yumihe forest farm", 47.660253, 130.454909, "230421400505", "d_luobei"),
    ("n_ff_ershilihe", "二十里河林场", "Ershilihe forest farm", 47.742803, 130.811666, "230421400506", "d_luobei"),
    ("n_ff_zhongxing", "中兴林场", "Zhongxing forest farm", 48.235012, 130.494693, "230421401502", "d_luobei"),
    ("n_ff_lianying", "联营林场", "Lianying forest farm", 48.148055, 130.294282, "230421401503", "d_luobei"),
    ("n_ff_jinkuang", "金矿林场", "Jinkuang forest farm", 47.956909, 130.400559, "230421401505", "d_luobei"),
    ("n_ff_sifangshan", "四方山林场", "Sifangshan forest farm", 47.779135, 130.480922, "230421401507", "d_luobei"),
    ("n_ff_qinglin", "庆林林场", "Qinglin forest farm", 48.137117, 130.154116, "230421401508", "d_luobei"),
    ("n_ff_xiaowutong", "小梧桐林场", "Xiaowutong forest farm", 47.881910, 130.253051, "230421401511", "d_luobei"),
    ("n_ff_sandao", "三道林场", "Sandao forest farm", 47.313865, 129.994081, "230406400502", "d_dongshan"),
    ("n_ff_shilihe", "十里河林场", "Shilihe forest farm", 47.517249, 130.166148, "230406400503", "d_dongshan"),
    ("n_ff_tongzigou", "桶子沟林场", "Tongzigou forest farm", 47.605636, 129.974381, "230406400504", "d_dongshan"),
    ("n_ff_shibahao", "十八号林场", "Shibahao forest farm", 47.508742, 129.981122, "230406400505", "d_dongshan"),
    ("n_ff_xilinhe", "细鳞河林场", "Xilinhe forest farm", 47.537376, 130.308473, "230406400506", "d_dongshan"),
    ("n_ff_hongqi", "红旗林场", "Hongqi forest farm", 47.419359, 130.216819, "230406400507", "d_dongshan"),
]
for nid, zh, en, la, lo, code, d in FF:
    V_node(nid, zh, en, la, lo, code, d)
# G331 waypoints keeping the border road on the right (Chinese) bank where the straight line between
# two places would cut across a bend of the NE Amur centre line.
node("n_g331_ms_e", "G331 名山—肇兴（沿江）", "G331 east of Mingshan (river bend)", 47.672, 131.15, "estimated",
     EW.format("G331 east of 名山, south of the Amur bend at 131.10–131.15 E"), district="d_luobei")
node("n_g331_zx_e", "G331 肇兴—中兴（沿江）", "G331 east of Zhaoxing (river bend)", 47.645, 131.61, "estimated",
     EW.format("G331 east of 肇兴, south of the Amur bend at 131.58–131.63 E"))
node("n_g331_jmt_w", "G331 金满屯—太平沟（山路）", "G331 between Jinmantun and Taipinggou", 48.06, 130.64, "estimated",
     EW.format("G331 between 金满屯 and 太平沟 forest farms, west of the Amur bend at 130.66–130.68 E"), district="d_luobei")
node("n_ff_helin", "鹤林林场", "Helin forest farm", 47.47, 130.12, "estimated",
     "estimated: named among 鹤岗市林业局 farms (ref §4.4) without coordinate; placed between 红旗 and 十里河 farms", district="d_dongshan")

# =============================================================== ROADS
# (classes/speeds: see ROAD_CLASSES below)
U = "urban"
def urb(pairs, zh="城区干道", en="urban arterial"):
    for a, b in pairs:
        road(f"r_u_{a[2:]}_{b[2:]}", a, b, zh, en, U, "urban")

urb([("n_hg_gov", "n_hongjun"), ("n_hg_gov", "n_shengli"), ("n_shengli", "n_nanyi"), ("n_hg_gov", "n_guangming"),
     ("n_hongjun", "n_beishan_xy"), ("n_hongjun", "n_gounan"), ("n_guangming", "n_tuanjie_gn"), ("n_nanyi", "n_seat_dongshan"),
     ("n_shengli", "n_tuanjie_gn"), ("n_hongjun", "n_guangming"),
     ("n_tuanjie_gn", "n_jiefang"), ("n_jiefang", "n_hongqi_gn"), ("n_hongqi_gn", "n_seat_gongnong"), ("n_seat_gongnong", "n_yucai"),
     ("n_seat_gongnong", "n_xinnan"), ("n_xinnan", "n_hubin"), ("n_hongqi_gn", "n_xinnan"), ("n_jiefang", "n_shuyuan"),
     ("n_guangming", "n_shuyuan"),
     ("n_yucai", "n_tiexi"), ("n_tiexi", "n_seat_nanshan"), ("n_seat_nanshan", "n_tiedong"), ("n_tiedong", "n_shengli"),
     ("n_seat_nanshan", "n_liuhao"), ("n_liuhao", "n_dalu"), ("n_dalu", "n_lulinshan"), ("n_hubin", "n_lulinshan"),
     ("n_liuhao", "n_fuli"), ("n_liuhao", "n_g1111_s"), ("n_fuli", "n_g1111_s"),
     ("n_seat_xingan", "n_xinganlu"), ("n_xinganlu", "n_xingchanglu"), ("n_xingchanglu", "n_guangyu"),
     ("n_seat_xingan", "n_xingjianlu"), ("n_xingjianlu", "n_jundelu"), ("n_seat_xingan", "n_hongqi_town"),
     ("n_hongqi_town", "n_hedonglu"), ("n_hedonglu", "n_xingjianlu"),
     ("n_seat_dongshan", "n_sanjie"), ("n_sanjie", "n_xinyi"), ("n_seat_dongshan", "n_xinyi"), ("n_sanjie", "n_hglj"),
     ("n_seat_dongshan", "n_dongfanghong"), ("n_dongfanghong", "n_g11_start"), ("n_gongrencun", "n_g11_start"),
     ("n_gongrencun", "n_liuhao"), ("n_gongrencun", "n_dongfanghong"), ("n_tiedong", "n_gongrencun"),
     ("n_gounan", "n_seat_xingshan"), ("n_seat_xingshan", "n_goubei"), ("n_goubei", "n_lingnan"), ("n_lingnan", "n_lingbei"),
     ("n_lingnan", "n_sanjie"), ("n_beishan_xy", "n_goubei"),
     ("n_seat_luobei", "n_lbfb"), ("n_fengxiang", "n_dongming"), ("n_dongming", "n_lbfb"), ("n_fengxiang", "n_seat_luobei"),
     ("n_hebei", "n_hbfb"), ("n_suibin", "n_seat_suibin"), ("n_baoquanling", "n_bql_city")])
# city <-> 兴安 (ref §2.2 #23: urban arterial ≈15 km city–兴安/峻德)
road("r_u_fuli_hedonglu", "n_fuli", "n_hedonglu", "鹤岗—兴安 干道", "Hegang–Xing'an arterial", "urban", "urban", src="ref §2.2 #23 city–兴安 arterial")
road("r_u_lulinshan_guangyu", "n_lulinshan", "n_guangyu", "鹤岗—兴安 西线", "Hegang–Xing'an west arterial", "urban", "urban", src="ref §2.2 #23")

# G11 鹤大高速 (ref §2.1: starts at 东山区 河里大桥)
G11 = ("G11 鹤大高速", "G11 Hegang–Dalian Expressway")
road("r_g11_1", "n_g11_start", "n_heli_br_n", *G11, "motorway", "urban")
bridge("r_g11_heli_bridge", "n_heli_br_n", "n_heli_br_s", "G11 河里大桥", "G11 Heli bridge", "motorway", "estimated (the reference names the bridge as G11's start in 东山区, ref §2.1; site not georeferenced)")
road("r_g11_2", "n_heli_br_s", "n_g11_xinhua_ic", *G11, "motorway", "plain")
road("r_g11_3", "n_g11_xinhua_ic", "n_g11_south", *G11, "motorway", "plain")
road("r_g11_4", "n_g11_south", "n_g11_sh_n", *G11, "motorway", "plain", src="part of the 25.239 km 佳木斯过境段 opened 2022-11-08 (ref §2.1)")
bridge("r_g11_songhua_bridge", "n_g11_sh_n", "n_jiamusi", "鹤大高速佳木斯松花江特大桥", "G11 Jiamusi Songhua bridge", "motorway",
       "estimated (ref §2.1: one super-major Songhua bridge on the 佳木斯过境段; site not georeferenced; the edge ends at the 佳木斯 node on the south bank)")
# G1111 鹤哈高速 (ref §2.1: 460 km total, G11 at Hegang -> 伊春 -> 绥化 -> 哈尔滨)
G1111 = ("G1111 鹤哈高速", "G1111 Hegang–Harbin Expressway")
road("r_g1111_1", "n_heli_br_s", "n_g1111_s", *G1111, "motorway", "urban")
road("r_g1111_2", "n_g1111_s", "n_g1111_xhl", *G1111, "motorway", "plain")
bridge("r_g1111_xhl_bridge", "n_g1111_xhl", "n_g1111_xhl_w", "G1111 小鹤立河大桥", "G1111 Xiaoheli river bridge", "motorway",
       "estimated: G1111 must cross the 鹤立河 system west of the city; placed upstream of the reservoir")
road("r_g1111_3", "n_g1111_xhl_w", "n_g1111_sandao", *G1111, "motorway", "hilly")
road("r_g1111_4", "n_g1111_sandao", "n_g1111_west", *G1111, "motorway", "hilly")
road("r_g1111_5", "n_g1111_west", "n_yichun", *G1111, "motorway", "hilly")
_g1111_hg = sum(r["length_km"] for r in ROADS if r["id"].startswith("r_g1111_"))
road("r_g1111_yichun_harbin", "n_yichun", "n_harbin", *G1111, "motorway",
     length=round(460 - _g1111_hg, 1),
     src=f"ref §2.1 G1111 total 460 km (de-wiki) minus the {_g1111_hg:.1f} km modelled from the G11 junction to 伊春")
road("r_acc_sandao_ic", "n_g1111_sandao", "n_ff_sandao", "三道林场连接路", "Sandao farm link", "forest", "hilly")
# 鹤伊公路 (ordinary road, ref §2.1)
HY = ("鹤伊公路", "Hegang–Yichun road")
road("r_heyi_1", "n_shuyuan", "n_xhl_br_e", *HY, "primary", "plain")
road("r_heyi_1b", "n_xinnan", "n_xhl_br_e", *HY, "primary", "urban")
bridge("r_heyi_xhl_bridge", "n_xhl_br_e", "n_xhl_br_w", "鹤伊公路 小鹤立河桥", "Heyi road Xiaoheli bridge", "primary",
       "estimated: just below the 小鹤立河 dam (dam ≈5 km from the centre, ref §3.1)")
road("r_heyi_2", "n_xhl_br_w", "n_ff_sandao", *HY, "primary", "hilly")
road("r_heyi_3", "n_ff_sandao", "n_yichun", *HY, "primary", "hilly")
# old G201 (ref §2.1/§2.2 #2-3)
G201 = ("G201 鹤大公路（老国道）", "old G201 Hegang–Dalian road")
road("r_g201_1", "n_jundelu", "n_g201_s", *G201, "trunk", "plain")
road("r_g201_2", "n_g201_s", "n_tangyuan", *G201, "trunk", "plain")
road("r_g201_3", "n_tangyuan", "n_g201_tangyuan_e", *G201, "trunk", "plain", src="north bank, toward the 佳木斯 bridge (ref §2.2 #3)")
road("r_g201_4", "n_g201_tangyuan_e", "n_g201_sh_n", *G201, "trunk", "plain", src="north bank, toward the 佳木斯 bridge (ref §2.2 #3)")
bridge("r_g201_songhua_bridge", "n_g201_sh_n", "n_g201_sh_s", "佳木斯松花江公路大桥（老G201）", "Jiamusi Songhua highway bridge (old G201)", "trunk",
       "estimated (ref §2.2 #3: the old G201 crosses the Songhua at 佳木斯; name unverified, site not georeferenced)")
road("r_g201_5", "n_g201_sh_s", "n_jiamusi", *G201, "trunk", "urban", src="south bridgehead into 佳木斯")
# city -> 新华 (ref §2.2 #22) with 鹤立河 bridge
XH = ("鹤岗—新华公路", "Hegang–Xinhua road")
road("r_xinhua_1", "n_gongrencun", "n_kaoshan", *XH, "secondary", "plain")
road("r_xinhua_2", "n_kaoshan", "n_heli_br2_n", *XH, "secondary", "plain")
bridge("r_xinhua_heli_bridge", "n_heli_br2_n", "n_heli_br2_s", "鹤立河大桥（新华）", "Heli river bridge (Xinhua)", "secondary",
       "estimated: 鹤立河 turns at 新华镇 (ref §3.1)")
road("r_xinhua_3", "n_heli_br2_s", "n_xinhua", *XH, "secondary", "plain", zone="z_xinhua")
road("r_xinhua_4", "n_xinhua", "n_xinhua_farm", "新华镇—新华农场", "Xinhua town–farm road", "tertiary", "plain", zone="z_xinhua")
road("r_xinhua_ic_1", "n_xinhua_farm", "n_g11_xinhua_ic", "G11 新华连接线", "G11 Xinhua link", "secondary", "plain", zone="z_xinhua_farm")
road("r_xinhua_ic_2", "n_kaoshan", "n_g11_start", "靠山—G11 连接线", "Kaoshan–G11 link", "tertiary", "plain")
# 哈萝公路 (Harbin–Luobei via 宝泉岭, ref §2.1, §2.2 #7-8; alignment via 新华农场 assumed)
HL = ("哈萝公路", "Harbin–Luobei road")
road("r_haluo_1", "n_tangyuan", "n_xinhua_farm", *HL, "primary", "plain", zone="z_xinhua_farm")
road("r_haluo_2", "n_xinhua_farm", "n_wt_br3_w", *HL, "primary", "plain")
bridge("r_haluo_wutong_bridge", "n_wt_br3_w", "n_wt_br3_e", "哈萝公路 梧桐河大桥", "Harbin–Luobei road Wutong bridge", "primary",
       "estimated: at the 东山/萝北 boundary (= 梧桐河, ref §3.1) on the assumed alignment")
road("r_haluo_3", "n_wt_br3_e", "n_baoquanling", *HL, "primary", "plain")
road("r_haluo_4", "n_baoquanling", "n_dl_br2_w", *HL, "primary", "plain")
bridge("r_haluo_dulu_bridge", "n_dl_br2_w", "n_dl_br2_e", "哈萝公路 都鲁河大桥", "Harbin–Luobei road Dulu bridge", "primary",
       "estimated: 都鲁河 passes between 共青农场 and 团结镇 (ref §3.1)")
road("r_haluo_5", "n_dl_br2_e", "n_fengxiang", *HL, "primary", "plain")
# 鹤宝路 city -> 宝泉岭 (ref §2.2 #6, name unverified)
HB = ("鹤宝公路（名称未核实）", "Hegang–Baoquanling road (name unverified)")
road("r_hebao_1", "n_dongfanghong", "n_wt_br2_w", *HB, "secondary", "plain")
bridge("r_hebao_wutong_bridge", "n_wt_br2_w", "n_wt_br2_e", "鹤宝公路 梧桐河桥", "Hegang–Baoquanling Wutong bridge", "secondary",
       "estimated: 梧桐河 = 东山/萝北 boundary (ref §3.1)")
road("r_hebao_2", "n_wt_br2_e", "n_baoquanling", *HB, "secondary", "plain")
# city -> 鹤北 (ref §2.2 #9)
HBR = ("鹤岗—鹤北公路（名称未核实）", "Hegang–Hebei road (name unverified)")
road("r_hebei_1", "n_lingbei", "n_xinxing_rd", *HBR, "secondary", "urban")
road("r_hebei_2", "n_xinxing_rd", "n_niaoshan_rd", *HBR, "secondary", "plain")
road("r_hebei_3", "n_niaoshan_rd", "n_xinlu_rd", *HBR, "secondary", "plain")
road("r_hebei_4", "n_xinlu_rd", "n_wt_br1_w", *HBR, "secondary", "plain")
bridge("r_hebei_wutong_bridge", "n_wt_br1_w", "n_wt_br1_e", "鹤北公路 梧桐河桥", "Hebei road Wutong bridge", "secondary",
       "estimated: 梧桐河 = 东山/萝北 boundary (ref §3.1)")
road("r_hebei_5", "n_wt_br1_e", "n_hebei", *HBR, "secondary", "plain")
# 鹤北 -> 凤翔 (ref §2.2 #10) with 都鲁河 bridge at 鹤北
HF = ("鹤北—凤翔县道", "Hebei–Fengxiang county road")
road("r_hefeng_1", "n_hebei", "n_dl_br1_w", *HF, "secondary", "urban")
bridge("r_hefeng_dulu_bridge", "n_dl_br1_w", "n_dl_br1_e", "鹤北 都鲁河桥", "Dulu bridge at Hebei", "secondary",
       "estimated: 都鲁河 passes 鹤北镇 (ref §3.1)")
road("r_hefeng_2", "n_dl_br1_e", "n_gongqing", *HF, "secondary", "plain")
road("r_hefeng_3", "n_gongqing", "n_fengxiang", *HF, "secondary", "plain")
# 凤翔 -> 名山 -> 肇兴 (ref §2.2 #11-12), G331 east (assumed)
road("r_hengming_1", "n_fengxiang", "n_mingshan", "鹤名公路（名称未核实）", "road to Luobei port (name unverified)", "secondary", "plain", zone="z_mingshan")
road("r_mingshan_farm", "n_mingshan", "n_mingshan_farm", "名山—名山农场", "Mingshan–Mingshan farm", "tertiary", "plain")
G331 = ("G331 丹阿公路（沿江边防路）", "G331 border road along the Amur")
road("r_g331_e0", "n_mingshan", "n_g331_ms_e", *G331, "trunk", "plain", src="alignment east of 名山 assumed")
road("r_g331_e1", "n_g331_ms_e", "n_zhaoxing", *G331, "trunk", "plain", zone="z_zhaoxing")
road("r_g331_e2", "n_zhaoxing", "n_g331_zx_e", *G331, "trunk", "plain", src="alignment east of 肇兴 assumed")
road("r_g331_e2b", "n_g331_zx_e", "n_zxbflc", *G331, "trunk", "plain", src="alignment east of 肇兴 assumed")
road("r_g331_e3", "n_zxbflc", "n_zhongren", *G331, "trunk", "plain", src="alignment assumed", zone="z_zhongren")
road("r_g331_e4", "n_zhongren", "n_liansheng", *G331, "trunk", "plain", src="alignment assumed")
road("r_g331_e5", "n_liansheng", "n_suidong", *G331, "trunk", "plain", src="alignment assumed", zone="z_suidong")
road("r_suidong_290", "n_suidong", "n_farm290", "绥东—二九〇农场", "Suidong–290 farm road", "tertiary", "plain")
road("r_ferry_tongjiang", "n_farm290", "n_tongjiang", "松花江 同江渡口（估计）", "Songhua ferry to Tongjiang (estimated)", "ferry", "plain",
     src="no fixed bridge found between 绥滨 side and 同江; ferry/ice-road link assumed")
# G331 north-west along the Amur (ref §2.2 #13-14)
chain("r_g331_w", ["n_fengxiang", "n_ff_ershilihe", "n_ff_damahe", "n_ff_jinmantun", "n_g331_jmt_w", "n_ff_taipinggou", "n_taipinggou"],
      *G331, "trunk", "hilly", src="ref §2.2 #13: via the forest (hilly x1.35)")
road("r_g331_jiayin", "n_taipinggou", "n_jiayin", *G331, "trunk", "hilly", src="ref §2.2 #14; travel note: 嘉荫→萝北 '二百多公里' through the mountains")
# 萝北 county and forest roads
road("r_luobei_tuanjie", "n_fengxiang", "n_tuanjie_lb", "凤翔—团结县道", "Fengxiang–Tuanjie county road", "secondary", "plain", zone="z_tuanjie_lb")
road("r_tuanjie_jiangbin", "n_tuanjie_lb", "n_jiangbin", "团结—江滨农场", "Tuanjie–Jiangbin farm road", "tertiary", "plain")
road("r_tuanjie_bql", "n_tuanjie_lb", "n_baoquanling", "团结—宝泉岭", "Tuanjie–Baoquanling road", "tertiary", "plain")
road("r_tuanjie_yanjun", "n_tuanjie_lb", "n_yanjun", "团结—延军农场", "Tuanjie–Yanjun farm road", "tertiary", "plain")
road("r_yanjun_junchuan", "n_yanjun", "n_junchuan", "延军—军川", "Yanjun–Junchuan road", "tertiary", "plain")
SJ = ("省道 绥滨—嘉荫（绥嘉公路）", "provincial road Suibin–Jiayin")
road("r_suijia_1", "n_fengxiang", "n_junchuan", *SJ, "primary", "plain", src="ref §2.2 #16, assumed alignment")
road("r_suijia_2", "n_junchuan", "n_xinfu", *SJ, "primary", "plain", src="ref §2.2 #17, assumed alignment")
road("r_suijia_3", "n_xinfu", "n_beigang", *SJ, "primary", "plain")
road("r_suijia_4", "n_beigang", "n_seat_suibin", *SJ, "primary", "plain")
road("r_gongqing_yunshan", "n_gongqing", "n_yunshan", "共青—云山", "Gongqing–Yunshan road", "tertiary", "plain")
road("r_yunshan_ershilihe", "n_yunshan", "n_ff_ershilihe", "云山—二十里河", "Yunshan–Ershilihe road", "tertiary", "hilly")
FR = ("林区道路", "forest road")
road("r_f_yunshan_sifangshan", "n_yunshan", "n_ff_sifangshan", *FR, "forest", "hilly")
chain("r_f_hebei", ["n_hbfb", "n_ff_yumihe", "n_ff_sifangshan", "n_ff_jinkuang", "n_ff_zhongxing", "n_taipinggou"], *FR, "forest", "hilly",
      src="ref §2.2 #15 鹤北–太平沟 forest road (unverified)")
road("r_f_sifangshan_xiaowutong", "n_ff_sifangshan", "n_ff_xiaowutong", *FR, "forest", "hilly")
road("r_f_xiaowutong_jinkuang", "n_ff_xiaowutong", "n_ff_jinkuang", *FR, "forest", "hilly")
road("r_f_jinkuang_lianying", "n_ff_jinkuang", "n_ff_lianying", *FR, "forest", "hilly")
road("r_f_lianying_qinglin", "n_ff_lianying", "n_ff_qinglin", *FR, "forest", "hilly")
# 鹤岗市林业局 forest roads
chain("r_f_hglj", ["n_beishan_xy", "n_ff_hongqi", "n_ff_helin", "n_ff_shilihe", "n_ff_shibahao", "n_ff_tongzigou"], *FR, "forest", "hilly")
road("r_f_shilihe_xilinhe", "n_ff_shilihe", "n_ff_xilinhe", *FR, "forest", "hilly")
road("r_f_xinlu_xilinhe", "n_xinlu_rd", "n_ff_xilinhe", *FR, "forest", "hilly")
road("r_f_shibahao_sandao", "n_ff_shibahao", "n_ff_sandao", *FR, "forest", "hilly")
# 绥滨 county roads
road("r_fusui_approach_n", "n_suibin", "n_fusui_n", "横二线 富绥大桥北引道", "Fusui bridge north approach", "primary", "plain", zone="z_suibin")
bridge("r_fusui_bridge", "n_fusui_n", "n_fusui_s", "富绥松花江公路大桥", "Fusui Songhua highway bridge", "primary", None,
       length=3.458, speed=60,
       src="ref §2.1: bridge 3,457.7 m, 4-lane Class-1 road, 60 km/h (jendow.com.tw; dbw.cn 2011-05-19); end positions estimated")
road("r_fusui_approach_s", "n_fusui_s", "n_fusui_s_road", "横二线 富绥大桥南引道—富锦", "Fusui bridge south approach to Fujin", "primary", "plain",
     speed=60, src="project 14.448 km incl. 10.993 km main line (ref §2.1); alignment on the south bank estimated")
road("r_fusui_approach_s2", "n_fusui_s_road", "n_fujin", "横二线 富绥大桥南引道—富锦", "Fusui bridge south approach to Fujin", "primary", "plain",
     speed=60, src="project 14.448 km incl. 10.993 km main line (ref §2.1); Fujin position estimated")
road("r_suibin_liansheng", "n_suibin", "n_liansheng", "绥滨—连生县道", "Suibin–Liansheng county road", "secondary", "plain", zone="z_suibin")
road("r_sb_beishan", "n_seat_suibin", "n_beishan_sb", "绥滨—北山县道", "Suibin–Beishan county road", "secondary", "plain")
road("r_beishan_zhongren", "n_beishan_sb", "n_zhongren", "北山—忠仁", "Beishan–Zhongren road", "secondary", "plain")
road("r_beishan_sbfarm", "n_beishan_sb", "n_suibin_farm", "北山—绥滨农场", "Beishan–Suibin farm road", "tertiary", "plain")
road("r_sbfarm_fuxing", "n_suibin_farm", "n_fuxing", "绥滨农场—福兴", "Suibin farm–Fuxing road", "tertiary", "plain")
road("r_fuxing_zxbf", "n_fuxing", "n_zxbflc", "福兴—中兴边防林场", "Fuxing–Zhongxing border farm road", "tertiary", "plain")
road("r_sb_fuqiang", "n_seat_suibin", "n_fuqiang", "绥滨—富强—普阳（沿江西路）", "Suibin–Fuqiang–Puyang road", "secondary", "plain")
road("r_fuqiang_puyang", "n_fuqiang", "n_puyang", "绥滨—富强—普阳（沿江西路）", "Suibin–Fuqiang–Puyang road", "secondary", "plain", zone="z_puyang")
road("r_puyang_sbxi", "n_puyang", "n_sbxilc", "普阳—绥滨西林场", "Puyang–Suibin West farm road", "tertiary", "plain")
road("r_fuqiang_xinfu", "n_fuqiang", "n_xinfu", "富强—新富", "Fuqiang–Xinfu road", "tertiary", "plain")
# outside links
road("r_g1011_jms_harbin", "n_jiamusi", "n_g1011_yilan", "G1011 哈同高速", "G1011 Harbin–Tongjiang Expressway", "motorway", "plain")
road("r_g1011_yilan_harbin", "n_g1011_yilan", "n_harbin", "G1011 哈同高速", "G1011 Harbin–Tongjiang Expressway", "motorway", "plain")
road("r_g1011_jms_fujin", "n_jiamusi", "n_fujin", "G1011 哈同高速", "G1011 Harbin–Tongjiang Expressway", "motorway", "plain")
road("r_g1011_fujin_tongjiang", "n_fujin", "n_g1011_tongjiang_s", "G1011 哈同高速", "G1011 Harbin–Tongjiang Expressway", "motorway", "plain")
road("r_g1011_tongjiang_2", "n_g1011_tongjiang_s", "n_tongjiang", "G1011 哈同高速", "G1011 Harbin–Tongjiang Expressway", "motorway", "plain")
road("r_g10_harbin_daqing", "n_harbin", "n_daqing", "G10 绥满高速", "G10 Suifenhe–Manzhouli Expressway", "motorway", "plain")
road("r_jms_depot", "n_jiamusi", "n_jms_depot", "佳木斯市区道路", "Jiamusi city streets", "urban", "urban")

# =============================================================== DISTRICTS
CENSUS = "[WP-de] 2020 census by district (citing citypopulation.de), hegang-reference.md §1.1; sum = 891,271 = [WP-en] city total"
DISTRICTS = [
    ("d_xiangyang", 230402, "向阳区", "Xiangyang", 72867),
    ("d_gongnong", 230403, "工农区", "Gongnong", 136519),
    ("d_nanshan", 230404, "南山区", "Nanshan", 119662),
    ("d_xingan", 230405, "兴安区", "Xing'an", 99013),
    ("d_dongshan", 230406, "东山区", "Dongshan", 96218),
    ("d_xingshan", 230407, "兴山区", "Xingshan", 21125),
    ("d_luobei", 230421, "萝北县", "Luobei", 206072),
    ("d_suibin", 230422, "绥滨县", "Suibin", 139795),
]
assert sum(d[4] for d in DISTRICTS) == 891271

# =============================================================== ZONES
# weight classes for splitting the district census figure over its zones
W = {"subdistrict": 1.0, "seat_town": 3.0, "town": 0.6, "township": 0.4, "state_farm": 0.5,
     "bureau_direct": 1.5, "forestry_bureau": 0.4, "forest_farm_unit": 0.1}
WRULE = ("estimated: district 2020 census split by weight/Σweights (largest-remainder rounding); weights: "
         "街道 1.0, county-seat town 3.0, town 0.6, township 0.4, state farm 0.5, 宝泉岭局直 1.5, "
         "forestry bureau 0.4, township-level forest farm 0.1 (see docs/hegang-data.md)")
ZONES = [  # id, zh, en, district, node, kind, wclass, note
    ("z_hongjun", "红军街道", "Hongjun subdistrict", "d_xiangyang", "n_hongjun", "urban", "subdistrict", ""),
    ("z_shengli", "胜利街道", "Shengli subdistrict", "d_xiangyang", "n_shengli", "urban", "subdistrict", ""),
    ("z_nanyi", "南翼街道", "Nanyi subdistrict", "d_xiangyang", "n_nanyi", "urban", "subdistrict", ""),
    ("z_beishan_xy", "北山街道", "Beishan subdistrict", "d_xiangyang", "n_beishan_xy", "urban", "subdistrict", "position estimated"),
    ("z_guangming", "光明街道", "Guangming subdistrict", "d_xiangyang", "n_guangming", "urban", "subdistrict", "position estimated"),
    ("z_yucai", "育才街道", "Yucai subdistrict", "d_gongnong", "n_yucai", "urban", "subdistrict", ""),
    ("z_xinnan", "新南街道", "Xinnan subdistrict", "d_gongnong", "n_xinnan", "urban", "subdistrict", ""),
    ("z_tuanjie_gn", "团结街道", "Tuanjie subdistrict", "d_gongnong", "n_tuanjie_gn", "urban", "subdistrict", ""),
    ("z_jiefang", "解放街道", "Jiefang subdistrict", "d_gongnong", "n_jiefang", "urban", "subdistrict", "position proxy"),
    ("z_hongqi_gn", "红旗街道", "Hongqi subdistrict", "d_gongnong", "n_hongqi_gn", "urban", "subdistrict", "position estimated"),
    ("z_hubin", "湖滨街道", "Hubin subdistrict", "d_gongnong", "n_hubin", "urban", "subdistrict", "position estimated"),
    ("z_tiexi", "铁西街道", "Tiexi subdistrict", "d_nanshan", "n_tiexi", "urban", "subdistrict", "position proxy"),
    ("z_tiedong", "铁东街道", "Tiedong subdistrict", "d_nanshan", "n_tiedong", "urban", "subdistrict", "position proxy"),
    ("z_liuhao", "六号街道", "Liuhao subdistrict", "d_nanshan", "n_liuhao", "urban", "subdistrict", "position estimated"),
    ("z_dalu", "大陆街道", "Dalu subdistrict", "d_nanshan", "n_dalu", "urban", "subdistrict", "position estimated"),
    ("z_fuli", "富力街道", "Fuli subdistrict", "d_nanshan", "n_fuli", "urban", "subdistrict", "position estimated"),
    ("z_lulinshan", "麓林山街道", "Lulinshan subdistrict", "d_nanshan", "n_lulinshan", "urban", "subdistrict", "position proxy"),
    ("z_xinganlu", "兴安路街道", "Xing'anlu subdistrict", "d_xingan", "n_xinganlu", "urban", "subdistrict", "position estimated"),
    ("z_xingjianlu", "兴建路街道", "Xingjianlu subdistrict", "d_xingan", "n_xingjianlu", "urban", "subdistrict", "position estimated"),
    ("z_xingchanglu", "兴长路街道", "Xingchanglu subdistrict", "d_xingan", "n_xingchanglu", "urban", "subdistrict", "position estimated"),
    ("z_jundelu", "峻德路街道", "Jundelu subdistrict", "d_xingan", "n_jundelu", "urban", "subdistrict", "position estimated"),
    ("z_hedonglu", "河东路街道", "Hedonglu subdistrict", "d_xingan", "n_hedonglu", "urban", "subdistrict", "position estimated"),
    ("z_guangyu", "光宇街道", "Guangyu subdistrict", "d_xingan", "n_guangyu", "urban", "subdistrict", "position estimated"),
    ("z_hongqi_town", "红旗镇", "Hongqi town", "d_xingan", "n_hongqi_town", "rural", "town", "position proxy"),
    ("z_sanjie", "三街街道", "Sanjie subdistrict", "d_dongshan", "n_sanjie", "urban", "subdistrict", ""),
    ("z_gongrencun", "工人村街道", "Gongrencun subdistrict", "d_dongshan", "n_gongrencun", "urban", "subdistrict", "position estimated"),
    ("z_xinyi", "新一街道", "Xinyi subdistrict", "d_dongshan", "n_xinyi", "urban", "subdistrict", "position estimated"),
    ("z_xinhua", "新华镇", "Xinhua town", "d_dongshan", "n_xinhua", "rural", "town", ""),
    ("z_xinhua_farm", "新华农场", "Xinhua state farm", "d_dongshan", "n_xinhua_farm", "rural", "state_farm", ""),
    ("z_shuyuan", "蔬园乡", "Shuyuan township", "d_dongshan", "n_shuyuan", "rural", "township", "position proxy"),
    ("z_dongfanghong", "东方红乡", "Dongfanghong township", "d_dongshan", "n_dongfanghong", "rural", "township", ""),
    ("z_hglj", "鹤岗市林业局", "Hegang Forestry Bureau", "d_dongshan", "n_hglj", "forest", "forestry_bureau", "position estimated"),
    ("z_gounan", "沟南街道", "Gounan subdistrict", "d_xingshan", "n_gounan", "urban", "subdistrict", ""),
    ("z_goubei", "沟北街道", "Goubei subdistrict", "d_xingshan", "n_goubei", "urban", "subdistrict", "position estimated"),
    ("z_lingnan", "岭南街道", "Lingnan subdistrict", "d_xingshan", "n_lingnan", "urban", "subdistrict", "position estimated"),
    ("z_lingbei", "岭北街道", "Lingbei subdistrict", "d_xingshan", "n_lingbei", "urban", "subdistrict", "position estimated"),
    ("z_fengxiang", "凤翔镇", "Fengxiang town", "d_luobei", "n_fengxiang", "urban", "seat_town", ""),
    ("z_hebei", "鹤北镇", "Hebei town", "d_luobei", "n_hebei", "rural", "town", ""),
    ("z_mingshan", "名山镇", "Mingshan town", "d_luobei", "n_mingshan", "rural", "town", ""),
    ("z_tuanjie_lb", "团结镇", "Tuanjie town", "d_luobei", "n_tuanjie_lb", "rural", "town", ""),
    ("z_zhaoxing", "肇兴镇", "Zhaoxing town", "d_luobei", "n_zhaoxing", "rural", "town", ""),
    ("z_yunshan", "云山镇", "Yunshan town", "d_luobei", "n_yunshan", "rural", "town", "position proxy"),
    ("z_dongming", "东明朝鲜族乡", "Dongming Korean township", "d_luobei", "n_dongming", "rural", "township", ""),
    ("z_taipinggou", "太平沟乡", "Taipinggou township", "d_luobei", "n_taipinggou", "forest", "township", ""),
    ("z_lbfb", "萝北县林业局", "Luobei County Forestry Bureau", "d_luobei", "n_lbfb", "forest", "forestry_bureau", ""),
    ("z_hbfb", "鹤北林业局", "Hebei Forestry Bureau", "d_luobei", "n_hbfb", "forest", "forestry_bureau", ""),
    ("z_junchuan", "军川农场", "Junchuan state farm", "d_luobei", "n_junchuan", "rural", "state_farm", ""),
    ("z_gongqing", "共青农场", "Gongqing state farm", "d_luobei", "n_gongqing", "rural", "state_farm", ""),
    ("z_baoquanling", "宝泉岭农场", "Baoquanling state farm", "d_luobei", "n_baoquanling", "rural", "state_farm", ""),
    ("z_jiangbin", "江滨农场", "Jiangbin state farm", "d_luobei", "n_jiangbin", "rural", "state_farm", "position estimated"),
    ("z_mingshan_farm", "名山农场", "Mingshan state farm", "d_luobei", "n_mingshan_farm", "rural", "state_farm", "position estimated"),
    ("z_yanjun", "延军农场", "Yanjun state farm", "d_luobei", "n_yanjun", "rural", "state_farm", "position estimated"),
    ("z_bql_city", "宝泉岭管理局局直", "Baoquanling bureau-direct area", "d_luobei", "n_bql_city", "urban", "bureau_direct", "position estimated"),
    ("z_suibin", "绥滨镇", "Suibin town", "d_suibin", "n_suibin", "urban", "seat_town", ""),
    ("z_suidong", "绥东镇", "Suidong town", "d_suibin", "n_suidong", "rural", "town", ""),
    ("z_zhongren", "忠仁镇", "Zhongren town", "d_suibin", "n_zhongren", "rural", "town", ""),
    ("z_liansheng", "连生乡", "Liansheng township", "d_suibin", "n_liansheng", "rural", "township", ""),
    ("z_beigang", "北岗乡", "Beigang township", "d_suibin", "n_beigang", "rural", "township", ""),
    ("z_fuqiang", "富强乡", "Fuqiang township", "d_suibin", "n_fuqiang", "rural", "township", ""),
    ("z_beishan_sb", "北山乡", "Beishan township", "d_suibin", "n_beishan_sb", "rural", "township", ""),
    ("z_fuxing", "福兴乡", "Fuxing township", "d_suibin", "n_fuxing", "rural", "township", ""),
    ("z_xinfu", "新富乡", "Xinfu township", "d_suibin", "n_xinfu", "rural", "township", ""),
    ("z_suibin_farm", "绥滨农场", "Suibin state farm", "d_suibin", "n_suibin_farm", "rural", "state_farm", ""),
    ("z_puyang", "普阳农场", "Puyang state farm", "d_suibin", "n_puyang", "rural", "state_farm", ""),
    ("z_farm290", "二九〇农场", "290 state farm", "d_suibin", "n_farm290", "rural", "state_farm", "position estimated"),
    ("z_sbxilc", "绥滨西林场", "Suibin West forest farm", "d_suibin", "n_sbxilc", "forest", "forest_farm_unit", "position estimated"),
    ("z_zxbflc", "国营中兴边防林场", "Zhongxing border forest farm", "d_suibin", "n_zxbflc", "forest", "forest_farm_unit", "position estimated"),
]


def split_population():
    out = {}
    for did, _, _, _, total in DISTRICTS:
        zs = [z for z in ZONES if z[3] == did]
        ws = [W[z[6]] for z in zs]
        raw = [total * w / sum(ws) for w in ws]
        base = [int(math.floor(x)) for x in raw]
        rest = total - sum(base)
        order = sorted(range(len(zs)), key=lambda i: -(raw[i] - base[i]))
        for i in order[:rest]:
            base[i] += 1
        for z, p in zip(zs, base):
            out[z[0]] = p
        assert sum(base) == total
    return out

# Forest farms of 萝北县林业局 as zones of their own (forest-fire scenarios evacuate and harm them): their
# people are part of the bureau's share above, so they are carved out of z_lbfb by the same weight rule
# (bureau seat 0.4, township-level forest farm 0.1 each; largest remainder), leaving every census sum intact.
FF_ZONES = [  # id, zh, en, node ([V] codes 2304214005xx: farms of 萝北县林业局, ref §1.3)
    ("z_ff_taipinggou", "太平沟林场", "Taipinggou forest farm", "n_ff_taipinggou"),
    ("z_ff_damahe", "大马河林场", "Damahe forest farm", "n_ff_damahe"),
    ("z_ff_jinmantun", "金满屯林场", "Jinmantun forest farm", "n_ff_jinmantun"),
    ("z_ff_yumihe", "渔米河林场", "Yumihe forest farm", "n_ff_yumihe"),
    ("z_ff_ershilihe", "二十里河林场", "Ershilihe forest farm", "n_ff_ershilihe"),
]
FF_ZONE_BUREAU = "z_lbfb"


def carve_forest_farms(pop):
    total = pop[FF_ZONE_BUREAU]
    ws = [W["forestry_bureau"]] + [W["forest_farm_unit"]] * len(FF_ZONES)
    raw = [total * w / sum(ws) for w in ws]
    base = [int(math.floor(x)) for x in raw]
    for i in sorted(range(len(ws)), key=lambda i: -(raw[i] - base[i]))[:total - sum(base)]:
        base[i] += 1
    assert sum(base) == total
    pop[FF_ZONE_BUREAU] = base[0]
    for z, p in zip(FF_ZONES, base[1:]):
        pop[z[0]] = p
    return pop

# =============================================================== FACILITIES
FACS = []


def nearest_node(lat, lon, exclude_outside=True):
    best = None
    for n in NODES.values():
        if exclude_outside and n["outside"]:
            continue
        d = gc_km(lat, lon, n["lat"], n["lon"])
        if best is None or d < best[0]:
            best = (d, n["id"])
    return best


def fac(fid, kind, zh, en, lat, lon, quality, src, node_id=None, outside=False, district=None, join=None, **extra):
    if "stocks" in extra:  # the loader wants stocks as name -> number; their provenance goes into the facility src
        extra["stocks"] = dict(extra["stocks"])
        src = f"{src}; stocks: {extra['stocks'].pop('src')}"
    note = []
    if "datum" in extra:
        d = extra.pop("datum")
        note.append("levels are " + ("absolute (published datum of the bulletin)" if d == "absolute"
                                     else "stage above the local gauge zero (no absolute level known)"))
    if "bureau" in extra:
        note.append("belongs to " + extra.pop("bureau"))
    """node_id: use that node.  Otherwise reuse the nearest node if within 0.3 km, else create
    a facility node and an access road to `join` (or to the nearest inside node)."""
    if node_id is None:
        d, nid = nearest_node(lat, lon)
        if d <= 0.3 and join is None:
            node_id = nid
        else:
            node_id = "n_" + fid[2:]
            node(node_id, zh, en, lat, lon, quality, src, outside=outside, district=district)
            tgt = join or nid
            road("r_acc_" + fid[2:], node_id, tgt, f"{zh} 连接路", f"access to {en}", "access", "urban")
    f = {"id": fid, "kind": kind, "zh": zh, "en": en, "node": node_id, "lat": round(lat, 5), "lon": round(lon, 5), "quality": quality}
    f.update(extra)
    if note:
        f["note"] = "; ".join(note)
    f["src"] = src
    assert fid not in {x["id"] for x in FACS}, fid
    FACS.append(f)
    if not outside:
        dd = district_of(lat, lon, DIST)
        if dd is None:
            raise SystemExit(f"facility {fid} outside polygons")
        if district and ADC[district] != dd:
            raise SystemExit(f"facility {fid} in {dd}, expected {district}")
    return f


BEDS = ("estimated: 《医疗机构基本标准（试行）》(卫医发〔1994〕30号) — grade-3 general hospital ≥500 beds, grade-2 100–499; "
        "value chosen by role ({})")
fac("f_hosp_hekuang", "hospital", "鹤岗矿业集团总医院（鹤矿医院）", "Hegang Mining Group General Hospital", 47.34800, 130.28359, "proxy",
    "ref §5: tertiary A, est. 1945, address 向阳区红军街六马路1号; position proxy = 红军街道 centre; treated 32 miners 2009 (ref §4.2); " +
    BEDS.format("largest tertiary-A hospital, 800 medical staff mobilised 2009: 1200"), node_id="n_hongjun", beds=1200)
fac("f_hosp_people", "hospital", "鹤岗市人民医院", "Hegang People's Hospital", 47.33500, 130.28000, "estimated",
    "ref §5: tertiary A, est. 1948, regional centre (address not found; position estimated); " + BEDS.format("tertiary A regional centre: 1000"),
    beds=1000, district="d_xiangyang")
fac("f_hosp_baoquanling", "hospital", "北大荒集团宝泉岭医院", "Beidahuang Baoquanling Hospital", 47.42476, 130.57583, "proxy",
    "ref §5: tertiary A; position proxy = 宝泉岭农场 [V]; " + BEDS.format("tertiary A: 800"), node_id="n_baoquanling", beds=800)
fac("f_hosp_xingshan", "hospital", "兴山区人民医院", "Xingshan District People's Hospital", 47.35526, 130.29563, "proxy",
    "ref §5 / §4.2: treated 31 miners 2009; position proxy = 兴山区 seat [V]; " + BEDS.format("district hospital, grade 2 assumed: 200"),
    node_id="n_seat_xingshan", beds=200)
fac("f_hosp_luobei", "hospital", "萝北县人民医院", "Luobei County People's Hospital", 47.57160, 130.81154, "estimated",
    "ref §5: assumed at the county seat 凤翔镇 (not sourced); " + BEDS.format("county hospital, grade 2 assumed: 400"), node_id="n_fengxiang", beds=400)
fac("f_hosp_suibin", "hospital", "绥滨县人民医院", "Suibin County People's Hospital", 47.28449, 131.86120, "estimated",
    "ref §5: assumed at the county seat 绥滨镇 (not sourced); " + BEDS.format("county hospital, grade 2 assumed: 300"), node_id="n_suibin", beds=300)

FS = "estimated: no station list/addresses found (ref §5); one station assumed per district near its centre"
fac("f_fire_city", "fire_station", "鹤岗市消防救援支队（特勤站）", "Hegang fire & rescue detachment HQ / special duty station", 47.34000, 130.29000, "estimated",
    "ref §5 (estimated position); detachment of 272 personnel: " + PLAN + " line 205", district="d_xiangyang", join="n_hg_gov")
for fid, zh, en, la, lo, d, j in [
        ("f_fire_xiangyang", "向阳区消防救援站", "Xiangyang fire station", 47.34500, 130.29200, "d_xiangyang", "n_hongjun"),
        ("f_fire_gongnong", "工农区消防救援站", "Gongnong fire station", 47.31900, 130.26200, "d_gongnong", "n_hongqi_gn"),
        ("f_fire_nanshan", "南山区消防救援站", "Nanshan fire station", 47.30500, 130.27600, "d_nanshan", "n_liuhao"),
        ("f_fire_xingan", "兴安区消防救援站", "Xing'an fire station", 47.25300, 130.23600, "d_xingan", "n_seat_xingan"),
        ("f_fire_dongshan", "东山区消防救援站", "Dongshan fire station", 47.34000, 130.31600, "d_dongshan", "n_seat_dongshan"),
        ("f_fire_xingshan", "兴山区消防救援站", "Xingshan fire station", 47.36000, 130.30600, "d_xingshan", "n_goubei"),
        ("f_fire_luobei", "萝北县消防救援大队", "Luobei county fire brigade", 47.57700, 130.82500, "d_luobei", "n_fengxiang"),
        ("f_fire_suibin", "绥滨县消防救援大队", "Suibin county fire brigade", 47.29000, 131.85500, "d_suibin", "n_seat_suibin")]:
    fac(fid, "fire_station", zh, en, la, lo, "estimated", FS, district=d, join=j)

fac("f_mine_rescue", "mine_rescue", "鹤岗区域矿山救护大队", "Hegang regional mine rescue brigade", 47.33000, 130.29000, "estimated",
    "ref §5 (position estimated); ≈150 rescuers deployed 2009-11-21 (Sohu 2009-11-22; chinadaily)", district="d_xiangyang", join="n_shengli")

STK = ("estimated: sized for the plan's target that basic needs of affected people are met within 10 h ({}) — "
       "{} displaced people × 3 days; tents at 5 people each; sandbags for ~{} km of 1 m emergency dyke raising at ~20,000 bags/km; "
       "material classes from the plan (line 465)")
ALL4 = ["disaster_relief", "flood_drought", "forest_fire", "production_safety"]
fac("f_depot_city", "depot", "鹤岗市级应急物资储备库", "Hegang city emergency material depot", 47.32500, 130.32500, "estimated",
    "location estimated (not sourced; placed in 东山区 next to the G11 start for truck access); 4 material classes: " + PLAN + " line 465",
    district="d_dongshan", join="n_g11_start", material_classes=ALL4,
    stocks={"food_person_days": 30000, "water_person_days": 30000, "tents": 2000, "quilts": 10000, "folding_beds": 3000,
            "sandbags": 200000, "life_jackets": 2000, "portable_pumps": 20, "fire_beaters": 3000, "wind_extinguishers": 300,
            "gas_detectors": 50, "breathing_apparatus": 40,
            "src": STK.format(PLAN + " line 309", "10,000 (≈1.1 % of the 2020 population)", 10)})
fac("f_depot_luobei", "depot", "萝北县应急物资储备库", "Luobei county emergency material depot", 47.56800, 130.82900, "estimated",
    "estimated location (county seat); county depots: " + PLAN + " line 453 (市县两级储备布局)", district="d_luobei", join="n_dongming",
    material_classes=ALL4,
    stocks={"food_person_days": 9000, "water_person_days": 9000, "tents": 600, "quilts": 3000, "sandbags": 80000,
            "life_jackets": 600, "portable_pumps": 6, "fire_beaters": 1500, "wind_extinguishers": 150,
            "src": STK.format(PLAN + " line 309", "3,000", 4)})
fac("f_depot_suibin", "depot", "绥滨县应急物资储备库", "Suibin county emergency material depot", 47.29300, 131.85500, "estimated",
    "estimated location (county seat, north edge of town); county depots: " + PLAN + " line 453", district="d_suibin", join="n_seat_suibin",
    material_classes=ALL4,
    stocks={"food_person_days": 9000, "water_person_days": 9000, "tents": 600, "quilts": 3000, "sandbags": 100000,
            "life_jackets": 800, "portable_pumps": 6, "fire_beaters": 300, "wind_extinguishers": 30,
            "src": STK.format(PLAN + " line 309", "3,000", 5) + "; more flood stock (two-river county)"})
fac("f_depot_jms", "depot", "佳木斯省级救灾物资储备库", "Jiamusi provincial disaster-relief depot", 46.80000, 130.36000, "estimated",
    "ref §5: supplied beds/quilts/tents to 佳木斯东风区 and 宝清 in Aug 2019 (heilongjiang.dbw.cn 2019-08-20); position estimated",
    node_id="n_jms_depot", outside=True, material_classes=["disaster_relief", "flood_drought"],
    stocks={"food_person_days": 100000, "water_person_days": 100000, "tents": 5000, "quilts": 30000, "folding_beds": 10000,
            "sandbags": 500000, "life_jackets": 5000,
            "src": "estimated: provincial depot assumed ≈3–4× the city depot (not sourced)"})
fac("f_nerc_daqing", "depot", "国家东北区域应急救援中心（大庆）", "National north-east regional emergency rescue centre (Daqing)", 46.59000, 125.10000,
    "estimated", "ref §5: forest/grassland fire, flood, snow; started 2022-12 (中国新闻网 2022-12-24); position estimated (Daqing)",
    node_id="n_daqing", outside=True, material_classes=["flood_drought", "forest_fire"],
    stocks={"tents": 3000, "sandbags": 300000, "life_jackets": 3000, "portable_pumps": 40, "fire_beaters": 5000, "wind_extinguishers": 1000,
            "src": "estimated: regional centre stocks not published; order of magnitude only"})

SH = ("estimated: site not sourced (a school/stadium assumed); capacity = usable open+indoor area at ≥1.5 m²/person "
      "(GB 21734-2008 emergency-shelter minimum), area assumed {} m²")
for fid, zh, en, la, lo, d, cap, area, node_id in [
        ("f_shel_xiangyang", "向阳区应急避难场所（体育场馆）", "Xiangyang shelter (sports ground)", 47.34500, 130.28700, "d_xiangyang", 6000, "9,000", None),
        ("f_shel_gongnong", "工农区应急避难场所（学校）", "Gongnong shelter (school)", 47.32000, 130.26900, "d_gongnong", 3000, "4,500", None),
        ("f_shel_nanshan", "南山区应急避难场所（学校）", "Nanshan shelter (school)", 47.30600, 130.27000, "d_nanshan", 3000, "4,500", None),
        ("f_shel_xingan", "兴安区应急避难场所（学校）", "Xing'an shelter (school)", 47.25600, 130.23000, "d_xingan", 3000, "4,500", None),
        ("f_shel_dongshan", "东山区应急避难场所（学校）", "Dongshan shelter (school)", 47.34200, 130.31000, "d_dongshan", 3000, "4,500", None),
        ("f_shel_xingshan", "兴山区应急避难场所（学校）", "Xingshan shelter (school)", 47.35800, 130.29800, "d_xingshan", 2000, "3,000", None),
        ("f_shel_luobei", "萝北县应急避难场所（凤翔镇学校）", "Luobei shelter (Fengxiang school)", 47.57000, 130.82000, "d_luobei", 4000, "6,000", None),
        ("f_shel_suibin", "绥滨县应急避难场所（绥滨镇北部学校）", "Suibin shelter (school, north of town)", 47.30000, 131.86000, "d_suibin", 4000, "6,000", None),
        ("f_shel_baoquanling", "宝泉岭避难场所（学校）", "Baoquanling shelter (school)", 47.43000, 130.58500, "d_luobei", 2500, "3,750", None),
        ("f_shel_xinhua", "新华镇避难场所（学校）", "Xinhua shelter (school)", 47.10552, 130.28712, "d_dongshan", 1500, "2,250", "n_xinhua"),
        ("f_shel_puyang", "普阳农场避难场所（学校）", "Puyang shelter (school)", 47.27388, 131.35256, "d_suibin", 1200, "1,800", "n_puyang"),
        ("f_shel_mingshan", "名山镇避难场所（学校）", "Mingshan shelter (school)", 47.67923, 131.07656, "d_luobei", 1200, "1,800", "n_mingshan"),
        ("f_shel_zhaoxing", "肇兴镇避难场所（学校）", "Zhaoxing shelter (school)", 47.72294, 131.34002, "d_luobei", 1000, "1,500", "n_zhaoxing"),
        ("f_shel_zhongren", "忠仁镇避难场所（学校）", "Zhongren shelter (school)", 47.54741, 131.84318, "d_suibin", 1000, "1,500", "n_zhongren"),
        ("f_shel_suidong", "绥东镇避难场所（学校）", "Suidong shelter (school)", 47.41632, 132.09999, "d_suibin", 1000, "1,500", "n_suidong"),
        ("f_shel_tuanjie", "团结镇避难场所（学校）", "Tuanjie shelter (school)", 47.48437, 130.87277, "d_luobei", 1000, "1,500", "n_tuanjie_lb")]:
    fac(fid, "shelter", zh, en, la, lo, "estimated", SH.format(area) + ("; placed at the town node (choose the school on the highest ground)" if node_id else ""),
        node_id=node_id, district=d, capacity_people=cap)

# hazard sites: coal mines (ref §4.1)
GEM = "[GEM] Coal Mine Boundaries and Methane Sources v1.0.2, production shaft M1156.P11 (WGS84; via giswhiz/coal-mine-boundaries-methane-webmap)"
fac("f_mine_junde", "hazard_site", "峻德煤矿", "Junde coal mine", 47.21698, 130.24714, "sourced-WGS",
    GEM + "; 2013-03-15 rock burst, 3 dead + 1 missing (ref §4.1)", district="d_xingan", join="n_jundelu", hazard="coal_mine")
MINES = [
    ("f_mine_xingan", "兴安煤矿（兴安竖井）", "Xing'an coal mine", 47.24600, 130.22600, "d_xingan", "ref §4.1 (estimated, 兴安区 seat area, moved 0.6 km off the seat node); 3.6 Mt/a; 2024-05-20 CO2 leak 5 dead", None),
    ("f_mine_nanshan", "南山煤矿", "Nanshan coal mine", 47.29500, 130.27500, "d_nanshan", "ref §4.1 (estimated, district centre); CMM drainage demo 2008", None),
    ("f_mine_fuli", "富力煤矿", "Fuli coal mine", 47.26500, 130.28500, "d_nanshan", "ref §4.1 (estimated); 2025-09-10 mine quake, 8 trapped", "n_fuli"),
    ("f_mine_yixin", "益新煤矿", "Yixin coal mine", 47.30500, 130.31500, "d_dongshan", "ref §4.1 (estimated, 工人村街道)", "n_gongrencun"),
    ("f_mine_xinxing", "新兴煤矿", "Xinxing coal mine", 47.41000, 130.33500, "d_xingshan",
     "ref §4.1/§4.2 (estimated; ref coordinate 47.425,130.335 lies in 东山区, moved 1.7 km S into 兴山区 which CCTV names); 2009-11-21 gas outburst/explosion, 108 dead", None),
    ("f_mine_xinyi", "新一煤矿（新一竖井）", "Xinyi coal mine", 47.34500, 130.33000, "d_dongshan", "ref §4.1 (estimated, 新一街道)", "n_xinyi"),
    ("f_mine_xingshan", "兴山煤矿", "Xingshan coal mine", 47.36500, 130.30500, "d_xingshan", "ref §4.1 (estimated)", None),
    ("f_mine_lingbei", "岭北煤矿", "Lingbei coal mine", 47.38500, 130.31500, "d_xingshan", "ref §4.1 (estimated); open pit from 1966", None),
    ("f_mine_niaoshan", "鸟山煤矿", "Niaoshan coal mine", 47.45000, 130.36000, "d_dongshan", "ref §4.1 (estimated, location unverified)", "n_niaoshan_rd"),
    ("f_mine_xinlu", "新陆煤矿", "Xinlu coal mine", 47.47000, 130.38000, "d_dongshan", "ref §4.1 (estimated, location unverified)", "n_xinlu_rd"),
    ("f_mine_zhenxing", "振兴煤矿", "Zhenxing coal mine", 47.40000, 130.32000, "d_xingshan", "ref §4.1 (estimated, location unknown); water inrush, 25 trapped (2013?)", None),
    ("f_mine_dalu", "大陆煤矿", "Dalu coal mine", 47.28500, 130.25500, "d_nanshan", "ref §4.1 (estimated, 大陆街道)", None),
    ("f_mine_junyuan2", "峻源二煤矿", "Junyuan No.2 coal mine", 47.23000, 130.22000, "d_xingan", "ref §4.1 (estimated); 2012-05-02 water inrush, 10 dead", None),
]
for fid, zh, en, la, lo, d, s, nid in MINES:
    fac(fid, "hazard_site", zh, en, la, lo, "estimated", s, node_id=nid, district=d, hazard="coal_mine")
fac("f_haz_huahe", "hazard_site", "中海石油华鹤煤化有限公司", "CNOOC Huahe coal-chemical (ammonia/urea)", 47.27500, 130.34500, "estimated",
    "ref §4.3 (position estimated): 300 kt/a synthetic ammonia + 520 kt/a urea; NH3, syngas/CO, H2", district="d_dongshan", join="n_heli_br_s",
    hazard="ammonia")
fac("f_haz_chempark", "hazard_site", "鹤岗市煤电化工产业园区", "Hegang coal-power-chemical industrial park", 47.27000, 130.35000, "estimated",
    "ref §4.3 (position estimated; 征楠煤化工 at the same estimate); park set up 2008 in the economic development zone", district="d_dongshan",
    join="n_haz_huahe", hazard="chemical_park")
fac("f_haz_huaneng", "hazard_site", "华能鹤岗发电有限公司", "Huaneng Hegang power plant", 47.29000, 130.33000, "estimated",
    "ref §4.3 (position unverified): phase II +600 MW 2007", district="d_dongshan", join="n_g11_start", hazard="power_plant")
fac("f_haz_gangue_power", "hazard_site", "龙煤鹤岗分公司煤矸石电厂", "Longmei Hegang coal-gangue power plant", 47.30000, 130.30000, "estimated",
    "ref §4.3 (estimated): 2×50 MW", district="d_nanshan", join="n_liuhao", hazard="power_plant")
fac("f_res_xiaoheli", "reservoir", "小鹤立河水库", "Xiaoheli river reservoir", 47.33000, 130.20000, "estimated",
    "ref §3.1 [GaoJY2011]: dam ≈5 km from the city centre, catchment 183 km²; position estimated", district="d_dongshan", join="n_xhl_br_w",
    hazard="reservoir")
fac("f_res_guanmenzuizi", "reservoir", "关门嘴子水库（北湖）", "Guanmenzuizi reservoir", 47.60000, 130.40000, "estimated",
    "ref §3.1: impounded Oct 2025; position estimated on the upper 梧桐河 (verify)", district="d_luobei", join="n_ff_yumihe", hazard="reservoir")
fac("f_port_luobei", "entry_point", "萝北口岸", "Luobei border port (Mingshan)", 47.67923, 131.07656, "sourced-GCJ→WGS",
    "ref §5: port at 名山镇, ferries/ice road to Amurzet; position = 名山镇 [V]", node_id="n_mingshan")

# gauges
sw, sg, sch, _ = songhua_stage(47.284494, 131.861198)
aw_m, ag_m, ach_m, _ = amur_stage(47.679232, 131.076561)
aw_z, ag_z, ach_z, _ = amur_stage(47.722945, 131.340016)
AM = (f"estimated: Amur warning at the mouth (同江) 54.00 m, derived from the 2013 report 55.33 m = +1.33 m over warning (ref §3.2), "
      f"plus {AMUR_SLOPE} m per km of the Natural-Earth centre-line upstream (typical middle-Amur slope); guarantee = warning + 1.4 m "
      "(mean of 佳木斯 1.49 and 富锦 1.29 m)")
fac("f_gauge_jiamusi", "gauge", "松花江佳木斯水文站", "Songhua gauge at Jiamusi", 46.83720, 130.33020, "sourced-WGS",
    "ref §3.2: 2023 bulletin (long6.com) warning 79.30 m / guarantee 80.79 m; 2020 No.1 flood 79.32 m; position [NE] river point",
    node_id="n_jiamusi", outside=True, datum="absolute", warning_m=79.30, guarantee_m=80.79, river="松花江")
fac("f_gauge_fujin", "gauge", "松花江富锦（二）水文站", "Songhua gauge at Fujin (II)", 47.26500, 132.00500, "estimated",
    "ref §3.2: 2023 bulletin warning 60.5 m / guarantee 61.79 m; position estimated on the river N of 富锦",
    node_id="n_fujin", outside=True, datum="absolute", warning_m=60.5, guarantee_m=61.79, river="松花江")
fac("f_gauge_suibin", "gauge", "松花江绥滨水位站（估计）", "Songhua gauge at Suibin (estimated)", 47.27800, 131.86500, "estimated",
    f"estimated: linear interpolation of warning/guarantee between 佳木斯 (79.30/80.79) and 富锦 (60.5/61.79) by Natural-Earth centre-line "
    f"chainage ({sch:.0f} km vs 67 km at 富锦 and 219 km at 佳木斯)", node_id="n_suibin", datum="absolute",
    warning_m=sw, guarantee_m=round(sw + sg, 2), river="松花江")
fac("f_gauge_mingshan", "gauge", "黑龙江萝北（名山）水位站（估计）", "Amur gauge at Luobei/Mingshan (estimated)", 47.67700, 131.07500, "estimated",
    AM + f"; chainage {ach_m:.0f} km", node_id="n_mingshan", datum="absolute", warning_m=aw_m, guarantee_m=round(aw_m + ag_m, 2), river="黑龙江")
fac("f_gauge_zhaoxing", "gauge", "黑龙江肇兴水位站（估计）", "Amur gauge at Zhaoxing (estimated)", 47.72300, 131.33500, "estimated",
    AM + f"; chainage {ach_z:.0f} km", node_id="n_zhaoxing", datum="absolute", warning_m=aw_z, guarantee_m=round(aw_z + ag_z, 2), river="黑龙江")
CR = ("estimated: stage above local gauge zero; warning at 2.5 m and guarantee at 3.5 m from the ≈3 m channel depth "
      "({}; ref §3.1) — bank-full minus 0.5 m / plus 0.5 m dyke freeboard")
fac("f_gauge_wutong", "gauge", "梧桐河水位站（鹤宝公路桥，估计）", "Wutong river gauge (estimated)", NODES["n_wt_br2_w"]["lat"], NODES["n_wt_br2_w"]["lon"],
    "estimated", CR.format("梧桐河 width 30–90 m, depth ≈3 m, max flow 238 m³/s"), node_id="n_wt_br2_w", datum="gauge_zero",
    warning_m=2.5, guarantee_m=3.5, river="梧桐河")
fac("f_gauge_heli", "gauge", "鹤立河水位站（新华桥，估计）", "Heli river gauge at Xinhua bridge (estimated)", NODES["n_heli_br2_n"]["lat"], NODES["n_heli_br2_n"]["lon"],
    "estimated", CR.format("鹤立河 max flow 117 m³/s; depth assumed like 梧桐河").replace("2.5 m and guarantee at 3.5 m from the ≈3 m", "2.0 m and guarantee at 3.0 m from an assumed ≈2.5 m"),
    node_id="n_heli_br2_n", datum="gauge_zero", warning_m=2.0, guarantee_m=3.0, river="鹤立河")
fac("f_gauge_dulu", "gauge", "都鲁河水位站（哈萝公路桥，估计）", "Dulu river gauge at the Harbin–Luobei bridge (estimated)", NODES["n_dl_br2_w"]["lat"], NODES["n_dl_br2_w"]["lon"],
    "estimated", CR.format("都鲁河 small channel capacity, lower reach marshy").replace("2.5 m and guarantee at 3.5 m from the ≈3 m", "2.0 m and guarantee at 3.0 m from an assumed ≈2.5 m"),
    node_id="n_dl_br2_w", datum="gauge_zero", warning_m=2.0, guarantee_m=3.0, river="都鲁河")

# forest farms and forestry bureaus
for nid, zh, en, la, lo, code, d in FF:
    bureau = "鹤北林业局" if code.startswith("230421401") else ("萝北县林业局" if code.startswith("230421400") else "鹤岗市林业局")
    fac("f_ff_" + nid[5:], "forest_farm", zh, en, la, lo, "sourced-GCJ→WGS", V.format(code) + f"; farm of {bureau} (ref §1.3)", node_id=nid, bureau=bureau)
fac("f_ff_helin", "forest_farm", "鹤林林场", "Helin forest farm", 47.47, 130.12, "estimated", "ref §4.4 lists it among 鹤岗市林业局 farms; position estimated",
    node_id="n_ff_helin", bureau="鹤岗市林业局")
fac("f_ff_sbxilc", "forest_farm", "绥滨西林场", "Suibin West forest farm", 47.33, 131.22, "estimated", "ref §1.2 (township-level, no coordinate); position estimated",
    node_id="n_sbxilc", bureau="绥滨县")
fac("f_ff_zxbflc", "forest_farm", "国营中兴边防林场", "Zhongxing border forest farm", 47.68, 131.66, "estimated", "ref §1.2 (township-level, no coordinate); position estimated",
    node_id="n_zxbflc", bureau="绥滨县")
fac("f_fb_hebei", "forestry_bureau", "鹤北林业局", "Hebei Forestry Bureau", 47.55132, 130.45048, "sourced-GCJ→WGS", V.format("230421401000") + "; ref §4.4",
    node_id="n_hbfb")
fac("f_fb_luobei", "forestry_bureau", "萝北县林业局", "Luobei County Forestry Bureau", 47.57296, 130.83461, "sourced-GCJ→WGS", V.format("230421400000") + "; ref §4.4",
    node_id="n_lbfb")
fac("f_fb_hegang", "forestry_bureau", "鹤岗市林业局", "Hegang Forestry Bureau", 47.358, 130.330, "estimated", "ref §1.2/§4.4: HQ in 东山区, no coordinate; position estimated",
    node_id="n_hglj")
# forest-fire station at 金满屯林场 (扑火前指/森林防火站): where the professional team is pre-positioned in
# high fire danger; no list of Hegang's forest-fire stations was found, so it stands at the farm itself
fac("f_ffs_jinmantun", "fire_station", "金满屯林场森林防火站（扑火前进指挥所）", "Jinmantun forest-fire station (forward fire command post)",
    48.014103, 130.725556, "estimated",
    "estimated: no forest-fire station list found (ref §4.4); placed at 金满屯林场 (" + V.format("230421400503") +
    "), the farm between the 太平沟 reserve and the G331, as the pre-positioning site of the city plan's forest-fire forces "
    "(city plan 000_f15b6ec4b062a3ff.txt line 205 teams; line 391 forest-fire infrastructure in key areas)", node_id="n_ff_jinmantun")

# =============================================================== UNITS
UNITS = []


def unit(uid, zh, en, typ, agency, base, caps, personnel, vehicles, speed, turnout, net, src, available=True, **extra):
    u = {"id": uid, "zh": zh, "en": en, "type": typ, "agency": agency, "base": base, "capabilities": caps,
         "personnel": personnel, "vehicles": vehicles, "speed_factor": speed, "turnout_min": turnout,
         "network": net, "available": available}
    u.update(extra)
    u["src"] = src
    assert uid not in {x["id"] for x in UNITS}, uid
    UNITS.append(u)


FIRE_SRC = (PLAN + " line 205: 市消防救援支队 272 指战员; split over stations estimated "
            "(HQ/special duty 60; city district stations 20–30 by population; county brigades 22–24)")
TURN = "turnout 1–2 min for career fire crews (typical China fire-station 出动 standard: 1 min day / ≤1.5 min night), estimated"
unit("u_fire_city_rescue", "市消防救援支队 特勤站 抢险救援分队", "Detachment special duty station — rescue", "rescue", "市消防救援支队",
     "f_fire_city", ["search_rescue", "flood_rescue", "evacuation", "fire_suppression"], 30, 5, 0.9, 1, "radio_fire", FIRE_SRC + "; " + TURN)
unit("u_fire_city_hazmat", "市消防救援支队 特勤站 化学洗消分队", "Detachment special duty station — hazmat", "hazmat", "市消防救援支队",
     "f_fire_city", ["hazmat", "fire_suppression", "evacuation"], 18, 3, 0.85, 2, "radio_fire", FIRE_SRC)
unit("u_fire_city_cmd", "市消防救援支队 指挥中心", "Detachment command group", "command", "市消防救援支队",
     "f_fire_city", ["command"], 12, 2, 1.0, 2, "radio_fire", FIRE_SRC)
for fid, n, veh in [("xiangyang", 30, 4), ("gongnong", 30, 4), ("nanshan", 30, 4), ("xingan", 28, 4), ("dongshan", 28, 4),
                    ("xingshan", 20, 3), ("luobei", 24, 4), ("suibin", 22, 4)]:
    fzh = [f for f in FACS if f["id"] == "f_fire_" + fid][0]["zh"]
    unit(f"u_fire_{fid}", fzh, f"{fid.capitalize()} fire station crew", "fire_engine", "市消防救援支队", f"f_fire_{fid}",
         ["fire_suppression", "search_rescue", "flood_rescue", "evacuation"], n, veh, 0.9, 1, "radio_fire",
         FIRE_SRC + "; vehicles estimated (≈1 appliance per 7 crew)")
assert sum(u["personnel"] for u in UNITS if u["agency"] == "市消防救援支队") == 272
# boats of the fire service for floods (personnel drawn from the station crews above, so 0 extra)
for fid, base in [("city", "f_fire_city"), ("luobei", "f_fire_luobei"), ("suibin", "f_fire_suibin")]:
    unit(f"u_boat_fire_{fid}", f"{base} 冲锋舟组", f"Fire-service assault boats ({fid})", "boat", "市消防救援支队", base,
         ["flood_rescue", "evacuation"], 0, 2, 0.8, 10,
         "radio_fire", "estimated: 2 assault boats on trailers per flood-prone base; crews come from the station (personnel counted there)")

ENT = PLAN + " line 205 (企业应急救援队伍)"
unit("u_forest_hebei_1", "鹤北专业森林扑火队 一中队", "Hebei professional forest firefighting team — 1st company", "forest_team", "鹤北林业局",
     "f_fb_hebei", ["forest_fire", "search_rescue", "forest_fire_professional"], 100, 8, 0.8, 10, "pdt",
     ENT + ": 200 people; split into 2 companies estimated; forest_fire_professional: the plan's professional team (专业森林扑火队伍), as against the semi-professional teams")
unit("u_forest_hebei_2", "鹤北专业森林扑火队 二中队", "Hebei professional forest firefighting team — 2nd company", "forest_team", "鹤北林业局",
     "f_fb_hebei", ["forest_fire", "search_rescue", "forest_fire_professional"], 100, 8, 0.8, 10, "pdt",
     ENT + ": 200 people; split into 2 companies estimated; forest_fire_professional: the plan's professional team (专业森林扑火队伍), as against the semi-professional teams")
unit("u_vol_grain", "粮食局义务消防队", "Grain bureau volunteer fire team", "volunteer", "市粮食局", "f_fire_gongnong",
     ["fire_suppression"], 56, 2, 0.9, 15, "radio_fire", ENT + ": 56 people; base location unknown — attached to the 工农 station (estimated)")
unit("u_fire_huahe", "中海油华鹤消防队", "CNOOC Huahe fire brigade", "hazmat", "中海石油华鹤煤化有限公司", "f_haz_huahe",
     ["fire_suppression", "hazmat"], 37, 4, 0.85, 2, "radio_fire", ENT + ": 37 people; vehicles estimated")
unit("u_fire_huaneng", "华能鹤岗发电消防队", "Huaneng Hegang power plant fire brigade", "fire_engine", "华能鹤岗发电有限公司", "f_haz_huaneng",
     ["fire_suppression"], 13, 2, 0.9, 2, "radio_fire", ENT + ": 13 people; vehicles estimated")

# 59 semi-professional forest fire teams, 760 people (plan line 205), grouped per base
SEMI = [("f_ff_" + nid[5:], 2) for nid, *_ in FF] + [("f_ff_helin", 2), ("f_ff_sbxilc", 2), ("f_ff_zxbflc", 2),
        ("f_fb_hebei", 5), ("f_fb_luobei", 5), ("f_fb_hegang", 5),
        ("f_fire_xingan", 1), ("f_fire_dongshan", 1), ("f_fire_luobei", 1), ("f_fire_suibin", 1)]
assert sum(t for _, t in SEMI) == 59, sum(t for _, t in SEMI)
raw = [760 * t / 59 for _, t in SEMI]
pers = [int(x) for x in raw]
for i in sorted(range(len(SEMI)), key=lambda i: -(raw[i] - pers[i]))[:760 - sum(pers)]:
    pers[i] += 1
fzh = {f["id"]: f["zh"] for f in FACS}
fen = {f["id"]: f["en"] for f in FACS}
for (base, teams), p in zip(SEMI, pers):
    unit("u_semi_" + base[2:], f"{fzh[base]} 森防半专业队（{teams}支）", f"Semi-professional forest fire teams, {fen[base]} ({teams} teams)",
         "forest_team", "林业/乡镇", base, ["forest_fire"], p, teams, 0.75, 20, "pdt",
         PLAN + f" line 205: 59 森防半专业队伍, 760 people; grouped here as {teams} of the 59 teams, personnel pro rata (760×{teams}/59, "
         "largest remainder); bases estimated (2 per forest farm, 5 per forestry bureau, 1 per rural fire station)", group_of=teams)
assert sum(u["personnel"] for u in UNITS if u["id"].startswith("u_semi_")) == 760

SOC = PLAN + " line 205 (社会救援队伍 骨干人员)"
unit("u_soc_xuebao", "雪豹应急救援队", "Xuebao (Snow Leopard) volunteer rescue team", "volunteer", "雪豹应急救援队", "f_depot_city",
     ["search_rescue", "flood_rescue", "evacuation", "relief_delivery"], 86, 8, 1.0, 30, "mobile",
     SOC + ": 86 core members; muster point and vehicles estimated")
unit("u_soc_limin", "利民同盟应急救援队", "Limin Alliance volunteer rescue team", "volunteer", "利民同盟应急救援队", "f_depot_city",
     ["search_rescue", "evacuation", "relief_delivery"], 68, 6, 1.0, 30, "mobile", SOC + ": 68 core members; muster point and vehicles estimated")

MR = "≈150 rescuers deployed at 新兴 2009 (ref §4.2; Sohu 2009-11-22); split into 3 squads estimated"
unit("u_mine_rescue_1", "鹤岗区域矿山救护大队 一中队", "Mine rescue brigade — squad 1", "mine_rescue", "鹤岗区域矿山救护大队", "f_mine_rescue",
     ["mine_rescue", "hazmat", "search_rescue"], 50, 4, 0.9, 1, "pdt", MR + "; turnout ≤1 min (AQ 1008 矿山救护规程 要求 接警后1分钟内出动), as commonly cited")
unit("u_mine_rescue_2", "鹤岗区域矿山救护大队 二中队", "Mine rescue brigade — squad 2", "mine_rescue", "鹤岗区域矿山救护大队", "f_mine_rescue",
     ["mine_rescue", "hazmat", "search_rescue"], 50, 4, 0.9, 1, "pdt", MR)
unit("u_mine_rescue_3", "鹤岗区域矿山救护大队 三中队（兴安）", "Mine rescue brigade — squad 3 (Xing'an)", "mine_rescue", "鹤岗区域矿山救护大队", "f_fire_xingan",
     ["mine_rescue", "search_rescue"], 50, 4, 0.9, 2, "pdt", MR + "; squad 3 assumed forward-based in 兴安区 near 峻德/兴安 mines")

AMB = ("estimated: ambulance count by role (120 centre fleet at the People's Hospital site, ≈1 ambulance per 30,000 people in the city core; "
       "2–4 at other hospitals); crew 3 per ambulance (driver, doctor, nurse)")
for base, n, zh in [("f_hosp_people", 8, "鹤岗市120急救中心"), ("f_hosp_hekuang", 4, "鹤矿医院"), ("f_hosp_baoquanling", 3, "宝泉岭医院"),
                    ("f_hosp_xingshan", 2, "兴山区人民医院"), ("f_hosp_luobei", 3, "萝北县人民医院"), ("f_hosp_suibin", 3, "绥滨县人民医院")]:
    unit("u_amb_" + base[7:], f"{zh} 救护车", f"Ambulances at {base}", "ambulance", zh, base, ["medical_transport"], 3 * n, n, 1.05, 3,
         "mobile", AMB)

RT = "estimated: trucks to move the depot's stock (≈10 t per truck); driver + loader each"
unit("u_truck_city", "市应急物资储备库 运输车队", "City depot relief trucks", "relief_truck", "市应急管理局", "f_depot_city",
     ["relief_delivery"], 24, 12, 0.8, 30, "mobile", RT)
unit("u_truck_luobei", "萝北县储备库 运输车", "Luobei depot relief trucks", "relief_truck", "萝北县应急管理局", "f_depot_luobei",
     ["relief_delivery"], 8, 4, 0.8, 30, "mobile", RT)
unit("u_truck_suibin", "绥滨县储备库 运输车", "Suibin depot relief trucks", "relief_truck", "绥滨县应急管理局", "f_depot_suibin",
     ["relief_delivery"], 8, 4, 0.8, 30, "mobile", RT)

SB = ("estimated: militia (民兵) flood-fighting companies of ~100, one per flood-prone county/district, mustered at the depot; "
      "turnout 60 min (call-up)")
unit("u_sandbag_city", "市民兵防汛抢险队", "City militia flood team", "sandbag_team", "鹤岗军分区/人武部", "f_depot_city",
     ["sandbag", "evacuation"], 100, 5, 0.8, 60, "mobile", SB)
unit("u_sandbag_dongshan", "东山区民兵防汛抢险队（新华）", "Dongshan militia flood team (Xinhua)", "sandbag_team", "东山区人武部", "f_shel_xinhua",
     ["sandbag", "evacuation"], 100, 4, 0.8, 60, "mobile", SB)
unit("u_sandbag_luobei", "萝北县民兵防汛抢险队", "Luobei militia flood team", "sandbag_team", "萝北县人武部", "f_depot_luobei",
     ["sandbag", "evacuation"], 150, 6, 0.8, 60, "mobile", SB + "; larger: Amur frontage 146.5 km")
unit("u_sandbag_suibin", "绥滨县民兵防汛抢险队", "Suibin militia flood team", "sandbag_team", "绥滨县人武部", "f_depot_suibin",
     ["sandbag", "evacuation"], 200, 8, 0.8, 60, "mobile", SB + "; larger: Songhua and Amur frontage")
PU = "estimated: mobile drainage pumps (municipal/water-affairs), 2 crew per pump"
unit("u_pump_city", "市水务 移动排涝泵组", "City mobile drainage pumps", "pump", "市水务局", "f_depot_city", ["pump"], 12, 6, 0.8, 45, "mobile", PU)
unit("u_pump_luobei", "萝北县 移动排涝泵组", "Luobei mobile pumps", "pump", "萝北县水务局", "f_depot_luobei", ["pump"], 6, 3, 0.8, 45, "mobile", PU)
unit("u_pump_suibin", "绥滨县 移动排涝泵组", "Suibin mobile pumps", "pump", "绥滨县水务局", "f_depot_suibin", ["pump"], 8, 4, 0.8, 45, "mobile", PU)

OUT = "estimated: outside support, requested through cp_province; strengths are order-of-magnitude only"
unit("u_out_jms_relief", "佳木斯省级储备库 运输车队", "Jiamusi provincial depot trucks", "relief_truck", "黑龙江省应急管理厅", "f_depot_jms",
     ["relief_delivery"], 40, 20, 0.8, 120, "mobile", OUT)
unit("u_out_nerc_flood", "国家东北区域应急救援中心 水域救援队", "NE regional rescue centre — water rescue", "boat", "国家东北区域应急救援中心",
     "f_nerc_daqing", ["flood_rescue", "evacuation", "pump"], 80, 12, 0.85, 120, "satphone", OUT + "; ref §5")
unit("u_out_nerc_forest", "国家东北区域应急救援中心 森林消防队", "NE regional rescue centre — forest fire", "forest_team", "国家东北区域应急救援中心",
     "f_nerc_daqing", ["forest_fire", "search_rescue"], 100, 12, 0.85, 120, "satphone", OUT + "; ref §5")

# =============================================================== COMMS
NETWORKS = [
    {"id": "radio_fire", "kind": "radio", "zh": "消防350兆无线通信网", "en": "Fire service 350 MHz radio",
     "bandwidth_bps": 4800, "latency_s": 0.5,
     "src": "estimated: 350 MHz fire radio (PDT/analogue 12.5 kHz channels) — a few kbit/s of short data per channel, push-to-talk setup ≈0.3–0.5 s; "
            "消防专网 named in " + PLAN + " line 205"},
    {"id": "pdt", "kind": "private", "zh": "PDT数字集群/应急专网", "en": "PDT digital trunked radio / emergency private network",
     "bandwidth_bps": 9600, "latency_s": 0.5,
     "src": "estimated: PDT (Chinese TDMA trunking standard, 2 slots per 12.5 kHz, 9.6 kbit/s gross per carrier); 应急专网 named in " + PLAN + " line 205"},
    {"id": "govnet", "kind": "private", "zh": "政务外网/应急指挥专网（有线）", "en": "Government extranet / emergency command network (wired)",
     "bandwidth_bps": 100000000, "latency_s": 0.05,
     "src": "estimated: fibre 政务外网/应急专网 links city–county command centres with video dispatch (" + PLAN + " line 205: 市县应急指挥视频调度); 100 Mbit/s, 50 ms"},
    {"id": "mobile", "kind": "public", "zh": "公众移动通信网（4G/5G）", "en": "Public mobile network (4G/5G)",
     "bandwidth_bps": 2000000, "latency_s": 0.2,
     "src": "estimated: per-user uplink in a disaster area shared by many users ≈2 Mbit/s, latency incl. app/server ≈0.2 s"},
    {"id": "satphone", "kind": "radio", "zh": "卫星电话（天通一号，备份）", "en": "Satellite phone (Tiantong-1, backup)",
     "bandwidth_bps": 2400, "latency_s": 0.7,
     "src": "estimated: GEO satellite voice/short-data terminals, ≈2.4 kbit/s data, GEO round trip ≈0.5 s + processing; plan line 439 asks for portable emergency comms terminals"},
]
POSTS = [
    {"id": "cp_province", "level": "province", "zh": "黑龙江省应急管理厅指挥中心", "en": "Heilongjiang provincial emergency command centre",
     "node": "n_harbin", "network": "govnet"},
    {"id": "cp_city", "level": "city", "zh": "鹤岗市应急指挥中心", "en": "Hegang city emergency command centre", "node": "n_hg_gov",
     "network": "govnet", "parent": "cp_province"},
]
for did, code, zh, en, _ in DISTRICTS:
    key = did[2:]
    seat = {"d_xiangyang": "n_hg_gov", "d_luobei": "n_seat_luobei", "d_suibin": "n_seat_suibin"}.get(did, "n_seat_" + key)
    POSTS.append({"id": "cp_" + key, "level": "county" if code > 230420 else "district",
                  "zh": zh + "应急管理局指挥中心", "en": f"{en} emergency command post", "node": seat, "network": "govnet", "parent": "cp_city"})
WC_SRC = PLAN + " line 397 names: 公众号、微信、手机客户端、显示屏、调频广播、有线数字电视、融媒体、应急广播大喇叭系统"
CNNIC = "CNNIC 50th report (Aug 2022): internet penetration 74.4 %, rural 58.8 %"
WARN = [
    ("wechat_app", "政务公众号/微信/手机客户端", "Official accounts, WeChat and mobile apps", 0.6, 0.35, 20,
     f"{WC_SRC}; estimated: {CNNIC}; reach lower than penetration (must follow/see shares): urban 0.6, rural 0.35; 20 min to spread via groups"),
    ("display_screen", "显示屏（户外/楼宇电子屏）", "Display screens (outdoor/building)", 0.15, 0.03, 10,
     f"{WC_SRC}; estimated: only people passing screens in town centres; 10 min to push content"),
    ("fm_radio", "调频广播", "FM radio", 0.1, 0.12, 10,
     f"{WC_SRC}; estimated: mainly drivers and farm workers with radios on; 10 min to interrupt programme"),
    ("cable_tv", "有线数字电视", "Cable digital TV", 0.25, 0.12, 15,
     f"{WC_SRC}; estimated: share of households watching at a given time (evening higher); crawler/insert within 15 min"),
    ("converged_media", "融媒体（县级融媒体中心）", "Converged media (county media centres)", 0.3, 0.2, 20,
     f"{WC_SRC}; estimated: overlaps with apps/TV; county 融媒体 platforms reach a local audience; 20 min editorial delay"),
    ("village_loudspeaker", "应急广播大喇叭系统", "Village emergency loudspeakers", 0.05, 0.8, 15,
     f"{WC_SRC}; estimated: village loudspeakers reach most rural residents within earshot; urban coverage limited to community outdoor terminals; 15 min incl. village-cadre relay"),
]

# =============================================================== ROAD CLASSES
ARR = ("Shand, Smith, Cox & Blacka (2011) 'Stability of vehicles in floodwaters' (Australian Rainfall and Runoff Revision Project 10; "
       "adopted in ARR 2019 Book 6 Ch 7): still-water limits ≈0.3 m small passenger car, 0.4 m large car, 0.5 m large 4WD; "
       "UNSW WRL 2017 full-scale tests: small car unstable at 0.15 m flowing water, floats ≈0.6 m")
ROAD_CLASSES = [
    ("motorway", 100, 0.3, "speed: G11 Jiamusi bypass 100 km/h design (ref §2.1); closure: public traffic stopped at the small-car limit — " + ARR),
    ("trunk", 70, 0.3, "speed estimated (2-lane national road, mixed traffic); closure: " + ARR),
    ("primary", 60, 0.3, "speed: 富绥大桥 Class-1 road 60 km/h (ref §2.1) used for provincial roads; closure: " + ARR),
    ("secondary", 50, 0.3, "speed estimated (county road); closure: " + ARR),
    ("tertiary", 40, 0.3, "speed estimated (township road); closure: " + ARR),
    ("urban", 30, 0.3, "speed estimated (city streets incl. junction delay); closure: " + ARR),
    ("forest", 30, 0.5, "speed estimated (gravel forest road); closure at the large-4WD/truck limit since forest roads are used by 4WD/trucks — " + ARR),
    ("access", 20, 0.3, "speed estimated (yard/access road); closure: " + ARR),
    ("ferry", 10, 0.5, "estimated: crossing + loading ≈10 km/h effective; closed when the landing ramp is 0.5 m under water (truck limit)"),
]

# =============================================================== MINE SHAFT HEADS (appended: coal-mine scenarios)
# Shaft heads other than the production shafts, as road nodes that mine rescue units can be sent to
# (the coal_mine hazard's `shafts:` maps its escape shafts to them). Appended at the end of the lists.
node("n_mine_junde_vent", "峻德煤矿 回风立井井口", "Junde coal mine ventilation shaft head", 47.2153, 130.2427, "sourced-WGS",
     "ref §4.1: GEM ventilation shaft of 峻德 at 47.2153,130.2427 ([GEM] Coal Mine Boundaries and Methane Sources v1.0.2, via giswhiz/coal-mine-boundaries-methane-webmap)",
     district="d_xingan")
road("r_acc_mine_junde_vent", "n_mine_junde_vent", "n_mine_junde", "峻德煤矿 风井连接路", "access to the Junde ventilation shaft",
     "access", "urban")
# 600 m east of the 新兴 mine-head node: 600 m / (111.32 km x cos 47.41°) = 0.00797° of longitude.
node("n_mine_xinxing_2", "新兴煤矿 第二救援通道井口", "Xinxing coal mine second rescue access", 47.41000, 130.34297, "estimated",
     "ref §4.2: in 2009 rescuers used 2 access routes, one 600 m from the affected shaft (Sohu/人民日报 2009-11-22); "
     "estimated: placed 600 m east of the mine-head node n_mine_xinxing (direction not reported)", district="d_xingshan")
road("r_acc_mine_xinxing_2", "n_mine_xinxing_2", "n_mine_xinxing", "新兴煤矿 第二救援通道连接路", "access to the Xinxing second rescue access",
     "access", "urban")

# =============================================================== EMIT
class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def _repr_list(dumper, data):
    flow = all(not isinstance(x, (dict, list)) for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _repr_dict(dumper, data):
    flow = len(data) <= 3 and all(not isinstance(v, (dict, list)) for v in data.values()) and "src" not in data
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


_Dumper.add_representer(list, _repr_list)
_Dumper.add_representer(dict, _repr_dict)


def dump(name, header, body):
    path = os.path.join(MAPDIR, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        yaml.dump(body, f, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096)
    return path


HDR = "# Generated by scenarios/hegang/tools/build_map.py — edit the generator, not this file.\n# Sources, quality and licences: docs/hegang-data.md\n"
POP = carve_forest_farms(split_population())


def main():
    dump("map.yaml", HDR, {
        "hgdrill": "map/1", "id": "hegang", "name": {"zh": "鹤岗市", "en": "Hegang"},
        "boundaries": "districts.geojson", "rivers": "rivers.geojson",
        "include": ["nodes.yaml", "roads.yaml", "districts.yaml", "zones.yaml", "facilities.yaml"]})
    dump("nodes.yaml", HDR, {"nodes": list(NODES.values())})
    dump("roads.yaml", HDR, {"road_classes": [{"class": c, "speed_kmh": s, "flood_closure_depth_m": d, "src": src}
                                              for c, s, d, src in ROAD_CLASSES],
                             "roads": ROADS})
    dump("districts.yaml", HDR, {"districts": [{"id": i, "adcode": a, "zh": zh, "en": en, "population_2020": p, "src": CENSUS}
                                               for i, a, zh, en, p in DISTRICTS]})
    zs = []
    for zid, zh, en, d, n, kind, wc, note in ZONES:
        if zid == FF_ZONE_BUREAU:
            note = (note + "; " if note else "") + "its 5 forest farms are zones of their own (z_ff_*), carved out of this share"
        zs.append({"id": zid, "zh": zh, "en": en, "district": d, "node": n, "kind": kind, "population": POP[zid],
                   "src": f"{WRULE}; class {wc} (weight {W[wc]}); census: {CENSUS}" + (f"; {note}" if note else "")})
    for zid, zh, en, n in FF_ZONES:
        zs.append({"id": zid, "zh": zh, "en": en, "district": "d_luobei", "node": n, "kind": "forest", "population": POP[zid],
                   "src": f"estimated: share of the 萝北县林业局 zone ({FF_ZONE_BUREAU}) carved out by the weights above (bureau 0.4, "
                          f"forest farm 0.1 each; largest remainder); farm position {NODES[n]['src']}"})
    dump("zones.yaml", HDR, {"zones": zs})
    dump("facilities.yaml", HDR, {"facilities": FACS})
    dump("units.yaml", HDR, {"hgdrill": "resources/1", "units": UNITS})
    dump("comms.yaml", HDR, {"hgdrill": "comms/1", "networks": NETWORKS, "posts": POSTS,
                             "warning_channels": [{"id": i, "zh": zh, "en": en, "coverage_urban": cu, "coverage_rural": cr,
                                                   "delay_min": dm, "src": s} for i, zh, en, cu, cr, dm, s in WARN]})
    kinds = {}
    for f in FACS:
        kinds[f["kind"]] = kinds.get(f["kind"], 0) + 1
    print(f"nodes {len(NODES)}  roads {len(ROADS)}  bridges {sum(r['bridge'] for r in ROADS)}  zones {len(zs)}  "
          f"facilities {len(FACS)} {kinds}  units {len(UNITS)}  personnel {sum(u['personnel'] for u in UNITS)}")


if __name__ == "__main__":
    main()
