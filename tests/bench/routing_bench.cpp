// Shortest-path queries per second on a generated road-like graph of 1 million nodes: hgdrill's
// RoadNetwork (Boost compressed_sparse_row_graph, point-to-point Dijkstra that stops at the target)
// against Boost adjacency_list with the same Dijkstra, in the same run.
// Usage: bench_routing [side=1000] [queries=200].
#include "sim/world/RoadNetwork.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths_no_color_map.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

namespace {
double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
struct Stop {};
struct StopAt : boost::default_dijkstra_visitor {
  uint32_t t;
  explicit StopAt(uint32_t x) : t(x) {}
  template <class V, class G> void examine_vertex(V v, const G&) const {
    if (v == t) throw Stop{};
  }
};
} // namespace

int main(int argc, char** argv) {
  const uint32_t side = argc > 1 ? uint32_t(std::atoi(argv[1])) : 1000;
  const int queries = argc > 2 ? std::atoi(argv[2]) : 200;
  const uint32_t n = side * side;
  // Road-like: a grid of local roads (30–60 km/h, 5–15 % missing) with every 50th row and column an
  // arterial at 80 km/h: travel times in seconds for 1 km cells.
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> local(60.0, 120.0), u(0, 1);
  std::vector<hg::Arc> arcs;
  uint32_t road = 0;
  auto add = [&](uint32_t a, uint32_t b, double t) {
    arcs.push_back({a, b, road, t});
    arcs.push_back({b, a, road, t});
    ++road;
  };
  for (uint32_t y = 0; y < side; ++y)
    for (uint32_t x = 0; x < side; ++x) {
      const uint32_t v = y * side + x;
      const bool arterial_row = y % 50 == 0, arterial_col = x % 50 == 0;
      if (x + 1 < side && (arterial_row || u(rng) > 0.1)) add(v, v + 1, arterial_row ? 45.0 : local(rng));
      if (y + 1 < side && (arterial_col || u(rng) > 0.1)) add(v, v + side, arterial_col ? 45.0 : local(rng));
    }
  std::printf("routing benchmark: %u nodes, %u roads, %d queries\n", n, road, queries);
  std::vector<std::pair<uint32_t, uint32_t>> q;
  std::uniform_int_distribution<uint32_t> pick(0, n - 1);
  for (int i = 0; i < queries; ++i)
    q.emplace_back(pick(rng), pick(rng));

  double t0 = now_s();
  hg::RoadNetwork net(n, road, arcs);
  const double build_csr = now_s() - t0;
  t0 = now_s();
  double sum_csr = 0;
  int found = 0;
  for (auto [a, b] : q)
    if (auto r = net.shortest_path(a, b)) {
      sum_csr += r->time_s;
      ++found;
    }
  const double csr_s = now_s() - t0;

  using AL = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                   boost::property<boost::edge_weight_t, double>>;
  t0 = now_s();
  AL g(n);
  for (const auto& a : arcs)
    boost::add_edge(a.from, a.to, a.time_s, g);
  const double build_al = now_s() - t0;
  std::vector<double> dist(n);
  std::vector<AL::vertex_descriptor> pred(n);
  t0 = now_s();
  double sum_al = 0;
  for (auto [a, b] : q) {
    std::fill(dist.begin(), dist.end(), std::numeric_limits<double>::infinity());
    try {
      boost::dijkstra_shortest_paths_no_color_map(
          g, a, boost::predecessor_map(pred.data()).distance_map(dist.data()).visitor(StopAt(b)));
    } catch (const Stop&) {
    }
    if (dist[b] < std::numeric_limits<double>::infinity()) sum_al += dist[b];
  }
  const double al_s = now_s() - t0;
  std::printf("  build: CSR %.2f s, adjacency_list %.2f s\n", build_csr, build_al);
  std::printf("  RoadNetwork (CSR)      : %7.3f s  %8.1f queries/s  (%d/%d reachable)\n", csr_s,
              queries / csr_s, found, queries);
  std::printf("  adjacency_list Dijkstra: %7.3f s  %8.1f queries/s\n", al_s, queries / al_s);
  std::printf("  ratio adjacency_list / CSR time: %.2fx; same total travel time: %s\n", al_s / csr_s,
              std::abs(sum_csr - sum_al) < 1e-6 * std::max(1.0, sum_al) ? "yes" : "NO");
  return 0;
}
