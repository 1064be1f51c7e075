// Engine events per second on one unit-dispatch model (the shape of hgdrill's units: wait for an
// order, drive, work, drive back), run three ways in the same run: a plain priority-queue event
// loop, SimGrid actors with hgdrill's --cfg defaults, and SimPy 2 (Debian python3-simpy, script
// dispatch_model.py beside this file). All three must give the same events and checksum.
// Usage: bench_dispatch [units=50] [incidents=20000] [path/to/dispatch_model.py]
#include "sim/engine/EngineConfig.hpp"

#include <simgrid/s4u.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <deque>
#include <queue>
#include <string>
#include <vector>

namespace sg4 = simgrid::s4u;

namespace {
int U = 50, N = 20000;
int base(int u) { return (u * 37) % 100; }
int place(int i) { return (i * 61) % 100; }
double t_incident(int i) { return i * 30.0 + ((i * 7) % 11) * 0.013; }
double travel(int u, int x) { return std::abs(base(u) - x) * 10.0 + 60.0 + 0.0017 * u; }
double now_s() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

struct Result {
  long events = 0;
  double checksum = 0;
  double seconds = 0;
};

int pick_idle(const std::vector<char>& idle, int i) {
  int best = -1;
  for (int u = 0; u < U; ++u)
    if (idle[size_t(u)] && (best < 0 || travel(u, place(i)) < travel(best, place(i)))) best = u;
  return best;
}

Result run_queue() {
  enum Kind { kIncident, kOnScene, kClear, kBack };
  struct Ev {
    double t;
    long seq;
    Kind kind;
    int unit, incident;
    bool operator>(const Ev& o) const { return t != o.t ? t > o.t : seq > o.seq; }
  };
  Result r;
  const double t0 = now_s();
  std::priority_queue<Ev, std::vector<Ev>, std::greater<>> q;
  long seq = 0;
  std::vector<char> idle(size_t(U), 1);
  std::deque<int> waiting;
  for (int i = 0; i < N; ++i) q.push({t_incident(i), seq++, kIncident, -1, i});
  while (!q.empty()) {
    const Ev e = q.top();
    q.pop();
    ++r.events;
    switch (e.kind) {
    case kIncident: {
      const int u = pick_idle(idle, e.incident);
      if (u < 0) waiting.push_back(e.incident);
      else idle[size_t(u)] = 0, q.push({e.t + travel(u, place(e.incident)), seq++, kOnScene, u, e.incident});
      break;
    }
    case kOnScene:
      r.checksum += e.t - t_incident(e.incident);
      q.push({e.t + 600.0, seq++, kClear, e.unit, e.incident});
      break;
    case kClear:
      q.push({e.t + travel(e.unit, place(e.incident)), seq++, kBack, e.unit, e.incident});
      break;
    case kBack:
      if (!waiting.empty()) {
        const int i = waiting.front();
        waiting.pop_front();
        q.push({e.t + travel(e.unit, place(i)), seq++, kOnScene, e.unit, i});
      } else {
        idle[size_t(e.unit)] = 1;
      }
      break;
    }
  }
  r.seconds = now_s() - t0;
  return r;
}

Result run_simgrid(int argc, char** argv) {
  (void)argc;
  std::vector<std::string> args = hg::engine_args({});
  args[0] = argv[0];
  std::vector<char*> av;
  for (auto& s : args) av.push_back(s.data());
  int ac = int(av.size());
  sg4::Engine e(&ac, av.data());
  auto* zone = sg4::create_full_zone("bench");
  sg4::Host* host = zone->create_host("h", 1e9)->seal();
  zone->seal();
  static Result r;
  static std::vector<char> idle;
  static std::deque<int> waiting;
  idle.assign(size_t(U), 1);
  // Like SimPy's passivate/reactivate: an idle unit suspends itself, the dispatcher resumes it.
  static std::vector<int> job;
  job.assign(size_t(U), -1);
  static std::vector<sg4::ActorPtr> units;
  static sg4::ActorPtr dispatcher;
  static int served = 0;
  units.clear();
  for (int u = 0; u < U; ++u)
    units.push_back(sg4::Actor::create("u" + std::to_string(u), host, [u] {
      while (true) {
        if (job[size_t(u)] < 0) sg4::this_actor::suspend();
        const int i = job[size_t(u)];
        const double tt = travel(u, place(i));
        sg4::this_actor::sleep_for(tt);
        ++r.events;
        r.checksum += sg4::Engine::get_clock() - t_incident(i);
        sg4::this_actor::sleep_for(600.0);
        ++r.events;
        sg4::this_actor::sleep_for(tt);
        ++r.events;
        if (++served == N) dispatcher->resume();
        if (!waiting.empty()) job[size_t(u)] = waiting.front(), waiting.pop_front();
        else job[size_t(u)] = -1, idle[size_t(u)] = 1;
      }
    }));
  for (auto& a : units) a->daemonize();
  dispatcher = sg4::Actor::create("dispatcher", host, [] {
    for (int i = 0; i < N; ++i) {
      sg4::this_actor::sleep_until(t_incident(i));
      ++r.events;
      const int u = pick_idle(idle, i);
      if (u < 0) waiting.push_back(i);
      else idle[size_t(u)] = 0, job[size_t(u)] = i, units[size_t(u)]->resume();
    }
    // The units are daemons: stay until the last unit is back (it resumes this actor).
    if (served < N) sg4::this_actor::suspend();
  });
  const double t0 = now_s();
  e.run();
  r.seconds = now_s() - t0;
  return r;
}

Result run_simpy(const std::string& script) {
  Result r;
  const std::string cmd = "/usr/bin/python3 " + script + " " + std::to_string(U) + " " + std::to_string(N);
  FILE* p = popen(cmd.c_str(), "r");
  if (!p || std::fscanf(p, "%ld %lf %lf", &r.events, &r.checksum, &r.seconds) != 3) r.events = -1;
  if (p) pclose(p);
  return r;
}

void print(const char* name, const Result& r, const Result& ref) {
  std::printf("  %-22s: %8.3f s  %10.0f events/s  %5.1fx the queue's time  (events %ld, checksum %.3f)\n", name,
              r.seconds, r.events / r.seconds, r.seconds / ref.seconds, r.events, r.checksum);
}
} // namespace

int main(int argc, char** argv) {
  if (argc > 1) U = std::atoi(argv[1]);
  if (argc > 2) N = std::atoi(argv[2]);
  const std::string script = argc > 3 ? argv[3] : std::string(HG_SOURCE_DIR) + "/tests/bench/dispatch_model.py";
  std::printf("unit-dispatch model: %d units, %d incidents, 4 events each\n", U, N);
  const Result q = run_queue();
  const Result py = run_simpy(script);
  const Result sg = run_simgrid(argc, argv);
  print("priority_queue loop", q, q);
  print("SimGrid actors (raw)", sg, q);
  if (py.events < 0) std::printf("  SimPy: not available (/usr/bin/python3 with python3-simpy)\n");
  else print("SimPy 2 (python3)", py, q);
  const bool same = sg.events == q.events && std::fabs(sg.checksum - q.checksum) < 1e-6 * std::fabs(q.checksum) &&
                    (py.events < 0 || (py.events == q.events && std::fabs(py.checksum - q.checksum) < 1e-6 * std::fabs(q.checksum)));
  std::printf("  same events and checksum in all: %s\n", same ? "yes" : "NO");
  return same ? 0 : 1;
}
