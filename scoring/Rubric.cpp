/// @file
/// @brief Rubric loader. It walks the file once with YamlCursor so that every error is reported at
/// once, and checks what a trainer gets wrong most: KPI ids, weights that do not add up, targets on
/// the wrong side of the fail value, and targets without a source.
#include "scoring/Rubric.hpp"

#include "scoring/KpiCatalog.hpp"
#include "sim/io/YamlReader.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace hg::score {

namespace {

std::string suggest_kpi(const std::string& id) {
  std::string best;
  size_t best_d = 6;
  for (const auto& k : kpi_catalog()) {
    const size_t d = edit_distance(id, k.id);
    if (d < best_d) {
      best_d = d;
      best = k.id;
    }
  }
  return best.empty() ? " (the KPI ids are listed in docs/scoring.md)" : " (did you mean '" + best + "'?)";
}

Text text_of(const YamlCursor& c, const std::string& key) {
  if (!c.has(key))
    return {};
  YamlCursor t = c[key];
  if (!t.is_map()) {
    t.error("expected {zh: ..., en: ...}");
    return {};
  }
  return {t.str("zh"), t.str("en")};
}

RubricKpi read_kpi(const YamlCursor& c, std::set<std::string>& seen) {
  c.only_keys({"kpi", "curve", "target", "fail", "partial", "better", "weight", "src", "note", "clock"});
  RubricKpi k;
  k.kpi = c.str("kpi");
  const KpiInfo* info = find_kpi(k.kpi);
  if (!k.kpi.empty() && !info)
    c["kpi"].error("unknown KPI \"" + k.kpi + "\"" + suggest_kpi(k.kpi));
  if (!k.kpi.empty() && !seen.insert(k.kpi).second)
    c["kpi"].error("KPI \"" + k.kpi + "\" appears twice in this rubric");
  const std::string curve = c.opt_str("curve", "linear");
  if (curve == "linear")
    k.curve.kind = CurveKind::kLinear;
  else if (curve == "step")
    k.curve.kind = CurveKind::kStep;
  else
    c["curve"].error("expected linear|step (got \"" + curve + "\")");
  k.curve.target = c.num("target");
  k.curve.fail = c.has("fail") || k.curve.kind == CurveKind::kLinear ? c.num("fail") : k.curve.target;
  k.curve.partial = c.opt_num("partial", 50, Range::closed(0, 100));
  const std::string better = c.opt_str("better", info ? (info->lower_is_better ? "lower" : "higher") : "lower");
  if (better != "lower" && better != "higher")
    c["better"].error("expected lower|higher (got \"" + better + "\")");
  k.curve.lower_is_better = better != "higher";
  k.weight = c.opt_num("weight", 1, Range::non_negative());
  if (k.curve.kind == CurveKind::kLinear && k.curve.fail == k.curve.target)
    c["fail"].error("a linear curve needs fail != target (use curve: step for pass/fail)");
  else if (k.curve.lower_is_better && k.curve.fail < k.curve.target)
    c["fail"].error("lower is better here, so fail must be above the target (" + fmt_num(k.curve.target, 6) + ")");
  else if (!k.curve.lower_is_better && k.curve.fail > k.curve.target)
    c["fail"].error("higher is better here, so fail must be below the target (" + fmt_num(k.curve.target, 6) +
                    ")");
  if (c.has("clock")) {
    k.clock = c.str("clock");
    if (!find_clock(k.clock)) {
      std::string ids;
      for (const auto& ck : kpi_clocks())
        ids += (ids.empty() ? "" : "|") + ck.id;
      c["clock"].error("unknown clock start \"" + k.clock + "\" (expected " + ids + ")");
    } else if (info && info->unit != "min" && info->unit != "h") {
      c["clock"].error("\"" + k.kpi + "\" is not a time KPI (unit " + info->unit + "), so it has no clock");
    } else if (k.kpi.rfind("relay_", 0) == 0) {
      c["clock"].error("\"" + k.kpi + "\" is an interval between two reports; it has no clock start");
    }
  }
  // A rubric target with no source is an opinion; the provenance rule applies to every KPI entry.
  k.src = c.opt_str("src");
  if (k.src.empty())
    c.error("missing src: cite where the target comes from, or write 'estimated: how'");
  return k;
}

Rubric read(const std::optional<YamlFile>& f) {
  Rubric rb;
  if (!f || !f->expect_kind("rubric"))
    return rb;
  rb.file = f->path();
  YamlCursor r = f->root();
  r.only_keys({"hgdrill", "id", "name", "hazard", "capabilities", "src", "note"});
  rb.id = r.id();
  auto [zh, en] = r.names();
  rb.name = {zh, en};
  rb.hazard = r.opt_str("hazard", "any");
  std::set<std::string> seen_kpis, seen_caps;
  double weight_sum = 0;
  const auto caps = r.seq("capabilities", true);
  for (const auto& c : caps) {
    c.only_keys({"id", "zh", "en", "name", "objective", "agency", "weight", "kpis", "src", "note"});
    Capability cap;
    cap.id = c.id();
    if (!cap.id.empty() && !seen_caps.insert(cap.id).second)
      c["id"].error("capability \"" + cap.id + "\" appears twice");
    auto [czh, cen] = c.names();
    cap.name = {czh, cen};
    cap.objective = text_of(c, "objective");
    cap.agency = text_of(c, "agency");
    cap.weight = c.num("weight", Range::closed(0, 1));
    weight_sum += cap.weight;
    if (c.opt_str("src").empty())
      c.error("missing src: say where the capability weight comes from (or 'estimated: ...')");
    double kpi_weights = 0;
    bool bad_weight = false; // already reported; do not add a second error about the sum
    for (const auto& kc : c.seq("kpis", true)) {
      cap.kpis.push_back(read_kpi(kc, seen_kpis));
      bad_weight = bad_weight || cap.kpis.back().weight < 0;
      kpi_weights += std::max(0.0, cap.kpis.back().weight);
    }
    if (cap.weight > 0 && !cap.kpis.empty() && kpi_weights <= 0 && !bad_weight)
      c["kpis"].error("every KPI has weight 0, so this capability (weight " + fmt_num(cap.weight, 6) +
                      ") could never be scored");
    rb.capabilities.push_back(std::move(cap));
  }
  if (!caps.empty() && std::fabs(weight_sum - 1.0) > 1e-6)
    r["capabilities"].error("capability weights must add up to 1 (got " + fmt_num(weight_sum, 6) + ")");
  return rb;
}

} // namespace

const RubricKpi* Rubric::find(const std::string& kpi, const Capability** cap) const {
  for (const auto& c : capabilities)
    for (const auto& k : c.kpis)
      if (k.kpi == kpi) {
        if (cap)
          *cap = &c;
        return &k;
      }
  return nullptr;
}

std::map<std::string, std::string> Rubric::clocks() const {
  std::map<std::string, std::string> out;
  for (const auto& c : capabilities)
    for (const auto& k : c.kpis)
      if (!k.clock.empty()) out[k.kpi] = k.clock;
  return out;
}

const std::vector<ClockInfo>& kpi_clocks() {
  static const std::vector<ClockInfo> c = {
      {"incident_start", {"事故(事件)发生", "the incident start"}},
      {"first_report", {"首次收到事故报告", "the first incident report"}},
      // Per zone; a zone that saw only the other event counts from that one (docs/scoring.md, "Clocks").
      {"hazard_reached", {"灾害到达(或转移)该区域", "the hazard reaching the zone (or its evacuation)"}},
      {"evacuation_order", {"下达转移令(或灾害到达)", "the evacuation order (or the hazard's arrival)"}},
  };
  return c;
}

const ClockInfo* find_clock(const std::string& id) {
  for (const auto& c : kpi_clocks())
    if (c.id == id) return &c;
  return nullptr;
}

Rubric load_rubric(const std::string& path, Diagnostics& diag) {
  Rubric r = read(YamlFile::load(path, diag));
  r.file = path;
  return r;
}

Rubric parse_rubric(const std::string& text, const std::string& name, Diagnostics& diag) {
  return read(YamlFile::parse(text, name, diag));
}

} // namespace hg::score
