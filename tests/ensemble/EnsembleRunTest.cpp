/// @file
/// @brief `hgdrill ensemble` end to end on a small bundled scenario: deterministic for a seed and
/// independent of --jobs, resumable after kill -9, and (when built with MPI) the same under mpirun.
/// These run the program, so they need hgdrill built (ctest builds it as a dependency of the tests).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;

namespace {

// The flash flood on the 鹤立河: the smallest bundled scenario with sampled inputs and a rubric.
const std::string kScenario = std::string(HG_SOURCE_DIR) + "/scenarios/flood/flash-heli.yaml";

std::string tmpdir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("hg-ensemble-test-" + std::to_string(getpid())) / name;
  fs::remove_all(d);
  fs::create_directories(d.parent_path());
  return d.string();
}

std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream o;
  o << in.rdbuf();
  return o.str();
}

int hgdrill(const std::string& args) {
  const std::string cmd = std::string(HG_BIN_DIR) + "/hgdrill ensemble " + kScenario + " " + args + " --quiet";
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

} // namespace

TEST_CASE("An ensemble is the same for a seed whatever --jobs", "[ensemble][run]") {
  const std::string a = tmpdir("jobs1"), b = tmpdir("jobs2");
  REQUIRE(hgdrill("--runs 4 --seed 11 --jobs 1 --no-baseline --out " + a) == 0);
  REQUIRE(hgdrill("--runs 4 --seed 11 --jobs 2 --no-baseline --out " + b) == 0);
  const std::string sa = slurp(a + "/summary.json");
  CHECK(!sa.empty());
  CHECK(sa == slurp(b + "/summary.json"));
  CHECK(slurp(a + "/replicas.csv") == slurp(b + "/replicas.csv"));
  // One row per replica (one plan) plus the header; the report exists in both forms.
  const std::string csv = slurp(a + "/replicas.csv");
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 5);
  CHECK(fs::exists(a + "/replicas.sqlite"));
  CHECK(slurp(a + "/report.html").find("<svg") != std::string::npos);
  CHECK(fs::exists(a + "/report.md"));
  // Another seed draws other inputs.
  const std::string c = tmpdir("seed12");
  REQUIRE(hgdrill("--runs 4 --seed 12 --jobs 2 --no-baseline --out " + c) == 0);
  CHECK(slurp(c + "/replicas.csv") != csv);
}

TEST_CASE("A killed ensemble resumes without redoing finished replicas", "[ensemble][run]") {
  const std::string d = tmpdir("resume"), ref = tmpdir("resume-ref");
  const std::string first = d + "/replicas/000000.json";
  // Start 6 replicas in a process group of their own and kill -9 the group once one is done.
  const pid_t pid = fork();
  if (pid == 0) {
    setpgid(0, 0);
    const std::string exe = std::string(HG_BIN_DIR) + "/hgdrill";
    execl(exe.c_str(), exe.c_str(), "ensemble", kScenario.c_str(), "--runs", "6", "--seed", "5", "--jobs", "1",
          "--no-baseline", "--quiet", "--out", d.c_str(), (char*)nullptr);
    _exit(127);
  }
  setpgid(pid, pid);
  bool done_one = false;
  for (int i = 0; i < 6000 && !done_one; ++i) { // no timing assertion: only a bound on the wait
    done_one = fs::exists(first);
    if (!done_one) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  REQUIRE(done_one);
  kill(-pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(!fs::exists(d + "/summary.json"));
  const auto stamp = fs::last_write_time(first);
  const std::string before = slurp(first);
  REQUIRE(hgdrill("--runs 6 --seed 5 --jobs 2 --no-baseline --out " + d) == 0);
  CHECK(fs::last_write_time(first) == stamp); // not redone
  CHECK(slurp(first) == before);
  REQUIRE(hgdrill("--runs 6 --seed 5 --jobs 1 --no-baseline --out " + ref) == 0);
  CHECK(slurp(d + "/summary.json") == slurp(ref + "/summary.json"));
  // A resume with another seed into the same folder is refused.
  CHECK(hgdrill("--runs 6 --seed 6 --no-baseline --out " + d + " 2>/dev/null") == 2);
}

TEST_CASE("Paired plans share the draws of each replica", "[ensemble][run]") {
  const std::string d = tmpdir("paired");
  const std::string plan = std::string(HG_SOURCE_DIR) + "/scenarios/plans/flood.yaml";
  REQUIRE(hgdrill("--runs 3 --seed 3 --jobs 2 --no-baseline --plan " + plan + " --plan " + plan + " --out " + d) == 0);
  const std::string s = slurp(d + "/summary.json");
  CHECK(s.find("\"difference\"") != std::string::npos);
  // The same plan twice on the same draws: every paired difference is exactly zero.
  std::istringstream in(slurp(d + "/replicas.csv"));
  std::string header, line;
  std::getline(in, header);
  std::vector<std::string> rows;
  while (std::getline(in, line)) rows.push_back(line.substr(line.find(',', line.find(',', line.find(',') + 1) + 1)));
  REQUIRE(rows.size() == 6);
  for (size_t i = 0; i + 1 < rows.size(); i += 2) CHECK(rows[i] == rows[i + 1]); // A and B rows past "replica,seed,plan,"
  CHECK(s.find("\"mean\": 0.0") != std::string::npos);
}

#ifdef HG_HAVE_MPI
TEST_CASE("mpirun -n 2 gives the local summary", "[ensemble][run][mpi]") {
  const std::string local = tmpdir("mpi-local"), mpi = tmpdir("mpi-2");
  REQUIRE(hgdrill("--runs 4 --seed 21 --jobs 1 --no-baseline --out " + local) == 0);
  const std::string cmd = "mpirun -n 2 --oversubscribe --allow-run-as-root " + std::string(HG_BIN_DIR) +
                          "/hgdrill ensemble " + kScenario + " --runs 4 --seed 21 --no-baseline --quiet --out " + mpi;
  const int rc = std::system(cmd.c_str());
  REQUIRE(WIFEXITED(rc));
  REQUIRE(WEXITSTATUS(rc) == 0);
  CHECK(slurp(mpi + "/summary.json") == slurp(local + "/summary.json"));
}
#endif

TEST_CASE("A replica's log is the log of hgdrill run with the replica's seed", "[ensemble][run]") {
  // The ensemble forks its replicas and baselines and reuses the parent's parsed files; none of that
  // may change what is simulated.
  const std::string d = tmpdir("same-as-run"), r = tmpdir("same-as-run-ref");
  REQUIRE(hgdrill("--runs 2 --seed 9 --keep-runs --out " + d) == 0);
  std::ifstream in(d + "/replicas/000001.json");
  const auto rec = nlohmann::json::parse(in);
  const std::string seed = std::to_string(rec["seed"].get<uint64_t>());
  const std::string exe = std::string(HG_BIN_DIR) + "/hgdrill run " + kScenario + " --seed " + seed;
  REQUIRE(std::system((exe + " --no-report --quiet --out " + r + "/run").c_str()) == 0);
  CHECK(slurp(d + "/runs/1/0/events.jsonl") == slurp(r + "/run/events.jsonl"));
  CHECK(slurp(d + "/runs/1/baseline/events.jsonl") == slurp(r + "/run/baseline/events.jsonl"));
}
