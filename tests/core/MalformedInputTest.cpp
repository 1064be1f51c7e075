// Bad input gets a clear error naming the file, line, column and field, with what was expected; all
// errors of a file are reported at once. Each case states the exact message expected.
#include "TestSupport.hpp"
#include "sim/io/Scenario.hpp"
#include "sim/io/WorldLoader.hpp"
#include "sim/plan/Expression.hpp"
#include "sim/plan/Plan.hpp"

#include <catch2/catch.hpp>

namespace {

const char* kHeader = "hgdrill: map/1\nid: m\nname: {zh: 图, en: Map}\n";
const char* kClasses = "road_classes:\n  - {class: primary, speed_kmh: 60, src: t}\n";
const char* kNodes = "nodes:\n"
                     "  - {id: a, lat: 47.0, lon: 130.0, src: t}\n"
                     "  - {id: b, lat: 47.0, lon: 130.1, src: t}\n";

/// Writes a map file and returns every diagnostic, one per line.
std::string map_errors(const std::string& body, std::string* path_out = nullptr) {
  const std::string dir = hgtest::temp_dir("bad");
  const std::string path = dir + "/m.yaml";
  hgtest::write(path, body);
  hg::Diagnostics d;
  hg::load_world({path, "", ""}, d);
  if (path_out) *path_out = path;
  return d.str();
}

std::string expect(const std::string& path, const std::string& rest) {
  return path + ":" + rest + "\n";
}

} // namespace

TEST_CASE("1. YAML syntax error names line and column") {
  std::string p;
  std::string e = map_errors("hgdrill: map/1\nnodes: [a, b\n", &p);
  CHECK(e.rfind(p + ":3:1: error: YAML syntax error: ", 0) == 0);
}

TEST_CASE("2. missing header") {
  std::string p;
  std::string e = map_errors("id: m\n", &p);
  CHECK(e == expect(p, "1:1: error: hgdrill: missing header 'hgdrill: map/1'"));
}

TEST_CASE("3. wrong file kind") {
  std::string p;
  std::string e = map_errors("hgdrill: plan/1\nid: m\n", &p);
  CHECK(e == expect(p, "1:10: error: hgdrill: expected 'map/1' (got \"plan/1\")"));
}

TEST_CASE("4. negative length") {
  std::string p;
  std::string e =
      map_errors(std::string(kHeader) + kClasses + kNodes +
                     "roads:\n  - {id: r1, from: a, to: b, class: primary, length_km: -3, src: t}\n",
                 &p);
  CHECK(e == expect(p, "10:57: error: roads[0].length_km: expected a number > 0 (got -3)"));
}

TEST_CASE("5. unknown node id in a road") {
  std::string p;
  std::string e =
      map_errors(std::string(kHeader) + kClasses + kNodes +
                     "roads:\n  - {id: r1, from: a, to: zz, class: primary, length_km: 9, src: t}\n",
                 &p);
  CHECK(e == expect(p, "10:27: error: roads[0].to: unknown road node \"zz\""));
}

TEST_CASE("6. duplicate id") {
  std::string p;
  std::string e = map_errors(
      std::string(kHeader) +
          "nodes:\n  - {id: a, lat: 47, lon: 130, src: t}\n  - {id: a, lat: 47, lon: 130, src: t}\n",
      &p);
  CHECK(e == expect(p, "6:10: error: nodes[1].id: duplicate id \"a\""));
}

TEST_CASE("7. misspelt field gets a suggestion") {
  std::string p;
  std::string e = map_errors(
      std::string(kHeader) + kClasses + kNodes +
          "roads:\n  - {id: r1, from: a, to: b, class: primary, lenght_km: 9, length_km: 9, src: t}\n",
      &p);
  CHECK(e ==
        expect(p, "10:46: error: roads[0].lenght_km: unknown field 'lenght_km' (did you mean 'length_km'?)"));
}

TEST_CASE("8. latitude out of range") {
  std::string p;
  std::string e =
      map_errors(std::string(kHeader) + "nodes:\n  - {id: a, lat: 147.0, lon: 130, src: t}\n", &p);
  CHECK(e == expect(p, "5:18: error: nodes[0].lat: expected a number in [-90, 90] (got 147)"));
}

TEST_CASE("9. a number without provenance") {
  std::string p;
  std::string e = map_errors(std::string(kHeader) + "nodes:\n  - {id: a, lat: 47.0, lon: 130}\n", &p);
  CHECK(e ==
        expect(p, "5:5: error: nodes[0]: numbers need provenance: add src: with a source, or a text starting "
                  "with 'estimated'"));
}

TEST_CASE("10. a road shorter than the great-circle distance") {
  std::string p;
  std::string e =
      map_errors(std::string(kHeader) + kClasses + kNodes +
                     "roads:\n  - {id: r1, from: a, to: b, class: primary, length_km: 1, src: t}\n",
                 &p);
  // a and b are 0.1 degree of longitude apart at 47 N: 111.195 km/deg x cos(47 deg) x 0.1 = 7.58 km.
  CHECK(e ==
        expect(p,
               "10:57: error: roads[0].length_km: road is shorter than the great-circle distance between its "
               "ends (7.58 km)"));
}

TEST_CASE("11. a text where a number is expected, and every error of the file at once") {
  std::string p;
  std::string e = map_errors(
      std::string(kHeader) +
          "nodes:\n  - {id: a, lat: north, lon: 130, src: t}\n  - {id: B!, lat: 47, lon: 130, src: t}\n",
      &p);
  CHECK(
      e ==
      expect(p, "5:18: error: nodes[0].lat: expected a number in [-90, 90] (got \"north\")") +
          expect(
              p,
              "6:10: error: nodes[1].id: expected an id of lower-case letters, digits and '_' (got \"B!\")"));
}

TEST_CASE("12. scenario: negative duration, reopening before closing, unknown post and road") {
  const std::string dir = hgtest::temp_dir("badsc");
  const std::string p = dir + "/s.yaml";
  hgtest::write(p, "hgdrill: scenario/1\nid: s\nname: {zh: 测试, en: Test}\n"
                   "map: " +
                       hgtest::source("tests/core/fixtures/grid/map.yaml") +
                       "\n"
                       "resources: " +
                       hgtest::source("tests/core/fixtures/grid/units.yaml") +
                       "\n"
                       "comms: " +
                       hgtest::source("tests/core/fixtures/grid/comms.yaml") +
                       "\n"
                       "duration_h: -2\n"
                       "incident: {kind: hazmat_road, node: c, at_h: 0, reported_to: cp_nowhere, src: t}\n"
                       "closures:\n  - {road: r_zz, at_h: 2, reopen_h: 1}\n");
  hg::Diagnostics d;
  hg::load_scenario(p, d);
  CHECK(
      d.str() ==
      expect(p, "7:13: error: duration_h: expected a number > 0 (got -2)") +
          expect(p, "8:62: error: incident.reported_to: unknown command post \"cp_nowhere\"") +
          expect(p, "10:12: error: closures[0].road: unknown road \"r_zz\"") +
          expect(p,
                 "10:37: error: closures[0].reopen_h: a road must reopen after it closes (reopen_h > at_h)"));
}

namespace {
/// The quantities a condition may read: the engine's, then every registered hazard module's.
std::string known_quantities() {
  std::string known;
  for (const auto& q : hg::quantity_table())
    known += (known.empty() ? "" : ", ") + q.name;
  return known;
}
} // namespace

TEST_CASE("13. plan: bad condition syntax, unknown quantity, unknown action, unknown zone") {
  const std::string dir = hgtest::temp_dir("badplan");
  const std::string p = dir + "/p.yaml";
  hgtest::write(p,
                "hgdrill: plan/1\nid: p\nname: {zh: 预案, en: Plan}\n"
                "general: {hazard: flood}\norganisation: {lead_post: cp_city}\n"
                "measures:\n"
                "  - id: m1\n    when: \"incident_reported and (\"\n    actions: [{do: set_level, level: "
                "IV}]\n    src: t\n"
                "  - id: m2\n    when: \"water_level > 3\"\n    actions: [{do: launch_boats}]\n    src: t\n"
                "  - id: m3\n    when: \"incident_reported\"\n    actions: [{do: evacuate, zones: [z_mars], "
                "shelter: f_shelter}]\n    src: t\n");
  hg::Diagnostics wd;
  hg::World w = hg::load_world({hgtest::source("tests/core/fixtures/grid/map.yaml"),
                                hgtest::source("tests/core/fixtures/grid/units.yaml"),
                                hgtest::source("tests/core/fixtures/grid/comms.yaml")},
                               wd);
  REQUIRE_FALSE(wd.has_errors());
  hg::Diagnostics d;
  hg::load_plan(p, &w, d);
  // The engine's quantities come first, then the modules' (flood first); other hazards add theirs after.
  CHECK(known_quantities().rfind("warning, guarantee, zone_reached, zones_reached, casualties, patients_waiting, "
                                 "incident_reported, hours_since_report, response_level, t_hours, stage, depth",
                                 0) == 0);
  CHECK(d.str() ==
        expect(p, "8:11: error: measures[0].when: bad condition: col 24: expected a number, a quantity or "
                  "'(' but the "
                  "condition ended in \"incident_reported and (\"") +
            expect(p,
                   "12:11: error: measures[1].when: bad condition: col 1: unknown quantity 'water_level' "
                   "(known: " + known_quantities() + ") in \"water_level > 3\"") +
            expect(
                p,
                "13:20: error: measures[1].actions[0].do: unknown action \"launch_boats\" (expected one of "
                "dispatch|evacuate|warn|close_road|reopen_road|open_shelter|open_depot|deliver_relief|report|"
                "request_support|set_level|shelter_in_place)") +
            expect(p, "17:38: error: measures[2].actions[0].zones[0]: unknown zone \"z_mars\""));
}

TEST_CASE("14. the validate verb exits 3 and prints every error") {
  std::string p;
  map_errors(
      std::string(kHeader) +
          "nodes:\n  - {id: a, lat: 147.0, lon: 130, src: t}\n  - {id: b, lat: 47, lon: 530, src: t}\n",
      &p);
  auto r = hgtest::hgdrill("validate " + p);
  CHECK(r.code == 3);
  CHECK(r.output.find("m.yaml:5:18: error: nodes[0].lat") != std::string::npos);
  CHECK(r.output.find("m.yaml:6:27: error: nodes[1].lon") != std::string::npos);
  CHECK(r.output.find("2 error(s)") != std::string::npos);
}
