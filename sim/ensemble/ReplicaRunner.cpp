#include "sim/ensemble/ReplicaRunner.hpp"

#include "sim/io/AtomicDir.hpp"
#include "sim/run/RunPipeline.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace fs = std::filesystem;

namespace hg::ensemble {

namespace {

RunRequest request(const EnsembleSpec& spec, uint64_t seed, std::size_t plan) {
  RunRequest r;
  r.scenario = spec.scenario;
  r.seed = seed;
  if (plan < spec.plans.size()) r.plan = spec.plans[plan];
  r.no_baseline = true;
  r.no_report = true;
  r.quiet = true;
  return r;
}

/// Child: simulate one plan, write its log, score it, write result.json. Never returns.
/// `loaded`: this plan's setup, loaded by the parent before the fork (else loaded here).
[[noreturn]] void plan_child(const EnsembleSpec& spec, uint64_t seed, std::size_t plan, const std::string& dir,
                             const std::string& baseline, const ReplicaScorer& scorer, Setup* loaded) {
  int rc = 0;
  try {
    const RunRequest req = request(spec, seed, plan);
    Setup own;
    if (!loaded && !prepare_run(req, own)) _exit(3);
    Setup& setup = loaded ? *loaded : own;
    auto sim = simulate(setup, sim_options(req, setup), {}, true);
    fs::create_directories(dir);
    write_run(*sim, setup, req, dir, spec.keep_runs); // kept folders are whole run folders
    if (!baseline.empty()) fs::create_directory_symlink(fs::relative(baseline, dir), dir + "/baseline");
    nlohmann::json r = scorer(dir);
    r["events"] = sim->log().size();
    r["draws"] = setup.scenario->draws;
    write_file_atomic(dir + "/result.json", r.dump());
  } catch (const std::exception& e) {
    std::cerr << "hgdrill ensemble: " << dir << ": " << e.what() << "\n";
    rc = 1;
  }
  std::fflush(nullptr);
  _exit(rc); // skip the engine's teardown and the parent's atexit handlers (MPI)
}

/// Child: the no-response baseline of this replica (what `hgdrill run --no-response` writes as
/// events.jsonl), forked rather than started anew so that it reuses the parent's parsed files.
/// `setup`: the first plan's setup with this replica's draws; without a response no commander is
/// asked, so which plan it holds changes nothing in the log.
[[noreturn]] void baseline_child(const EnsembleSpec& spec, uint64_t seed, const std::string& dir, Setup& setup) {
  int rc = 0;
  try {
    RunRequest req = request(spec, seed, 0);
    req.plan.clear();
    req.no_response = true;
    auto sim = simulate(setup, sim_options(req, setup), {}, true);
    fs::create_directories(dir);
    sim->log().write_jsonl(dir + "/events.jsonl");
  } catch (const std::exception& e) {
    std::cerr << "hgdrill ensemble: " << dir << ": " << e.what() << "\n";
    rc = 1;
  }
  std::fflush(nullptr);
  _exit(rc);
}

int wait_child(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return 127;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

} // namespace

std::string record_path(const std::string& out, std::size_t k) {
  char name[32];
  std::snprintf(name, sizeof name, "%06zu.json", k);
  return out + "/replicas/" + name;
}

int run_replica(const EnsembleSpec& spec, std::size_t k, const ReplicaScorer& scorer) {
  const uint64_t seed = replica_seed(spec.seed, k);
  const std::string work = spec.out + "/runs/" + std::to_string(k);
  std::error_code ec;
  fs::remove_all(work, ec); // left over from an interrupted attempt
  fs::create_directories(work, ec);
  // Loaded once here, before any fork: the baseline and the first plan simulate copies of it (each
  // fork has its own copy-on-write memory), instead of each child loading and checking it again.
  Setup first;
  if (!prepare_run(request(spec, seed, 0), first)) {
    std::cerr << "hgdrill ensemble: replica " << k << ": the scenario did not load with its draws\n";
    return 3;
  }
  std::string baseline;
  if (spec.baselines) {
    baseline = work + "/baseline";
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid == 0) baseline_child(spec, seed, baseline, first);
    if (int rc = pid < 0 ? 1 : wait_child(pid); rc != 0) {
      std::cerr << "hgdrill ensemble: replica " << k << ": the no-response baseline failed (exit " << rc << ")\n";
      return rc;
    }
  }
  const std::size_t n_plans = std::max<std::size_t>(1, spec.plans.size());
  nlohmann::json rec = {{"replica", k}, {"seed", seed}, {"draws", nlohmann::json::object()},
                        {"plans", nlohmann::json::array()}};
  for (std::size_t p = 0; p < n_plans; ++p) {
    const std::string dir = work + "/" + std::to_string(p);
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid == 0) plan_child(spec, seed, p, dir, baseline, scorer, p == 0 ? &first : nullptr);
    if (pid < 0) return 1;
    if (int rc = wait_child(pid); rc != 0) {
      std::cerr << "hgdrill ensemble: replica " << k << ", plan " << spec.labels.at(p) << " failed (exit " << rc
                << ")\n";
      return rc;
    }
    std::ifstream in(dir + "/result.json");
    nlohmann::json r = nlohmann::json::parse(in);
    if (p == 0) rec["draws"] = r["draws"];
    r.erase("draws");
    r["plan"] = spec.labels.at(p);
    rec["plans"].push_back(std::move(r));
  }
  fs::create_directories(spec.out + "/replicas", ec);
  write_file_atomic(record_path(spec.out, k), rec.dump() + "\n");
  if (!spec.keep_runs) fs::remove_all(work, ec);
  return 0;
}

} // namespace hg::ensemble
