#pragma once
/// @file
/// @brief Reads an OSM file (.osm.pbf, .osm, .osm.bz2) with libosmium and builds the simplified road
/// graph: only highway ways of the imported classes, split at topological nodes (way ends and nodes
/// shared by two or more ways), each piece measured along its full geometry.
///
/// Two passes keep memory proportional to the roads, not to the file: the first reads ways only
/// and collects the node ids they use; the second stores the locations of just those nodes in a
/// sparse_mem_array index (a sorted id/location vector: 16 bytes per road node, whereas a dense
/// index would need 8 bytes per possible node id, ~90 GB of address space for today's ids).
#include "sim/osm/BBox.hpp"
#include "sim/osm/OsmGraph.hpp"

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

namespace hg::osm {

struct ImportOptions {
  std::optional<BBox> bbox;            ///< keep only the parts of ways inside it
  std::ostream* progress = nullptr;    ///< progress lines (stderr in the command); null = quiet
  uint64_t progress_every = 1'000'000; ///< objects between progress lines
};

class OsmImporter {
public:
  explicit OsmImporter(ImportOptions opt) : opt_(std::move(opt)) {}
  /// Throws OsmReadError when the file is missing, of an unknown type, broken, or holds no roads.
  OsmGraph run(const std::string& path) const;

private:
  ImportOptions opt_;
};

} // namespace hg::osm
