/// @file
/// @brief Union-find over the road graph.
#include "sim/osm/GraphComponents.hpp"

#include <algorithm>
#include <numeric>

namespace hg::osm {

namespace {
uint32_t find_root(std::vector<uint32_t>& parent, uint32_t x) {
  while (parent[x] != x)
    x = parent[x] = parent[parent[x]]; // path halving keeps trees flat without recursion
  return x;
}
} // namespace

std::vector<uint32_t> GraphComponents::label(const OsmGraph& g, std::vector<size_t>& sizes) {
  const size_t n = g.nodes.size();
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  for (const auto& r : g.roads) {
    const uint32_t a = find_root(parent, r.from), b = find_root(parent, r.to);
    if (a != b)
      parent[std::max(a, b)] = std::min(a, b);
  }
  std::vector<uint32_t> root_label(n, UINT32_MAX), labels(n);
  std::vector<size_t> raw_sizes;
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t root = find_root(parent, i);
    if (root_label[root] == UINT32_MAX) {
      root_label[root] = uint32_t(raw_sizes.size());
      raw_sizes.push_back(0);
    }
    labels[i] = root_label[root];
    ++raw_sizes[labels[i]];
  }
  // Relabel by decreasing size (ties: first seen) so that label 0 is the largest component.
  std::vector<uint32_t> order(raw_sizes.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return raw_sizes[a] > raw_sizes[b]; });
  std::vector<uint32_t> rank(order.size());
  sizes.assign(order.size(), 0);
  for (uint32_t r = 0; r < order.size(); ++r) {
    rank[order[r]] = r;
    sizes[r] = raw_sizes[order[r]];
  }
  for (auto& l : labels)
    l = rank[l];
  return labels;
}

ComponentReport GraphComponents::analyze(const OsmGraph& g) {
  ComponentReport rep;
  std::vector<size_t> sizes;
  const auto labels = label(g, sizes);
  rep.count = sizes.size();
  rep.largest_nodes = sizes.empty() ? 0 : sizes[0];
  std::vector<bool> sampled(sizes.size(), false);
  for (uint32_t i = 0; i < labels.size(); ++i)
    if (labels[i] != 0 && !sampled[labels[i]]) {
      sampled[labels[i]] = true;
      rep.others.push_back({i, sizes[labels[i]]});
    }
  std::stable_sort(rep.others.begin(), rep.others.end(),
                   [](const auto& a, const auto& b) { return a.second < b.second; });
  return rep;
}

void GraphComponents::keep_largest(OsmGraph& g) {
  std::vector<size_t> sizes;
  const auto labels = label(g, sizes);
  if (sizes.size() <= 1)
    return;
  std::vector<uint32_t> new_index(g.nodes.size(), UINT32_MAX);
  std::vector<OsmNode> nodes;
  for (uint32_t i = 0; i < g.nodes.size(); ++i)
    if (labels[i] == 0) {
      new_index[i] = uint32_t(nodes.size());
      nodes.push_back(g.nodes[i]);
    }
  std::vector<OsmRoad> roads;
  for (auto& r : g.roads)
    if (labels[r.from] == 0) {
      r.from = new_index[r.from];
      r.to = new_index[r.to];
      roads.push_back(std::move(r));
    }
  g.nodes = std::move(nodes);
  g.roads = std::move(roads);
}

std::string GraphComponents::warning(const OsmGraph& g, const ComponentReport& r, size_t max_samples) {
  if (r.count <= 1)
    return "";
  std::string s = "road graph is not connected: " + std::to_string(r.count) +
                  " connected components; the largest has " + std::to_string(r.largest_nodes) + " of " +
                  std::to_string(g.nodes.size()) + " nodes; small components (sample node, nodes):";
  for (size_t i = 0; i < r.others.size() && i < max_samples; ++i)
    s += (i ? ", " : " ") + OsmGraph::node_id(g.nodes[r.others[i].first].osm_id) + " (" +
         std::to_string(r.others[i].second) + ")";
  if (r.others.size() > max_samples)
    s += ", … and " + std::to_string(r.others.size() - max_samples) + " more";
  s += ". Units cannot drive between components; use --keep-largest to drop the small ones";
  return s;
}

} // namespace hg::osm
