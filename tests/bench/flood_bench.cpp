// Flood model cost: the bundled 2013-type Songhua/Amur flood run for 10 days at 10-minute steps over
// all its reaches, gauges, levees and zones, against the same engine and world with no hazard (the
// empty engine), each in its own process (one SimGrid Engine per process), in the same run.
// Usage: bench_flood [scenario]   (default scenarios/flood/songhua-2013.yaml)
#include "sim/engine/Simulation.hpp"
#include "sim/hazards/flood/FloodLoader.hpp"
#include "sim/hazards/flood/FloodModel.hpp"
#include "sim/plan/ScenarioSetup.hpp"

#include <chrono>
#include <cstdio>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {
double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

int run_one(const std::string& scenario, bool with_flood) {
  hg::Setup setup;
  if (!hg::load_setup(scenario, "", true, setup, false)) return 3;
  hg::Scenario& sc = *setup.scenario;
  sc.duration_s = 240 * 3600.0; // 10 days
  std::vector<std::unique_ptr<hg::Hazard>> hazards;
  if (with_flood)
    for (const auto& spec : sc.hazard_specs) {
      hg::Diagnostics d;
      hg::flood::FloodConfig cfg = hg::flood::load_flood_config(spec.reporting_to(d), sc.world);
      cfg.step_s = 600; // 10-minute steps
      cfg.gauge_report_every_steps = 6;
      hazards.push_back(std::make_unique<hg::flood::FloodModel>(std::move(cfg), uint64_t(1)));
    }
  hg::SimOptions opt;
  opt.no_response = true;
  const double t0 = now_s();
  hg::Simulation sim(sc, opt, std::move(hazards), nullptr);
  sim.run();
  std::printf("%.6f %zu\n", now_s() - t0, sim.log().size());
  return 0;
}

struct Timing {
  double wall_s = 0;
  long events = 0;
};

Timing child(const char* self, const std::string& scenario, const char* mode) {
  int fd[2];
  if (pipe(fd) != 0) return {};
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fd[1], 1);
    execl(self, self, scenario.c_str(), mode, nullptr);
    _exit(127);
  }
  close(fd[1]);
  char buf[128] = {0};
  ssize_t n = read(fd[0], buf, sizeof buf - 1);
  close(fd[0]);
  waitpid(pid, nullptr, 0);
  Timing t;
  if (n > 0) std::sscanf(buf, "%lf %ld", &t.wall_s, &t.events);
  return t;
}
} // namespace

int main(int argc, char** argv) {
  const std::string scenario = argc > 1 ? argv[1] : "scenarios/flood/songhua-2013.yaml";
  if (argc > 2) return run_one(scenario, std::string(argv[2]) == "flood");
  const Timing empty = child(argv[0], scenario, "empty");
  const Timing flood = child(argv[0], scenario, "flood");
  std::printf("flood benchmark: %s, 240 h at 10-min steps (1440 steps)\n", scenario.c_str());
  std::printf("  empty engine (same world, no hazard): %8.3f s  %6ld events\n", empty.wall_s, empty.events);
  std::printf("  flood model on all reaches and zones: %8.3f s  %6ld events\n", flood.wall_s, flood.events);
  std::printf("  ratio flood / empty: %.2fx\n", empty.wall_s > 0 ? flood.wall_s / empty.wall_s : 0.0);
  return 0;
}
