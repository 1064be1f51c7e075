#include "sim/world/RoadNetwork.hpp"

#include "sim/world/World.hpp"

#include <boost/graph/dijkstra_shortest_paths_no_color_map.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <algorithm>

namespace hg {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

/// Stops Dijkstra as soon as the target is settled: point-to-point queries need no full tree.
struct TargetReached {};
struct StopAtTarget : boost::default_dijkstra_visitor {
  uint32_t target;
  explicit StopAtTarget(uint32_t t) : target(t) {}
  template <class V, class G> void examine_vertex(V v, const G&) const {
    if (v == target) throw TargetReached{};
  }
};
} // namespace

RoadNetwork::RoadNetwork(size_t node_count, size_t road_count, const std::vector<Arc>& arcs)
    : closed_(road_count, 0) {
  std::vector<std::pair<uint32_t, uint32_t>> ends;
  std::vector<EdgeProp> props;
  ends.reserve(arcs.size());
  props.reserve(arcs.size());
  for (const Arc& a : arcs) {
    ends.emplace_back(a.from, a.to);
    props.push_back({a.road, a.time_s});
  }
  graph_ = Graph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), props.begin(), node_count);
}

RoadNetwork RoadNetwork::from_world(const World& w) {
  std::vector<Arc> arcs;
  arcs.reserve(w.roads.size() * 2);
  for (uint32_t i = 0; i < w.roads.size(); ++i) {
    const Road& r = w.roads[i];
    arcs.push_back({uint32_t(r.from), uint32_t(r.to), i, r.travel_time_s()});
    if (!r.oneway) arcs.push_back({uint32_t(r.to), uint32_t(r.from), i, r.travel_time_s()});
  }
  return RoadNetwork(w.nodes.size(), w.roads.size(), arcs);
}

double RoadNetwork::run_dijkstra(uint32_t from, uint32_t target, double speed_factor) const {
  const size_t n = node_count();
  dist_.assign(n, kInf);
  pred_.resize(n);
  for (uint32_t i = 0; i < n; ++i)
    pred_[i] = i;
  const double inv_speed = 1.0 / speed_factor;
  auto weight = boost::make_function_property_map<Graph::edge_descriptor, double>(
      [this, inv_speed](const Graph::edge_descriptor& e) {
        const EdgeProp& p = graph_[e];
        return closed_[p.road] ? kInf : p.time_s * inv_speed;
      });
  auto index = boost::get(boost::vertex_index, graph_);
  try {
    boost::dijkstra_shortest_paths_no_color_map(
        graph_, from, boost::make_iterator_property_map(pred_.begin(), index),
        boost::make_iterator_property_map(dist_.begin(), index), weight, index, std::less<double>(),
        std::plus<double>(), kInf, 0.0, StopAtTarget(target));
  } catch (const TargetReached&) {
  }
  return target < n ? dist_[target] : kInf;
}

std::optional<Route> RoadNetwork::shortest_path(uint32_t from, uint32_t to, double speed_factor) const {
  if (from >= node_count() || to >= node_count()) return std::nullopt;
  Route r;
  if (from == to) {
    r.nodes = {from};
    return r;
  }
  const double t = run_dijkstra(from, to, speed_factor);
  if (!(t < kInf)) return std::nullopt;
  for (uint32_t v = to; v != from; v = pred_[v])
    r.nodes.push_back(v);
  r.nodes.push_back(from);
  std::reverse(r.nodes.begin(), r.nodes.end());
  // Recover which road each hop used: the fastest open arc between the two nodes.
  for (size_t i = 0; i + 1 < r.nodes.size(); ++i) {
    double best = kInf;
    uint32_t best_road = 0;
    for (auto [e, end] = boost::out_edges(r.nodes[i], graph_); e != end; ++e) {
      if (boost::target(*e, graph_) != r.nodes[i + 1]) continue;
      const EdgeProp& p = graph_[*e];
      if (!closed_[p.road] && p.time_s < best) {
        best = p.time_s;
        best_road = p.road;
      }
    }
    r.roads.push_back(best_road);
    r.hop_s.push_back(best / speed_factor);
  }
  r.time_s = t;
  return r;
}

std::vector<double> RoadNetwork::travel_times_from(uint32_t from, double speed_factor) const {
  run_dijkstra(from, uint32_t(-1), speed_factor);
  return dist_;
}

} // namespace hg
