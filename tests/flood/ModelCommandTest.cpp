// `hgdrill model` end to end: runs the built program and parses its one-line JSON.
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

/// Runs `hgdrill <args>`; stderr is merged into `out` only when asked (JSON must stay alone on stdout).
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

// Subramanya (2008) Engineering Hydrology, 3rd ed., Example 8.6 (see MuskingumTest.cpp).
TEST_CASE("hgdrill model route --json: Subramanya Example 8.6", "[flood][cli]") {
  const Run r = hgdrill("model route --k-h 12 --x 0.2 --dt-h 6 --inflow 10,20,50,60,55,45,35,27,20,15 "
                        "--initial-outflow 10 --json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  const std::vector<double> published = {10.00, 10.48, 16.46, 32.94, 45.61,
                                         49.61, 46.93, 40.87, 33.92, 27.04};
  REQUIRE(j.at("outflow").size() == published.size());
  for (size_t i = 0; i < published.size(); ++i)
    CHECK(j["outflow"][i].get<double>() == Approx(published[i]).margin(0.06));
  CHECK(r.out.find('\n') == r.out.size() - 1); // one line
}

// Ponce, SDSU CIVE 530 Midterm 1 Fall 2008, Problem 4 (see ManningTest.cpp).
TEST_CASE("hgdrill model manning --json: rectangular Ponce example", "[flood][cli]") {
  const Run r = hgdrill("model manning --section rectangular --width-m 6 --depth-m 1.6 --n 0.015 "
                        "--slope 0.0025 --json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j.at("area_m2").get<double>() == Approx(9.6));
  CHECK(j.at("wetted_perimeter_m").get<double>() == Approx(9.2));
  CHECK(j.at("hydraulic_radius_m").get<double>() == Approx(1.043).margin(5e-4));
  CHECK(j.at("velocity_m_s").get<double>() == Approx(3.428).margin(2e-3)); // R rounded to 1.043 in the source
  CHECK(j.at("discharge_m3_s").get<double>() == Approx(32.91).margin(0.02));
}

// Ponce, SDSU CIVE 530 Midterm 1 Fall 2005: 20 ft crest, 0.8 ft head → 44.22 cfs = 1.2522 m3/s.
TEST_CASE("hgdrill model weir --json: Ponce example", "[flood][cli]") {
  const Run r = hgdrill("model weir --crest-width-m 6.096 --head-m 0.24384 --json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j.at("discharge_m3_s").get<double>() == Approx(44.22 * 0.028316846592).epsilon(2e-3));
}

TEST_CASE("hgdrill model: bad values exit 3 naming the option", "[flood][cli]") {
  Run r = hgdrill("model route --k-h 12 --x 0.2 --dt-h 6 --inflow 10,20,30,-5", true);
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("--inflow[3]: expected a flow >= 0 m3/s (got -5)") != std::string::npos);
  r = hgdrill("model route --k-h 12 --x 0.7 --dt-h 6 --inflow 10,20", true);
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("--x:") != std::string::npos);
  r = hgdrill("model manning --section oval --depth-m 1 --n 0.03 --slope 0.001", true);
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("--section") != std::string::npos);
  r = hgdrill("model manning --section circular --diameter-m 1 --depth-m 2 --n 0.013 --slope 0.001", true);
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("--depth-m") != std::string::npos);
  r = hgdrill("model weir --crest-width-m -2 --head-m 1", true);
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("--crest-width-m") != std::string::npos);
}

TEST_CASE("hgdrill model: missing options exit 2, --help exits 0", "[flood][cli]") {
  CHECK(hgdrill("model route --x 0.2 --dt-h 6 --inflow 10,20").exit_code == 2);
  CHECK(hgdrill("model weir --head-m 1").exit_code == 2);
  CHECK(hgdrill("model manning --section rectangular --depth-m 1 --n 0.03 --slope 0.001").exit_code == 2);
  for (const char* verb : {"model --help", "model route --help", "model manning --help", "model weir --help"})
    CHECK(hgdrill(verb).exit_code == 0);
  const Run human = hgdrill("model weir --crest-width-m 10 --head-m 1");
  CHECK(human.exit_code == 0);
  CHECK(human.out.find("流量 discharge") != std::string::npos);
}
