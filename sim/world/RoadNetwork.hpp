#pragma once
/// @file
/// @brief The road graph (Boost compressed_sparse_row_graph, static) with dynamic closures, and
/// travel-time shortest paths on it.
///
/// The graph never changes during a run; a closure only marks a road, and the weight map gives a
/// closed road infinite travel time, so routing skips it. CSR is 1.5–2x faster than adjacency_list
/// for a static road graph (docs/benchmarks.md).
#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace hg {

struct World;

/// @brief A directed arc of the graph: one direction of one road.
struct Arc {
  uint32_t from = 0;
  uint32_t to = 0;
  uint32_t road = 0; ///< road index; closing a road closes both of its arcs
  double time_s = 0; ///< free-flow travel time
};

/// @brief A path found by the router.
struct Route {
  std::vector<uint32_t> nodes; ///< node indexes, start first
  std::vector<uint32_t> roads; ///< road index of each hop (nodes.size() - 1 entries)
  std::vector<double> hop_s;   ///< travel time of each hop for the vehicle
  double time_s = 0;
  bool empty() const { return nodes.empty(); }
};

class RoadNetwork {
public:
  RoadNetwork() = default;
  RoadNetwork(size_t node_count, size_t road_count, const std::vector<Arc>& arcs);
  /// Builds the graph of a loaded world (two arcs per road unless one-way).
  static RoadNetwork from_world(const World& w);

  size_t node_count() const { return boost::num_vertices(graph_); }
  size_t road_count() const { return closed_.size(); }

  void set_closed(uint32_t road, bool closed) { closed_.at(road) = closed ? 1 : 0; }
  bool is_closed(uint32_t road) const { return closed_.at(road) != 0; }

  /// Fastest route from `from` to `to` for a vehicle whose speed is `speed_factor` x free flow,
  /// avoiding closed roads. nullopt if `to` cannot be reached.
  std::optional<Route> shortest_path(uint32_t from, uint32_t to, double speed_factor = 1.0) const;

  /// Travel times from `from` to every node (infinity where unreachable).
  std::vector<double> travel_times_from(uint32_t from, double speed_factor = 1.0) const;

private:
  struct EdgeProp {
    uint32_t road = 0;
    double time_s = 0;
  };
  using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, EdgeProp,
                                                   boost::no_property, uint32_t, uint32_t>;
  Graph graph_;
  std::vector<char> closed_;
  mutable std::vector<double> dist_;
  mutable std::vector<uint32_t> pred_;
  double run_dijkstra(uint32_t from, uint32_t target, double speed_factor) const;
};

} // namespace hg
