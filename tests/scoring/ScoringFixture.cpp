/// @file
/// @brief The hand-made scoring fixture (see ScoringFixture.hpp). Event times are chosen so that every
/// KPI has a value that is easy to work out on paper; the tests spell out the arithmetic.
#include "ScoringFixture.hpp"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace hg::test {

namespace fs = std::filesystem;

void write_text(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
  if (!out)
    throw std::runtime_error("cannot write " + p.string());
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> ScoringFixture::standard_events() {
  // t in seconds; incident at t = 0. Comments give the seq (line number).
  return {
      R"({"t":0,"type":"run.started","actors":[],"payload":{"duration_s":43200,"scenario":"s","seed":7,"start":"2023-07-15T08:00:00+08:00","version":"0.1.0"}})", // 0
      R"({"t":0,"type":"incident.started","actors":[],"payload":{"kind":"hazmat_road","lat":47.33,"lon":130.23,"node":"n_inc"}})", // 1
      R"({"t":0,"type":"plan.loaded","actors":["cp_city"],"payload":{"plan":"p","clauses":[{"id":"c1","action":"dispatch","deadline_s":600,"section":"4.1"},{"id":"c2","action":"warn","deadline_s":1800,"section":"4.2"},{"id":"c3","action":"relief","deadline_s":3600,"section":"5"},{"id":"c4","action":"request_province","deadline_s":7200,"section":"6"}]}})", // 2
      R"({"t":240,"type":"report.received","actors":["cp_county","scene"],"payload":{"about":"incident","level":"county","observed_t":0}})", // 3
      R"({"t":300,"type":"decision","actors":["cp_city"],"payload":{"action":"dispatch","args":{},"by":"plan","clause":"c1"}})", // 4
      R"({"t":300,"type":"plan.clause_fired","actors":["cp_city"],"payload":{"clause":"c1","deadline_s":600,"trigger":"incident"}})", // 5
      R"({"t":300,"type":"unit.dispatched","actors":["u_e1","cp_city"],"payload":{"clause":"c1","eta_s":600,"first_alarm":true,"route":["n_a","n_b","n_inc"],"target":"incident","target_node":"n_inc","task":"hazmat"}})", // 6
      R"({"t":300,"type":"unit.dispatched","actors":["u_e2","cp_city"],"payload":{"clause":"c1","eta_s":900,"first_alarm":true,"route":["n_a","n_b","n_inc"],"target":"incident","target_node":"n_inc","task":"hazmat"}})", // 7
      R"({"t":360,"type":"plan.action_done","actors":["cp_city"],"payload":{"action":"dispatch","clause":"c1","deadline_t":600,"status":"on_time"}})", // 8
      R"({"t":600,"type":"message.delivered","actors":["cp_county","cp_city"],"payload":{"delay_s":20,"id":"m1","kind":"report","network":"govnet"}})", // 9
      R"({"t":620,"type":"report.received","actors":["cp_city","cp_county"],"payload":{"about":"incident","level":"city","observed_t":0}})", // 10
      R"({"t":700,"type":"message.lost","actors":["cp_city","cp_prov"],"payload":{"id":"m2","kind":"report","network":"govnet","reason":"link_down"}})", // 11
      R"({"t":700,"type":"road.closed","actors":["r_b_inc"],"payload":{"reason":"incident"}})", // 12
      R"({"t":800,"type":"unit.rerouted","actors":["u_e2"],"payload":{"at_node":"n_b","closed_road":"r_b_inc","eta_s":1500,"route":["n_b","n_c","n_inc"]}})", // 13
      R"({"t":900,"type":"unit.arrived","actors":["u_e1"],"payload":{"node":"n_inc","target":"incident","task":"hazmat"}})", // 14
      R"({"t":1000,"type":"decision","actors":["cp_county"],"payload":{"action":"warn","args":{},"by":"team_red","clause":null}})", // 15
      R"({"t":1000,"type":"warning.issued","actors":["cp_county"],"payload":{"channels":["sms"],"level":"orange","zones":["z_north","z_south"]}})", // 16
      R"({"t":1200,"type":"warning.delivered","actors":["z_north"],"payload":{"channel":"sms","people_reached":600,"share":0.6}})", // 17
      R"({"t":1300,"type":"warning.delivered","actors":["z_north"],"payload":{"channel":"tv","people_reached":600,"share":0.6}})", // 18
      R"({"t":1500,"type":"hazard.reached","actors":["z_north"],"payload":{"hazard":"h1","how":"wind","kind":"plume","people":1000}})", // 19
      R"({"t":1600,"type":"warning.delivered","actors":["z_south"],"payload":{"channel":"sms","people_reached":1500,"share":0.5}})", // 20
      R"({"t":1700,"type":"evacuation.completed","actors":["z_south"],"payload":{"people":1500,"shelter":"f_shelter"}})", // 21
      R"({"t":1800,"type":"hazard.reached","actors":["z_south"],"payload":{"hazard":"h1","how":"wind","kind":"plume","people":3000}})", // 22
      R"({"t":1900,"type":"plan.clause_fired","actors":["cp_city"],"payload":{"clause":"c2","deadline_s":1800,"trigger":"t"}})", // 23
      R"({"t":2000,"type":"message.delivered","actors":["cp_city","cp_prov"],"payload":{"delay_s":100,"id":"m3","kind":"report","network":"govnet"}})", // 24
      R"({"t":2100,"type":"report.received","actors":["cp_prov","cp_city"],"payload":{"about":"incident","level":"province","observed_t":0}})", // 25
      R"({"t":2400,"type":"unit.arrived","actors":["u_e2"],"payload":{"node":"n_inc","target":"incident","task":"hazmat"}})", // 26
      R"({"t":2500,"type":"people.exposed","actors":["z_north"],"payload":{"aegl2":200,"aegl3":10,"hazard":"h1"}})", // 27
      R"({"t":3000,"type":"people.exposed","actors":["z_north"],"payload":{"aegl2":150,"aegl3":20,"hazard":"h1"}})", // 28
      R"({"t":3000,"type":"people.exposed","actors":["z_south"],"payload":{"aegl2":50,"aegl3":0,"hazard":"h1"}})", // 29
      R"({"t":3600,"type":"casualties.estimate","actors":["z_north"],"payload":{"fatalities":1,"hazard":"h1","injuries":5,"method":"m"}})", // 30
      R"({"t":3600,"type":"plan.clause_fired","actors":["cp_city"],"payload":{"clause":"c3","deadline_s":3600,"trigger":"t"}})", // 31
      R"({"t":4000,"type":"unit.dispatched","actors":["u_relief","cp_city"],"payload":{"clause":"c3","eta_s":3600,"first_alarm":false,"route":["n_a","n_b"],"target":"z_north","target_node":"n_b","task":"relief"}})", // 32
      R"({"t":4000,"type":"message.delivered","actors":["u_relief","cp_city"],"payload":{"delay_s":4,"id":"m4","kind":"order","network":"radio"}})", // 33
      R"({"t":4500,"type":"unit.task_done","actors":["u_e1"],"payload":{"target":"incident","task":"hazmat"}})", // 34
      R"({"t":5400,"type":"casualties.estimate","actors":["z_north"],"payload":{"fatalities":2,"hazard":"h1","injuries":8,"method":"m"}})", // 35
      R"({"t":5400,"type":"casualties.estimate","actors":["z_south"],"payload":{"fatalities":0,"hazard":"h1","injuries":3,"method":"m"}})", // 36
      R"({"t":5400,"type":"unit.returned","actors":["u_e1"],"payload":{"node":"n_a"}})", // 37
      R"({"t":9000,"type":"plan.action_done","actors":["cp_city"],"payload":{"action":"warn","clause":"c2","deadline_t":1800,"status":"late"}})", // 38
      R"({"t":10800,"type":"unit.arrived","actors":["u_relief"],"payload":{"node":"n_b","target":"z_north","task":"relief"}})", // 39
      R"({"t":10800,"type":"relief.delivered","actors":["z_north","u_relief"],"payload":{"kind":"food","people":600}})", // 40
      R"({"t":18000,"type":"relief.delivered","actors":["z_north","u_relief"],"payload":{"kind":"food","people":600}})", // 41
      R"({"t":21600,"type":"relief.delivered","actors":["z_south","u_relief"],"payload":{"kind":"food","people":1000}})", // 42
      R"({"t":43200,"type":"run.ended","actors":[],"payload":{"events":44,"sim_end_s":43200}})", // 43
  };
}

void ScoringFixture::write_events(const std::vector<std::string>& lines, const std::string& file) const {
  std::string text;
  long seq = 0;
  for (const auto& l : lines)
    text += "{\"seq\":" + std::to_string(seq++) + "," + l.substr(1) + "\n";
  write_text(run_dir / file, text);
}

ScoringFixture::ScoringFixture(const std::string& name, bool with_baseline, long seed) {
  std::random_device rd;
  dir = fs::temp_directory_path() / ("hg_scoring_" + name + "_" + std::to_string(rd()));
  run_dir = dir / "run";
  fs::create_directories(run_dir);
  write_text(dir / "world" / "districts.geojson",
             R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":230402,"name":"向阳区","name_en":"Xiangyang"},"geometry":{"type":"Polygon","coordinates":[[[130.19,47.29],[130.24,47.29],[130.24,47.34],[130.19,47.34],[130.19,47.29]]]}}]})");
  write_text(dir / "world" / "map.yaml", R"(hgdrill: map/1
id: testcity
name: {zh: 测试市, en: Test city}
boundaries: districts.geojson
road_classes:
  - {class: urban, speed_kmh: 40, src: "estimated: test"}
nodes:
  - {id: n_a, zh: 甲, en: A, lat: 47.30, lon: 130.20, quality: estimated, src: "estimated: test"}
  - {id: n_b, zh: 乙, en: B, lat: 47.31, lon: 130.21, quality: estimated, src: "estimated: test"}
  - {id: n_c, zh: 丙, en: C, lat: 47.32, lon: 130.22, quality: estimated, src: "estimated: test"}
  - {id: n_inc, zh: 事故点, en: Incident site, lat: 47.33, lon: 130.23, quality: estimated, src: "estimated: test"}
roads:
  - {id: r_ab, from: n_a, to: n_b, zh: 甲乙路, en: A-B road, class: urban, length_km: 5, src: "estimated: test"}
  - {id: r_bc, from: n_b, to: n_c, zh: 乙丙路, en: B-C road, class: urban, length_km: 5, src: "estimated: test"}
  - {id: r_c_inc, from: n_c, to: n_inc, zh: 丙路, en: C road, class: urban, length_km: 5, src: "estimated: test"}
  - {id: r_b_inc, from: n_b, to: n_inc, zh: 鹤立大桥, en: Heli bridge, class: urban, length_km: 5, src: "estimated: test"}
districts:
  - {id: d_x, adcode: 230402, zh: 向阳区, en: Xiangyang, population_2020: 72867, src: "estimated: test"}
zones:
  - {id: z_north, zh: 北区, en: North zone, district: d_x, node: n_b, kind: urban, population: 1000, src: "estimated: test"}
  - {id: z_south, zh: 南区, en: South zone, district: d_x, node: n_c, kind: rural, population: 3000, src: "estimated: test"}
  - {id: z_east, zh: 东区, en: East zone, district: d_x, node: n_a, kind: urban, population: 500, src: "estimated: test"}
facilities:
  - {id: f_fire, kind: fire_station, zh: 消防站, en: Fire station, node: n_a, lat: 47.30, lon: 130.20, src: "estimated: test"}
  - {id: f_mine, kind: mine_rescue, zh: 矿山救护队, en: Mine rescue base, node: n_a, lat: 47.30, lon: 130.20, src: "estimated: test"}
  - {id: f_shelter, kind: shelter, zh: 避难场所, en: Shelter, node: n_c, lat: 47.32, lon: 130.22, capacity_people: 3000, src: "estimated: test"}
)");
  write_text(dir / "world" / "units.yaml", R"(hgdrill: resources/1
units:
  - {id: u_e1, zh: 特勤一站, en: Engine 1, type: fire_engine, agency: 市消防救援支队, base: f_fire, capabilities: [hazmat], personnel: 10, network: radio, src: "estimated: test"}
  - {id: u_e2, zh: 特勤二站, en: Engine 2, type: fire_engine, agency: 市消防救援支队, base: f_fire, capabilities: [hazmat], personnel: 10, network: radio, src: "estimated: test"}
  - {id: u_mr, zh: 矿山救护队, en: Mine rescue team, type: mine_rescue, agency: 矿山救护大队, base: f_mine, capabilities: [mine_rescue], personnel: 20, network: radio, src: "estimated: test"}
  - {id: u_relief, zh: 救灾车, en: Relief truck, type: relief_truck, agency: 市应急管理局, base: f_shelter, capabilities: [relief_delivery], personnel: 4, network: radio, src: "estimated: test"}
)");
  write_text(dir / "world" / "comms.yaml", R"(hgdrill: comms/1
networks:
  - {id: radio, kind: radio, zh: 电台, en: Radio, bandwidth_bps: 9600, latency_s: 0.5, src: "estimated: test"}
  - {id: govnet, kind: private, zh: 政务网, en: Government network, bandwidth_bps: 1000000, latency_s: 0.1, src: "estimated: test"}
posts:
  - {id: cp_county, level: county, zh: 县指挥部, en: County post, node: n_a, network: govnet, parent: cp_city, src: "estimated: test"}
  - {id: cp_city, level: city, zh: 市指挥中心, en: City post, node: n_b, network: govnet, parent: cp_prov, src: "estimated: test"}
  - {id: cp_prov, level: province, zh: 省指挥中心, en: Province post, node: n_c, network: govnet, src: "estimated: test"}
)");
  write_text(dir / "scenario" / "scenario.yaml", R"(hgdrill: scenario/1
id: test_hazmat
name: {zh: 测试危化品事故, en: Test hazmat incident}
map: ../world/map.yaml
resources: ../world/units.yaml
comms: ../world/comms.yaml
start: "2023-07-15T08:00:00+08:00"
duration_h: 12
seed: )" + std::to_string(seed) + R"(
lead_post: cp_city
incident:
  kind: hazmat_road
  node: n_inc
  at_h: 0
  reported_to: cp_county
  report_delay_min: 4
  src: "estimated: test"
)");
  scenario = fs::absolute(dir / "scenario" / "scenario.yaml").string();
  write_text(run_dir / "run.json", "{\"scenario\":\"" + scenario + "\",\"scenario_id\":\"test_hazmat\",\"seed\":" +
                                       std::to_string(seed) +
                                       ",\"version\":\"0.1.0\",\"plan\":null,\"rubric\":null,\"no_response\":false}\n");
  auto events = standard_events();
  const std::string seven = "\"seed\":7";
  events[0].replace(events[0].find(seven), seven.size(), "\"seed\":" + std::to_string(seed));
  write_events(events);
  if (with_baseline) {
    // No response: the plume reaches both zones and more people die (30 + 12 = 42).
    write_events({R"({"t":0,"type":"run.started","actors":[],"payload":{"duration_s":43200,"seed":7}})",
                  R"({"t":1500,"type":"hazard.reached","actors":["z_north"],"payload":{"hazard":"h1","people":1000}})",
                  R"({"t":3600,"type":"casualties.estimate","actors":["z_north"],"payload":{"fatalities":10,"hazard":"h1","injuries":50}})",
                  R"({"t":5400,"type":"casualties.estimate","actors":["z_north"],"payload":{"fatalities":30,"hazard":"h1","injuries":60}})",
                  R"({"t":5400,"type":"casualties.estimate","actors":["z_south"],"payload":{"fatalities":12,"hazard":"h1","injuries":40}})"},
                 "baseline/events.jsonl");
  }
}

ScoringFixture::~ScoringFixture() {
  if (std::getenv("HG_KEEP_TEST_DIR")) // keep the folder to look at the reports by hand
    return;
  std::error_code ec;
  fs::remove_all(dir, ec);
}

} // namespace hg::test
