// Engine throughput: SimGrid actor wake-ups (how hgdrill advances units, posts and hazards) against a
// plain std::priority_queue event loop doing the same dispatch work, measured in the same run.
// Usage: bench_engine [actors=1000] [wakeups_per_actor=1000]. Prints events/s and the ratio.
#include "sim/engine/EngineConfig.hpp"

#include <simgrid/s4u.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <queue>
#include <random>
#include <vector>

namespace sg4 = simgrid::s4u;

namespace {
// The "dispatch work" both loops do per event: a little arithmetic on the actor's state, so that the
// compiler cannot drop the loop and the cost is comparable to updating a unit's position.
inline double work(double state, int i) {
  return state * 0.999 + (i % 7) * 0.001;
}

double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
} // namespace

int main(int argc, char** argv) {
  const int actors = argc > 1 ? std::atoi(argv[1]) : 1000;
  const int wakeups = argc > 2 ? std::atoi(argv[2]) : 1000;
  const long events = long(actors) * wakeups;

  // Baseline: a priority queue of (time, actor) with the same step lengths.
  std::vector<double> state(actors, 1.0);
  std::vector<double> step(actors);
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> dist(1.0, 60.0);
  for (auto& s : step)
    s = dist(rng);
  double t0 = now_s();
  {
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> q;
    std::vector<int> done(actors, 0);
    for (int a = 0; a < actors; ++a)
      q.push({step[a], a});
    while (!q.empty()) {
      auto [t, a] = q.top();
      q.pop();
      state[a] = work(state[a], done[a]);
      if (++done[a] < wakeups) q.push({t + step[a], a});
    }
  }
  const double pq_s = now_s() - t0;
  double check_pq = 0;
  for (double s : state)
    check_pq += s;

  // SimGrid: one actor per unit, each waking up `wakeups` times (hgdrill's default --cfg).
  std::vector<std::string> args = hg::engine_args({});
  std::vector<char*> av;
  for (auto& s : args)
    av.push_back(s.data());
  int ac = int(av.size());
  sg4::Engine e(&ac, av.data());
  auto* zone = sg4::create_full_zone("bench");
  sg4::Host* host = zone->create_host("h", 1e9)->seal();
  zone->seal();
  std::vector<double> sg_state(actors, 1.0);
  for (int a = 0; a < actors; ++a)
    sg4::Actor::create("a" + std::to_string(a), host, [a, wakeups, &sg_state, &step] {
      for (int i = 0; i < wakeups; ++i) {
        sg4::this_actor::sleep_for(step[a]);
        sg_state[a] = work(sg_state[a], i);
      }
    });
  t0 = now_s();
  e.run();
  const double sg_s = now_s() - t0;
  double check_sg = 0;
  for (double s : sg_state)
    check_sg += s;

  std::printf("engine benchmark: %d actors x %d wake-ups = %ld events\n", actors, wakeups, events);
  std::printf("  priority_queue loop : %8.3f s  %12.0f events/s\n", pq_s, events / pq_s);
  std::printf("  SimGrid actors (raw): %8.3f s  %12.0f events/s\n", sg_s, events / sg_s);
  std::printf("  ratio SimGrid / priority_queue time: %.1fx  (%.3f us per SimGrid wake-up)\n", sg_s / pq_s,
              sg_s / events * 1e6);
  std::printf("  checksums equal: %s\n", std::abs(check_pq - check_sg) < 1e-9 * actors ? "yes" : "NO");
  return 0;
}
