/// @file
/// @brief `hgdrill run SCENARIO`: argument handling only; the run itself is the pipeline in
/// sim/run/RunPipeline (load → draw → simulate → write → baseline → render → score).
#include "scoring/RunScorer.hpp"
#include "sim/cli/Command.hpp"
#include "sim/run/CommandLineValues.hpp"
#include "sim/run/RunPipeline.hpp"

#include <iostream>

namespace hg::cli {

namespace {
struct RunArgs {
  RunRequest req;
  std::string seed; ///< checked by parse_seed: CLI11 would wrap -1 to 2^64-1
  bool seed_given = false;
};
} // namespace

Runner add_run_command(CLI::App& app) {
  auto a = std::make_shared<RunArgs>();
  CLI::App* c =
      app.add_subcommand("run", "Play a scenario (with its plan) and write the log and report / 推演");
  c->add_option("scenario", a->req.scenario, "Scenario file (scenario/1 YAML)")->required();
  c->add_option("--seed", a->seed, "Random seed of the run and of its sampled inputs (default: the scenario's)")
      ->each([a](const std::string&) { a->seed_given = true; });
  c->add_flag("--nominal", a->req.nominal, "Use the uncertain inputs as written instead of drawing them");
  c->add_option("--out", a->req.out, "Output folder (default runs/<scenario>-seed<N>)");
  c->add_option("--plan", a->req.plan, "Play this plan at the lead post instead of the scenario's");
  c->add_option("--rubric", a->req.rubric, "Score with this rubric instead of the scenario's (checked before the run)");
  c->add_flag("--no-plan", a->req.no_plan, "Run without any commander");
  c->add_option("--journal", a->req.journal, "Replay the outside inputs of this journal (a drill's inputs.jsonl)");
  c->add_flag("--no-response", a->req.no_response, "Nobody responds (the baseline for lives saved)");
  c->add_flag("--no-baseline", a->req.no_baseline, "Skip the no-response baseline run");
  c->add_flag("--no-report", a->req.no_report, "Write only the log");
  c->add_option("--lang", a->req.lang, "Report language zh|en (default from the locale)")
      ->check(CLI::IsMember({"zh", "en"}));
  c->add_option("--cfg", a->req.cfg, "Extra SimGrid option, e.g. contexts/factory:thread (repeatable)");
  c->add_flag("--quiet", a->req.quiet, "Print nothing but errors");
  c->add_flag("--force", a->req.force, "Replace an earlier run folder at --out (never anything else)");
  return [a] {
    if (a->seed_given) {
      std::string err;
      auto seed = parse_seed(a->seed, err);
      if (!seed) {
        std::cerr << "hgdrill run: --seed: " << err << "\n";
        return int(kUsage);
      }
      a->req.seed = *seed;
    }
    RunHooks hooks;
    hooks.render = render_map_picture;
    hooks.score = [](const std::string& dir, const std::string& lang) {
      score::ScoreOptions so; // the rubric is the one run.json records (checked before the run)
      so.lang = lang;
      return score::score_run(dir, so);
    };
    if (!a->req.no_report) hooks.check_rubric = score::check_rubric_for;
    return run_pipeline(a->req, hooks);
  };
}

} // namespace hg::cli
