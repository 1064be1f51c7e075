#include "sim/ensemble/EnsembleReport.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>
#include <vector>

namespace hg::ensemble {

using nlohmann::json;

namespace {

std::string num(double v, int digits = 3) {
  char b[48];
  if (v == std::floor(v) && std::fabs(v) < 1e9) std::snprintf(b, sizeof b, "%.0f", v);
  else if (std::fabs(v) >= 100 && std::fabs(v) < 1e9) std::snprintf(b, sizeof b, "%.1f", v);
  else std::snprintf(b, sizeof b, "%.*g", digits, v);
  return b;
}
std::string pct(double p) {
  char b[16];
  std::snprintf(b, sizeof b, "%.1f %%", 100 * p);
  return b;
}
std::string ci_pct(const json& ci) { return "[" + pct(ci[0].get<double>()) + ", " + pct(ci[1].get<double>()) + "]"; }
std::string ci_num(const json& ci) { return "[" + num(ci[0].get<double>()) + ", " + num(ci[1].get<double>()) + "]"; }

std::string kpi_name(const json& names, const std::string& id) {
  if (!names.contains(id)) return id;
  const json& n = names[id];
  return n.value("zh", id) + " / " + n.value("en", id);
}
std::string kpi_unit(const json& names, const std::string& id) {
  return names.contains(id) ? names[id].value("unit", "") : "";
}
std::string esc(const std::string& s) {
  std::string o;
  for (char c : s) o += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : c == '"' ? "&quot;" : std::string(1, c);
  return o;
}

/// A table as rows of cells; printed as Markdown or HTML.
struct Table {
  std::vector<std::string> head;
  std::vector<std::vector<std::string>> rows;
  std::string md() const {
    std::ostringstream o;
    o << "|";
    for (auto& h : head) o << " " << h << " |";
    o << "\n|";
    for (std::size_t i = 0; i < head.size(); ++i) o << (i ? " ---: |" : " --- |");
    o << "\n";
    for (auto& r : rows) {
      o << "|";
      for (auto& c : r) o << " " << c << " |";
      o << "\n";
    }
    return o.str();
  }
  std::string html() const {
    std::ostringstream o;
    o << "<table><tr>";
    for (auto& h : head) o << "<th>" << esc(h) << "</th>";
    o << "</tr>\n";
    for (auto& r : rows) {
      o << "<tr>";
      for (std::size_t i = 0; i < r.size(); ++i) o << (i ? "<td class=n>" : "<td>") << esc(r[i]) << "</td>";
      o << "</tr>\n";
    }
    o << "</table>\n";
    return o.str();
  }
};

struct Section {
  std::string title;
  std::string intro;
  std::vector<Table> tables;
  std::vector<std::string> figures; ///< SVG (HTML only)
};

std::vector<std::string> plans(const json& s) { return s.value("plans", std::vector<std::string>{}); }

Table targets_table(const json& s, const json& names) {
  Table t;
  t.head = {"指标 / KPI", "目标 / target"};
  for (auto& p : plans(s)) t.head.push_back(p + ": P(达标 / met) [95 % CI]");
  std::map<std::string, std::map<std::string, const json*>> by;
  std::vector<std::string> order;
  for (const auto& e : s["targets"]) {
    const std::string k = e["kpi"];
    if (!by.count(k)) order.push_back(k);
    by[k][e["plan"]] = &e;
  }
  for (const auto& k : order) {
    const json& any = *by[k].begin()->second;
    std::vector<std::string> row = {kpi_name(names, k), (any["better"] == "higher" ? "≥ " : "≤ ") +
                                                            (any["target"].is_number() ? num(any["target"].get<double>()) : std::string("?")) +
                                                            " " + kpi_unit(names, k)};
    for (auto& p : plans(s)) {
      auto it = by[k].find(p);
      row.push_back(it == by[k].end() ? "—" : pct((*it->second)["p_meet"]) + " " + ci_pct((*it->second)["ci95"]) +
                                                  " (n = " + std::to_string((*it->second)["n"].get<long>()) + ")");
    }
    t.rows.push_back(row);
  }
  std::vector<std::string> all = {"全部目标同时达标 / all targets met in the same run", ""};
  for (const auto& e : s["all_targets"]) all.push_back(pct(e["p_meet"]) + " " + ci_pct(e["ci95"]));
  t.rows.push_back(all);
  return t;
}

Table difference_table(const json& s, const json& names) {
  Table t;
  const auto pl = plans(s);
  t.head = {"指标 / KPI", "方案 / plans", "均值差 / mean difference (B − A) [95 % CI]", "P(达标 / met) A → B", "n"};
  std::map<std::pair<std::string, std::string>, const json*> kpi_mean;
  for (const auto& e : s["kpis"])
    if (e.contains("mean")) kpi_mean[{e["kpi"], e["plan"]}] = &e;
  for (const auto& d : s["difference"]) {
    const std::string k = d["kpi"];
    const std::string a = d["plans"][0], b = d["plans"][1];
    std::string means;
    if (kpi_mean.count({k, a}) && kpi_mean.count({k, b}))
      means = " (" + num((*kpi_mean[{k, a}])["mean"]) + " → " + num((*kpi_mean[{k, b}])["mean"]) + ")";
    t.rows.push_back({kpi_name(names, k) + " [" + kpi_unit(names, k) + "]", a + " → " + b,
                      num(d["mean"]) + " " + ci_num(d["ci95"]) + means,
                      d.contains("p_meet") ? pct(d["p_meet"][0]) + " → " + pct(d["p_meet"][1]) : "—",
                      std::to_string(d["n"].get<long>())});
  }
  return t;
}

Table sensitivity_table(const json& s, const json& names) {
  // For each plan and target, the inputs ranked by |rho_fail|: which draws go with missing it.
  Table t;
  t.head = {"方案 / plan", "目标指标 / target KPI", "输入 / input", "ρ(输入, 未达标) / ρ(input, missed)",
            "ρ(输入, 指标值) / ρ(input, value)", "显著 / significant (|ρ| > 1.96/√(n−1))"};
  std::map<std::pair<std::string, std::string>, std::vector<const json*>> groups;
  std::vector<std::pair<std::string, std::string>> order;
  std::map<std::pair<std::string, std::string>, bool> is_target;
  for (const auto& e : s["targets"]) is_target[{e["plan"], e["kpi"]}] = true;
  for (const auto& e : s["sensitivity"]) {
    std::pair<std::string, std::string> key{e["plan"], e["kpi"]};
    if (!is_target.count(key) || !e.contains("rho_fail")) continue;
    if (!groups.count(key)) order.push_back(key);
    groups[key].push_back(&e);
  }
  for (const auto& key : order) {
    auto& g = groups[key];
    std::stable_sort(g.begin(), g.end(), [](const json* a, const json* b) {
      return std::fabs((*a)["rho_fail"].get<double>()) > std::fabs((*b)["rho_fail"].get<double>());
    });
    for (std::size_t i = 0; i < g.size() && i < 3; ++i) {
      const json& e = *g[i];
      const double rf = e["rho_fail"], th = e["threshold"];
      t.rows.push_back({key.first, kpi_name(names, key.second), e["input"], num(rf, 2), num(e["rho"].get<double>(), 2),
                        std::fabs(rf) > th ? "是 / yes" : "否 / no"});
    }
  }
  return t;
}

Table bottleneck_table(const json& s) {
  Table t;
  t.head = {"方案 / plan", "类别 / kind", "名称 / id", "未达标推演中出现 / in runs that missed a target",
            "全部推演中出现 / in all runs"};
  static const std::map<std::string, std::string> kinds = {
      {"clause", "预案条款(迟/未执行) / clause late or not done"},
      {"subject", "决定未达标指标的单位/区域 / unit or zone behind a missed target"},
      {"road", "封闭道路 / closed road"},
      {"rerouted", "绕行单位 / unit rerouted"}};
  for (const auto& b : s["bottlenecks"]) {
    const std::string kind = b["kind"];
    t.rows.push_back({b["plan"], kinds.count(kind) ? kinds.at(kind) : kind, b["id"],
                      std::to_string(b["failing_replicas"].get<long>()) + " (" + pct(b["share_of_failing"]) + ")",
                      std::to_string(b["replicas"].get<long>())});
  }
  return t;
}

Table distribution_table(const json& s, const json& names) {
  Table t;
  t.head = {"指标 / KPI", "方案 / plan", "n", "未发生 / never", "均值 / mean", "P10", "P50", "P90", "最小 / min", "最大 / max"};
  for (const auto& e : s["kpis"]) {
    if (!e.contains("mean")) continue;
    t.rows.push_back({kpi_name(names, e["kpi"]) + " [" + kpi_unit(names, e["kpi"]) + "]", e["plan"],
                      std::to_string(e["n"].get<long>()), std::to_string(e["never"].get<long>()), num(e["mean"]),
                      num(e["p10"]), num(e["p50"]), num(e["p90"]), num(e["min"]), num(e["max"])});
  }
  return t;
}

const char* kColours[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"};

std::vector<Section> sections(const json& s, const json& names, bool svg) {
  std::vector<Section> out;
  out.push_back({"1. 达标概率 / Probability of meeting each target",
                 "Share of runs in which the KPI met the rubric target, over the runs where it applies, with the "
                 "Wilson score 95 % interval (Wilson 1927; Newcombe 1998, method 3). 各推演中指标达到预案/评分标准目标的比例及其 Wilson 95 % 置信区间。",
                 {targets_table(s, names)}, {}});
  if (s.contains("difference"))
    out.push_back({"2. 方案配对比较 / Paired comparison of plans",
                   "Each run plays every plan with the same sampled inputs (common random numbers), so the "
                   "difference is taken run by run; the interval is Student's t on the paired differences. "
                   "同一抽样输入下逐次推演配对比较（公共随机数），t 分布 95 % 置信区间。",
                   {difference_table(s, names)}, {}});
  out.push_back({"3. 未达标原因：敏感性 / Why targets are missed: sensitivity",
                 "Spearman's rank correlation (Spearman 1904) between each sampled input and missing the target "
                 "(1 = missed) and the KPI value, the rank-based screening of Monte Carlo inputs described by "
                 "Helton & Davis (2003, Reliab. Eng. Syst. Saf. 81:23–69) and Saltelli et al. (2008, Global "
                 "Sensitivity Analysis: The Primer, ch. 1). The three strongest inputs per target. "
                 "抽样输入与“未达标”及指标值之间的 Spearman 秩相关。",
                 {sensitivity_table(s, names)}, {}});
  out.push_back({"4. 瓶颈 / Bottlenecks",
                 "What the event logs name on the way to a missed target: plan clauses late or not done, the unit or "
                 "zone that set a missed KPI, roads closed and units rerouted; counted over runs (ten per kind). "
                 "事件日志中与未达标相关的条款、单位/区域、封闭道路与绕行单位的出现次数。",
                 {bottleneck_table(s)}, {}});
  Section dist{"5. 指标分布 / KPI distributions",
               "Histograms on bins shared by the plans (Sturges' rule); dashed line: the target. “Never” counts runs "
               "where the KPI applied but the event never happened (it then scores 0). 指标分布直方图，虚线为目标值。",
               {distribution_table(s, names)},
               {}};
  if (svg) {
    std::vector<std::string> seen;
    for (const auto& e : s["kpis"])
      if (e.contains("histogram") && std::find(seen.begin(), seen.end(), e["kpi"].get<std::string>()) == seen.end()) {
        seen.push_back(e["kpi"]);
        dist.figures.push_back(histogram_svg(s, e["kpi"], names));
      }
  }
  out.push_back(dist);
  return out;
}

std::string header_md(const json& s) {
  std::ostringstream o;
  o << "# 蒙特卡洛预案检验 / Monte Carlo plan validation: " << s["scenario"].get<std::string>() << "\n\n"
    << "- 推演次数 / runs: " << s["runs"] << "\n- 集合种子 / ensemble seed: " << s["seed"] << "\n- 方案 / plans: ";
  for (auto& p : plans(s)) o << p << " ";
  o << "\n- 无响应基线 / no-response baselines: " << (s["baselines"].get<bool>() ? "yes" : "no")
    << "\n- 抽样输入 / sampled inputs: ";
  for (const auto& i : s["inputs"]) o << i.get<std::string>() << " ";
  o << "\n\n";
  return o.str();
}

} // namespace

std::string histogram_svg(const json& s, const std::string& kpi, const json& names) {
  const double W = 520, H = 220, L = 48, R = 12, T = 28, B = 40;
  std::vector<const json*> series;
  for (const auto& e : s["kpis"])
    if (e["kpi"] == kpi && e.contains("histogram")) series.push_back(&e);
  if (series.empty()) return "";
  const json& edges = (*series[0])["histogram"]["edges"];
  const std::size_t bins = edges.size() - 1;
  const double lo = edges.front(), hi = edges.back();
  long top = 1;
  for (auto* e : series)
    for (const auto& c : (*e)["histogram"]["counts"]) top = std::max(top, c.get<long>());
  const double pw = W - L - R, ph = H - T - B, bw = pw / double(bins);
  std::ostringstream o;
  o << "<svg xmlns='http://www.w3.org/2000/svg' width='" << W << "' height='" << H << "' viewBox='0 0 " << W << " " << H
    << "' font-family='sans-serif' font-size='11'>\n"
    << "<text x='" << L << "' y='16' font-size='12' font-weight='bold'>" << esc(kpi_name(names, kpi)) << "</text>\n";
  o << "<line x1='" << L << "' y1='" << T + ph << "' x2='" << L + pw << "' y2='" << T + ph << "' stroke='#333'/>\n"
    << "<line x1='" << L << "' y1='" << T << "' x2='" << L << "' y2='" << T + ph << "' stroke='#333'/>\n";
  for (std::size_t si = 0; si < series.size(); ++si) {
    const auto& counts = (*series[si])["histogram"]["counts"];
    const double w = bw / double(series.size());
    for (std::size_t b = 0; b < bins; ++b) {
      const double h = ph * counts[b].get<double>() / double(top);
      o << "<rect x='" << num(L + bw * double(b) + w * double(si), 4) << "' y='" << num(T + ph - h, 4) << "' width='"
        << num(std::max(0.5, w - 0.5), 4) << "' height='" << num(h, 4) << "' fill='" << kColours[si % 4] << "'/>\n";
    }
    o << "<rect x='" << L + pw - 150 << "' y='" << T + 14 * double(si) << "' width='10' height='10' fill='"
      << kColours[si % 4] << "'/><text x='" << L + pw - 136 << "' y='" << T + 9 + 14 * double(si) << "'>"
      << esc((*series[si])["plan"].get<std::string>()) << "</text>\n";
  }
  // Axis labels: counts at the top, values at the ends and the middle.
  o << "<text x='" << L - 4 << "' y='" << T + 4 << "' text-anchor='end'>" << top << "</text>\n"
    << "<text x='" << L - 4 << "' y='" << T + ph << "' text-anchor='end'>0</text>\n";
  for (double f : {0.0, 0.5, 1.0})
    o << "<text x='" << num(L + pw * f, 4) << "' y='" << T + ph + 14 << "' text-anchor='middle'>"
      << num(lo + (hi - lo) * f) << "</text>\n";
  o << "<text x='" << L + pw / 2 << "' y='" << H - 6 << "' text-anchor='middle'>" << esc(kpi_unit(names, kpi))
    << " · 推演次数 / runs per bin</text>\n";
  for (const auto& t : s["targets"])
    if (t["kpi"] == kpi && t["target"].is_number()) {
      const double v = t["target"];
      if (v >= lo && v <= hi && hi > lo) {
        const double x = L + pw * (v - lo) / (hi - lo);
        o << "<line x1='" << num(x, 4) << "' y1='" << T << "' x2='" << num(x, 4) << "' y2='" << T + ph
          << "' stroke='#d62728' stroke-dasharray='4 3'/><text x='" << num(x + 3, 4) << "' y='" << T + 10
          << "' fill='#d62728'>目标 target " << num(v) << "</text>\n";
      }
      break;
    }
  o << "</svg>\n";
  return o.str();
}

std::string report_markdown(const json& s, const json& names) {
  std::ostringstream o;
  o << header_md(s);
  for (const auto& sec : sections(s, names, false)) {
    o << "## " << sec.title << "\n\n" << sec.intro << "\n\n";
    for (const auto& t : sec.tables) o << (t.rows.empty() ? "(none / 无)\n" : t.md()) << "\n";
  }
  o << "Histograms: see report.html. 直方图见 report.html。\n";
  return o.str();
}

std::string report_html(const json& s, const json& names) {
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang='zh'><head><meta charset='utf-8'><title>Ensemble " << esc(s["scenario"])
    << "</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:1em auto;padding:0 1em}"
       "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}"
       "td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}svg{margin:4px}</style></head><body>\n";
  std::string head = header_md(s);
  // The header lines as HTML.
  std::istringstream in(head);
  std::string line;
  o << "<ul>";
  while (std::getline(in, line)) {
    if (line.rfind("# ", 0) == 0) o << "</ul><h1>" << esc(line.substr(2)) << "</h1><ul>";
    else if (line.rfind("- ", 0) == 0) o << "<li>" << esc(line.substr(2)) << "</li>";
  }
  o << "</ul>\n";
  for (const auto& sec : sections(s, names, true)) {
    o << "<h2>" << esc(sec.title) << "</h2>\n<p>" << esc(sec.intro) << "</p>\n";
    for (const auto& t : sec.tables) o << (t.rows.empty() ? "<p>(none / 无)</p>\n" : t.html());
    for (const auto& f : sec.figures) o << f;
  }
  o << "</body></html>\n";
  return o.str();
}

std::string console_summary(const json& s, const json& names) {
  std::ostringstream o;
  o << "hgdrill ensemble: " << s["scenario"].get<std::string>() << ", " << s["runs"] << " runs, seed " << s["seed"] << "\n";
  for (const auto& t : s["targets"])
    o << "  " << t["plan"].get<std::string>() << "  " << kpi_name(names, t["kpi"]) << ": P(met) = " << pct(t["p_meet"])
      << " " << ci_pct(t["ci95"]) << "\n";
  for (const auto& t : s["all_targets"])
    o << "  " << t["plan"].get<std::string>() << "  all targets / 全部目标: P(met) = " << pct(t["p_meet"]) << " "
      << ci_pct(t["ci95"]) << "\n";
  return o.str();
}

} // namespace hg::ensemble
