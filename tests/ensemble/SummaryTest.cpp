/// @file
/// @brief summary.json from synthetic replica records whose statistics are derived by hand.
#include "sim/ensemble/EnsembleReport.hpp"
#include "sim/ensemble/ReplicaTable.hpp"
#include "sim/ensemble/Summary.hpp"

#include <catch2/catch.hpp>

using namespace hg::ensemble;
using nlohmann::json;

namespace {

/// Ten replicas; input "x" = k, input "mode" alternates two strings. Plan A's KPI t = 50 + 2k
/// minutes (target ≤ 60: met for k ≤ 5, i.e. 6 of 10); plan B's t = A's − 3 + (k mod 2) (mean
/// difference −2.5, met for k ≤ 6 → 7 of 10). KPI "never" applies in A but never happens when k = 9.
std::vector<json> records() {
  std::vector<json> r;
  for (int k = 0; k < 10; ++k) {
    const double a = 50 + 2 * k, b = a - 3 + (k % 2);
    auto plan = [&](const std::string& label, double t) {
      return json{{"plan", label},
                  {"events", 100 + k},
                  {"kpis",
                   {{{"id", "t"}, {"applicable", true}, {"value", t}, {"target", 60}, {"better", "lower"}, {"met", t <= 60}},
                    {{"id", "never"}, {"applicable", true}, {"value", k == 9 ? json() : json(k)}}}},
                  {"bottlenecks", {{"clause", t > 60 ? json::array({"c_late"}) : json::array()},
                                   {"road", json::array({"r1"})}}}};
    };
    r.push_back({{"replica", k},
                 {"seed", 1000 + k},
                 {"draws", {{"x", k}, {"mode", k % 2 ? "none" : "scheduled"}}},
                 {"plans", {plan("A", a), plan("B", b)}}});
  }
  return r;
}

EnsembleSpec spec() {
  EnsembleSpec s;
  s.scenario_id = "synthetic";
  s.runs = 10;
  s.seed = 7;
  s.labels = {"A", "B"};
  return s;
}

const json* find(const json& arr, const std::string& kpi, const std::string& plan) {
  for (const auto& e : arr)
    if (e["kpi"] == kpi && e.value("plan", "") == plan) return &e;
  return nullptr;
}

} // namespace

TEST_CASE("p_meet and its Wilson interval per plan", "[ensemble][summary]") {
  const json s = summarise(spec(), records());
  CHECK(s["runs"] == 10);
  const json* a = find(s["targets"], "t", "A");
  const json* b = find(s["targets"], "t", "B");
  REQUIRE(a);
  REQUIRE(b);
  CHECK((*a)["met"] == 6);
  CHECK((*a)["p_meet"].get<double>() == Approx(0.6));
  // Wilson 6/10 by hand: centre = (0.6 + 0.19207)/1.38415 = 0.57224; half = 1.41600 · sqrt(0.024 + 0.0096037)
  // = 1.41600 · 0.18331 = 0.25957 → [0.31267, 0.83182].
  CHECK((*a)["ci95"][0].get<double>() == Approx(0.31267).margin(1e-4));
  CHECK((*a)["ci95"][1].get<double>() == Approx(0.83182).margin(1e-4));
  CHECK((*b)["met"] == 7);
  CHECK(s["all_targets"][0]["met"] == 6);
}

TEST_CASE("Paired difference of plans on the same replicas", "[ensemble][summary]") {
  const json s = summarise(spec(), records());
  REQUIRE(s.contains("difference"));
  const json& d = s["difference"][0];
  CHECK(d["kpi"] == "t");
  // d_k = −3 + (k mod 2): five −3 and five −2 → mean −2.5; s² = 10·0.25/9 = 0.27778, s = 0.52705;
  // se = 0.16667; t(0.975, 9) = 2.26216 → [−2.87703, −2.12297].
  CHECK(d["mean"].get<double>() == Approx(-2.5));
  CHECK(d["ci95"][0].get<double>() == Approx(-2.87703).margin(1e-4));
  CHECK(d["ci95"][1].get<double>() == Approx(-2.12297).margin(1e-4));
  CHECK(d["p_meet"][0].get<double>() == Approx(0.6));
  CHECK(d["p_meet"][1].get<double>() == Approx(0.7));
}

TEST_CASE("Sensitivity, distributions and bottlenecks", "[ensemble][summary]") {
  const json s = summarise(spec(), records());
  // t rises with x exactly (plan A): rho = 1; missing the target is 0 for k ≤ 5 and 1 after, so
  // rho(x, missed) = Pearson(1..10, ranks 3.5×6 then 8.5×4) = sqrt(6·4/(10·9)·...) — by hand:
  // x dev −4.5..4.5, y dev −2 (6 times) and 3 (4 times): sxy = −2·(−4.5−3.5−2.5−1.5−0.5+0.5) + 3·(1.5+2.5+3.5+4.5)
  // = 24 + 36 = 60; sxx = 82.5; syy = 6·4 + 4·9 = 60 → rho = 60/sqrt(82.5·60) = 0.85280.
  bool seen = false;
  for (const auto& e : s["sensitivity"])
    if (e["plan"] == "A" && e["kpi"] == "t" && e["input"] == "x") {
      seen = true;
      CHECK(e["rho"].get<double>() == Approx(1.0));
      CHECK(e["rho_fail"].get<double>() == Approx(0.85280).margin(1e-4));
    }
  CHECK(seen);
  const json* never = find(s["kpis"], "never", "A");
  REQUIRE(never);
  CHECK((*never)["n"] == 9);
  CHECK((*never)["never"] == 1);
  CHECK((*never)["p50"].get<double>() == Approx(4.0)); // median of 0..8
  const json* t = find(s["kpis"], "t", "A");
  long total = 0;
  for (const auto& c : (*t)["histogram"]["counts"]) total += c.get<long>();
  CHECK(total == 10);
  CHECK((*t)["histogram"]["counts"].size() == size_t(histogram_bins(10))); // Sturges: ceil(log2 10) + 1 = 5
  CHECK(histogram_bins(10) == 5);
  // Bottlenecks: plan A misses in 4 runs and the late clause appears in exactly those.
  bool clause = false;
  for (const auto& b : s["bottlenecks"])
    if (b["plan"] == "A" && b["id"] == "c_late") {
      clause = true;
      CHECK(b["failing_replicas"] == 4);
      CHECK(b["share_of_failing"].get<double>() == Approx(1.0));
    }
  CHECK(clause);
}

TEST_CASE("Choice inputs become category indices for rank statistics", "[ensemble][summary]") {
  auto x = numeric_draws({json("none"), json("scheduled"), json("none"), json(2.5)});
  CHECK(x == std::vector<double>{0, 1, 0, 2.5});
}

TEST_CASE("Replica table and report print the summary", "[ensemble][summary]") {
  const auto recs = records();
  const json s = summarise(spec(), recs);
  const ReplicaTable t = replica_table(recs, s);
  CHECK(t.rows.size() == 20); // 10 replicas × 2 plans
  const std::string csv = table_csv(t);
  CHECK(csv.rfind("replica,seed,plan,events,mode,x,t,never,met_t\n", 0) == 0);
  CHECK(csv.find("\n9,1009,A,109,none,9,68.0,,0\n") != std::string::npos); // inputs in name order; never happened → empty cell
  const std::string md = report_markdown(s, json::object());
  CHECK(md.find("60.0 % [31.3 %, 83.2 %]") != std::string::npos);
  const std::string svg = histogram_svg(s, "t", json::object());
  CHECK(svg.find("<svg") == 0);
  CHECK(svg.find("target 60") != std::string::npos);
}
