// `hgdrill model fire` end to end: the stable JSON interface, the table, and bad values.
#include "sim/hazards/fire/Rothermel.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

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

} // namespace

// The same fuel model 1 case as RothermelTest ("worked by hand"): 5 mi/h = 2.2352 m/s, flat ground:
// R = 103.280 ft/min = 31.480 m/min, flame 4.5910 ft = 1.3993 m, IB = 155.892 Btu/ft/s = 539.62 kW/m,
// L/B = 1.590064 (BehavePlus engine case).
TEST_CASE("hgdrill model fire --json: the stable keys, in order", "[fire][cli]") {
  const Run r = hgdrill("model fire --fuel-model 1 --moisture-pct 6,7,8,60,90 --midflame-wind-m-s 2.2352 "
                        "--slope-pct 0 --json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::ordered_json::parse(r.out);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it)
    keys.push_back(it.key());
  REQUIRE(keys.size() >= 4);
  CHECK(keys[0] == "ros_m_min");
  CHECK(keys[1] == "flame_length_m");
  CHECK(keys[2] == "fireline_intensity_kw_m");
  CHECK(keys[3] == "length_to_breadth");
  CHECK(j["ros_m_min"].get<double>() == Approx(103.280 * 0.3048).epsilon(1e-5));
  CHECK(j["flame_length_m"].get<double>() == Approx(4.5910 * 0.3048).epsilon(1e-4));
  CHECK(j["fireline_intensity_kw_m"].get<double>() == Approx(155.892 * 3.46147).epsilon(1e-5));
  CHECK(j["length_to_breadth"].get<double>() == Approx(1.590064).epsilon(1e-6));
  CHECK(r.out.find('\n') == r.out.size() - 1); // one object on one line
}

TEST_CASE("hgdrill model fire: wind upslope unless an angle is given", "[fire][cli]") {
  const std::string base =
      "model fire --fuel-model 9 --moisture-pct 6,7,8,60,90 --midflame-wind-m-s 2 --slope-pct 30";
  const auto def = nlohmann::json::parse(hgdrill(base + " --json").out);
  const auto up = nlohmann::json::parse(hgdrill(base + " --wind-upslope-angle-deg 0 --json").out);
  const auto cross = nlohmann::json::parse(hgdrill(base + " --wind-upslope-angle-deg 90 --json").out);
  CHECK(def["ros_m_min"] == up["ros_m_min"]);
  CHECK(cross["ros_m_min"].get<double>() < up["ros_m_min"].get<double>());
  CHECK(cross["direction_from_upslope_deg"].get<double>() > 0);
}

TEST_CASE("hgdrill model fire: bilingual table without --json", "[fire][cli]") {
  const Run r =
      hgdrill("model fire --fuel-model 2 --moisture-pct 6,7,8,60,90 --midflame-wind-m-s 1 --slope-pct 10");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("蔓延速度 rate of spread") != std::string::npos);
  CHECK(r.out.find("火焰长度 flame length") != std::string::npos);
  CHECK(r.out.find("长宽比 length-to-breadth") != std::string::npos);
}

TEST_CASE("hgdrill model fire: bad values exit 3 naming the option", "[fire][cli]") {
  struct Case {
    std::string args;
    std::string option;
  };
  const std::vector<Case> cases = {
      {"--fuel-model 14 --moisture-pct 6,7,8,60,90 --midflame-wind-m-s 1 --slope-pct 0", "--fuel-model"},
      {"--fuel-model 1 --moisture-pct 6,7,8,60 --midflame-wind-m-s 1 --slope-pct 0", "--moisture-pct"},
      {"--fuel-model 1 --moisture-pct 6,7,-8,60,90 --midflame-wind-m-s 1 --slope-pct 0", "--moisture-pct"},
      {"--fuel-model 1 --moisture-pct 6,7,8,60,90 --midflame-wind-m-s -1 --slope-pct 0",
       "--midflame-wind-m-s"},
      {"--fuel-model 1 --moisture-pct 6,7,8,60,90 --midflame-wind-m-s 1 --slope-pct -5", "--slope-pct"},
      {"--fuel-model 1 --moisture-pct 6,7,8,60,90 --midflame-wind-m-s 1 --slope-pct 0 "
       "--wind-upslope-angle-deg 999",
       "--wind-upslope-angle-deg"},
  };
  for (const Case& c : cases) {
    INFO(c.args);
    const Run r = hgdrill("model fire " + c.args + " --json", true);
    CHECK(r.exit_code == 3);
    CHECK(r.out.find(c.option) != std::string::npos);
  }
  // A missing required option is a command-line error (2), like every verb.
  CHECK(hgdrill("model fire --fuel-model 1 --json").exit_code == 2);
}
