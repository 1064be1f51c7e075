#include "sim/run/RunPipeline.hpp"

#include "hg/Version.hpp"
#include "sim/engine/InputJournal.hpp"
#include "sim/engine/LiveRun.hpp"
#include "sim/io/AtomicDir.hpp"
#include "sim/run/CommandLineValues.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace hg {

namespace {

constexpr int kOk = 0, kRunFailed = 1, kUsage = 2, kInvalidInput = 3, kOutputError = 4;

int run_child(const std::vector<std::string>& args, bool silence_stdout) {
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    if (silence_stdout && !std::freopen("/dev/null", "w", stdout)) _exit(127);
    execv(argv[0], argv.data());
    _exit(127);
  }
  if (pid < 0) return 127;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/// The scorer read the staging folder; scores.json must name the folder the user will find.
void record_final_dir(const std::string& scores_json, const std::string& final_dir) {
  std::ifstream in(scores_json);
  if (!in) return;
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object() || !j.contains("run") || !j["run"].is_object()) return;
  j["run"]["dir"] = final_dir;
  write_file_atomic(scores_json, j.dump(2) + "\n");
}

} // namespace

std::string self_exe() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? "hgdrill" : p.string();
}

bool prepare_run(const RunRequest& req, Setup& setup, const RunHooks* hooks) {
  SetupOptions opt;
  opt.rubric_override = req.rubric;
  if (hooks) opt.check_rubric = hooks->check_rubric;
  opt.plan_override = req.plan;
  opt.no_plan = req.no_plan;
  opt.seed = req.seed;
  opt.draws.draw = !req.nominal;
  opt.draws.seed = req.seed;
  return load_setup(req.scenario, opt, setup, !req.quiet);
}

SimOptions sim_options(const RunRequest& req, const Setup& setup) {
  SimOptions o;
  o.seed = req.seed.value_or(setup.scenario->seed);
  o.no_response = req.no_response;
  o.cfg = req.cfg;
  return o;
}

std::unique_ptr<Simulation> simulate(Setup& setup, const SimOptions& opt, const std::vector<RunInput>& inputs,
                                     bool quiet) {
  const Scenario& sc = *setup.scenario;
  auto sim = std::make_unique<Simulation>(sc, opt, std::move(setup.hazards), setup.make_commanders());
  const bool bar = !quiet && isatty(2);
  auto show = [&](double t) {
    if (!bar) return;
    const int k = int(20 * t / sc.duration_s);
    std::fprintf(stderr, "\rhgdrill: simulating %-20s %3d%%  t = %.1f h  events = %zu",
                 std::string(size_t(std::max(0, k)), '#').c_str(), k * 5, t / 3600.0, sim->log().size());
  };
  // Journal inputs go in at their recorded times; between them the run is stepped in twentieths so
  // that a long run shows where it is (stepping does not change the log).
  size_t next = 0;
  std::vector<RunInput> ordered = inputs;
  std::stable_sort(ordered.begin(), ordered.end(), [](const RunInput& a, const RunInput& b) { return a.seq < b.seq; });
  for (int k = 1; k <= 20 && !sim->ended(); ++k) {
    const double stop = sc.duration_s * k / 20.0;
    while (next < ordered.size() && ordered[next].t_s <= stop && !sim->ended()) {
      RunInput in = ordered[next++];
      if (in.t_s > sim->now()) sim->run_until(in.t_s);
      if (sim->ended()) break;
      if (std::string err = sim->check(in); !err.empty())
        throw std::invalid_argument("journal input " + std::to_string(in.seq) + ": " + err);
      sim->apply(in);
    }
    sim->run_until(stop);
    show(sim->now());
  }
  sim->run();
  if (bar) std::fprintf(stderr, "\n");
  return sim;
}

void write_run(const Simulation& sim, const Setup& setup, const RunRequest& req, const std::string& dir,
               bool sqlite) {
  const Scenario& sc = *setup.scenario;
  const uint64_t seed = sim.options().seed;
  sim.log().write_jsonl(dir + "/events.jsonl");
  if (sqlite)
    sim.log().write_sqlite(dir + "/events.sqlite", {{"scenario", sc.file},
                                                  {"scenario_id", sc.id},
                                                  {"seed", std::to_string(seed)},
                                                  {"version", kVersion},
                                                  {"format", "events/1"}});
  // Paths are absolute, so that the folder can be re-scored from anywhere.
  auto abs = [](const std::string& p) { return std::filesystem::absolute(p).lexically_normal().string(); };
  nlohmann::json commanders = nlohmann::json::object();
  for (const auto& c : setup.commanders)
    commanders[c.post] = c.kind == "plan" ? nlohmann::json{{"kind", "plan"}, {"plan", abs(c.plan)}}
                                          : nlohmann::json{{"kind", c.kind}, {"person", c.person}};
  const Plan* lead = setup.lead_plan();
  nlohmann::json run_json = {
      {"scenario", sc.file},
      {"scenario_id", sc.id},
      {"seed", seed},
      {"version", kVersion},
      {"plan", lead ? nlohmann::json(abs(lead->file)) : nlohmann::json()},
      {"commanders", commanders},
      {"rubric", !req.rubric.empty() ? nlohmann::json(abs(req.rubric))
                 : sc.rubric_file.empty() ? nlohmann::json() : nlohmann::json(abs(sc.rubric_file))},
      {"no_response", req.no_response},
      {"nominal", req.nominal},
      {"draws", sc.draws},
      {"journal", req.journal.empty() ? nlohmann::json()
                                      : nlohmann::json(std::filesystem::absolute(req.journal).string())}};
  write_file_atomic(dir + "/run.json", run_json.dump(2) + "\n");
}

int run_baseline(const RunRequest& req, uint64_t seed, const std::string& dir) {
  std::vector<std::string> child = {self_exe(), "run",  req.scenario,  "--seed",    std::to_string(seed),
                                    "--out",    dir,    "--no-response", "--no-report", "--quiet"};
  if (req.nominal) child.push_back("--nominal");
  if (!req.journal.empty()) child.insert(child.end(), {"--journal", req.journal});
  for (auto& c : req.cfg)
    child.insert(child.end(), {"--cfg", c});
  return run_child(child, false);
}

void render_map_picture(const std::string& dir, double at_s, bool quiet) {
  const auto viz = std::filesystem::path(self_exe()).parent_path() / "hgdrill-viz";
  if (!std::filesystem::exists(viz)) return;
  std::vector<std::string> cmd;
  const char* display = std::getenv("DISPLAY");
  if (!(display && *display)) {
    if (!std::filesystem::exists("/usr/bin/xvfb-run")) return;
    cmd = {"/usr/bin/xvfb-run", "-a"};
  }
  cmd.insert(cmd.end(), {viz.string(), "render", dir, "--at", std::to_string(at_s), "--out", dir + "/map.png",
                         "--size", "1400x1000"});
  if (!quiet) std::cerr << "hgdrill: rendering the map picture…\n";
  run_child(cmd, true); // the renderer's chatter is not ours to show
}

int run_pipeline(const RunRequest& req, const RunHooks& hooks) {
  for (const auto& c : req.cfg)
    if (std::string err = check_cfg_option(c); !err.empty()) {
      std::cerr << "hgdrill: --cfg " << err << "\n";
      return kUsage;
    }
  Setup setup;
  if (!prepare_run(req, setup, &hooks)) return kInvalidInput;
  std::vector<RunInput> inputs;
  if (!req.journal.empty()) {
    try {
      inputs = JournalFile::read(req.journal);
    } catch (const std::exception& e) {
      std::cerr << "hgdrill: " << e.what() << "\n";
      return kInvalidInput;
    }
  }
  const Scenario& sc = *setup.scenario;
  const SimOptions opt = sim_options(req, setup);
  const std::string out = req.out.empty() ? "runs/" + sc.id + "-seed" + std::to_string(opt.seed) : req.out;
  try {
    OutPolicy policy;
    policy.force = req.force;
    AtomicDir dir(out, policy);
    if (!req.no_response && !req.no_baseline) {
      if (!req.quiet) std::cerr << "hgdrill: running the no-response baseline (same seed and draws)…\n";
      if (int rc = run_baseline(req, opt.seed, dir.file("baseline")); rc != 0) {
        std::cerr << "hgdrill: the baseline run failed (exit " << rc << ")\n";
        return kRunFailed;
      }
    }
    std::unique_ptr<Simulation> sim;
    try {
      sim = simulate(setup, opt, inputs, req.quiet);
    } catch (const std::invalid_argument& e) {
      std::cerr << "hgdrill: " << req.journal << ": " << e.what() << "\n";
      return kInvalidInput;
    }
    write_run(*sim, setup, req, dir.staging());
    std::string summary;
    if (!req.no_report) {
      if (hooks.render) hooks.render(dir.staging(), sc.duration_s, req.quiet);
      if (hooks.score) {
        if (!req.quiet) std::cerr << "hgdrill: scoring and writing the after-action report…\n";
        summary = hooks.score(dir.staging(), req.lang);
        record_final_dir(dir.file("scores.json"), out);
      }
    }
    dir.commit();
    if (!req.quiet) {
      std::cout << "hgdrill " << kVersion << ": " << sc.name.zh << " / " << sc.name.en << "\n"
                << "  seed " << opt.seed << ", " << sim->log().size() << " events, simulated "
                << sc.duration_s / 3600.0 << " h\n";
      if (!sc.draws.empty()) {
        std::cout << "  sampled inputs / 抽样输入:";
        for (auto it = sc.draws.begin(); it != sc.draws.end(); ++it) {
          char v[32];
          if (it.value().is_number()) std::snprintf(v, sizeof v, "%.4g", it.value().get<double>());
          std::cout << " " << it.key() << " = "
                    << (it.value().is_number() ? std::string(v)
                                               : it.value().is_string() ? it.value().get<std::string>()
                                                                        : it.value().dump());
        }
        std::cout << "\n";
      }
      if (!summary.empty()) std::cout << summary << (summary.back() == '\n' ? "" : "\n");
      std::cout << "  event log:  " << out << "/events.jsonl (and events.sqlite)\n";
      if (!req.no_report)
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

} // namespace hg
