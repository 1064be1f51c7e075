// Mine network and coal-mine hazard entry loaders: every error names the file, line, column and field.
#include "sim/hazards/mine/MineLoader.hpp"
#include "sim/hazards/mine/MineNetworkLoader.hpp"

#include <catch2/catch.hpp>

using namespace hg;
using namespace hg::mine;

namespace {
struct Parsed {
  Diagnostics diag;
  MineNetwork net;
};
Parsed parse(const std::string& text, NetworkLoadOptions opt = {}) {
  Parsed p;
  auto f = YamlFile::parse(text, "net.yaml", p.diag);
  REQUIRE(f);
  p.net = load_mine_network(f->root(), opt);
  return p;
}
} // namespace

TEST_CASE("minimal calculator form loads", "[mine][loader]") {
  auto p = parse("branches:\n"
                 "  - {id: b1, from: a, to: b, resistance_ns2_m8: 0.5}\n"
                 "  - {id: b2, from: a, to: b, resistance_ns2_m8: 0.3}\n"
                 "boundary: {source: a, sink: b, flow_m3_s: 20}\n");
  CHECK_FALSE(p.diag.has_errors());
  CHECK(p.net.junctions.size() == 2);
  REQUIRE(p.net.boundary);
  CHECK(p.net.boundary->flow_m3_s == 20);
}

TEST_CASE("network errors carry file:line:col and the field", "[mine][loader]") {
  auto p = parse("branches:\n"                                                  // 1
                 "  - {id: b1, from: a, to: b, resistance_ns2_m8: -1}\n"        // 2
                 "  - {id: b2, from: a, to: a, resistance_ns2_m8: 1}\n"         // 3
                 "  - {id: b3, from: a, to: b, k_kg_m3: 0.01, length_m: 100}\n" // 4
                 "  - {id: b4, from: a, to: b, resistanse_ns2_m8: 1}\n"         // 5
                 "fans:\n"                                                      // 6
                 "  - {branch: b9, curve: [[0, 100], [0, 50]]}\n");             // 7
  const std::string s = p.diag.str();
  CHECK(s.find("net.yaml:2:") != std::string::npos);
  CHECK(s.find("branches[0].resistance_ns2_m8: expected a number > 0 (got -1)") != std::string::npos);
  CHECK(s.find("net.yaml:3:") != std::string::npos);
  CHECK(s.find("two different junctions") != std::string::npos);
  CHECK(s.find("branches[2].perimeter_m: missing required field") != std::string::npos);
  CHECK(s.find("branches[2].area_m2: missing required field") != std::string::npos);
  CHECK(s.find("unknown field 'resistanse_ns2_m8' (did you mean 'resistance_ns2_m8'?)") != std::string::npos);
  CHECK(s.find("net.yaml:7:") != std::string::npos);
  CHECK(s.find("unknown branch \"b9\"") != std::string::npos);
  CHECK(s.find("fan curve quantities must increase") != std::string::npos);
}

TEST_CASE("declared junctions are checked and depth gives elevation and Atkinson R", "[mine][loader]") {
  auto p =
      parse("datum_elevation_m: 250\n"
            "junctions:\n"
            "  - {id: top, z_m: 250, surface: true}\n"
            "  - {id: bot, depth_m: 400}\n"
            "branches:\n"
            "  - {id: s, from: top, to: bot, k_kg_m3: 0.012, length_m: 500, perimeter_m: 15, area_m2: 16}\n"
            "  - {id: x, from: bot, to: nowhere, resistance_ns2_m8: 1}\n"
            "natural_ventilation: true\n");
  const std::string s = p.diag.str();
  CHECK(s.find("net.yaml:7:") != std::string::npos);
  CHECK(s.find("unknown junction \"nowhere\"") != std::string::npos);
  CHECK(p.net.junctions[1].z_m == Approx(-150));
  CHECK(p.net.branches[0].r_ns2_m8 == Approx(0.012 * 500 * 15 / 4096.0));
}

TEST_CASE("scenario data needs provenance and model data needs lengths", "[mine][loader]") {
  auto p = parse("branches:\n"
                 "  - {id: b1, from: a, to: b, resistance_ns2_m8: 0.5}\n"
                 "boundary: {source: a, sink: b, flow_m3_s: 20}\n",
                 {true, true});
  const std::string s = p.diag.str();
  CHECK(s.find("numbers need provenance") != std::string::npos);
  CHECK(s.find("branches[0].length_m: missing required field") != std::string::npos);
  auto q = parse("branches:\n  - {id: b1, from: a, to: b, resistance_ns2_m8: 0.5}\n");
  CHECK(q.diag.str().find("nothing drives the air") != std::string::npos);
}

TEST_CASE("hazard entry errors point into the scenario", "[mine][loader]") {
  Diagnostics d;
  const std::string net = std::string(HG_SOURCE_DIR) + "/scenarios/mine/xinxing-network.yaml";
  auto f = YamlFile::parse("hazards:\n"
                           "  - kind: coal_mine\n"
                           "    id: m\n"
                           "    network: " +
                               net +
                               "\n"
                               "    shift: afternoon\n"
                               "    src: test\n"
                               "    explosion: {at_h: 1, centre: j_nowhere, damage_radius_m: -5, src: test}\n"
                               "    fire: {at_h: 1, junction: j3_b, branch: b3_tan, co_g_s: 10, src: test}\n",
                           "sc.yaml", d);
  REQUIRE(f);
  load_mine_config(f->root()["hazards"].at(0), nullptr);
  const std::string s = d.str();
  CHECK(s.find("sc.yaml:5:") != std::string::npos);
  CHECK(s.find("no face of the mine network has a crew on shift \"afternoon\"") != std::string::npos);
  CHECK(s.find("sc.yaml:7:") != std::string::npos);
  CHECK(s.find("explosion.centre: unknown junction \"j_nowhere\"") != std::string::npos);
  CHECK(s.find("explosion.damage_radius_m: expected a number >= 0 (got -5)") != std::string::npos);
  CHECK(s.find("a fire is at a junction or in a branch") != std::string::npos);
}
