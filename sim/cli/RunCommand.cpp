/// @file
/// @brief `hgdrill run SCENARIO`: load and check everything, run the no-response baseline in a child
/// process (SimGrid allows one Engine per process), run the scenario with its plan, write the log,
/// render the map picture, score, and move the complete folder into place.
#include "hg/Version.hpp"
#include "scoring/RunScorer.hpp"
#include "sim/cli/Command.hpp"
#include "sim/engine/Simulation.hpp"
#include "sim/io/AtomicDir.hpp"
#include "sim/plan/ScenarioSetup.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sys/wait.h>

namespace hg::cli {

namespace {

struct RunArgs {
  std::string scenario;
  uint64_t seed = 0;
  bool seed_given = false;
  std::string out;
  std::string plan;
  bool no_plan = false;
  bool no_response = false;
  bool no_baseline = false;
  bool no_report = false;
  std::string lang;
  std::vector<std::string> cfg;
  bool quiet = false;
};

std::string self_exe() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? "hgdrill" : p.string();
}

int run_child(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/// Renders the map picture with the viewer program beside us, if it is installed and a display (or
/// xvfb-run) is available. Missing pieces only mean no picture: the report then draws an SVG map.
void render_map(const std::string& dir, double at_s, bool quiet) {
  const auto viz = std::filesystem::path(self_exe()).parent_path() / "hgdrill-viz";
  if (!std::filesystem::exists(viz)) return;
  std::vector<std::string> cmd;
  const bool has_display = std::getenv("DISPLAY") && *std::getenv("DISPLAY");
  if (!has_display) {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) return;
    cmd = {"/usr/bin/xvfb-run", "-a"};
  }
  cmd.insert(cmd.end(), {viz.string(), "render", dir, "--at", std::to_string(at_s), "--out", dir + "/map.png",
                         "--size", "1400x1000"});
  if (!quiet) std::cerr << "hgdrill: rendering the map picture…\n";
  std::vector<char*> argv;
  for (auto& a : cmd)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    // The renderer's chatter is not ours to show.
    freopen("/dev/null", "w", stdout);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
}

int run(const RunArgs& a) {
  Setup setup;
  if (!load_setup(a.scenario, a.plan, a.no_plan, setup, !a.quiet)) return kInvalidInput;
  const Scenario& sc = *setup.scenario;
  const uint64_t seed = a.seed_given ? a.seed : sc.seed;
  const std::string out = a.out.empty() ? "runs/" + sc.id + "-seed" + std::to_string(seed) : a.out;

  try {
    AtomicDir dir(out);
    if (!a.no_response && !a.no_baseline) {
      if (!a.quiet) std::cerr << "hgdrill: running the no-response baseline (same seed)…\n";
      std::vector<std::string> child = {self_exe(),           "run",    a.scenario,           "--seed",
                                        std::to_string(seed), "--out",  dir.file("baseline"), "--no-response",
                                        "--no-report",        "--quiet"};
      for (auto& c : a.cfg)
        child.insert(child.end(), {"--cfg", c});
      if (int rc = run_child(child); rc != 0) {
        std::cerr << "hgdrill: the baseline run failed (exit " << rc << ")\n";
        return kRunFailed;
      }
    }
    SimOptions opt;
    opt.seed = seed;
    opt.no_response = a.no_response;
    opt.cfg = a.cfg;
    // Hazards built during checking used the scenario's seed; rebuild them with the run's seed.
    Diagnostics hdiag;
    auto hazards = seed == sc.seed ? std::move(setup.hazards) : make_hazards(sc, seed, hdiag);
    Simulation sim(sc, opt, std::move(hazards), setup.make_commander());
    // Step in twentieths so that a long run shows where it is.
    for (int k = 1; k <= 20; ++k) {
      sim.run_until(sc.duration_s * k / 20.0);
      if (!a.quiet && isatty(2))
        std::fprintf(stderr, "\rhgdrill: simulating %-20s %3d%%  t = %.1f h  events = %zu",
                     std::string(k, '#').c_str(), k * 5, sim.now() / 3600.0, sim.log().size());
    }
    sim.run();
    if (!a.quiet && isatty(2)) std::fprintf(stderr, "\n");

    sim.log().write_jsonl(dir.file("events.jsonl"));
    sim.log().write_sqlite(dir.file("events.sqlite"), {{"scenario", sc.file},
                                                       {"scenario_id", sc.id},
                                                       {"seed", std::to_string(seed)},
                                                       {"version", kVersion},
                                                       {"format", "events/1"}});
    nlohmann::json run_json = {
        {"scenario", sc.file},
        {"scenario_id", sc.id},
        {"seed", seed},
        {"version", kVersion},
        {"plan", setup.plan ? nlohmann::json(setup.plan->file) : nlohmann::json()},
        {"rubric", sc.rubric_file.empty() ? nlohmann::json() : nlohmann::json(sc.rubric_file)},
        {"no_response", a.no_response}};
    write_file_atomic(dir.file("run.json"), run_json.dump(2) + "\n");

    std::string summary;
    if (!a.no_report) {
      render_map(dir.staging(), sc.duration_s, a.quiet);
      if (!a.quiet) std::cerr << "hgdrill: scoring and writing the after-action report…\n";
      score::ScoreOptions so;
      so.lang = a.lang;
      summary = score::score_run(dir.staging(), so);
    }
    dir.commit();
    if (!a.quiet) {
      std::cout << "hgdrill " << kVersion << ": " << sc.name.zh << " / " << sc.name.en << "\n"
                << "  seed " << seed << ", " << sim.log().size() << " events, simulated "
                << sc.duration_s / 3600.0 << " h\n";
      if (!summary.empty()) std::cout << summary << (summary.back() == '\n' ? "" : "\n");
      std::cout << "  event log:  " << out << "/events.jsonl (and events.sqlite)\n";
      if (!a.no_report)
        std::cout << "  report:     " << std::filesystem::absolute(out + "/report.html").string() << "\n";
    }
  } catch (const InputError& e) {
    std::cerr << e.diagnostics().str();
    return kInvalidInput;
  } catch (const std::exception& e) {
    std::cerr << "hgdrill: " << e.what() << "\n";
    return kOutputError;
  }
  return kOk;
}

} // namespace

Runner add_run_command(CLI::App& app) {
  auto a = std::make_shared<RunArgs>();
  CLI::App* c =
      app.add_subcommand("run", "Play a scenario (with its plan) and write the log and report / 推演");
  c->add_option("scenario", a->scenario, "Scenario file (scenario/1 YAML)")->required();
  c->add_option("--seed", a->seed, "Random seed (default: the scenario's)")->each([a](const std::string&) {
    a->seed_given = true;
  });
  c->add_option("--out", a->out, "Output folder (default runs/<scenario>-seed<N>)");
  c->add_option("--plan", a->plan, "Play this plan instead of the scenario's");
  c->add_flag("--no-plan", a->no_plan, "Run without an automatic commander");
  c->add_flag("--no-response", a->no_response, "Nobody responds (the baseline for lives saved)");
  c->add_flag("--no-baseline", a->no_baseline, "Skip the no-response baseline run");
  c->add_flag("--no-report", a->no_report, "Write only the log");
  c->add_option("--lang", a->lang, "Report language zh|en (default from the locale)")
      ->check(CLI::IsMember({"zh", "en"}));
  c->add_option("--cfg", a->cfg, "Extra SimGrid option, e.g. contexts/factory:thread (repeatable)");
  c->add_flag("--quiet", a->quiet, "Print nothing but errors");
  return [a] { return run(*a); };
}

} // namespace hg::cli
