// The run verb end to end in child processes: determinism, atomic output, golden log, exit codes.
#include "TestSupport.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

TEST_CASE("the same inputs and seed give a byte-identical log") {
  const std::string d = hgtest::temp_dir("det");
  for (const char* run : {"/a", "/b"}) {
    auto r = hgtest::hgdrill("run " + hgtest::source("scenarios/demo/g11-hazmat.yaml") +
                             " --seed 7 --no-report --no-baseline --quiet --out " + d + run);
    REQUIRE(r.code == 0);
  }
  const std::string a = hgtest::read(d + "/a/events.jsonl"), b = hgtest::read(d + "/b/events.jsonl");
  CHECK(a.size() > 1000);
  CHECK(a == b);
}

TEST_CASE("golden log of the demonstration scenario") {
  // Regression: a diff shows exactly what behaviour changed. Regenerate with tests/golden/update.sh
  // after an intended change, and explain the change in the commit.
  const std::string d = hgtest::temp_dir("golden");
  auto r = hgtest::hgdrill("run " + hgtest::source("scenarios/demo/g11-hazmat.yaml") +
                           " --nominal --no-report --no-baseline --quiet --out " + d + "/run");
  REQUIRE(r.code == 0);
  const std::string got = hgtest::read(d + "/run/events.jsonl");
  const std::string want = hgtest::read(hgtest::source("tests/golden/demo_g11_hazmat.events.jsonl"));
  REQUIRE_FALSE(want.empty());
  CHECK(got == want);
}

TEST_CASE("golden log of the bundled flash-flood scenario") {
  const std::string d = hgtest::temp_dir("golden-flood");
  auto r = hgtest::hgdrill("run " + hgtest::source("scenarios/flood/flash-heli.yaml") +
                           " --nominal --no-report --no-baseline --quiet --out " + d + "/run");
  REQUIRE(r.code == 0);
  const std::string want = hgtest::read(hgtest::source("tests/golden/flash_heli.events.jsonl"));
  REQUIRE_FALSE(want.empty());
  CHECK(hgtest::read(d + "/run/events.jsonl") == want);
}

TEST_CASE("invalid input exits 3 and leaves no output folder") {
  const std::string d = hgtest::temp_dir("atomic");
  hgtest::write(d + "/bad.yaml", "hgdrill: scenario/1\nid: x\nduration_h: -1\n");
  auto r = hgtest::hgdrill("run " + d + "/bad.yaml --out " + d + "/out");
  CHECK(r.code == 3);
  CHECK_FALSE(std::filesystem::exists(d + "/out"));
  CHECK(r.output.find("bad.yaml:3:13: error: duration_h: expected a number > 0 (got -1)") !=
        std::string::npos);
}

TEST_CASE("a previous result is replaced whole, never left half-written") {
  const std::string d = hgtest::temp_dir("replace");
  std::filesystem::create_directories(d + "/out");
  hgtest::write(d + "/out/run.json", "{}"); // an earlier run folder: replaced with --force
  hgtest::write(d + "/out/stale.txt", "old");
  auto r = hgtest::hgdrill("run " + hgtest::source("tests/core/fixtures/grid/reroute.yaml") +
                           " --no-report --no-baseline --quiet --force --out " + d + "/out");
  REQUIRE(r.code == 0);
  CHECK_FALSE(std::filesystem::exists(d + "/out/stale.txt"));
  CHECK(std::filesystem::exists(d + "/out/events.sqlite"));
  CHECK(std::filesystem::exists(d + "/out/run.json"));
  for (auto& e : std::filesystem::directory_iterator(d))
    CHECK(e.path().filename().string().find(".partial") == std::string::npos);
}

TEST_CASE("usage errors exit 2, --version and --help work on every verb") {
  CHECK(hgtest::hgdrill("run").code == 2);
  CHECK(hgtest::hgdrill("frobnicate").code == 2);
  auto v = hgtest::hgdrill("--version");
  CHECK(v.code == 0);
  CHECK(v.output.find("hgdrill 0.") != std::string::npos);
  for (const char* verb :
       {"run", "validate", "model", "import-osm", "export", "score", "compare", "view", "render"}) {
    auto h = hgtest::hgdrill(std::string(verb) + " --help");
    INFO(verb);
    CHECK(h.code == 0);
    CHECK(h.output.find("Usage") != std::string::npos);
  }
}

TEST_CASE("the SQLite log holds the same events as the JSON Lines log") {
  const std::string d = hgtest::temp_dir("sqlite");
  REQUIRE(hgtest::hgdrill("run " + hgtest::source("tests/core/fixtures/grid/reroute.yaml") +
                          " --no-report --no-baseline --quiet --out " + d + "/o")
              .code == 0);
  const std::string n_lines = std::to_string(hg::EventLog::read_jsonl(d + "/o/events.jsonl").size());
  FILE* p = ::popen(("sqlite3 " + d + "/o/events.sqlite 'select count(*) from events'").c_str(), "r");
  char buf[64] = {0};
  fgets(buf, sizeof buf, p);
  ::pclose(p);
  CHECK(std::string(buf) == n_lines + "\n"); // sqlite3 comes with .ci/install-deps.sh
}
