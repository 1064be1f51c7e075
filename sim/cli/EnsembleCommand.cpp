/// @file
/// @brief `hgdrill ensemble SCENARIO --runs N`: argument handling and the scoring hook; the ensemble
/// itself is sim/ensemble (which does not depend on scoring/, so the KPIs come in through here).
#include "scoring/KpiCatalog.hpp"
#include "scoring/RunScorer.hpp"
#include "sim/cli/Command.hpp"
#include "sim/ensemble/Ensemble.hpp"
#include "sim/ensemble/MpiShare.hpp"

#include <set>

namespace hg::cli {

namespace {

struct EnsembleArgs {
  ensemble::EnsembleSpec spec;
  bool seed_given = false;
  bool no_baseline = false;
};

/// KPI values, targets and bottlenecks of one scored run folder.
nlohmann::json score_for_ensemble(const std::string& dir) {
  auto s = score::score_folder(dir, "");
  nlohmann::json kpis = nlohmann::json::array();
  std::set<std::string> subjects;
  for (const auto& v : s->analysis.kpis) {
    nlohmann::json k = {{"id", v.id}, {"applicable", v.applicable}, {"value", v.value ? nlohmann::json(*v.value) : nlohmann::json()}};
    if (const score::KpiScore* ks = s->scores.find(v.id); ks && ks->rule) {
      k["target"] = ks->rule->curve.target;
      k["better"] = ks->rule->curve.lower_is_better ? "lower" : "higher";
      k["met"] = ks->met;
      if (v.applicable && !ks->met && !v.subject.empty()) subjects.insert(v.subject);
    }
    kpis.push_back(k);
  }
  nlohmann::json clauses = nlohmann::json::array(), rerouted = nlohmann::json::array();
  for (const auto& c : s->analysis.clauses)
    if (c.status == "late" || c.status == "not_done") clauses.push_back(c.id);
  for (const auto& u : s->analysis.units)
    if (!u.reroutes.empty()) rerouted.push_back(u.unit);
  return {{"kpis", kpis},
          {"bottlenecks", {{"clause", clauses}, {"subject", subjects}, {"road", s->analysis.closed_roads}, {"rerouted", rerouted}}}};
}

nlohmann::json kpi_names() {
  nlohmann::json n = nlohmann::json::object();
  for (const auto& k : score::kpi_catalog()) n[k.id] = {{"zh", k.name.zh}, {"en", k.name.en}, {"unit", k.unit}};
  return n;
}

} // namespace

Runner add_ensemble_command(CLI::App& app) {
  auto a = std::make_shared<EnsembleArgs>();
  CLI::App* c = app.add_subcommand(
      "ensemble", "Play a scenario N times with sampled inputs: probability of meeting each target / 蒙特卡洛预案检验");
  c->add_option("scenario", a->spec.scenario, "Scenario file (scenario/1 YAML)")->required();
  c->add_option("--runs", a->spec.runs, "Number of replicas N")->required()->check(CLI::PositiveNumber);
  c->add_option("--jobs", a->spec.jobs, "Simulations at once on this machine (default 1)")->check(CLI::PositiveNumber);
  c->add_option("--seed", a->spec.seed, "Ensemble seed S; replica k draws from (S, k) (default: the scenario's)")
      ->each([a](const std::string&) { a->seed_given = true; });
  c->add_option("--plan", a->spec.plans,
                "Plan to play at the lead post (repeat for a paired comparison on the same draws; default: the scenario's)");
  c->add_option("--out", a->spec.out, "Output folder (resumed if it holds the same ensemble)")->required();
  c->add_flag("--no-baseline", a->no_baseline, "Skip the no-response baselines (no lives-saved KPIs)");
  c->add_flag("--keep-runs", a->spec.keep_runs, "Keep every replica's event logs in OUT/runs/");
  c->add_flag("--quiet", a->spec.quiet, "Print nothing but errors");
  return [a] {
    a->spec.baselines = !a->no_baseline;
    const ensemble::Share share = ensemble::mpi_start();
    if (share.rank != 0) a->spec.quiet = true;
    ensemble::EnsembleHooks hooks;
    hooks.score = score_for_ensemble;
    hooks.check_rubric = score::check_rubric_for;
    hooks.kpi_names = kpi_names();
    const int rc = ensemble::run_ensemble(a->spec, a->seed_given, hooks, share, ensemble::mpi_gather(),
                                           ensemble::mpi_broadcast());
    ensemble::mpi_finish();
    return rc;
  };
}

} // namespace hg::cli
