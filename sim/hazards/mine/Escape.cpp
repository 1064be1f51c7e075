/// @file
/// @brief Walking speed in smoke, Dijkstra travel times, and the escape/refuge rule.
#include "sim/hazards/mine/Escape.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>

namespace hg::mine {

double extinction_per_m(double smoke_mg_m3) {
  return std::max(0.0, smoke_mg_m3) * 1e-3 * kSmokeExtinctionM2PerG;
}

double visibility_m(double cs) {
  return cs > 0 ? 3.0 / cs : std::numeric_limits<double>::infinity();
}

double walking_speed_m_s(double cs, const WalkSpeeds& w) {
  if (cs <= 0) return w.clear_m_s;
  if (cs >= w.dense_cs_per_m) return w.dense_m_s;
  return w.clear_m_s + (w.dense_m_s - w.clear_m_s) * cs / w.dense_cs_per_m;
}

double branch_travel_s(const Branch& b, double speed_m_s) {
  if (b.kind == BranchKind::kShaft && b.hoist_s > 0) return b.hoist_s; // by cage
  return b.length_m / std::max(1e-6, speed_m_s);
}

TravelTimes travel_times(const MineNetwork& net, const std::vector<bool>& closed, const Position& from,
                         double speed_m_s) {
  const size_t nj = net.junctions.size();
  TravelTimes tt;
  tt.t_s.assign(nj, std::numeric_limits<double>::infinity());
  tt.via.assign(nj, -1);
  tt.prev.assign(nj, -1);
  using Item = std::pair<double, int>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> pq;
  auto passable = [&](int b) { return net.branches[size_t(b)].travel && !closed[size_t(b)]; };
  if (from.branch >= 0) {
    if (!passable(from.branch)) return tt;
    const Branch& b = net.branches[size_t(from.branch)];
    const double full = branch_travel_s(b, speed_m_s);
    tt.t_s[size_t(b.from)] = from.s * full;
    tt.t_s[size_t(b.to)] = std::min(tt.t_s[size_t(b.to)], (1 - from.s) * full);
    pq.push({tt.t_s[size_t(b.from)], b.from});
    pq.push({tt.t_s[size_t(b.to)], b.to});
  } else if (from.junction >= 0) {
    tt.t_s[size_t(from.junction)] = 0;
    pq.push({0.0, from.junction});
  }
  // Adjacency built on the fly (networks are small; the benchmark network is solved, not routed).
  std::vector<std::vector<int>> adj(nj);
  for (size_t b = 0; b < net.branches.size(); ++b)
    if (passable(int(b))) {
      adj[size_t(net.branches[b].from)].push_back(int(b));
      adj[size_t(net.branches[b].to)].push_back(int(b));
    }
  while (!pq.empty()) {
    auto [t, u] = pq.top();
    pq.pop();
    if (t > tt.t_s[size_t(u)]) continue;
    if (net.junctions[size_t(u)].surface && !(from.junction == u && from.branch < 0)) continue;
    for (int b : adj[size_t(u)]) {
      const Branch& br = net.branches[size_t(b)];
      const int v = br.from == u ? br.to : br.from;
      const double nt = t + branch_travel_s(br, speed_m_s);
      if (nt < tt.t_s[size_t(v)]) {
        tt.t_s[size_t(v)] = nt;
        tt.via[size_t(v)] = b;
        tt.prev[size_t(v)] = u;
        pq.push({nt, v});
      }
    }
  }
  return tt;
}

std::vector<Leg> TravelTimes::route_to(const MineNetwork& net, const Position& from, int junction) const {
  std::vector<Leg> legs;
  if (junction < 0 || !std::isfinite(t_s[size_t(junction)])) return legs;
  int v = junction;
  while (via[size_t(v)] >= 0) {
    const Branch& b = net.branches[size_t(via[size_t(v)])];
    legs.push_back({via[size_t(v)], b.to == v ? 1 : -1});
    v = prev[size_t(v)];
  }
  if (from.branch >= 0) { // first finish the branch we are in, towards v
    const Branch& b = net.branches[size_t(from.branch)];
    legs.push_back({from.branch, v == b.to ? 1 : -1});
  }
  std::reverse(legs.begin(), legs.end());
  return legs;
}

EscapeChoice choose_escape(const EscapeInputs& in) {
  const bool exit_ok = std::isfinite(in.t_exit_s);
  const bool refuge_ok = std::isfinite(in.t_refuge_s);
  if (!exit_ok && !refuge_ok) return EscapeChoice::kNone;
  if (!in.breathing_apparatus) return exit_ok ? EscapeChoice::kExit : EscapeChoice::kRefuge;
  if (exit_ok && in.t_exit_s <= in.scsr_left_s) return EscapeChoice::kExit;
  if (std::isfinite(in.t_station_s) && in.t_station_s <= in.scsr_left_s &&
      in.t_station_exit_s <= in.scsr_full_s)
    return EscapeChoice::kExitViaStation;
  if (refuge_ok && in.t_refuge_s <= in.scsr_left_s) return EscapeChoice::kRefuge;
  if (!refuge_ok) return EscapeChoice::kExit;
  if (!exit_ok) return EscapeChoice::kRefuge;
  return in.t_exit_s <= in.t_refuge_s ? EscapeChoice::kExit : EscapeChoice::kRefuge;
}

} // namespace hg::mine
