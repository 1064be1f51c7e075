/// @file
/// @brief Rubric loading (diagnostics) and scoring curves, including values exactly at the target.
#include "scoring/Rubric.hpp"
#include "sim/io/YamlReader.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace hg::score;

TEST_CASE("a value exactly at the target scores full marks, at the fail value zero", "[scoring][rubric]") {
  ScoringCurve c;
  c.kind = CurveKind::kLinear;
  c.target = 120;
  c.fail = 240;
  c.lower_is_better = true;
  CHECK(c.score(120) == 100.0);         // inclusive target
  CHECK(c.score(119.999) == 100.0);
  CHECK(c.score(120.0 + 1e-9) < 100.0); // just beyond the target
  CHECK(c.score(180) == Approx(50.0));  // halfway
  CHECK(c.score(240) == 0.0);           // inclusive fail
  CHECK(c.score(1000) == 0.0);

  ScoringCurve h; // higher is better: warned share target 1.0, fail 0.5
  h.target = 1.0;
  h.fail = 0.5;
  h.lower_is_better = false;
  CHECK(h.score(1.0) == 100.0);
  CHECK(h.score(0.75) == Approx(50.0));
  CHECK(h.score(0.5) == 0.0);

  ScoringCurve s; // step with a partial score
  s.kind = CurveKind::kStep;
  s.target = 60;
  s.fail = 120;
  s.partial = 40;
  CHECK(s.score(60) == 100.0);
  CHECK(s.score(61) == 40.0);
  CHECK(s.score(120) == 0.0);

  ScoringCurve p = s; // pure pass/fail: target == fail, the target still passes
  p.fail = 60;
  CHECK(p.score(60) == 100.0);
  CHECK(p.score(60.5) == 0.0);
}

TEST_CASE("rubric loader reports every problem with file, line, column and field", "[scoring][rubric]") {
  const std::string text = R"(hgdrill: rubric/1
id: bad
name: {zh: 坏, en: Bad}
capabilities:
  - id: comms
    zh: 通信
    en: Comms
    weight: 0.5
    src: "estimated: test"
    kpis:
      - kpi: t_report_county_mn
        target: 60
        fail: 120
        src: "x"
      - kpi: t_report_city_min
        target: 60
        fail: 30
        src: "x"
      - kpi: t_first_unit_min
        target: 5
        fail: 30
  - id: care
    zh: 救助
    en: Care
    weight: 0.4
    src: "estimated: test"
    kpis:
      - kpi: relief_p90_h
        target: 10
        fail: 20
        weight: -1
        src: "x"
)";
  hg::Diagnostics d;
  Rubric r = parse_rubric(text, "bad.yaml", d);
  const std::string all = d.str();
  INFO(all);
  CHECK(d.error_count() == 5);
  // unknown KPI id, with a suggestion
  CHECK(all.find("bad.yaml:11:") != std::string::npos);
  CHECK(all.find("capabilities[0].kpis[0].kpi: unknown KPI \"t_report_county_mn\" (did you mean 't_report_county_min'?)") !=
        std::string::npos);
  // fail on the wrong side of the target
  CHECK(all.find("capabilities[0].kpis[1].fail: lower is better here, so fail must be above the target") != std::string::npos);
  // missing src
  CHECK(all.find("capabilities[0].kpis[2]: missing src") != std::string::npos);
  // negative weight
  CHECK(all.find("capabilities[1].kpis[0].weight: expected a number >= 0") != std::string::npos);
  // capability weights 0.5 + 0.4
  CHECK(all.find("capabilities: capability weights must add up to 1 (got 0.9)") != std::string::npos);
}

TEST_CASE("bundled rubrics load cleanly and cite a source for every target", "[scoring][rubric]") {
  for (const char* name : {"flood", "hazmat_road", "default"}) {
    hg::Diagnostics d;
    const std::string path = std::string(HG_SOURCE_DIR) + "/scenarios/rubrics/" + name + ".yaml";
    Rubric r = load_rubric(path, d);
    INFO(path << "\n" << d.str());
    CHECK_FALSE(d.has_errors());
    CHECK(r.capabilities.size() >= 5);
    double w = 0;
    for (const auto& c : r.capabilities) {
      w += c.weight;
      for (const auto& k : c.kpis)
        CHECK_FALSE(k.src.empty());
    }
    CHECK(w == Approx(1.0));
  }
  // The city plan's targets are cited where they apply.
  hg::Diagnostics d;
  Rubric flood = load_rubric(std::string(HG_SOURCE_DIR) + "/scenarios/rubrics/flood.yaml", d);
  const RubricKpi* k = flood.find("relief_p90_h");
  REQUIRE(k);
  CHECK(k->curve.target == 8);
  CHECK(k->src.find("鹤政发〔2022〕20号") != std::string::npos);
  Rubric hz = load_rubric(std::string(HG_SOURCE_DIR) + "/scenarios/rubrics/hazmat_road.yaml", d);
  CHECK(hz.find("t_report_county_min")->src.find("第493号") != std::string::npos);
  CHECK(hz.find("t_first_unit_min")->src.find("建标152-2017") != std::string::npos);
}
