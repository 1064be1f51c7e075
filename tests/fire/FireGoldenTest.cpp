// Golden log of the bundled spring fire played by `hgdrill run --nominal` with its plan (engine, comms,
// the county forest-fire plan, units and the fire hazard together). Regression, not validation: a diff
// shows exactly which events changed. Regenerate with tests/fire/golden/update.sh after an intended change
// and explain it in the commit.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {
std::string read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}
} // namespace

TEST_CASE("golden log of the bundled spring fire", "[fire][golden]") {
  const auto dir = std::filesystem::temp_directory_path() / ("hg-fire-golden-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string cmd = std::string(HG_BIN_DIR) + "/hgdrill run " + HG_SOURCE_DIR +
                          "/scenarios/fire/taipinggou-spring.yaml --nominal --no-report --no-baseline --quiet --out " +
                          (dir / "run").string() + " > /dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  const std::string want =
      read(std::string(HG_SOURCE_DIR) + "/tests/fire/golden/taipinggou_spring.events.jsonl");
  REQUIRE_FALSE(want.empty());
  const std::string got = read((dir / "run" / "events.jsonl").string());
  // The story the drill is about is in it: the farm flagged, crews on the line, one at risk, containment.
  for (const char* type : {"fire.evacuation_needed", "fire.crew_on_line", "fire.entrapment_risk", "fire.contained",
                           "evacuation.completed"})
    CHECK(got.find(std::string("\"type\":\"") + type + "\"") != std::string::npos);
  CHECK(got == want);
  std::filesystem::remove_all(dir);
}
