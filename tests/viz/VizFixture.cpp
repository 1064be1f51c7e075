/// @file
/// @brief Writes the tiny run folder of the viewer tests (see VizFixture.hpp).
#include "VizFixture.hpp"

#include <fstream>
#include <random>
#include <stdexcept>

namespace hg::viz::test {

namespace fs = std::filesystem;

namespace {
void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p);
  if (!out) throw std::runtime_error("cannot write " + p.string());
  out << text;
}
} // namespace

VizFixture::VizFixture() {
  std::random_device rd;
  dir_ = fs::temp_directory_path() / ("hgviz-test-" + std::to_string(rd()));
  fs::create_directories(dir_ / "run");
  write(dir_ / "map" / "map.yaml", R"(hgdrill: map/1
id: tiny
name: {zh: 小镇, en: Tiny town}
boundaries: districts.geojson
rivers: rivers.geojson
road_classes:
  - {class: primary, speed_kmh: 60, flood_closure_depth_m: 0.3, src: "estimated: test"}
nodes:
  - {id: n_a, zh: 甲村, en: Village A, lat: 47.30, lon: 130.20, src: "estimated: test"}
  - {id: n_b, zh: 乙桥头, en: Bridgehead B, lat: 47.30, lon: 130.30, src: "estimated: test"}
  - {id: n_c, zh: 丙镇, en: Town C, lat: 47.36, lon: 130.30, src: "estimated: test"}
roads:
  - {id: r_ab, from: n_a, to: n_b, zh: 甲乙路, en: A-B road, class: primary, length_km: 8, src: "estimated: test"}
  - {id: r_bc, from: n_b, to: n_c, zh: 乙丙大桥, en: B-C bridge, class: primary, length_km: 7, bridge: true,
     zone: z_c, src: "estimated: test"}
districts:
  - {id: d_tiny, adcode: 230499, zh: 小区, en: Tiny district, population_2020: 5000, src: "estimated: test"}
zones:
  - {id: z_c, zh: 丙镇街道, en: Town C subdistrict, district: d_tiny, node: n_c, kind: urban, population: 2500,
     src: "estimated: test"}
facilities:
  - {id: f_fire, kind: fire_station, zh: 甲村消防站, en: Village A fire station, node: n_a, lat: 47.298,
     lon: 130.205, src: "estimated: test"}
  - {id: g_c, kind: gauge, zh: 丙镇水文站, en: Town C gauge, node: n_b, lat: 47.334, lon: 130.33, warning_m: 2.0,
     guarantee_m: 3.0, src: "estimated: test"}
)");
  write(
      dir_ / "map" / "districts.geojson",
      R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":230499,"name":"小区","name_en":"Tiny district"},"geometry":{"type":"Polygon","coordinates":[[[130.17,47.28],[130.35,47.28],[130.35,47.40],[130.17,47.40],[130.17,47.28]]]}}]})");
  write(
      dir_ / "map" / "rivers.geojson",
      R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"小河","name_en":"Little river"},"geometry":{"type":"LineString","coordinates":[[130.16,47.33],[130.36,47.33]]}}]})");
  write(dir_ / "map" / "units.yaml", R"(hgdrill: resources/1
units:
  - {id: u_fire_1, zh: 甲村消防中队, en: Village A fire squad, type: fire_engine, base: f_fire,
     capabilities: [fire_suppression], personnel: 12, network: radio, src: "estimated: test"}
)");
  write(dir_ / "map" / "comms.yaml", R"(hgdrill: comms/1
networks:
  - {id: radio, kind: radio, zh: 无线, en: Radio, bandwidth_bps: 9600, latency_s: 0.5, src: "estimated: test"}
posts:
  - {id: cp_city, level: city, zh: 指挥中心, en: Command centre, node: n_a, network: radio}
)");
  write(dir_ / "scenario.yaml", R"(hgdrill: scenario/1
id: tiny_flood
name: {zh: 小镇洪水演练, en: Tiny town flood drill}
map: map/map.yaml
resources: map/units.yaml
comms: map/comms.yaml
start: "2023-08-01T06:00:00+08:00"
duration_h: 3
incident: {kind: flood, node: n_b, at_h: 0, reported_to: cp_city, src: "estimated: test"}
)");
  const std::string scen = fs::absolute(dir_ / "scenario.yaml").string();
  write(
      dir_ / "run" / "run.json",
      R"({"scenario":")" + scen +
          R"(","scenario_id":"tiny_flood","seed":1,"version":"test","plan":null,"rubric":null,"no_response":false})");
  write(
      dir_ / "run" / "events.jsonl",
      R"({"seq":0,"t":0.000,"type":"run.started","actors":[],"payload":{"duration_s":10800,"scenario":"tiny_flood","seed":1,"start":"2023-08-01T06:00:00+08:00","version":"test"}}
{"seq":1,"t":0.000,"type":"incident.started","actors":[],"payload":{"kind":"flood","lat":47.3,"lon":130.3,"node":"n_b"}}
{"seq":2,"t":600.000,"type":"unit.dispatched","actors":["u_fire_1","cp_city"],"payload":{"eta_s":900,"route":["n_a","n_b"],"target":"incident","target_node":"n_b","task":"rescue"}}
{"seq":3,"t":1500.000,"type":"unit.arrived","actors":["u_fire_1"],"payload":{"node":"n_b","target":"incident","task":"rescue"}}
{"seq":4,"t":3000.000,"type":"flood.zone","actors":["z_c"],"payload":{"depth_m":1.2,"level_m":101.2,"people_at_risk":2500,"volume_m3":300000}}
{"seq":5,"t":3000.000,"type":"flood.gauge","actors":["g_c"],"payload":{"discharge_m3_s":850,"guarantee_m":3.0,"stage_m":2.6,"warning_m":2.0}}
{"seq":6,"t":3000.000,"type":"road.closed","actors":["r_bc"],"payload":{"reason":"flood"}}
{"seq":7,"t":3600.000,"type":"road.closed","actors":["r_ab"],"payload":{"reason":"incident"}}
{"seq":8,"t":6000.000,"type":"unit.task_done","actors":["u_fire_1"],"payload":{"target":"incident","task":"rescue"}}
{"seq":9,"t":7200.000,"type":"road.reopened","actors":["r_ab"],"payload":{"reason":"incident"}}
{"seq":10,"t":8000.000,"type":"unit.returned","actors":["u_fire_1"],"payload":{"node":"n_a"}}
{"seq":11,"t":10800.000,"type":"run.ended","actors":[],"payload":{"events":12,"sim_end_s":10800}}
)");
  write(
      dir_ / "run" / "scores.json",
      R"J({"total":72,"kpis":[{"name":"first unit on scene (min)","value":15,"target":20,"score":1.0},{"name":"people evacuated","value":1800,"target":2500,"score":0.72}]})J");
}

VizFixture::~VizFixture() {
  std::error_code ec;
  if (!std::getenv("HG_KEEP_FIXTURE")) fs::remove_all(dir_, ec);
}

} // namespace hg::viz::test
