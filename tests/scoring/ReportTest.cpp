/// @file
/// @brief The written report: scores.json, report.html (well-formed XHTML-style, every KPI, the same
/// numbers as scores.json, working evidence links) and report.md; Chinese text; the compare page.
#include "ScoringFixture.hpp"
#include "XmlCheck.hpp"
#include "scoring/Compare.hpp"
#include "scoring/KpiCatalog.hpp"
#include "scoring/RunScorer.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

namespace fs = std::filesystem;
using hg::test::read_text;

namespace {
const std::string kRubric = std::string(HG_SOURCE_DIR) + "/scenarios/rubrics/hazmat_road.yaml";
}

TEST_CASE("score_run writes scores.json, report.html and report.md with the same numbers",
          "[scoring][report]") {
  hg::test::ScoringFixture f("report_en");
  const std::string summary = hg::score::score_run(f.run_dir.string(), {kRubric, "en"});
  CHECK(summary.find("Overall score") != std::string::npos);
  const auto scores = nlohmann::json::parse(read_text(f.run_dir / "scores.json"));
  const std::string html = read_text(f.run_dir / "report.html");
  REQUIRE(fs::exists(f.run_dir / "report.md"));

  const auto xml = hg::test::check_xml(html);
  INFO(xml.error);
  REQUIRE(xml.ok);
  CHECK(hg::test::valid_utf8(html));

  // Every KPI appears with the value of scores.json (data-value holds the JSON number text).
  std::map<std::string, std::string> html_value, html_score;
  std::set<std::string> ids, hrefs;
  for (const auto& e : xml.elements) {
    auto a = e.attrs;
    if (a.count("class") && a["class"].find("kpi-value") != std::string::npos)
      html_value[a["data-kpi"]] = a["data-value"];
    if (a.count("data-kpi") && a.count("data-score")) html_score[a["data-kpi"]] = a["data-score"];
    if (a.count("id")) ids.insert(a["id"]);
    if (e.name == "a" && a.count("href") && a["href"].rfind("#", 0) == 0) hrefs.insert(a["href"].substr(1));
    CHECK(e.name != "script");
    if (a.count("src")) CHECK(a["src"].rfind("data:", 0) == 0); // no external resources
    CHECK_FALSE(a.count("xlink:href"));
  }
  // The engine's KPIs and every registered hazard module's (the catalogue grows with each hazard).
  REQUIRE(scores["kpis"].size() == hg::score::kpi_catalog().size());
  for (const auto& k : scores["kpis"]) {
    const std::string id = k["id"];
    INFO(id);
    REQUIRE(html_value.count(id));
    CHECK(html_value[id] == (k["value"].is_null() ? std::string() : k["value"].dump()));
    if (!k["score"].is_null()) CHECK(html_score[id] == k["score"].dump());
  }
  // The overall score is the same number too.
  for (const auto& e : xml.elements)
    if (e.attrs.count("id") && e.attrs.at("id") == "overall-score")
      CHECK(e.attrs.at("data-score") == scores["overall"]["score"].dump());
  // Each in-page link has its target (evidence links point into the event table).
  for (const auto& h : hrefs) {
    INFO(h);
    CHECK(ids.count(h));
  }
  CHECK(ids.count("ev-26")); // the late arrival of u_e2 is cited and listed

  // Hand-checked scores with hazmat_road.yaml: first unit 15 min, target 5, fail 30 -> 100*(30-15)/25 = 60;
  // county report 4 min <= 60 -> 100; first alarm 40 min <= 120 -> 100.
  for (const auto& k : scores["kpis"]) {
    if (k["id"] == "t_first_unit_min") CHECK(k["score"].get<double>() == Approx(60));
    if (k["id"] == "t_report_county_min") CHECK(k["score"].get<double>() == Approx(100));
    if (k["id"] == "t_first_alarm_complete_min") CHECK(k["score"].get<double>() == Approx(100));
    for (const auto& ev : k["evidence"])
      CHECK(ev.contains("seq"));
  }
  // HSEEP structure, and a cause found in the log for the late first unit
  for (const char* sec :
       {"overview", "objectives", "strengths", "areas-for-improvement", "improvement-plan", "events"})
    CHECK(ids.count(sec));
  bool found_reroute_story = false;
  for (const auto& fi : scores["findings"]["improvements"])
    if (fi["analysis"]["en"].get<std::string>().find("Heli bridge closed at 12 min (event #12)") !=
        std::string::npos)
      found_reroute_story = true;
  // u_e2 (first alarm) is fine, but the first-unit KPI concerns u_e1 which did not reroute, so check the text
  // of the first-alarm unit via the Gantt data instead when the story is absent.
  CHECK((found_reroute_story || html.find("reroute") != std::string::npos));
  // One improvement-plan row per distinct recommendation: never more rows than areas, none repeated.
  CHECK(scores["improvement_plan"].size() >= 1);
  CHECK(scores["improvement_plan"].size() <= scores["findings"]["improvements"].size());
  std::set<std::string> rows;
  for (const auto& row : scores["improvement_plan"])
    CHECK(rows.insert(row.dump()).second);
  // Due dates count from the exercise, not from the date of the event the scenario plays.
  CHECK(html.find("exercise + ") != std::string::npos);
}

TEST_CASE("the reroute around a closed road is explained with its events", "[scoring][report]") {
  hg::test::ScoringFixture f("story");
  // A tight rubric on the first-alarm time, so u_e2's late arrival (40 min) is an area for improvement.
  const std::string rubric = (f.dir / "tight.yaml").string();
  hg::test::write_text(rubric, R"(hgdrill: rubric/1
id: tight
name: {zh: 严格, en: Tight}
capabilities:
  - id: on_scene
    zh: 到场
    en: On scene
    weight: 1
    src: "estimated: test"
    kpis:
      - {kpi: t_first_alarm_complete_min, target: 30, fail: 60, src: "estimated: test"}
)");
  hg::score::score_run(f.run_dir.string(), {rubric, "en"});
  const auto scores = nlohmann::json::parse(read_text(f.run_dir / "scores.json"));
  REQUIRE(scores["findings"]["improvements"].size() == 1);
  const auto& fi = scores["findings"]["improvements"][0];
  const std::string en = fi["analysis"]["en"];
  INFO(en);
  // u_e2: dispatched at 5 min [7], Heli bridge closed at 11 min 40 s -> "12 min" [12], rerouted [13], arrived
  // 40 min [26]
  CHECK(en.find("Engine 2 was dispatched at 5 min (event #7)") != std::string::npos);
  CHECK(en.find("Heli bridge closed at 12 min (event #12)") != std::string::npos);
  CHECK(en.find("rerouted at 13 min (event #13)") != std::string::npos);
  CHECK(fi["title"]["en"].get<std::string>().find("10 min after the 30 min target") != std::string::npos);
  CHECK(fi["score"].get<double>() == Approx(100.0 * (60 - 40) / 30.0));
  CHECK(scores["overall"]["score"].get<double>() == Approx(100.0 * 20 / 30.0));
  CHECK(scores["improvement_plan"][0]["agency"]["zh"] == "市消防救援支队");
}

TEST_CASE("the Chinese report is valid UTF-8 and well-formed", "[scoring][report]") {
  hg::test::ScoringFixture f("report_zh");
  hg::score::score_run(f.run_dir.string(), {kRubric, "zh"}, (f.dir / "out").string());
  const std::string html = read_text(f.dir / "out" / "report.html");
  const std::string md = read_text(f.dir / "out" / "report.md");
  CHECK(html.find("事后评估报告") != std::string::npos);
  CHECK(html.find("lang=\"zh-CN\"") != std::string::npos);
  CHECK(html.find("改进计划") != std::string::npos);
  CHECK(md.find("# 事后评估报告") != std::string::npos);
  CHECK(hg::test::valid_utf8(html));
  CHECK(hg::test::valid_utf8(md));
  CHECK(hg::test::valid_utf8(read_text(f.dir / "out" / "scores.json")));
  const auto xml = hg::test::check_xml(html);
  INFO(xml.error);
  CHECK(xml.ok);
  // the SVG map was drawn (no map.png): district name from the GeoJSON and the closed road in red
  CHECK(html.find("向阳区") != std::string::npos);
  CHECK(html.find("stroke=\"#e00000\"") != std::string::npos);
}

TEST_CASE("a map.png in the run folder is embedded as a data URI", "[scoring][report]") {
  hg::test::ScoringFixture f("png");
  hg::test::write_text(f.run_dir / "map.png", std::string("\x89PNG\r\n\x1a\n", 8));
  hg::score::score_run(f.run_dir.string(), {kRubric, "en"});
  const std::string html = read_text(f.run_dir / "report.html");
  CHECK(html.find("src=\"data:image/png;base64,iVBORw0KGgo=\"") != std::string::npos);
  CHECK(hg::test::check_xml(html).ok);
}

TEST_CASE("language comes from --lang, else from the locale", "[scoring][report]") {
  CHECK(hg::score::choose_lang("zh") == "zh");
  CHECK(hg::score::choose_lang("en") == "en");
  CHECK_THROWS(hg::score::choose_lang("fr"));
  setenv("LC_ALL", "zh_CN.UTF-8", 1);
  CHECK(hg::score::choose_lang("") == "zh");
  setenv("LC_ALL", "", 1);
  setenv("LANG", "en_US.UTF-8", 1);
  CHECK(hg::score::choose_lang("") == "en");
}

TEST_CASE("compare warns when seeds differ and writes a well-formed page", "[scoring][report]") {
  hg::test::ScoringFixture a("cmp_a", true, 7), b("cmp_b", true, 8);
  auto ra = hg::score::score_folder(a.run_dir.string(), kRubric);
  auto rb = hg::score::score_folder(b.run_dir.string(), kRubric);
  const auto w = hg::score::comparison_warnings(*ra, *rb, "en");
  REQUIRE(w.size() == 1);
  CHECK(w[0].find("different seeds (7 vs 8)") != std::string::npos);
  const std::string page = hg::score::compare_html(*ra, *rb, "zh");
  const auto xml = hg::test::check_xml(page);
  INFO(xml.error);
  CHECK(xml.ok);
  CHECK(hg::score::compare_text(*ra, *rb, "en").find("t_first_unit_min") != std::string::npos);
}

TEST_CASE("bad input is reported, not crashed on", "[scoring][report]") {
  hg::test::ScoringFixture f("bad");
  CHECK_THROWS_AS(hg::score::score_run((f.dir / "nope").string(), {kRubric, "en"}), std::runtime_error);
  hg::test::write_text(f.run_dir / "events.jsonl", "{\"seq\":0,\"t\":\"x\"}\n");
  CHECK_THROWS_AS(hg::score::score_run(f.run_dir.string(), {kRubric, "en"}), std::runtime_error);
}
