// Fire arrival over a large raster: hgdrill's minimum-travel-time spread (FireSpread: 16 neighbours,
// Rothermel elliptical rates per cell, cached per weather epoch) against a plain single-source Dijkstra
// over the same 16-neighbour grid graph with precomputed isotropic edge weights (the lower bound: the
// search without any fire physics), in the same run. Also times one wind change half-way (the front is
// re-timed). Usage: bench_fire [side=1000] [cell_m=30].
#include "sim/hazards/fire/FireSpread.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <queue>
#include <vector>

using namespace hg::fire;

namespace {

double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

/// A deterministic mixed landscape: fuel models 1, 2, 8, 9, 10 in patches, rolling terrain, a river.
FireGrid landscape(int side, double cell_m) {
  FireGrid g = FireGrid::uniform(side, side, cell_m, 9);
  const int fuels[5] = {1, 2, 8, 9, 10};
  for (int r = 0; r < side; ++r)
    for (int c = 0; c < side; ++c) {
      const size_t i = g.index(c, r);
      const unsigned h =
          (static_cast<unsigned>(c / 25) * 73856093u) ^ (static_cast<unsigned>(r / 25) * 19349663u);
      g.set_fuel(i, fuels[h % 5]);
      if (std::abs(c - side / 3 - static_cast<int>(20 * std::sin(r / 40.0))) < 2 && r % 97 > 3)
        g.set_fuel(i, 98);
      g.set_elevation(i, 300 + 80 * std::sin(c * cell_m / 2500.0) * std::cos(r * cell_m / 3100.0));
    }
  g.compute_terrain();
  return g;
}

} // namespace

int main(int argc, char** argv) {
  const int side = argc > 1 ? std::atoi(argv[1]) : 1000;
  const double cell_m = argc > 2 ? std::atof(argv[2]) : 30;
  std::printf("fire benchmark: %d x %d = %d cells of %g m, 16 neighbours\n", side, side, side * side, cell_m);
  double t0 = now_s();
  const FireGrid g = landscape(side, cell_m);
  std::printf("  landscape built in %.2f s\n", now_s() - t0);

  SpreadConditions c;
  c.moisture = {6, 7, 8, 60, 90};
  c.midflame_wind_m_s = 2;
  c.wind_from_deg = 250;

  // 1. hgdrill fire spread to burn-out.
  FireSpread fs(g);
  t0 = now_s();
  fs.set_conditions(0, c);
  fs.ignite({side / 2, side / 2}, 0);
  fs.advance_to(1e12);
  const double t_fire = now_s() - t0;
  const size_t burned = fs.burned_cells();

  // 2. The same with a wind shift half-way through (the front is re-timed once).
  double t_half = 0;
  {
    std::vector<double> arr;
    for (size_t i = 0; i < g.size(); ++i)
      if (fs.burned(i)) arr.push_back(fs.arrival_s(i));
    std::nth_element(arr.begin(), arr.begin() + arr.size() / 2, arr.end());
    t_half = arr[arr.size() / 2];
  }
  FireSpread fs2(g);
  t0 = now_s();
  fs2.set_conditions(0, c);
  fs2.ignite({side / 2, side / 2}, 0);
  fs2.advance_to(t_half);
  SpreadConditions c2 = c;
  c2.wind_from_deg = 315;
  c2.midflame_wind_m_s = 3;
  fs2.set_conditions(t_half, c2);
  fs2.advance_to(1e12);
  const double t_fire2 = now_s() - t0;

  // 3. Baseline: plain Dijkstra on the implicit 16-neighbour grid, isotropic weights precomputed
  // (distance × mean of 1/R0 of the two cells; water cells removed), binary heap with lazy deletion.
  std::vector<double> inv_r(g.size(), 0);
  for (size_t i = 0; i < g.size(); ++i) {
    const int code = g.fuel(i);
    if (code >= 1 && code <= 13)
      inv_r[i] = 1.0 / (surface_fire(*fuel_model(code), c.moisture, {}).ros_m_min / 60);
  }
  struct Nb {
    int dc, dr;
    double d;
  };
  std::vector<Nb> nbs;
  for (int dr = -2; dr <= 2; ++dr)
    for (int dc = -2; dc <= 2; ++dc) {
      const int a = std::abs(dc), b = std::abs(dr);
      if ((a | b) && a + b <= 3 && !(a == 2 && b == 2) && !(a == 2 && b == 0) && !(a == 0 && b == 2))
        nbs.push_back({dc, dr, std::hypot(dc, dr) * cell_m});
    }
  std::vector<double> dist(g.size(), 1e300);
  using E = std::pair<double, uint32_t>;
  std::priority_queue<E, std::vector<E>, std::greater<E>> pq;
  t0 = now_s();
  const size_t src = g.index(side / 2, side / 2);
  dist[src] = 0;
  pq.push({0, static_cast<uint32_t>(src)});
  size_t settled = 0;
  while (!pq.empty()) {
    const auto [d, u] = pq.top();
    pq.pop();
    if (d != dist[u]) continue;
    ++settled;
    const int uc = static_cast<int>(u % side), ur = static_cast<int>(u / side);
    for (const Nb& n : nbs) {
      const int vc = uc + n.dc, vr = ur + n.dr;
      if (vc < 0 || vr < 0 || vc >= side || vr >= side) continue;
      const size_t v = static_cast<size_t>(vr) * side + vc;
      if (inv_r[v] == 0) continue;
      const double nd = d + n.d * 0.5 * (inv_r[u] + inv_r[v]);
      if (nd < dist[v]) {
        dist[v] = nd;
        pq.push({nd, static_cast<uint32_t>(v)});
      }
    }
  }
  const double t_dijkstra = now_s() - t0;

  std::printf("  fire spread (MTT + Rothermel)     : %7.2f s  %10.0f cells/s  (%zu cells burned)\n", t_fire,
              burned / t_fire, burned);
  std::printf("  fire spread, one wind shift       : %7.2f s  %10.0f cells/s  (%zu cells burned)\n", t_fire2,
              fs2.burned_cells() / t_fire2, fs2.burned_cells());
  std::printf("  plain Dijkstra, same grid graph   : %7.2f s  %10.0f cells/s  (%zu cells settled)\n",
              t_dijkstra, settled / t_dijkstra, settled);
  std::printf("  ratio fire / plain Dijkstra time: %.2fx (per cell: %.2fx)\n", t_fire / t_dijkstra,
              (t_fire / burned) / (t_dijkstra / settled));
  return 0;
}
