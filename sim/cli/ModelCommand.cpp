/// @file
/// @brief `hgdrill model NAME`: every calculator the hazard folders contribute (sim/hazards/Calculator.hpp),
/// as sub-commands. This file names no hazard: the list comes from the hazard registry.
#include "sim/cli/Command.hpp"
#include "sim/hazards/HazardRegistry.hpp"

#include <cstdio>
#include <iostream>
#include <unistd.h>
#include <map>
#include <regex>
#include <sstream>
#include <memory>

namespace hg::cli {

Runner add_model_command(CLI::App& app) {
  CLI::App* model = app.add_subcommand("model", "Hazard model calculators / 灾害模型计算器 (SI units)");
  model->require_subcommand(1);
  auto runners = std::make_shared<std::map<CLI::App*, std::function<int()>>>();
  for (const Calculator& c : all_calculators()) {
    CLI::App* sub = model->add_subcommand(c.name, c.help);
    (*runners)[sub] = c.add(*sub);
  }
  return [runners]() -> int {
    for (const auto& [sub, run] : *runners) {
      if (!sub->parsed()) continue;
      // A result that overflowed (inputs in range, but too large together) is refused rather
      // than printed as null, inf or nan with exit 0. Calculators print with iostreams and stdio,
      // so the output is caught at the file descriptor.
      std::cout.flush();
      std::fflush(stdout);
      FILE* tmp = std::tmpfile();
      const int saved = tmp ? ::dup(1) : -1;
      if (saved < 0) return run();
      ::dup2(::fileno(tmp), 1);
      int rc = kRunFailed;
      try {
        rc = run();
      } catch (...) {
        std::cout.flush();
        std::fflush(stdout);
        ::dup2(saved, 1);
        ::close(saved);
        throw;
      }
      std::cout.flush();
      std::fflush(stdout);
      ::dup2(saved, 1);
      ::close(saved);
      std::string out;
      std::rewind(tmp);
      char buf[4096];
      for (size_t n; (n = std::fread(buf, 1, sizeof buf, tmp)) > 0;)
        out.append(buf, n);
      std::fclose(tmp);
      static const std::regex kNotFinite(R"((^|[^A-Za-z_])(null|-?inf|-?nan)([^A-Za-z_]|$))");
      if (rc == kOk && std::regex_search(out, kNotFinite)) {
        std::cerr << "hgdrill model " << sub->get_name()
                  << ": error: the result is not a finite number; the inputs are too large together\n";
        return kInvalidInput;
      }
      std::cout << out << std::flush;
      return rc;
    }
    return kUsage;
  };
}

} // namespace hg::cli
