// Sampled uncertainties: quantiles against published values, streams per (seed, entry), binding to
// the field `applies_to` names, and the 绥滨 breach following its draw in a real run.
#include "../core/TestSupport.hpp"
#include "sim/io/Scenario.hpp"
#include "sim/io/Uncertainty.hpp"

#include <catch2/catch.hpp>

#include <set>

namespace {

hg::Uncertain entry(const std::string& name, const std::string& dist, nlohmann::json params) {
  hg::Uncertain u;
  u.name = name;
  u.distribution = dist;
  u.params = std::move(params);
  return u;
}

nlohmann::json read_json(const std::string& path) {
  return nlohmann::json::parse(hgtest::read(path));
}

} // namespace

TEST_CASE("quantiles of each distribution") {
  // Standard normal quantiles: z(0.975) = 1.959964, z(0.95) = 1.644854, z(0.01) = -2.326348
  // (Abramowitz & Stegun 1964, Table 26.5; any statistics table).
  CHECK(hg::normal_quantile(0.975) == Approx(1.959964).epsilon(1e-6));
  CHECK(hg::normal_quantile(0.95) == Approx(1.644854).epsilon(1e-6));
  CHECK(hg::normal_quantile(0.01) == Approx(-2.326348).epsilon(1e-6));
  CHECK(hg::normal_quantile(0.5) == Approx(0.0).margin(1e-12));
  // Uniform [2, 6]: Q(0.25) = 3. Triangular (0, 1, 4): F(1) = 1/4, so Q(0.25) = 1 and
  // Q(0.5) = 4 - sqrt(0.5 * 4 * 3) = 1.550510.
  CHECK(hg::quantile_value(entry("u", "uniform", {{"min", 2}, {"max", 6}}), 0.25) == Approx(3.0));
  auto tri = entry("t", "triangular", {{"min", 0}, {"mode", 1}, {"max", 4}});
  CHECK(hg::quantile_value(tri, 0.25).get<double>() == Approx(1.0));
  CHECK(hg::quantile_value(tri, 0.5).get<double>() == Approx(4 - std::sqrt(6.0)));
  // Normal (10, 2) at 0.975 = 10 + 2 x 1.959964; truncated at max 12.
  CHECK(hg::quantile_value(entry("n", "normal", {{"mean", 10}, {"sd", 2}}), 0.975).get<double>() ==
        Approx(13.919928).epsilon(1e-6));
  CHECK(hg::quantile_value(entry("n", "normal", {{"mean", 10}, {"sd", 2}, {"max", 12}}), 0.975) == 12.0);
  // Lognormal: the median at 0.5, median x e^(sigma z) elsewhere.
  auto ln = entry("l", "lognormal", {{"median", 2}, {"sigma", 0.5}});
  CHECK(hg::quantile_value(ln, 0.5).get<double>() == Approx(2.0));
  CHECK(hg::quantile_value(ln, 0.975).get<double>() == Approx(2 * std::exp(0.5 * 1.959964)).epsilon(1e-6));
  // Choice: cumulative weights 0.5, 0.8, 1.0.
  auto ch = entry("c", "choice", {{"values", {"a", "b", "none"}}, {"weights", {0.5, 0.3, 0.2}}});
  CHECK(hg::quantile_value(ch, 0.49) == "a");
  CHECK(hg::quantile_value(ch, 0.51) == "b");
  CHECK(hg::quantile_value(ch, 0.81) == "none");
}

TEST_CASE("draws depend on the seed and the entry only") {
  auto u = entry("breach_h", "uniform", {{"min", 96}, {"max", 150}});
  CHECK(hg::draw_value(u, 7) == hg::draw_value(u, 7));
  std::set<double> seen;
  double sum = 0;
  for (uint64_t s = 1; s <= 2000; ++s) {
    const double v = hg::draw_value(u, s);
    CHECK(v >= 96);
    CHECK(v <= 150);
    seen.insert(v);
    sum += v;
  }
  CHECK(seen.size() == 2000);
  // The mean of 2,000 uniform draws is within 4 standard errors of 123 (sd 15.6 / sqrt(2000) = 0.35).
  CHECK(sum / 2000 == Approx(123.0).margin(1.4));
  // Another entry with other parameters draws from its own stream: renaming changes the value,
  // changing the other entries does not.
  auto renamed = entry("breach_time", "uniform", {{"min", 96}, {"max", 150}});
  CHECK(hg::draw_value(renamed, 7) != hg::draw_value(u, 7));
}

TEST_CASE("applies_to must name a field of the scenario, and the draw is written there") {
  const std::string d = hgtest::temp_dir("uncertain");
  const std::string grid = hgtest::source("tests/core/fixtures/grid/");
  auto scenario = [&](const std::string& uncertain) {
    return "hgdrill: scenario/1\nid: u\nname: {zh: 测试, en: Test}\nmap: " + grid + "map.yaml\nresources: " + grid +
           "units.yaml\ncomms: " + grid + "comms.yaml\nduration_h: 2\nseed: 5\n"
           "parameters: {turnout_scale: 1.0, src: \"estimated: test\"}\n"
           "incident: {kind: hazmat_road, node: c, at_h: 0.5, reported_to: cp_city, src: \"estimated: test\"}\n"
           "closures:\n  - {road: r_ab, at_h: 1.0}\n" +
           uncertain;
  };
  // Nothing named: an error at the entry's applies_to, naming where the path stops.
  hgtest::write(d + "/bad.yaml", scenario("uncertain:\n"
                                          "  - name: late\n"
                                          "    distribution: uniform\n"
                                          "    params: {min: 0, max: 1}\n"
                                          "    applies_to: closures[r_bc].at_h\n"
                                          "    src: \"estimated: test\"\n"
                                          "  - name: no_target\n"
                                          "    distribution: uniform\n"
                                          "    params: {min: 0, max: 1}\n"
                                          "    src: \"estimated: test\"\n"));
  hg::Diagnostics diag;
  hg::load_scenario(d + "/bad.yaml", diag);
  INFO(diag.str());
  CHECK(diag.str().find("bad.yaml:17:17: error: uncertain[0].applies_to: names nothing in this scenario: "
                        "closures[r_bc]: closures has no element with id r_bc") != std::string::npos);
  CHECK(diag.str().find("bad.yaml:19:5: error: uncertain[1].applies_to: missing required field") !=
        std::string::npos);

  // Bound: the drawn values are what the loaders read.
  hgtest::write(d + "/ok.yaml", scenario("uncertain:\n"
                                         "  - name: incident_h\n"
                                         "    distribution: uniform\n"
                                         "    params: {min: 0.1, max: 0.9}\n"
                                         "    applies_to: incident.at_h\n"
                                         "    src: \"estimated: test\"\n"
                                         "  - name: closure_h\n"
                                         "    distribution: uniform\n"
                                         "    params: {min: 1.0, max: 1.5}\n"
                                         "    applies_to: closures[0].at_h\n"
                                         "    src: \"estimated: test\"\n"
                                         "  - name: slow_turnout\n"
                                         "    distribution: triangular\n"
                                         "    params: {min: 1, mode: 1.5, max: 3}\n"
                                         "    applies_to: parameters.turnout_scale\n"
                                         "    src: \"estimated: test\"\n"));
  hg::Diagnostics d1;
  hg::DrawOptions draw;
  draw.draw = true;
  hg::Scenario drawn = hg::load_scenario(d + "/ok.yaml", d1, draw);
  INFO(d1.str());
  REQUIRE_FALSE(d1.has_errors());
  // The scenario's own seed (5) is the draw seed when none is given.
  CHECK(drawn.draws["incident_h"].get<double>() ==
        hg::draw_value(entry("incident_h", "uniform", {{"min", 0.1}, {"max", 0.9}}), 5).get<double>());
  CHECK(drawn.incident.at_s == Approx(drawn.draws["incident_h"].get<double>() * 3600));
  CHECK(drawn.closures[0].at_s == Approx(drawn.draws["closure_h"].get<double>() * 3600));
  CHECK(drawn.params.turnout_scale == Approx(drawn.draws["slow_turnout"].get<double>()));
  // Nominal: the values as written, and no draws.
  hg::Diagnostics d2;
  hg::Scenario nominal = hg::load_scenario(d + "/ok.yaml", d2);
  CHECK(nominal.draws.empty());
  CHECK(nominal.incident.at_s == 1800.0);
  CHECK(nominal.params.turnout_scale == 1.0);
}

TEST_CASE("scale applies to the discharges of a hydrograph, not to its times") {
  const std::string d = hgtest::temp_dir("scale");
  hgtest::write(d + "/s.yaml", "hgdrill: scenario/1\nhazards:\n  - id: f\n    inflow: [[0, 100], [6, 300]]\n"
                               "uncertain:\n  - {name: k, distribution: uniform, params: {min: 2, max: 2}, "
                               "applies_to: \"hazards[f].inflow\", op: scale, src: x}\n");
  hg::Diagnostics diag;
  auto f = hg::YamlFile::load(d + "/s.yaml", diag);
  REQUIRE(f);
  auto entries = hg::read_uncertain(f->root());
  REQUIRE(entries.size() == 1);
  hg::apply_draws(f->root().node(), entries, 1);
  const YAML::Node inflow = f->root().node()["hazards"][0]["inflow"];
  CHECK(inflow[0][0].as<double>() == 0);
  CHECK(inflow[0][1].as<double>() == 200);
  CHECK(inflow[1][0].as<double>() == 6);
  CHECK(inflow[1][1].as<double>() == 600);
}

TEST_CASE("the 绥滨 dyke breaches at the time drawn for the run's seed, and run.json records the draws") {
  const std::string d = hgtest::temp_dir("songhua-draws");
  std::set<double> times;
  int scheduled = 0;
  for (int seed : {2, 3, 4, 5}) {
    const std::string out = d + "/s" + std::to_string(seed);
    auto r = hgtest::hgdrill("run " + hgtest::source("scenarios/flood/songhua-2013.yaml") + " --seed " +
                             std::to_string(seed) + " --no-report --no-baseline --quiet --out " + out);
    REQUIRE(r.code == 0);
    const auto run = read_json(out + "/run.json");
    const auto& draws = run["draws"];
    REQUIRE(draws.contains("suibin_breach_time_h"));
    const double drawn = draws["suibin_breach_time_h"];
    CHECK(drawn >= 96);
    CHECK(drawn <= 150);
    times.insert(drawn);
    std::vector<double> breach_h;
    for (const auto& e : hg::EventLog::read_jsonl(out + "/events.jsonl"))
      if (e.type == "flood.breach" && e.actors[0] == "n_fusui_n") breach_h.push_back(e.payload["t_h"]);
    if (draws["suibin_breach_mode"] == "scheduled") {
      ++scheduled;
      REQUIRE(breach_h.size() == 1);
      CHECK(breach_h[0] == Approx(drawn).margin(1e-6));
    } else {
      CHECK(breach_h.empty());
    }
  }
  CHECK(times.size() == 4);
  CHECK(scheduled >= 1);
  // --nominal: the scenario as written (scheduled at 118 h), no draws.
  auto r = hgtest::hgdrill("run " + hgtest::source("scenarios/flood/songhua-2013.yaml") +
                           " --nominal --no-report --no-baseline --quiet --out " + d + "/nominal");
  REQUIRE(r.code == 0);
  CHECK(read_json(d + "/nominal/run.json")["draws"].empty());
  bool at_118 = false;
  for (const auto& e : hg::EventLog::read_jsonl(d + "/nominal/events.jsonl"))
    at_118 = at_118 || (e.type == "flood.breach" && e.actors[0] == "n_fusui_n" && e.payload["t_h"] == 118.0);
  CHECK(at_118);
}
