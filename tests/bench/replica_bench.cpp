// What one ensemble replica costs, as whole processes measured in the same run (wait4 rusage):
//  1. `hgdrill run SCENARIO --no-baseline --no-report` (the simulation of one replica) against
//     `hgdrill validate SCENARIO` (loading and checking the same scenario), alternated, R times each;
//     the ratio of CPU times pair by pair, its median, and the peak memory of a replica;
//  2. `hgdrill ensemble SCENARIO --runs M --jobs J` with baselines for each J: replicas per second.
// Usage: bench_replica [scenario=scenarios/flood/songhua-2013.yaml] [R=7] [M=20] [J list=1,2]
// Run from the source tree; hgdrill is taken from the folder of this program.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Sample {
  double cpu_s = 0, wall_s = 0;
  long maxrss_kb = 0;
  int rc = 0;
};

Sample run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::fflush(nullptr); // or the child's freopen writes our buffered lines again
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    if (!std::freopen("/dev/null", "w", stdout) || !std::freopen("/dev/null", "w", stderr)) _exit(127);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  Sample s;
  s.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  s.cpu_s = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + 1e-6 * double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
  s.maxrss_kb = ru.ru_maxrss;
  s.rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  return s;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

} // namespace

int main(int argc, char** argv) {
  const std::string scenario = argc > 1 ? argv[1] : "scenarios/flood/songhua-2013.yaml";
  const int reps = argc > 2 ? std::atoi(argv[2]) : 7;
  const int runs = argc > 3 ? std::atoi(argv[3]) : 20;
  const std::string jlist = argc > 4 ? argv[4] : "1,2";
  const std::string exe = (std::filesystem::path(argv[0]).parent_path() / "hgdrill").string();
  const std::string tmp = (std::filesystem::temp_directory_path() / ("hg-bench-replica-" + std::to_string(getpid()))).string();

  std::vector<double> run_cpu, val_cpu, ratio, run_wall;
  long run_rss = 0, val_rss = 0;
  run({exe, "validate", scenario}); // warm-up: page cache, ccache-free binary in memory
  for (int i = 0; i < reps; ++i) {
    const Sample v = run({exe, "validate", scenario});
    const Sample r = run({exe, "run", scenario, "--no-baseline", "--no-report", "--quiet", "--out", tmp + "/run"});
    if (v.rc != 0 || r.rc != 0) {
      std::fprintf(stderr, "bench_replica: a command failed (validate %d, run %d)\n", v.rc, r.rc);
      return 1;
    }
    val_cpu.push_back(v.cpu_s);
    run_cpu.push_back(r.cpu_s);
    run_wall.push_back(r.wall_s);
    ratio.push_back(r.cpu_s / v.cpu_s);
    run_rss = std::max(run_rss, r.maxrss_kb);
    val_rss = std::max(val_rss, v.maxrss_kb);
  }
  std::printf("replica of %s, %d pairs (CPU = user + sys of the whole process):\n", scenario.c_str(), reps);
  std::printf("  validate (load + check)  : median %.3f s CPU, peak %.0f MB\n", median(val_cpu), val_rss / 1024.0);
  std::printf("  run --no-baseline --no-report: median %.3f s CPU (%.3f s wall), peak %.0f MB\n", median(run_cpu),
              median(run_wall), run_rss / 1024.0);
  std::printf("  ratio run / validate, pair by pair: median %.2fx (min %.2fx, max %.2fx)\n", median(ratio),
              *std::min_element(ratio.begin(), ratio.end()), *std::max_element(ratio.begin(), ratio.end()));

  std::stringstream js(jlist);
  std::string j;
  std::printf("ensemble of %d replicas with baselines (one plan), whole command:\n", runs);
  while (std::getline(js, j, ',')) {
    std::filesystem::remove_all(tmp + "/ens");
    const Sample e = run({exe, "ensemble", scenario, "--runs", std::to_string(runs), "--jobs", j, "--seed", "1",
                          "--quiet", "--out", tmp + "/ens"});
    if (e.rc != 0) {
      std::fprintf(stderr, "bench_replica: ensemble failed (%d)\n", e.rc);
      return 1;
    }
    std::printf("  --jobs %s: %.1f s wall, %.2f replicas/s, %.1f s CPU per replica, largest process %.0f MB\n",
                j.c_str(), e.wall_s, runs / e.wall_s, e.cpu_s / runs, e.maxrss_kb / 1024.0);
  }
  std::filesystem::remove_all(tmp);
  return 0;
}
