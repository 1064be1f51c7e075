/// @file
/// @brief `hgdrill reveal DIR`: after a double-blind drill, prints the sealed draw and the secret, and
/// checks that the draw follows from the secret, that the template file is unchanged, and that both
/// hash to the commitment published at start. Exit 0 when everything matches, 1 when not.
#include "sim/cli/Command.hpp"
#include "sim/drill/DrillJournal.hpp"
#include "sim/drill/SealedDraw.hpp"

#include <filesystem>
#include <iostream>

namespace hg::cli {

Runner add_reveal_command(CLI::App& app) {
  auto dir = std::make_shared<std::string>();
  CLI::App* c = app.add_subcommand("reveal", "Reveal and verify a double-blind draw / 公布并核验双盲抽签");
  c->add_option("session", *dir, "Session folder of the drill")->required();
  return [dir]() -> int {
    const std::string j = *dir + "/journal.sqlite";
    if (!std::filesystem::exists(j)) {
      std::cerr << "hgdrill reveal: " << *dir << " holds no drill (no journal.sqlite)\n";
      return kInvalidInput;
    }
    try {
      DrillJournal journal(j);
      const std::string secret = journal.meta("secret").value_or(""),
                        commitment = journal.meta("commitment").value_or("");
      if (secret.empty() || commitment.empty()) {
        std::cerr << "hgdrill reveal: this drill was not double-blind (no sealed draw)\n";
        return kInvalidInput;
      }
      Diagnostics diag;
      Exercise ex = load_exercise(journal.meta("exercise").value_or(""), diag);
      if (diag.has_errors()) {
        std::cerr << diag.str();
        return kInvalidInput;
      }
      const Draw d = draw_from_secret(ex, secret);
      const std::string again = commitment_of(d, secret);
      std::cout << "exercise:    " << ex.id << " (" << ex.name.zh << " / " << ex.name.en << ")\n"
                << "draw:        " << d.canonical() << "\n"
                << "scenario:    " << d.scenario << "\n"
                << "seed:        " << d.seed << "\n"
                << "start:       " << format_iso_time(d.start_epoch_s) << "\n"
                << "secret:      " << secret << "\n"
                << "commitment:  " << commitment << " (published at start)\n"
                << "recomputed:  " << again << " = sha256(draw + secret)\n";
      if (!std::filesystem::exists(*dir + "/results.json"))
        std::cerr << "warning: the drill has not ended yet; do not show this to the players\n";
      if (again != commitment) {
        std::cout
            << "MISMATCH: the draw does not hash to the commitment (the exercise, its pool or the template "
               "file changed) / 核验失败\n";
        return kRunFailed;
      }
      std::cout << "OK: the draw matches the commitment / 核验通过\n";
      return kOk;
    } catch (const std::exception& e) {
      std::cerr << "hgdrill reveal: " << e.what() << "\n";
      return kRunFailed;
    }
  };
}

} // namespace hg::cli
