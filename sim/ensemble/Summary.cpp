#include "sim/ensemble/Summary.hpp"

#include "sim/ensemble/ReplicaRunner.hpp"
#include "sim/ensemble/Statistics.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>

namespace hg::ensemble {

using nlohmann::json;

std::vector<json> load_records(const std::string& out, std::size_t runs) {
  std::vector<json> r;
  r.reserve(runs);
  for (std::size_t k = 0; k < runs; ++k) {
    const std::string p = record_path(out, k);
    std::ifstream in(p);
    if (!in) throw std::runtime_error(p + ": replica record missing");
    try {
      r.push_back(json::parse(in));
    } catch (const std::exception& e) {
      throw std::runtime_error(p + ": unreadable replica record: " + e.what());
    }
  }
  return r;
}

std::vector<double> numeric_draws(const std::vector<json>& values) {
  std::set<std::string> distinct;
  for (const auto& v : values)
    if (!v.is_number() && !v.is_boolean()) distinct.insert(v.dump());
  std::vector<double> x;
  for (const auto& v : values) {
    if (v.is_number()) x.push_back(v.get<double>());
    else if (v.is_boolean()) x.push_back(v.get<bool>() ? 1 : 0);
    else x.push_back(double(std::distance(distinct.begin(), distinct.find(v.dump()))));
  }
  return x;
}

int histogram_bins(std::size_t n) {
  if (n < 2) return 1;
  return std::min(30, int(std::ceil(std::log2(double(n)))) + 1);
}

namespace {

/// One KPI of one plan in one replica.
struct Cell {
  bool applicable = false;
  bool has_value = false;
  double value = 0;
  bool target = false;
  bool met = false;
};

struct KpiInfo {
  std::string id;
  bool target = false;
  json target_value, better, unit;
};

double quantile(std::vector<double> v, double p) { // type 7 (R's default), v non-empty
  std::sort(v.begin(), v.end());
  const double h = (double(v.size()) - 1) * p;
  const std::size_t lo = std::size_t(std::floor(h));
  const std::size_t hi = std::min(v.size() - 1, lo + 1);
  return v[lo] + (h - double(lo)) * (v[hi] - v[lo]);
}

json interval(double lo, double hi) { return json::array({lo, hi}); }

} // namespace

json summarise(const EnsembleSpec& spec, const std::vector<json>& records) {
  const std::size_t n = records.size();
  const std::size_t n_plans = std::max<std::size_t>(1, spec.labels.size());
  // KPIs in the order scoring lists them, draws in the order of the records.
  std::vector<KpiInfo> kpis;
  std::map<std::string, std::size_t> kpi_index;
  std::vector<std::string> inputs;
  for (const auto& rec : records) {
    for (auto it = rec["draws"].begin(); it != rec["draws"].end(); ++it)
      if (std::find(inputs.begin(), inputs.end(), it.key()) == inputs.end()) inputs.push_back(it.key());
    for (const auto& pl : rec["plans"])
      for (const auto& k : pl["kpis"]) {
        const std::string id = k["id"];
        auto [it, fresh] = kpi_index.emplace(id, kpis.size());
        if (fresh) {
          KpiInfo fresh_info;
          fresh_info.id = id;
          kpis.push_back(fresh_info);
        }
        KpiInfo& info = kpis[it->second];
        if (k.contains("target") && !info.target) {
          info.target = true;
          info.target_value = k["target"];
          info.better = k.value("better", json());
        }
        if (k.contains("unit") && info.unit.is_null()) info.unit = k["unit"];
      }
  }
  // cells[plan][kpi][replica]
  std::vector<std::vector<std::vector<Cell>>> cells(n_plans, std::vector<std::vector<Cell>>(kpis.size(), std::vector<Cell>(n)));
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t p = 0; p < n_plans && p < records[r]["plans"].size(); ++p)
      for (const auto& k : records[r]["plans"][p]["kpis"]) {
        Cell& c = cells[p][kpi_index.at(k["id"].get<std::string>())][r];
        c.applicable = k.value("applicable", false);
        c.has_value = c.applicable && k.contains("value") && k["value"].is_number();
        if (c.has_value) c.value = k["value"].get<double>();
        c.target = k.contains("met");
        c.met = k.value("met", false);
      }
  std::vector<std::vector<double>> draw_x;
  for (const auto& name : inputs) {
    std::vector<json> v;
    for (const auto& rec : records) v.push_back(rec["draws"].value(name, json(nullptr)));
    draw_x.push_back(numeric_draws(v));
  }

  json s;
  s["format"] = "ensemble-summary/1";
  s["scenario"] = spec.scenario_id;
  s["runs"] = n;
  s["seed"] = spec.seed;
  s["baselines"] = spec.baselines;
  s["plans"] = spec.labels;
  s["inputs"] = inputs;

  // Targets: probability of meeting each, per plan, over the replicas where the KPI applies.
  s["targets"] = json::array();
  s["all_targets"] = json::array();
  for (std::size_t p = 0; p < n_plans; ++p) {
    std::size_t all_n = 0, all_met = 0;
    for (std::size_t r = 0; r < n; ++r) {
      bool any = false, all = true;
      for (std::size_t i = 0; i < kpis.size(); ++i)
        if (cells[p][i][r].target && cells[p][i][r].applicable) any = true, all = all && cells[p][i][r].met;
      if (any) ++all_n, all_met += all ? 1 : 0;
    }
    for (std::size_t i = 0; i < kpis.size(); ++i) {
      if (!kpis[i].target) continue;
      std::size_t m = 0, met = 0;
      for (const Cell& c : cells[p][i])
        if (c.target && c.applicable) ++m, met += c.met ? 1 : 0;
      if (m == 0) continue;
      auto [lo, hi] = wilson_interval(met, m);
      s["targets"].push_back({{"kpi", kpis[i].id}, {"plan", spec.labels.at(p)}, {"target", kpis[i].target_value},
                              {"better", kpis[i].better}, {"n", m}, {"met", met},
                              {"p_meet", double(met) / double(m)}, {"ci95", interval(lo, hi)}});
    }
    auto [lo, hi] = wilson_interval(all_met, all_n);
    s["all_targets"].push_back({{"plan", spec.labels.at(p)}, {"n", all_n}, {"met", all_met},
                                {"p_meet", all_n ? double(all_met) / double(all_n) : 0.0},
                                {"ci95", interval(lo, hi)}});
  }

  // Distributions: quantiles and a histogram on bins shared by the plans (so they compare).
  s["kpis"] = json::array();
  for (std::size_t i = 0; i < kpis.size(); ++i) {
    std::vector<std::vector<double>> vals(n_plans);
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t p = 0; p < n_plans; ++p)
      for (const Cell& c : cells[p][i])
        if (c.has_value) vals[p].push_back(c.value), lo = std::min(lo, c.value), hi = std::max(hi, c.value);
    std::size_t most = 0;
    for (auto& v : vals) most = std::max(most, v.size());
    if (most == 0) continue;
    const int bins = lo < hi ? histogram_bins(most) : 1;
    json edges = json::array();
    for (int b = 0; b <= bins; ++b) edges.push_back(lo < hi ? lo + (hi - lo) * b / bins : (b ? hi : lo));
    for (std::size_t p = 0; p < n_plans; ++p) {
      std::size_t applicable = 0;
      for (const Cell& c : cells[p][i]) applicable += c.applicable ? 1 : 0;
      json e = {{"kpi", kpis[i].id}, {"plan", spec.labels.at(p)}, {"unit", kpis[i].unit}, {"applicable", applicable},
                {"n", vals[p].size()}, {"never", applicable - vals[p].size()}};
      if (!vals[p].empty()) {
        const MeanInterval m = mean_interval(vals[p]);
        std::vector<int> counts(size_t(bins), 0);
        for (double v : vals[p])
          counts[size_t(lo < hi ? std::min(bins - 1, int((v - lo) / (hi - lo) * bins)) : 0)]++;
        e.update({{"mean", m.mean}, {"sd", m.sd}, {"min", quantile(vals[p], 0)}, {"p10", quantile(vals[p], 0.1)},
                  {"p50", quantile(vals[p], 0.5)}, {"p90", quantile(vals[p], 0.9)}, {"max", quantile(vals[p], 1)},
                  {"histogram", {{"edges", edges}, {"counts", counts}}}});
      }
      s["kpis"].push_back(e);
    }
  }

  // Sensitivity: Spearman's rho between each sampled input and each KPI value, and between each
  // input and failing each target (1 = missed), over the replicas where they are defined.
  s["sensitivity"] = json::array();
  for (std::size_t p = 0; p < n_plans; ++p)
    for (std::size_t i = 0; i < kpis.size(); ++i)
      for (std::size_t d = 0; d < inputs.size(); ++d) {
        std::vector<double> xv, yv, xf, yf;
        for (std::size_t r = 0; r < n; ++r) {
          const Cell& c = cells[p][i][r];
          if (c.has_value) xv.push_back(draw_x[d][r]), yv.push_back(c.value);
          if (c.target && c.applicable) xf.push_back(draw_x[d][r]), yf.push_back(c.met ? 0 : 1);
        }
        if (xv.size() < 3) continue;
        json e = {{"plan", spec.labels.at(p)}, {"kpi", kpis[i].id}, {"input", inputs[d]}, {"n", xv.size()},
                  {"rho", spearman(xv, yv)}};
        if (xf.size() >= 3) e["rho_fail"] = spearman(xf, yf);
        // |rho| beyond 1.96/sqrt(n−1) is significant at about 5 % under independence (large-n
        // normal approximation of rho's null distribution).
        e["threshold"] = kZ95 / std::sqrt(double(xv.size() - 1));
        s["sensitivity"].push_back(e);
      }

  // Bottlenecks: what the logs name on the way to a missed target, counted over replicas.
  s["bottlenecks"] = json::array();
  for (std::size_t p = 0; p < n_plans; ++p) {
    std::map<std::pair<std::string, std::string>, std::pair<std::size_t, std::size_t>> count; // (kind,id) → (all, failing)
    std::size_t failing = 0;
    for (std::size_t r = 0; r < n; ++r) {
      if (p >= records[r]["plans"].size()) continue;
      bool fail = false;
      for (std::size_t i = 0; i < kpis.size(); ++i)
        fail = fail || (cells[p][i][r].target && cells[p][i][r].applicable && !cells[p][i][r].met);
      failing += fail ? 1 : 0;
      const json& b = records[r]["plans"][p].value("bottlenecks", json::object());
      std::set<std::pair<std::string, std::string>> seen;
      for (auto it = b.begin(); it != b.end(); ++it)
        for (const auto& id : it.value()) seen.insert({it.key(), id.get<std::string>()});
      for (const auto& key : seen) {
        auto& c = count[key];
        ++c.first;
        c.second += fail ? 1 : 0;
      }
    }
    std::vector<std::pair<std::pair<std::string, std::string>, std::pair<std::size_t, std::size_t>>> rows(count.begin(), count.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.second.second != b.second.second ? a.second.second > b.second.second : a.second.first > b.second.first;
    });
    std::map<std::string, int> per_kind;
    for (const auto& [key, c] : rows) {
      if (++per_kind[key.first] > 10) continue;
      s["bottlenecks"].push_back({{"plan", spec.labels.at(p)}, {"kind", key.first}, {"id", key.second},
                                  {"replicas", c.first}, {"failing_replicas", c.second},
                                  {"share_of_failing", failing ? double(c.second) / double(failing) : 0.0}});
    }
  }

  // Paired differences (plan − first plan) on the same replicas, i.e. the same draws.
  if (n_plans >= 2) {
    s["difference"] = json::array();
    for (std::size_t p = 1; p < n_plans; ++p)
      for (std::size_t i = 0; i < kpis.size(); ++i) {
        std::vector<double> d;
        std::size_t both = 0, met_a = 0, met_b = 0;
        for (std::size_t r = 0; r < n; ++r) {
          const Cell &a = cells[0][i][r], &b = cells[p][i][r];
          if (a.has_value && b.has_value) d.push_back(b.value - a.value);
          if (a.target && b.target && a.applicable && b.applicable) ++both, met_a += a.met, met_b += b.met;
        }
        if (d.empty()) continue;
        const MeanInterval m = mean_interval(d);
        json e = {{"kpi", kpis[i].id}, {"plans", {spec.labels[0], spec.labels[p]}}, {"n", m.n},
                  {"mean", m.mean}, {"sd", m.sd}, {"ci95", interval(m.lo, m.hi)}};
        if (both) e["p_meet"] = {double(met_a) / double(both), double(met_b) / double(both)};
        s["difference"].push_back(e);
      }
  }
  return s;
}

} // namespace hg::ensemble
