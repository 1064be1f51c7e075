#pragma once
/// @file
/// @brief Connected components of an imported road graph (roads taken as two-way): an extract cut
/// by a bbox or with unconnected private roads leaves islands that no unit can reach, so the
/// import names them and can keep only the largest component.
#include "sim/osm/OsmGraph.hpp"

#include <string>

namespace hg::osm {

class GraphComponents {
public:
  static ComponentReport analyze(const OsmGraph& g);
  /// Drops every node and road outside the largest component (--keep-largest).
  static void keep_largest(OsmGraph& g);
  /// "graph has 3 connected components; …", naming a sample node of each small one (at most
  /// `max_samples`); empty when the graph is connected.
  static std::string warning(const OsmGraph& g, const ComponentReport& r, size_t max_samples = 20);

private:
  /// Component label of every node; labels are 0..count-1, label 0 the largest.
  static std::vector<uint32_t> label(const OsmGraph& g, std::vector<size_t>& sizes);
};

} // namespace hg::osm
