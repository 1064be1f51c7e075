/// @file
/// @brief `hgdrill score RUN_DIR [--rubric R] [--lang zh|en]`: re-scores a finished run from its
/// folder (event log + scenario) and rewrites scores.json, report.html and report.md.
#include "scoring/RunScorer.hpp"
#include "sim/cli/Command.hpp"
#include "sim/io/AtomicDir.hpp"
#include "sim/io/RunFolder.hpp"

#include <iostream>
#include <memory>

namespace hg::cli {

Runner add_score_command(CLI::App& app) {
  struct Args {
    std::string run_dir;
    hg::score::ScoreOptions opt;
    std::string out_dir;
  };
  auto a = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand("score", "Score a run folder and write its after-action report / 评估演练结果");
  sub->add_option("RUN_DIR", a->run_dir, "run folder written by hgdrill run")->required();
  sub->add_option("--rubric", a->opt.rubric_path, "rubric file (default: run.json, scenario, or per hazard)");
  sub->add_option("--lang", a->opt.lang, "report language zh|en (default from LANG/LC_ALL)")
      ->check(CLI::IsMember({"zh", "en"}));
  sub->add_option("--out", a->out_dir, "write the report here instead of RUN_DIR");
  return [a] {
    if (std::string err = hg::check_run_folder(a->run_dir); !err.empty()) {
      std::cerr << "score: " << err << "\n";
      return int(kInvalidInput);
    }
    if (!a->out_dir.empty()) try {
        hg::check_out_dir(a->out_dir, {"scores.json", true});
      } catch (const std::exception& e) {
        std::cerr << "score: " << e.what() << "\n";
        return int(kOutputError);
      }
    try {
      std::cout << hg::score::score_run(a->run_dir, a->opt, a->out_dir);
      return int(kOk);
    } catch (const hg::InputError& e) {
      std::cerr << e.diagnostics().str();
      return int(kInvalidInput);
    } catch (const hg::OutputRefused& e) {
      std::cerr << "score: " << e.what() << "\n";
      return int(kOutputError);
    } catch (const std::exception& e) {
      std::cerr << "score: " << e.what() << "\n";
      return int(kInvalidInput);
    }
  };
}

} // namespace hg::cli
