#include "sim/ensemble/EnsembleRunner.hpp"

#include "sim/ensemble/ProgressBar.hpp"
#include "sim/ensemble/ReplicaRunner.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

namespace hg::ensemble {

std::vector<std::size_t> pending_replicas(const EnsembleSpec& spec, const Share& share) {
  std::vector<std::size_t> todo;
  for (std::size_t k = 0; k < spec.runs; ++k)
    if (share.mine(k) && !std::filesystem::exists(record_path(spec.out, k))) todo.push_back(k);
  return todo;
}

int run_replicas(const EnsembleSpec& spec, const std::vector<std::size_t>& todo, std::size_t already,
                 const ReplicaScorer& scorer, bool progress) {
  ProgressBar bar(todo.size(), already, progress);
  std::map<pid_t, std::size_t> running;
  std::size_t next = 0, done = 0;
  int failure = 0;
  const std::size_t jobs = std::max<std::size_t>(1, spec.jobs);
  bar.update(0);
  while (next < todo.size() || !running.empty()) {
    while (failure == 0 && next < todo.size() && running.size() < jobs) {
      const std::size_t k = todo[next++];
      std::fflush(nullptr);
      const pid_t pid = fork();
      if (pid == 0) {
        int rc = 1;
        try {
          rc = run_replica(spec, k, scorer);
        } catch (const std::exception& e) {
          std::cerr << "hgdrill ensemble: replica " << k << ": " << e.what() << "\n";
        }
        std::fflush(nullptr);
        _exit(rc);
      }
      if (pid < 0) {
        std::cerr << "hgdrill ensemble: cannot start a worker process\n";
        failure = 1;
        break;
      }
      running[pid] = k;
    }
    if (running.empty()) break;
    int status = 0;
    const pid_t pid = waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      break;
    }
    auto it = running.find(pid);
    if (it == running.end()) continue;
    running.erase(it);
    const int rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    if (rc != 0 && failure == 0) failure = rc;
    if (rc == 0) bar.update(++done);
  }
  bar.finish();
  return failure;
}

} // namespace hg::ensemble
