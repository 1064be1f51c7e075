// Mine model cost, with baselines measured in the same run:
//  1. Hardy Cross on a generated mine-like network of ~10,000 branches (a grid of roadways with random
//     Atkinson resistances and one main fan), against the same number of branch pressure-drop evaluations
//     (R·Q|Q| − fan) that the solve made — the floor of any loop-based method.
//  2. One full mine scenario (scenarios/mine/xinxing-gas-explosion.yaml, 12 h): the model alone at 30 s
//     steps with a brigade and an ambulance working at the head every minute, and the whole run in the
//     engine (plan, comms, units driving, hospitals), both against the model loop with the accident
//     removed (ventilation and transport only).
// Usage: bench_mine [grid_side]   (default 71: 71 × 71 junctions → 9,941 branches)
#include "sim/engine/Simulation.hpp"
#include "sim/hazards/HazardRegistry.hpp"
#include "sim/hazards/mine/MineModel.hpp"
#include "sim/io/Scenario.hpp"
#include "sim/plan/ScenarioSetup.hpp"
#include "tests/support/HazardTestDoubles.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>

using namespace hg;
using namespace hg::mine;

namespace {
double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct NullSink : EffectSink {
  long events = 0;
  void emit(const std::string&, std::vector<std::string>, nlohmann::json) override { ++events; }
  void harm(const Harm&) override {}
  void close_road(const std::string&, bool, const std::string&) override {}
  void facility_lost(const std::string&, bool, const std::string&) override {}
  void observe(const Observation&) override {}
  void reached(const std::string&, const std::string&) override {}
  void hand_over_patients(const std::string&, int, const std::string&) override {}
};

VentBranch branch(int from, int to, double r) {
  VentBranch b;
  b.from = from;
  b.to = to;
  b.r_ns2_m8 = r;
  return b;
}

int bench_solver(int side) {
  std::mt19937_64 rng(42);
  auto u = [&] { return double(rng() >> 11) / double(1ULL << 53); };
  VentProblem p;
  p.nodes = side * side;
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x) {
      // roadways 200 m, 14 m2, 14 m perimeter, k 0.008–0.03: R = k·200·14/14³
      auto r = [&] { return (0.008 + 0.022 * u()) * 200 * 14 / (14.0 * 14 * 14); };
      if (x + 1 < side) p.branches.push_back(branch(y * side + x, y * side + x + 1, r()));
      if (y + 1 < side) p.branches.push_back(branch(y * side + x, (y + 1) * side + x, r()));
    }
  static const FanCurve fan({{0, 4000}, {100, 3600}, {200, 2800}, {300, 1200}, {350, 0}});
  VentBranch f = branch(side * side - 1, 0, 0.001);
  f.fan = &fan;
  p.branches.push_back(f);
  // 1. The default (auto → Newton–Raphson for > 300 meshes).
  double t0 = now_s();
  const VentSolution s = solve_ventilation(p);
  const double t_newton = now_s() - t0;
  // 2. Hardy Cross alone, capped at 2,000 sweeps (it converges slowly on large meshed grids).
  VentOptions hc;
  hc.method = VentMethod::kHardyCross;
  hc.max_iterations = 2000;
  t0 = now_s();
  const VentSolution h = solve_ventilation(p, hc);
  const double t_hc = now_s() - t0;
  // Baseline: the branch pressure-drop evaluations those Hardy Cross sweeps made, alone.
  const long evals = long(h.iterations) * h.mesh_entries;
  const size_t nb = p.branches.size();
  volatile double acc = 0;
  const double b0 = now_s();
  for (long k = 0; k < evals; ++k) {
    const size_t i = size_t(k) % nb;
    acc = acc + branch_pressure_drop_pa(p.branches[i], s.q_m3_s[i]);
  }
  const double t_base = now_s() - b0;
  std::printf("ventilation: %d junctions, %zu branches, %d meshes (%ld mesh entries)\n", p.nodes, nb,
              s.meshes, s.mesh_entries);
  std::printf("  Newton-Raphson (default)   : %8.3f s  %6d steps   converged=%s  max imbalance %.2e Pa\n",
              t_newton, s.iterations, s.converged ? "yes" : "no", s.max_imbalance_pa);
  std::printf("  Hardy Cross, 2000 sweeps   : %8.3f s  %6d sweeps  converged=%s  max imbalance %.2e Pa\n",
              t_hc, h.iterations, h.converged ? "yes" : "no", h.max_imbalance_pa);
  std::printf("  baseline: %ld branch evaluations (sweeps x mesh entries): %8.3f s\n", evals, t_base);
  std::printf("  ratio Hardy Cross / baseline: %.2fx; Newton / baseline: %.2fx\n",
              t_base > 0 ? t_hc / t_base : 0.0, t_base > 0 ? t_newton / t_base : 0.0);
  return s.converged ? 0 : 1;
}

void bench_scenario(const std::string& path) {
  auto play = [&](bool accident, long& events, MineCounts& out) {
    Diagnostics d;
    Scenario sc = load_scenario(path, d);
    if (d.has_errors()) {
      std::fprintf(stderr, "%s", d.str().c_str());
      return -1.0;
    }
    auto hz = make_hazards(sc, sc.seed, d);
    auto* m = dynamic_cast<MineModel*>(hz.at(0).get());
    MineConfig cfg = m->config();
    if (!accident) {
      cfg.explosions.clear();
      cfg.fires.clear();
      cfg.inrushes.clear();
      cfg.roof_falls.clear();
    }
    MineModel model(cfg, 1);
    NullSink sink;
    hgtest::StaticView view;
    const double t0 = now_s();
    model.start(view, sink);
    for (double t = 0; t < sc.duration_s - 1e-9; t += model.step_s()) {
      model.advance(t, model.step_s(), sink);
      view.t_s = t + model.step_s();
      if (accident && view.t_s >= 1.25 * 3600 && std::fmod(view.t_s, 60.0) < 1e-9) {
        model.work(Work{"u_brigade", "mine_rescue", cfg.id, 50, 4, 60, 0}, sink);
        model.work(Work{"u_amb", "transport_patients", cfg.id, 3, 1, 60, 1}, sink);
      }
    }
    events = sink.events;
    out = model.counts();
    return now_s() - t0;
  };
  long e0 = 0, e1 = 0;
  MineCounts c0, c1;
  const double quiet = play(false, e0, c0);
  const double full = play(true, e1, c1);
  std::printf("scenario: %s (12 h, 30 s steps, model only)\n", path.c_str());
  std::printf("  baseline: same mine, no accident : %8.3f s  %6ld events\n", quiet, e0);
  std::printf("  gas explosion, escape and rescue : %8.3f s  %6ld events\n", full, e1);
  std::printf("  ratio accident / baseline: %.2fx\n", quiet > 0 ? full / quiet : 0.0);
  std::printf("  outcome: out %d (rescued %d), dead %d, incapacitated %d, in refuge %d, trapped %d\n", c1.out,
              c1.rescued, c1.dead, c1.incapacitated, c1.in_refuge, c1.trapped);
  // The whole run as `hgdrill run` plays it (no output files): plan, comms, units, hospitals.
  Setup setup;
  if (!load_setup(path, "", false, setup, true)) return;
  const double t0 = now_s();
  Simulation sim(*setup.scenario, SimOptions{}, std::move(setup.hazards), setup.make_commanders());
  sim.run();
  const double engine = now_s() - t0;
  std::printf("  whole run in the engine (plan, comms, units, hospitals): %8.3f s  %6zu events\n", engine,
              sim.log().events().size());
  std::printf("  ratio engine run / baseline: %.2fx\n", quiet > 0 ? engine / quiet : 0.0);
}
} // namespace

int main(int argc, char** argv) {
  const int side = argc > 1 ? std::atoi(argv[1]) : 71;
  const int rc = bench_solver(side);
  bench_scenario(argc > 2 ? argv[2] : "scenarios/mine/xinxing-gas-explosion.yaml");
  return rc;
}
