/// @file
/// @brief The two-pass OSM road import (see OsmImporter.hpp for why two passes).
#include "sim/osm/OsmImporter.hpp"

#include "sim/osm/OsmReadError.hpp"
#include "sim/osm/WayTags.hpp"

#include <osmium/index/map/sparse_mem_array.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/osm/node.hpp>
#include <osmium/osm/way.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <ostream>

namespace hg::osm {

namespace {

using Clock = std::chrono::steady_clock;
using LocationIndex = osmium::index::map::SparseMemArray<osmium::unsigned_object_id_type, osmium::Location>;

// Negative ids (unsaved JOSM edits) map to distinct unsigned keys; only equality and order matter.
osmium::unsigned_object_id_type key(int64_t id) { return static_cast<osmium::unsigned_object_id_type>(id); }

/// Ways kept by the first pass: tags parsed once, node references in one flat vector.
struct KeptWays {
  std::vector<int64_t> ids;
  std::vector<WayTags> tags;
  std::vector<size_t> begin; ///< into refs; way i uses refs[begin[i], begin[i+1])
  std::vector<int64_t> refs;
};

class Progress {
public:
  Progress(const ImportOptions& o, std::string file, const char* what)
      : out_(o.progress), every_(o.progress_every), file_(std::move(file)), what_(what), start_(Clock::now()) {}
  void tick(uint64_t n) {
    if (!out_ || every_ == 0 || n % every_ != 0)
      return;
    const double s = std::chrono::duration<double>(Clock::now() - start_).count();
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", s);
    *out_ << "import-osm: " << file_ << ": " << double(n) / 1e6 << "M " << what_ << " read (" << buf << " s)\n"
          << std::flush;
  }

private:
  std::ostream* out_;
  uint64_t every_;
  std::string file_;
  const char* what_;
  Clock::time_point start_;
};

KeptWays read_ways(const std::string& path, const ImportOptions& opt, ImportStats& st) {
  KeptWays k;
  Progress progress(opt, path, "ways");
  osmium::io::Reader reader{osmium::io::File{path}, osmium::osm_entity_bits::way};
  while (osmium::memory::Buffer buffer = reader.read()) {
    for (const auto& way : buffer.select<osmium::Way>()) {
      progress.tick(++st.ways_read);
      auto tags = WayTags::from(way.tags());
      if (!tags || way.nodes().size() < 2)
        continue;
      k.ids.push_back(way.id());
      k.tags.push_back(std::move(*tags));
      k.begin.push_back(k.refs.size());
      for (const auto& nr : way.nodes())
        k.refs.push_back(nr.ref());
    }
  }
  reader.close();
  k.begin.push_back(k.refs.size());
  st.ways_kept = k.ids.size();
  st.way_nodes = k.refs.size();
  return k;
}

void read_locations(const std::string& path, const ImportOptions& opt, const std::vector<int64_t>& needed,
                    LocationIndex& index, ImportStats& st) {
  Progress progress(opt, path, "nodes");
  osmium::io::Reader reader{osmium::io::File{path}, osmium::osm_entity_bits::node};
  // Files from Geofabrik and osmium are sorted by id, so a cursor walking `needed` alongside the
  // nodes replaces a binary search per node (which cost more than the PBF decoding itself);
  // unsorted input falls back to the binary search.
  auto cursor = needed.begin();
  int64_t last_id = INT64_MIN;
  auto wanted = [&](int64_t id) {
    if (id < last_id)
      return std::binary_search(needed.begin(), needed.end(), id);
    last_id = id;
    while (cursor != needed.end() && *cursor < id)
      ++cursor;
    return cursor != needed.end() && *cursor == id;
  };
  while (osmium::memory::Buffer buffer = reader.read()) {
    for (const auto& node : buffer.select<osmium::Node>()) {
      progress.tick(++st.nodes_read);
      if (!wanted(node.id()) || !node.location().valid())
        continue;
      if (opt.bbox && !opt.bbox->contains({node.location().lat(), node.location().lon()}))
        continue;
      index.set(key(node.id()), node.location());
    }
  }
  reader.close();
  index.sort();
}

LatLon latlon(const osmium::Location& l) { return {l.lat_without_check(), l.lon_without_check()}; }

/// A run: consecutive references of one way whose nodes all have a location (inside the bbox).
struct Run {
  uint32_t way;
  size_t begin, end; ///< into the flat run arrays
};

OsmGraph build(const std::string& path, const ImportOptions& opt, KeptWays& k, const LocationIndex& index,
               ImportStats& st) {
  std::vector<int64_t> ids;
  std::vector<osmium::Location> locs;
  std::vector<Run> runs;
  for (uint32_t w = 0; w < k.ids.size(); ++w) {
    size_t start = ids.size();
    auto close_run = [&] {
      if (ids.size() - start >= 2)
        runs.push_back({w, start, ids.size()});
      else
        ids.resize(start), locs.resize(start);
      start = ids.size();
    };
    for (size_t i = k.begin[w]; i < k.begin[w + 1]; ++i) {
      const int64_t ref = k.refs[i];
      if (ids.size() > start && ids.back() == ref)
        continue; // repeated node: zero-length segment
      const osmium::Location loc = index.get_noexcept(key(ref));
      if (!loc.valid()) {
        ++(opt.bbox ? st.outside_bbox : st.missing_locations);
        close_run(); // the way leaves the extract (or the bbox): split it there
        continue;
      }
      ids.push_back(ref);
      locs.push_back(loc);
    }
    close_run();
  }
  k.refs = {};
  k.begin = {};

  // Topological nodes: run ends count twice, so "count >= 2" means a run end or a shared node
  // (a node used twice by the same way, as in a loop, also counts: the loop is split there).
  std::vector<int64_t> topo;
  {
    std::vector<int64_t> counted(ids);
    for (const Run& r : runs) {
      counted.push_back(ids[r.begin]);
      counted.push_back(ids[r.end - 1]);
    }
    std::sort(counted.begin(), counted.end());
    for (size_t i = 0; i + 1 < counted.size();) {
      size_t j = i + 1;
      while (j < counted.size() && counted[j] == counted[i])
        ++j;
      if (j - i >= 2)
        topo.push_back(counted[i]);
      i = j;
    }
  }
  auto is_topo = [&](int64_t id) { return std::binary_search(topo.begin(), topo.end(), id); };
  // A closed way with one topological node would become a road from a node to itself, which map/1
  // rejects: split such pieces at their middle vertex (never a topological node, see above).
  std::vector<int64_t> extra;
  for (const Run& r : runs)
    for (size_t s = r.begin, i = r.begin + 1; i < r.end; ++i)
      if (is_topo(ids[i])) {
        if (ids[i] == ids[s] && i - s >= 2)
          extra.push_back(ids[(s + i) / 2]);
        s = i;
      }
  if (!extra.empty()) {
    topo.insert(topo.end(), extra.begin(), extra.end());
    std::sort(topo.begin(), topo.end());
    topo.erase(std::unique(topo.begin(), topo.end()), topo.end());
  }

  OsmGraph g;
  g.source_file = path;
  g.nodes.reserve(topo.size());
  for (int64_t id : topo)
    g.nodes.push_back({id, latlon(index.get_noexcept(key(id)))});
  auto index_of = [&](int64_t id) {
    return uint32_t(std::lower_bound(topo.begin(), topo.end(), id) - topo.begin());
  };
  std::vector<int> next_piece(k.ids.size(), 0);
  for (const Run& r : runs) {
    const WayTags& t = k.tags[r.way];
    double len_km = 0;
    for (size_t s = r.begin, i = r.begin + 1; i < r.end; ++i) {
      len_km += great_circle_km(latlon(locs[i - 1]), latlon(locs[i]));
      if (!is_topo(ids[i]))
        continue;
      OsmRoad road;
      road.way_id = k.ids[r.way];
      road.piece = next_piece[r.way]++;
      road.from = index_of(ids[s]);
      road.to = index_of(ids[i]);
      if (t.oneway < 0)
        std::swap(road.from, road.to);
      road.oneway = t.oneway != 0;
      road.cls = t.cls;
      road.zh = t.zh;
      road.en = t.en;
      road.ref = t.ref;
      road.length_km = len_km;
      road.speed_kmh = t.maxspeed_kmh;
      road.speed_from_maxspeed = t.maxspeed_tagged;
      road.bridge = t.bridge;
      g.roads.push_back(std::move(road));
      len_km = 0;
      s = i;
    }
  }
  if (st.missing_locations > 0)
    g.warnings.push_back(path + ": " + std::to_string(st.missing_locations) +
                         " node references of roads have no node in the file; those ways were cut there "
                         "(normal at the edge of an extract)");
  return g;
}

} // namespace

OsmGraph OsmImporter::run(const std::string& path) const {
  if (!std::filesystem::exists(path))
    throw OsmReadError(path, "no such file");
  if (std::filesystem::is_directory(path))
    throw OsmReadError(path, "is a folder, expected an .osm.pbf, .osm or .osm.bz2 file");
  ImportStats st;
  KeptWays ways;
  LocationIndex index;
  try {
    ways = read_ways(path, opt_, st);
    std::vector<int64_t> needed(ways.refs);
    std::sort(needed.begin(), needed.end());
    needed.erase(std::unique(needed.begin(), needed.end()), needed.end());
    read_locations(path, opt_, needed, index, st);
  } catch (const OsmReadError&) {
    throw;
  } catch (const std::exception& e) {
    // libosmium reports broken XML, PBF, bzip2 and unknown file types with these exceptions.
    throw OsmReadError(path, e.what());
  }
  if (st.ways_kept == 0)
    throw OsmReadError(path, "no ways with highway=motorway|trunk|primary|secondary|tertiary|unclassified|"
                             "residential|service|track (or their _link) found");
  OsmGraph g = build(path, opt_, ways, index, st);
  if (g.roads.empty())
    throw OsmReadError(path, opt_.bbox ? "no road lies inside --bbox" : "no road has located nodes");
  g.stats = st;
  return g;
}

} // namespace hg::osm
