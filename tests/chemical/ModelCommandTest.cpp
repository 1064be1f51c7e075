// `hgdrill model plume|plume-rise|threat-zone` end to end, and `hgdrill validate` of the bundled
// chemical scenarios.
#include "sim/hazards/chemical/Gaussian.hpp"
#include "sim/hazards/chemical/Sigmas.hpp"

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

// Boubel et al. (1994) worked example (DispersionTest.cpp): x = 0.28 km, class B → σz 28.2, σy 49.0,
// χ = 1.56e-5 g/m3 (ISC3 sigmas, the default).
TEST_CASE("hgdrill model plume --json: Boubel et al. 1994 example", "[chemical][cli]") {
  const Run r = hgdrill("model plume --q-g-s 0.37 --u-m-s 2 --h-m 40 --stability B --x-m 280 --json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j.size() == 3);
  CHECK(j.at("sigma_z_m").get<double>() == Approx(28.2).margin(0.1));
  CHECK(j.at("sigma_y_m").get<double>() == Approx(49.0).margin(0.1));
  CHECK(j.at("concentration_g_m3").get<double>() == Approx(1.56e-5).epsilon(0.015));
  CHECK(r.out.find('\n') == r.out.size() - 1);
}

// De Visscher (2014) Example 2.1 with Briggs rural sigmas: 107.5 µg/m3 at x 1500 m, y 100 m.
TEST_CASE("hgdrill model plume --sigmas briggs-rural: De Visscher 2014 Example 2.1", "[chemical][cli]") {
  const Run r = hgdrill("model plume --q-g-s 100 --u-m-s 7 --h-m 90 --stability D --x-m 1500 --y-m 100 "
                        "--sigmas briggs-rural --json");
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out).at("concentration_g_m3").get<double>() * 1e6 ==
        Approx(107.5).margin(0.1));
}

// De Visscher (2014) p. 31 (PlumeRiseTest.cpp): final rise 47.589 m.
TEST_CASE("hgdrill model plume-rise --json: De Visscher 2014 p. 31", "[chemical][cli]") {
  const Run r =
      hgdrill("model plume-rise --exit-velocity-m-s 6.366198 --diameter-m 2 --stack-temp-k 366.8300 "
              "--ambient-temp-k 293.15 --u-m-s 3 --stability D --json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j.size() == 2);
  CHECK(j.at("rise_m").get<double>() == Approx(47.589).margin(0.03));
  CHECK(j.at("final_rise_distance_m").get<double>() == Approx(238.1).margin(0.5));
}

TEST_CASE("hgdrill model threat-zone --json: keys, AEGL value, consistency", "[chemical][cli]") {
  const Run r = hgdrill("model threat-zone --chemical chlorine --release-g-s 1000 --u-m-s 2 --stability F "
                        "--level aegl3 --duration-min 60 --json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j.size() == 4);
  CHECK(j.at("threshold_ppm").get<double>() == 20);
  CHECK(j.at("threshold_g_m3").get<double>() == Approx(20 * 70.906 / 24450));
  const double x = j.at("distance_m").get<double>();
  REQUIRE(x > 0);
  const auto g =
      hg::chemical::plume_sigmas(hg::chemical::SigmaSet::kIsc3Rural, hg::chemical::Stability::kF, x);
  CHECK(hg::chemical::plume_concentration_g_m3(1000, 2, g.y_m, g.z_m, 0, 0, 0) ==
        Approx(j["threshold_g_m3"].get<double>()).epsilon(1e-5));
  CHECK(j.at("max_width_m").get<double>() > 0);
  // Twice the release, further.
  const Run r2 = hgdrill("model threat-zone --chemical chlorine --release-g-s 2000 --u-m-s 2 --stability F "
                         "--level aegl3 --duration-min 60 --json");
  CHECK(nlohmann::json::parse(r2.out).at("distance_m").get<double>() > x);
}

TEST_CASE("hgdrill model chemical calculators: text output is bilingual", "[chemical][cli]") {
  const Run r = hgdrill("model threat-zone --chemical ammonia --release-g-s 500 --u-m-s 3 --stability D "
                        "--level aegl2 --duration-min 30");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("下风向距离 downwind distance") != std::string::npos);
  CHECK(r.out.find("AEGL-2 (30 min) = 220 ppm") != std::string::npos);
}

TEST_CASE("hgdrill model chemical calculators: bad values exit 3 naming the option", "[chemical][cli]") {
  Run r = hgdrill("model plume --q-g-s -1 --u-m-s 2 --h-m 0 --stability D --x-m 100", true);
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("--q-g-s:") != std::string::npos);
  r = hgdrill("model plume --q-g-s 1 --u-m-s 2 --h-m 0 --stability Q --x-m 100", true);
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("--stability:") != std::string::npos);
  r = hgdrill("model plume --q-g-s 1 --u-m-s 2 --h-m 0 --stability D --x-m 0", true);
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("--x-m:") != std::string::npos);
  r = hgdrill("model plume --q-g-s 1 --u-m-s 2 --h-m 0 --stability D --x-m 10 --sigmas urban", true);
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("--sigmas:") != std::string::npos);
  r = hgdrill("model plume-rise --exit-velocity-m-s 5 --diameter-m 1 --stack-temp-k 250 --ambient-temp-k 290 "
              "--u-m-s 3 --stability D",
              true);
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("--stack-temp-k:") != std::string::npos);
  r = hgdrill("model threat-zone --chemical phosgene --release-g-s 10 --u-m-s 2 --stability F --level aegl2 "
              "--duration-min 60",
              true);
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("--chemical:") != std::string::npos);
  r = hgdrill("model threat-zone --chemical ammonia --release-g-s 0 --u-m-s 2 --stability F --level aegl2 "
              "--duration-min 60",
              true);
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("--release-g-s:") != std::string::npos);
  r = hgdrill("model threat-zone --chemical ammonia --release-g-s 10 --u-m-s 2 --stability F --level aegl4 "
              "--duration-min 60",
              true);
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("--level:") != std::string::npos);
}

TEST_CASE("Bundled chemical scenarios validate", "[chemical][scenario]") {
  for (const char* f :
       {"scenarios/chemical/huahe-ammonia-night.yaml", "scenarios/chemical/g11-heli-ammonia-tanker.yaml"}) {
    const Run r = hgdrill(std::string("validate ") + HG_SOURCE_DIR + "/" + f, true);
    INFO(f << "\n" << r.out);
    CHECK(r.exit_code == 0);
  }
}
