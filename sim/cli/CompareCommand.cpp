/// @file
/// @brief `hgdrill compare RUN_A RUN_B [--out FILE.html]`: KPI values and scores side by side (plan vs
/// team, plan A vs plan B), both scored with run A's rubric; warns when the seeds differ.
#include "scoring/Compare.hpp"
#include "sim/cli/Command.hpp"
#include "sim/io/AtomicDir.hpp"
#include "sim/io/RunFolder.hpp"

#include <iostream>
#include <memory>

namespace hg::cli {

Runner add_compare_command(CLI::App& app) {
  struct Args {
    std::string a, b, out, rubric, lang;
    bool force = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand("compare", "Compare two scored runs side by side / 对比两次演练");
  sub->add_option("RUN_A", args->a, "first run folder")->required();
  sub->add_option("RUN_B", args->b, "second run folder")->required();
  sub->add_option("--out", args->out, "write an HTML comparison to this file");
  sub->add_option("--rubric", args->rubric, "rubric for both runs (default: run A's)");
  sub->add_flag("--force", args->force, "replace an existing file at --out");
  sub->add_option("--lang", args->lang, "language zh|en (default from LANG/LC_ALL)")->check(CLI::IsMember({"zh", "en"}));
  return [args] {
    for (const auto* dir : {&args->a, &args->b})
      if (std::string err = hg::check_run_folder(*dir); !err.empty()) {
        std::cerr << "compare: " << err << "\n";
        return int(kInvalidInput);
      }
    if (!args->out.empty()) try {
        hg::check_out_file(args->out, args->force);
      } catch (const std::exception& e) {
        std::cerr << "compare: " << e.what() << "\n";
        return int(kOutputError);
      }
    try {
      const std::string lang = hg::score::choose_lang(args->lang);
      auto a = hg::score::score_folder(args->a, args->rubric);
      auto b = hg::score::score_folder(args->b, a->rubric.file);
      for (const auto& w : hg::score::comparison_warnings(*a, *b, lang))
        std::cerr << "warning: " << w << "\n";
      std::cout << hg::score::compare_text(*a, *b, lang);
      if (!args->out.empty()) {
        try {
          hg::write_file_atomic(args->out, hg::score::compare_html(*a, *b, lang));
        } catch (const std::exception& e) {
          std::cerr << "compare: " << e.what() << "\n";
          return int(kOutputError);
        }
      }
      return int(kOk);
    } catch (const hg::InputError& e) {
      std::cerr << e.diagnostics().str();
      return int(kInvalidInput);
    } catch (const std::exception& e) {
      std::cerr << "compare: " << e.what() << "\n";
      return int(kInvalidInput);
    }
  };
}

} // namespace hg::cli
