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
V_node("n_mingshan", "名山镇", "Mingshan town (Luobei port)", 47.679232, 131.076561, "230421102000", "d_luobei",
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
node("n_ff_helin", "鹤林林场", "Helin forest farm", 47.47, 130.12, "estimated",
     "estimated: named among 鹤岗市林业局 farms (ref §4.4) without coordinate; placed between 红旗 and 十里河 farms", district="d_dongshan")
