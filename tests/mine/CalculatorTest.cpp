// `hgdrill model ventilation NETWORK.yaml --json` end to end: both file forms, and errors (exit 3,
// file:line).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {
struct Run {
  int exit_code = -1;
  std::string out;
};
Run hgdrill(const std::string& args, bool merge_stderr = false) {
  const std::string cmd =
      std::string(HG_BIN_DIR) + "/hgdrill " + args + (merge_stderr ? " 2>&1" : " 2>/dev/null");
  Run r;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0)
    r.out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}
std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = "/tmp/hg_mine_test_" + std::to_string(::getpid()) + "_" + name;
  std::ofstream(path) << text;
  return path;
}
} // namespace

// The aannaque (2019) network with its 47 m3/s as a fixed boundary flow (see VentilationTest.cpp).
TEST_CASE("hgdrill model ventilation --json: minimal form with a boundary", "[mine][cli]") {
  const std::string f = write_temp("bridge.yaml", "branches:\n"
                                                  "  - {id: b2, from: a, to: b, resistance_ns2_m8: 0.4}\n"
                                                  "  - {id: b3, from: a, to: c, resistance_ns2_m8: 0.6}\n"
                                                  "  - {id: b4, from: b, to: c, resistance_ns2_m8: 0.1}\n"
                                                  "  - {id: b5, from: b, to: d, resistance_ns2_m8: 0.5}\n"
                                                  "  - {id: b6, from: c, to: d, resistance_ns2_m8: 0.7}\n"
                                                  "boundary: {source: a, sink: d, flow_m3_s: 47}\n");
  const Run r = hgdrill("model ventilation " + f + " --json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 2);
  REQUIRE(j.at("branches").size() == 5);
  CHECK(j["branches"][0].at("id") == "b2");
  CHECK(j["branches"][0].at("flow_m3_s").get<double>() + j["branches"][1]["flow_m3_s"].get<double>() ==
        Approx(47));
  // Kirchhoff: the two routes a→d carry the same pressure drop.
  const double p25 =
      j["branches"][0]["pressure_drop_pa"].get<double>() + j["branches"][3]["pressure_drop_pa"].get<double>();
  const double p36 =
      j["branches"][1]["pressure_drop_pa"].get<double>() + j["branches"][4]["pressure_drop_pa"].get<double>();
  CHECK(p25 == Approx(p36).margin(1e-3));
  CHECK(j.at("iterations").get<int>() >= 1);
  CHECK(r.out.find('\n') == r.out.size() - 1);
  std::remove(f.c_str());
}

// A fan with a curve against one resistance (hand-derived operating point, see VentilationTest.cpp):
// Q = −37.5 + √(37.5² + 6000) = 48.560 m3/s; flow against a branch's from→to direction is negative.
TEST_CASE("hgdrill model ventilation --json: minimal form with a fan curve", "[mine][cli]") {
  const std::string f =
      write_temp("fan.yaml", "branches:\n"
                             "  - {id: mine, from: a, to: b, resistance_ns2_m8: 0.5}\n"
                             "  - {id: fan, from: b, to: a, resistance_ns2_m8: 0.000001}\n"
                             "fans: [{branch: fan, curve: [[0, 2000], [40, 1500], [80, 0]]}]\n");
  const Run r = hgdrill("model ventilation " + f + " --json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["branches"][0]["flow_m3_s"].get<double>() == Approx(48.56).margin(0.01));
  CHECK(j["branches"][1]["flow_m3_s"].get<double>() == Approx(48.56).margin(0.01));
  CHECK(j["branches"][1]["pressure_drop_pa"].get<double>() < 0); // the fan raises the pressure
  std::remove(f.c_str());
}

TEST_CASE("hgdrill model ventilation --json: full mine network", "[mine][cli]") {
  const Run r = hgdrill("model ventilation " + std::string(HG_SOURCE_DIR) +
                        "/scenarios/mine/xinxing-network.yaml --json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["branches"].size() == 39);
  double fan = 0, shafts_in = 0;
  for (const auto& b : j["branches"]) {
    if (b["id"] == "b_fan_drift") fan = b["flow_m3_s"];
    if (b["id"] == "b_aux_shaft_1" || b["id"] == "b_main_shaft" || b["id"] == "b_access2_shaft")
      shafts_in += b["flow_m3_s"].get<double>();
  }
  CHECK(fan > 100);
  CHECK(shafts_in == Approx(fan).epsilon(1e-9)); // all air enters by the three shafts and leaves by the fan
}

TEST_CASE("hgdrill model ventilation: bad input exits 3 with file:line", "[mine][cli]") {
  const std::string f = write_temp("bad.yaml", "branches:\n"
                                               "  - {id: b1, from: a, to: b, resistance_ns2_m8: 1}\n"
                                               "  - {id: b2, from: a, to: b}\n");
  const Run r = hgdrill("model ventilation " + f + " --json", true);
  CHECK(r.exit_code == 3);
  CHECK(r.out.find(f + ":3:") != std::string::npos);
  CHECK(r.out.find("branches[1].resistance_ns2_m8: missing required field") != std::string::npos);
  CHECK(hgdrill("model ventilation /nonexistent/net.yaml --json").exit_code == 3);
  CHECK(hgdrill("model ventilation").exit_code == 2); // no file: a command-line error
  std::remove(f.c_str());
}

TEST_CASE("hgdrill validate accepts mine/1 network files and reports their errors", "[mine][cli]") {
  const Run ok = hgdrill("validate " + std::string(HG_SOURCE_DIR) + "/scenarios/mine/xinxing-network.yaml " +
                         std::string(HG_SOURCE_DIR) + "/scenarios/mine/zhenxing-network.yaml");
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("xinxing-network.yaml: ok") != std::string::npos);
  // A mine/1 file is scenario data: numbers need `src`, ids must exist.
  const std::string f =
      write_temp("net.yaml", "hgdrill: mine/1\n"
                             "branches:\n"
                             "  - {id: b1, from: a, to: b, resistance_ns2_m8: 0.5, src: test}\n"
                             "  - {id: b2, from: b, to: a, resistance_ns2_m8: 0.5}\n"
                             "boundary: {source: a, sink: zz, flow_m3_s: 10, src: test}\n");
  const Run bad = hgdrill("validate " + f, true);
  CHECK(bad.exit_code == 3);
  INFO(bad.out);
  CHECK(bad.out.find(f + ":4:5: error: branches[1]") != std::string::npos);
  CHECK(bad.out.find(f + ":5:") != std::string::npos);
  std::remove(f.c_str());
}
