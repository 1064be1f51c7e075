// The `kind: forest_fire` loader: a good entry builds the model; bad ones give file:line:col errors
// naming the field, and no model.
#include "sim/hazards/fire/FireLoader.hpp"
#include "sim/hazards/HazardRegistry.hpp"
#include "sim/io/Scenario.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

namespace {

const std::string kSrc = HG_SOURCE_DIR;

/// A scenario on the Hegang map whose single hazard is `hazard` (YAML lines indented by 4 spaces, the
/// first of them on line 20 of the file).
std::string scenario_text(const std::string& hazard) {
  return "hgdrill: scenario/1\n"        // 1
         "id: fire_loader_test\n"       // 2
         "name: {zh: 测试, en: test}\n" // 3
         "map: " +
         kSrc +
         "/scenarios/hegang/map.yaml\n" // 4
         "resources: " +
         kSrc +
         "/scenarios/hegang/units.yaml\n" // 5
         "comms: " +
         kSrc +
         "/scenarios/hegang/comms.yaml\n"         // 6
         "lead_post: cp_luobei\n"                 // 7
         "start: \"2024-04-27T11:00:00+08:00\"\n" // 8
         "duration_h: 6\n"                        // 9
         "src: \"estimated: test\"\n"             // 10
         "incident:\n"                            // 11
         "  kind: forest_fire\n"                  // 12
         "  node: n_ff_jinmantun\n"               // 13
         "  at_h: 0\n"                            // 14
         "  reported_to: cp_luobei\n"             // 15
         "  src: \"estimated: test\"\n"           // 16
         "# padding\n"                            // 17
         "hazards:\n"                             // 18
         "  - kind: forest_fire\n" +              // 19
         hazard;
}

const std::string kGood =
    "    id: fire_t\n"               // 20
    "    src: \"estimated: test\"\n" // 21
    "    fuel_raster: " +
    kSrc +
    "/scenarios/fire/taipinggou-fuel.tif\n" // 22
    "    elevation_raster: " +
    kSrc +
    "/scenarios/fire/taipinggou-dem.tif\n"                                                           // 23
    "    ignition: {lat: 48.035, lon: 130.690, node: n_ff_jinmantun, at_h: 0, src: \"estimated\"}\n" // 24
    "    wind:\n"                                                                                    // 25
    "      - {t_h: 0, speed_10m_m_s: 5, dir_deg: 260, src: \"estimated\"}\n"                         // 26
    "      - {t_h: 3, speed_10m_m_s: 8, dir_deg: 315, src: \"estimated\"}\n"                         // 27
    "    weather:\n"                                                                                 // 28
    "      - {t_h: 0, temp_c: 17, rh_pct: 28, src: \"estimated\"}\n"                                 // 29
    "    moisture: {live_herb_pct: 60, live_woody_pct: 90, src: \"estimated\"}\n"                    // 30
    "    settlements: [z_taipinggou, f_ff_jinmantun]\n";                                             // 31

struct Result {
  hg::Diagnostics diag;
  size_t hazards = 0;
};

Result load(const std::string& hazard) {
  const auto dir = std::filesystem::temp_directory_path() / "hg_fire_loader";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "s.yaml").string();
  std::ofstream(path) << scenario_text(hazard);
  Result r;
  hg::Scenario sc = hg::load_scenario(path, r.diag);
  if (r.diag.error_count() == 0) r.hazards = hg::make_hazards(sc, 1, r.diag).size();
  return r;
}

/// The one error: its line and field path contain what is asked.
void check_error(const Result& r, int line, const std::string& path_part, const std::string& message_part) {
  INFO(r.diag.str());
  REQUIRE(r.diag.error_count() >= 1);
  bool found = false;
  for (const auto& d : r.diag.items())
    if (d.severity == hg::Severity::kError && d.line == line && d.path.find(path_part) != std::string::npos &&
        d.message.find(message_part) != std::string::npos)
      found = true;
  CHECK(found);
  CHECK(r.hazards == 0);
  CHECK(r.diag.str().find("s.yaml:" + std::to_string(line) + ":") != std::string::npos);
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("fire loader: a good entry builds the model", "[fire][loader]") {
  const Result r = load(kGood);
  INFO(r.diag.str());
  CHECK(r.diag.error_count() == 0);
  CHECK(r.hazards == 1);
  int month = 0;
  double hour = 0, off = 0;
  REQUIRE(hg::fire::parse_start_label("2024-04-27T11:30:00+08:00", month, hour, off));
  CHECK(month == 4);
  CHECK(hour == 11.5);
  CHECK(off == 8);
  CHECK_FALSE(hg::fire::parse_start_label("yesterday", month, hour, off));
}

TEST_CASE("fire loader: errors name file, line and field", "[fire][loader]") {
  SECTION("wind times must increase") {
    check_error(load(replace(kGood, "{t_h: 3, speed", "{t_h: 0, speed")), 27, "wind[1].t_h", "increase");
  }
  SECTION("relative humidity out of range") {
    check_error(load(replace(kGood, "rh_pct: 28", "rh_pct: 128")), 29, "weather[0].rh_pct", "100");
  }
  SECTION("unknown settlement") {
    check_error(load(replace(kGood, "[z_taipinggou, f_ff_jinmantun]", "[z_taipinggou, z_nowhere]")), 31,
                "settlements", "z_nowhere");
  }
  SECTION("missing raster file") {
    check_error(load(replace(kGood, "taipinggou-fuel.tif", "no-such.tif")), 22, "fuel_raster", "not found");
  }
  SECTION("ignition outside the raster (found when the model is built)") {
    check_error(load(replace(kGood, "lat: 48.035, lon: 130.690", "lat: 47.30, lon: 130.30")), 24, "ignition",
                "outside the fuel raster");
  }
  SECTION("ignition in water") {
    check_error(load(replace(kGood, "lat: 48.035, lon: 130.690", "lat: 48.1277, lon: 130.7121")), 24,
                "ignition", "does not burn");
  }
  SECTION("a typo in a key") {
    check_error(load(replace(kGood, "    weather:", "    wether:")), 28, "wether", "");
  }
  SECTION("numbers without provenance") {
    check_error(load(replace(kGood, "{t_h: 0, temp_c: 17, rh_pct: 28, src: \"estimated\"}",
                             "{t_h: 0, temp_c: 17, rh_pct: 28}")),
                29, "weather[0]", "provenance");
  }
  SECTION("an indirect line without a route, unknown crew type") {
    check_error(load(kGood +
                     "    lines:\n      - {id: fl_a, mode: indirect, crew: type3, node: n_ff_jinmantun, src: "
                     "\"estimated\"}\n"),
                33, "lines[0]", "type1 or type2");
  }
}
