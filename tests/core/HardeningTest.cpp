// Hostile input never crashes, hangs or destroys anything (issue 12): the bounded expression and YAML
// parsers, the schema of ranges, the safe --out, the run-folder check and the exit codes of every verb.
// Expected columns and limits are derived by hand in the comments, not copied from the program.
#include "TestSupport.hpp"
#include "sim/io/AtomicDir.hpp"
#include "sim/io/Scenario.hpp"
#include "sim/io/WorldLoader.hpp"
#include "sim/plan/Plan.hpp"
#include "sim/io/RunFolder.hpp"
#include "sim/io/Schema.hpp"
#include "sim/io/YamlReader.hpp"
#include "sim/plan/Expression.hpp"
#include "sim/run/CommandLineValues.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace {

std::string parse_error(const std::string& text) {
  std::string err;
  auto e = hg::Expression::parse(text, err);
  return e ? "" : err;
}

std::string yaml_errors(const std::string& text) {
  hg::Diagnostics d;
  hg::YamlFile::parse(text, "t.yaml", d);
  return d.str();
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i)
    out += s;
  return out;
}

const std::string kRun = "run " + hgtest::source("tests/core/fixtures/grid/reroute.yaml") +
                         " --no-report --no-baseline --quiet";

} // namespace

// ---- expression parser ---------------------------------------------------------------------------

TEST_CASE("expression: malformed numbers are errors, not exceptions", "[parsers]") {
  CHECK(parse_error(".") == "col 1: expected a number after '.'");
  CHECK(parse_error("1e999 > 0") == "col 1: number 1e999 is out of range (at most about 1.8e308)");
  // "t_hours >= 1e": the exponent marker is at index 12, so column 13.
  CHECK(parse_error("t_hours >= 1e") == "col 13: expected the digits of an exponent");
  CHECK(parse_error("") == "col 1: the condition is empty");
  CHECK(parse_error("   ") == "col 4: the condition is empty");
  std::string err;
  auto e = hg::Expression::parse("1.5e2 > .5", err);
  REQUIRE(e);
  CHECK(*e->eval({}) == 1.0); // 150 > 0.5
}

TEST_CASE("expression: length, nesting and operand limits", "[parsers]") {
  // 10,000 '(' + '1' + 10,000 ')' = 20,001 characters, over the 4,000 limit.
  CHECK(parse_error(repeat("(", 10000) + "1" + repeat(")", 10000)) ==
        "col 1: the condition is 20001 characters long; at most 4000 are allowed");
  // The 33rd '(' (index 32) is one level too deep; it has been read, so the column is 34.
  CHECK(parse_error(repeat("(", 33) + "1" + repeat(")", 33)) == "col 34: nested deeper than 32 levels of '(' or 'not'");
  CHECK(parse_error(repeat("(", 32) + "1" + repeat(")", 32)).empty());
  // 1,000 "not " (4,000 characters) + "incident_reported" is over the length limit first; 33 nots are
  // one too deep: the 33rd "not" starts at index 128 and ends at 131, so column 132.
  CHECK(parse_error(repeat("not ", 33) + "incident_reported") ==
        "col 132: nested deeper than 32 levels of '(' or 'not'");
  // "t_hours" then " + 1" x 300: the k-th "1" is at index 6 + 4k; operand 257 is k = 256, index 1030.
  CHECK(parse_error("t_hours" + repeat(" + 1", 300)) ==
        "col 1031: more than 256 numbers and quantities in one condition");
  CHECK(parse_error("t_hours" + repeat(" + 1", 255)).empty()); // 256 operands: allowed
}

// ---- YAML limits --------------------------------------------------------------------------------

TEST_CASE("yaml: duplicate keys are errors with line, column and field", "[parsers]") {
  CHECK(yaml_errors("hgdrill: map/1\nid: a\nid: b\n") ==
        "t.yaml:3:1: error: id: duplicate key 'id' (each key may appear once in a mapping)\n");
  CHECK(yaml_errors("nodes:\n  - {id: a, lat: 1, lat: 2}\n") ==
        "t.yaml:2:21: error: nodes[0].lat: duplicate key 'lat' (each key may appear once in a mapping)\n");
}

TEST_CASE("yaml: an alias bomb is refused before it is expanded", "[parsers]") {
  // 9 levels of 10 aliases: 10^9 values if expanded, over the 2,000,000 limit at level 6
  // (10^6 x 2 > 2e6 is first passed inside lol6 on line 7).
  std::string t = "lol0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int k = 1; k < 10; ++k) {
    t += "lol" + std::to_string(k) + ": &l" + std::to_string(k) + " [";
    for (int i = 0; i < 10; ++i)
      t += std::string(i ? ", " : "") + "*l" + std::to_string(k - 1);
    t += "]\n";
  }
  const std::string e = yaml_errors(t);
  CHECK(std::regex_search(e, std::regex(R"(^t\.yaml:7:\d+: error: lol6\[\d\]: more than 2000000 values in one file)")));
}

TEST_CASE("yaml: nesting and collection sizes are limited", "[parsers]") {
  // Root mapping = level 1; the 64th '[' would be level 65.
  CHECK(yaml_errors("a: " + repeat("[", 70) + repeat("]", 70) + "\n").find("nested deeper than 64 levels") !=
        std::string::npos);
  CHECK(yaml_errors("a: " + repeat("[", 62) + repeat("]", 62) + "\n").empty());
  const std::string big = "a: [" + repeat("0,", 500000) + "0]\n"; // 500,001 entries
  CHECK(yaml_errors(big).find("error: a[500000]: more than 500000 entries in one list") != std::string::npos);
}

TEST_CASE("yaml: text must be UTF-8", "[parsers]") {
  // Line 2, after "id: " (4 characters): column 5.
  CHECK(yaml_errors("hgdrill: map/1\nid: \xff\n") ==
        "t.yaml:2:5: error: the text is not valid UTF-8 (byte 0xFF); save the file as UTF-8\n");
  CHECK(hg::first_invalid_utf8("\xc0\xaf") == 0);             // overlong '/'
  CHECK(hg::first_invalid_utf8("ab\xed\xa0\x80") == 2);       // UTF-16 surrogate
  CHECK(hg::first_invalid_utf8("\xf4\x90\x80\x80") == 0);     // past U+10FFFF
  CHECK(hg::first_invalid_utf8("鹤岗 ok") == std::string::npos);
  // Columns count characters: "名: " is 3 characters, so the bad byte is column 4.
  CHECK(yaml_errors("名: \xfe\n").rfind("t.yaml:1:4: error:", 0) == 0);
}

TEST_CASE("fuzz corpus: every input gives diagnostics, never an exception", "[parsers]") {
  // Regression tests of the fuzz targets: every file of tests/fuzz/corpus through the same loaders.
  for (auto& f : fs::directory_iterator(hgtest::source("tests/fuzz/corpus/yaml"))) {
    INFO(f.path().string());
    hg::Diagnostics d;
    CHECK_NOTHROW(hg::load_world({f.path().string(), f.path().string(), f.path().string()}, d));
    CHECK_NOTHROW(hg::load_plan(f.path().string(), nullptr, d));
    CHECK_NOTHROW(hg::load_scenario(f.path().string(), d));
    if (f.path().filename().string().rfind("grid_", 0) != 0) CHECK(d.has_errors()); // the hostile ones
  }
  for (auto& f : fs::directory_iterator(hgtest::source("tests/fuzz/corpus/expression"))) {
    INFO(f.path().string());
    std::string err;
    CHECK_NOTHROW(hg::Expression::parse(hgtest::read(f.path().string()), err));
  }
}

// ---- schema -------------------------------------------------------------------------------------

TEST_CASE("schema: ranges by key and by unit suffix", "[parsers]") {
  CHECK(hg::field_range("ground_elev_m").key == "*_elev_m");
  CHECK(hg::field_range("ground_elev_m").hi == 9000);
  CHECK(hg::field_range("duration_h").hi == 720);
  CHECK(hg::field_range("wind_km_h").key == "*_km_h"); // not "*_h"
  CHECK(hg::field_range("no_such_field").key == "*");
  CHECK(hg::describe(hg::field_range("seed")) == "a whole number in [0, 9.0072e+15]");
}

TEST_CASE("schema: every number a loader reads is listed", "[parsers]") {
  // Scans the sources for num("KEY") and opt_num("KEY"): each key must be in SchemaFields.inc.
  const auto& known = hg::numeric_fields();
  std::set<std::string> missing;
  const std::regex re(R"re((?:opt_)?num\("([a-z0-9_]+)")re");
  for (const char* dir : {"sim", "scoring"})
    for (auto& f : fs::recursive_directory_iterator(hgtest::source(dir))) {
      if (f.path().extension() != ".cpp") continue;
      const std::string text = hgtest::read(f.path().string());
      for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it)
        if (std::find(known.begin(), known.end(), (*it)[1].str()) == known.end()) missing.insert((*it)[1].str());
    }
  std::string m;
  for (const auto& k : missing)
    m += k + " ";
  INFO("add to sim/io/SchemaFields.inc: " << m);
  CHECK(missing.empty());
}

TEST_CASE("docs/formats.md shows the ranges as `hgdrill validate --ranges` prints them") {
  const std::string doc = hgtest::read(hgtest::source("docs/formats.md"));
  const std::string begin = "<!-- ranges:begin (generated by hgdrill validate --ranges) -->\n";
  const size_t i = doc.find(begin), j = doc.find("<!-- ranges:end -->");
  REQUIRE(i != std::string::npos);
  REQUIRE(j != std::string::npos);
  auto r = hgtest::hgdrill("validate --ranges");
  CHECK(r.code == 0);
  CHECK(doc.substr(i + begin.size(), j - i - begin.size()) == r.output);
  CHECK(r.output == hg::field_ranges_markdown());
  INFO("regenerate with docs/update-generated.sh");
}

// ---- command-line values ------------------------------------------------------------------------

TEST_CASE("seeds are unsigned 64-bit decimals", "[parsers]") {
  std::string err;
  CHECK(hg::parse_seed("18446744073709551615", err) == UINT64_MAX);
  CHECK_FALSE(hg::parse_seed("18446744073709551616", err)); // 2^64
  CHECK_FALSE(hg::parse_seed("-1", err));
  CHECK_FALSE(hg::parse_seed("1e3", err));
  CHECK_FALSE(hg::parse_seed("", err));
  CHECK(hg::parse_seed("0", err) == 0u);
}

TEST_CASE("cfg: --cfg options come from an allow-list", "[parsers]") {
  CHECK(hg::check_cfg_option("contexts/factory:thread").empty());
  CHECK(hg::check_cfg_option("contexts/stack-size:256").empty());
  CHECK(hg::check_cfg_option("--log=root.thresh:info").empty());
  CHECK_FALSE(hg::check_cfg_option("contexts/factory:nonsense").empty());
  CHECK_FALSE(hg::check_cfg_option("contexts/stack-size:0").empty());
  CHECK_FALSE(hg::check_cfg_option("contexts/stack-size:1e99").empty());
  CHECK_FALSE(hg::check_cfg_option("network/model:LV08").empty()); // changes results: not allowed
  CHECK_FALSE(hg::check_cfg_option("--help").empty());
  CHECK_FALSE(hg::check_cfg_option("contexts/factory").empty());
}

// ---- safe --out ---------------------------------------------------------------------------------

TEST_CASE("out: --out never replaces a file, a device or a folder hgdrill did not write") {
  const std::string d = hgtest::temp_dir("outsafe");
  hgtest::write(d + "/file.txt", "mine");
  auto r = hgtest::hgdrill(kRun + " --out " + d + "/file.txt");
  CHECK(r.code == 4);
  CHECK(r.output.find("file.txt: exists and is not a folder") != std::string::npos);
  CHECK(hgtest::read(d + "/file.txt") == "mine");

  fs::create_directories(d + "/photos");
  hgtest::write(d + "/photos/a.jpg", "jpeg");
  r = hgtest::hgdrill(kRun + " --out " + d + "/photos --force"); // --force does not help: not a run
  CHECK(r.code == 4);
  CHECK(r.output.find("photos: is a folder that hgdrill did not write") != std::string::npos);
  CHECK(hgtest::read(d + "/photos/a.jpg") == "jpeg");

  fs::create_directory_symlink(d + "/photos", d + "/link");
  CHECK(hgtest::hgdrill(kRun + " --out " + d + "/link").code == 4);
  CHECK(fs::is_symlink(d + "/link"));

  r = hgtest::hgdrill(kRun + " --out /dev/null");
  CHECK(r.code == 4);
  struct stat st {};
  REQUIRE(::stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));

  for (auto& e : fs::directory_iterator(d)) // nothing staged is left behind
    CHECK(e.path().filename().string().find(".partial") == std::string::npos);
}

TEST_CASE("out: --out replaces an earlier run only with --force, and an empty folder is fine") {
  const std::string d = hgtest::temp_dir("outforce");
  fs::create_directories(d + "/empty");
  REQUIRE(hgtest::hgdrill(kRun + " --out " + d + "/empty").code == 0);
  CHECK(fs::exists(d + "/empty/run.json"));
  hgtest::write(d + "/empty/note.txt", "kept until replaced");
  auto r = hgtest::hgdrill(kRun + " --out " + d + "/empty");
  CHECK(r.code == 4);
  CHECK(r.output.find("already holds a result (it has run.json); add --force") != std::string::npos);
  CHECK(fs::exists(d + "/empty/note.txt"));
  CHECK(hgtest::hgdrill(kRun + " --out " + d + "/empty --force").code == 0);
  CHECK_FALSE(fs::exists(d + "/empty/note.txt"));
}

TEST_CASE("staging folders of dead runs are removed, those of live ones kept") {
  const std::string d = hgtest::temp_dir("stale");
  // pid 2147483647 is above any Linux pid_max (at most 2^22), so it cannot be running.
  fs::create_directories(d + "/.old.partial-2147483647/baseline");
  const std::string live = d + "/.other.partial-" + std::to_string(::getpid());
  fs::create_directories(live);
  auto r = hgtest::hgdrill(kRun + " --out " + d + "/new");
  CHECK(r.code == 0);
  CHECK_FALSE(fs::exists(d + "/.old.partial-2147483647"));
  CHECK(r.output.find(".old.partial-2147483647: removed the staging folder of an interrupted run") !=
        std::string::npos);
  CHECK(fs::exists(live));
}

TEST_CASE("scores.json names the run folder, not the staging folder") {
  const std::string d = hgtest::temp_dir("scoresdir");
  REQUIRE(hgtest::hgdrill("run " + hgtest::source("tests/core/fixtures/grid/reroute.yaml") +
                          " --no-baseline --quiet --out " + d + "/r")
              .code == 0);
  const auto j = nlohmann::json::parse(hgtest::read(d + "/r/scores.json"));
  CHECK(j["run"]["dir"] == d + "/r");
}

TEST_CASE("export and compare --out refuse an existing file without --force") {
  const std::string d = hgtest::temp_dir("outfile");
  hgtest::write(d + "/map.geojson", "mine");
  const std::string exp = "export geojson " + hgtest::source("tests/core/fixtures/grid/map.yaml") + " --out ";
  CHECK(hgtest::hgdrill(exp + d + "/map.geojson").code == 4);
  CHECK(hgtest::read(d + "/map.geojson") == "mine");
  CHECK(hgtest::hgdrill(exp + d + "/map.geojson --force").code == 0);
  CHECK(hgtest::read(d + "/map.geojson") != "mine");
  CHECK(hgtest::hgdrill(exp + "/dev/null --force").code == 4);
}

// ---- run folders --------------------------------------------------------------------------------

TEST_CASE("score, compare, view and render refuse a broken run folder with exit 3") {
  const std::string d = hgtest::temp_dir("broken");
  REQUIRE(hgtest::hgdrill(kRun + " --out " + d + "/good").code == 0);
  CHECK(hg::check_run_folder(d + "/good").empty());
  auto broken = [&](const std::string& name, const std::function<void(const std::string&)>& damage) {
    const std::string b = d + "/" + name;
    fs::copy(d + "/good", b, fs::copy_options::recursive);
    damage(b);
    return b;
  };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {broken("empty_log", [](const std::string& b) { hgtest::write(b + "/events.jsonl", ""); }),
       "events.jsonl: the event log is empty"},
      {broken("no_log", [](const std::string& b) { fs::remove(b + "/events.jsonl"); }), "events.jsonl: missing"},
      {broken("no_run_json", [](const std::string& b) { fs::remove(b + "/run.json"); }), "run.json: missing"},
      {broken("bad_sqlite", [](const std::string& b) { hgtest::write(b + "/events.sqlite", "not a database"); }),
       "events.sqlite"},
      {broken("short_jsonl",
              [](const std::string& b) {
                std::string t = hgtest::read(b + "/events.jsonl");
                t.erase(t.rfind('\n', t.size() - 2) + 1); // drop the last event
                hgtest::write(b + "/events.jsonl", t);
              }),
       "the two logs disagree"},
      {broken("garbage_line",
              [](const std::string& b) { hgtest::write(b + "/events.jsonl", hgtest::read(b + "/events.jsonl") + "{oops\n"); }),
       "not an event"},
      {d + "/missing", "no such folder"},
  };
  for (const auto& [dir, why] : cases) {
    INFO(dir);
    CHECK(hg::check_run_folder(dir).find(why) != std::string::npos);
    auto s = hgtest::hgdrill("score " + dir);
    CHECK(s.code == 3);
    CHECK(s.output.find(why) != std::string::npos);
    CHECK(hgtest::hgdrill("compare " + d + "/good " + dir).code == 3);
    CHECK(hgtest::hgdrill("view " + dir).code == 3);
    CHECK(hgtest::hgdrill("render " + dir + " --at 1h --out " + d + "/x.png").code == 3);
  }
}

// ---- exit codes of every verb -------------------------------------------------------------------

TEST_CASE("every verb honours the documented exit codes") {
  const std::string d = hgtest::temp_dir("codes");
  const std::string grid = hgtest::source("tests/core/fixtures/grid/");
  REQUIRE(hgtest::hgdrill(kRun + " --out " + d + "/run").code == 0);
  hgtest::write(d + "/bad.yaml", "hgdrill: scenario/1\nid: x\nduration_h: 1e308\n");
  hgtest::write(d + "/file", "x");
  fs::create_directories(d + "/notrun");
  hgtest::write(d + "/notrun/a.txt", "x");
  struct Row {
    std::string args;
    int code;
  };
  // Codes that a verb cannot produce are absent from its rows (see docs/user-guide.md, "Exit codes").
  const std::vector<Row> table = {
      {kRun + " --out " + d + "/run2", 0},
      {kRun + " --seed -1 --out " + d + "/x", 2},
      {kRun + " --seed 99999999999999999999999 --out " + d + "/x", 2},
      {kRun + " --cfg contexts/factory:nonsense --out " + d + "/x", 2},
      {"run " + d + "/bad.yaml --out " + d + "/x", 3},
      {kRun + " --out " + d + "/file", 4},
      {"validate " + grid + "map.yaml", 0},
      {"validate", 2},
      {"validate " + d + "/bad.yaml", 3},
      {"model weir --help", 0},
      {"model manning --section rectangular --width-m inf --depth-m 1 --n 0.03 --slope 0.001", 2},
      {"model manning --section rectangular --width-m 5 --depth-m -1 --n 0.03 --slope 0.001", 3},
      {"model manning --section rectangular --width-m 1e308 --depth-m 1e308 --n 0.03 --slope 0.001", 3},
      {"import-osm", 2},
      {"import-osm " + d + "/file --out " + d + "/osm", 3},
      {"export geojson " + grid + "map.yaml --out " + d + "/m.geojson", 0},
      {"export geojson " + grid + "map.yaml", 2},
      {"export geojson " + d + "/bad.yaml --out " + d + "/m2.geojson", 3},
      {"export geojson " + grid + "map.yaml --out " + d + "/file", 4},
      {"score " + d + "/run", 0},
      {"score", 2},
      {"score " + d + "/notrun", 3},
      {"score " + d + "/run --out " + d + "/notrun", 4},
      {"compare " + d + "/run " + d + "/run2", 0},
      {"compare " + d + "/run", 2},
      {"compare " + d + "/run " + d + "/notrun", 3},
      {"compare " + d + "/run " + d + "/run2 --out " + d + "/file", 4},
      {"view " + d + "/notrun", 3},
      {"render " + d + "/notrun --out " + d + "/p.png", 3},
      {"events", 0},
      {"events --bogus", 2},
      {"frobnicate", 2},
  };
  for (const auto& row : table) {
    auto r = hgtest::hgdrill(row.args);
    INFO("hgdrill " << row.args << "\n" << r.output);
    CHECK(r.code == row.code);
  }
}
