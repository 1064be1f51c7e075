/// @file
/// @brief Benchmark of `import-osm` (sim/osm) on a generated grid-like road network of >= 1 million
/// OSM nodes, against baselines measured in the same run on the same file: libosmium reading the file
/// with an empty handler, and the usual one-pass approach (every node into a flex_mem location index
/// + NodeLocationsForWays). Each step runs in its own forked process so that peak RSS (wait4's
/// ru_maxrss) belongs to that step alone. Results go to docs/benchmarks.md.
///
/// Usage: osm_import_bench [--grid N] [--shape S] [--xml] [--keep]
///   N x N intersections 0.01 degree apart, S shape nodes between neighbours (default 160 x 20:
///   1,043,200 nodes, 6,400 ways); --xml writes .osm instead of .osm.pbf.
#include "sim/io/AtomicDir.hpp"
#include "sim/osm/GraphComponents.hpp"
#include "sim/osm/MapWriter.hpp"
#include "sim/osm/OsmImporter.hpp"

#include <osmium/builder/attr.hpp>
#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/io/any_output.hpp>
#include <osmium/visitor.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;
using Results = std::map<std::string, double>;

struct Measured {
  double wall_s = 0;
  double peak_rss_mb = 0;
  Results values; ///< numbers the child reported
};

/// Runs `fn` in a child process; the child's reported numbers come back through a pipe.
Measured in_child(const std::function<Results()>& fn) {
  int fd[2];
  if (pipe(fd) != 0)
    throw std::runtime_error("pipe failed");
  const auto t0 = Clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    close(fd[0]);
    int code = 0;
    std::ostringstream out;
    try {
      for (const auto& [k, v] : fn())
        out << k << " " << v << "\n";
    } catch (const std::exception& e) {
      std::cerr << "bench step failed: " << e.what() << "\n";
      code = 1;
    }
    const std::string s = out.str();
    if (write(fd[1], s.data(), s.size()) < 0)
      code = 1;
    close(fd[1]);
    _exit(code);
  }
  close(fd[1]);
  std::string text;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd[0], buf, sizeof buf)) > 0)
    text.append(buf, size_t(n));
  close(fd[0]);
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  Measured m;
  m.wall_s = std::chrono::duration<double>(Clock::now() - t0).count();
  m.peak_rss_mb = double(ru.ru_maxrss) / 1024.0; // Linux reports KiB
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("bench step failed");
  std::istringstream in(text);
  std::string k;
  double v;
  while (in >> k >> v)
    m.values[k] = v;
  return m;
}

/// Grid road network: rows and columns of intersections, S zig-zag shape nodes between neighbours,
/// ways of 8 blocks (so ways end at intersections, like real OSM ways split at junctions).
Results generate(const std::string& path, int grid, int shape) {
  using namespace osmium::builder::attr;
  osmium::io::Header header;
  header.set("generator", "hgdrill osm_import_bench");
  osmium::io::Writer writer{path, header, osmium::io::overwrite::allow};
  osmium::memory::Buffer buffer{1 << 20, osmium::memory::Buffer::auto_grow::yes};
  auto flush = [&](bool force) {
    if (force || buffer.committed() > (1 << 20) - (1 << 16)) {
      writer(std::move(buffer));
      buffer = osmium::memory::Buffer{1 << 20, osmium::memory::Buffer::auto_grow::yes};
    }
  };
  const double step = 0.01, lon0 = 129.6, lat0 = 47.0;
  const int64_t n_inter = int64_t(grid) * grid;
  const int64_t base_h = n_inter + 1;                              // horizontal shape nodes
  const int64_t base_v = base_h + int64_t(grid) * (grid - 1) * shape; // vertical shape nodes
  auto inter = [&](int r, int c) { return int64_t(r) * grid + c + 1; };
  auto h_shape = [&](int r, int c, int k) { return base_h + (int64_t(r) * (grid - 1) + c) * shape + k; };
  auto v_shape = [&](int r, int c, int k) { return base_v + (int64_t(r) * grid + c) * shape + k; };
  int64_t nodes = 0, ways = 0;
  for (int r = 0; r < grid; ++r)
    for (int c = 0; c < grid; ++c, ++nodes, flush(false))
      osmium::builder::add_node(buffer, _id(inter(r, c)), _version(1), _location(lon0 + c * step, lat0 + r * step));
  for (int r = 0; r < grid; ++r)
    for (int c = 0; c + 1 < grid; ++c)
      for (int k = 0; k < shape; ++k, ++nodes, flush(false))
        osmium::builder::add_node(buffer, _id(h_shape(r, c, k)), _version(1),
                 _location(lon0 + (c + (k + 1.0) / (shape + 1)) * step, lat0 + r * step + 0.0005 * std::sin(k)));
  for (int r = 0; r + 1 < grid; ++r)
    for (int c = 0; c < grid; ++c)
      for (int k = 0; k < shape; ++k, ++nodes, flush(false))
        osmium::builder::add_node(buffer, _id(v_shape(r, c, k)), _version(1),
                 _location(lon0 + c * step + 0.0005 * std::sin(k), lat0 + (r + (k + 1.0) / (shape + 1)) * step));
  const int block = 8;
  std::vector<osmium::object_id_type> refs;
  auto add_road = [&](bool row, int line, int from) {
    const int to = std::min(from + block, grid - 1);
    refs.clear();
    for (int i = from; i < to; ++i) {
      refs.push_back(row ? inter(line, i) : inter(i, line));
      for (int k = 0; k < shape; ++k)
        refs.push_back(row ? h_shape(line, i, k) : v_shape(i, line, k));
    }
    refs.push_back(row ? inter(line, to) : inter(to, line));
    const bool main = line % 10 == 0;
    const std::string name = (row ? "测试大街" : "测试路") + std::to_string(line);
    std::vector<std::pair<std::string, std::string>> tags = {
        {"highway", row ? (main ? "primary" : "residential") : (main ? "secondary" : "tertiary")}};
    if (main) {
      tags.push_back({"name", name});
      tags.push_back({"name:en", std::string(row ? "Test Street " : "Test Road ") + std::to_string(line)});
      tags.push_back({"maxspeed", "60"});
    }
    if (++ways % 50 == 0)
      tags.push_back({"bridge", "yes"});
    osmium::builder::add_way(buffer, _id(ways), _version(1), _nodes(refs), _tags(tags));
    flush(false);
  };
  for (int r = 0; r < grid; ++r)
    for (int c = 0; c + 1 < grid; c += block)
      add_road(true, r, c);
  for (int c = 0; c < grid; ++c)
    for (int r = 0; r + 1 < grid; r += block)
      add_road(false, c, r);
  flush(true);
  writer.close();
  return {{"nodes", double(nodes)}, {"ways", double(ways)}, {"bytes", double(std::filesystem::file_size(path))}};
}

struct EmptyHandler : osmium::handler::Handler {};

struct WayCounter : osmium::handler::Handler {
  uint64_t located = 0;
  void way(const osmium::Way& w) {
    for (const auto& nr : w.nodes())
      located += nr.location().valid();
  }
};

} // namespace

int main(int argc, char** argv) {
  int grid = 160, shape = 20;
  bool xml = false, keep = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--grid") && i + 1 < argc)
      grid = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--shape") && i + 1 < argc)
      shape = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--xml"))
      xml = true;
    else if (!std::strcmp(argv[i], "--keep"))
      keep = true;
    else {
      std::cerr << "usage: osm_import_bench [--grid N] [--shape S] [--xml] [--keep]\n";
      return 2;
    }
  }
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("hg_osm_bench_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string file = (dir / (xml ? "grid.osm" : "grid.osm.pbf")).string();
  const std::string out = (dir / "out").string();

  const Measured gen = in_child([&] { return generate(file, grid, shape); });
  std::printf("generated %s: %.0f nodes, %.0f ways, %.1f MB in %.2f s\n", file.c_str(), gen.values.at("nodes"),
              gen.values.at("ways"), gen.values.at("bytes") / 1e6, gen.wall_s);

  const Measured base = in_child([&] {
    osmium::io::Reader reader{file};
    EmptyHandler h;
    osmium::apply(reader, h);
    reader.close();
    return Results{};
  });
  const Measured onepass = in_child([&] {
    using Index = osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
    Index index;
    osmium::handler::NodeLocationsForWays<Index> locations{index};
    WayCounter counter;
    osmium::io::Reader reader{file};
    osmium::apply(reader, locations, counter);
    reader.close();
    return Results{{"located", double(counter.located)}};
  });
  const Measured imp = in_child([&] {
    const auto t0 = Clock::now();
    hg::osm::OsmGraph g = hg::osm::OsmImporter({}).run(file);
    const double read_s = std::chrono::duration<double>(Clock::now() - t0).count();
    const auto comps = hg::osm::GraphComponents::analyze(g);
    hg::AtomicDir d(out);
    hg::osm::MapWriter(g, "bench").write(d.staging());
    d.commit();
    return Results{{"read_build_s", read_s},
                   {"nodes_read", double(g.stats.nodes_read)},
                   {"graph_nodes", double(g.nodes.size())},
                   {"graph_roads", double(g.roads.size())},
                   {"components", double(comps.count)}};
  });

  const double nodes = gen.values.at("nodes");
  std::printf("\n%-44s %10s %12s %14s %8s\n", "step", "wall s", "peak RSS MB", "nodes/s", "ratio");
  auto row = [&](const char* name, const Measured& m) {
    std::printf("%-44s %10.2f %12.1f %14.0f %8.2f\n", name, m.wall_s, m.peak_rss_mb, nodes / m.wall_s,
                m.wall_s / base.wall_s);
  };
  row("baseline: libosmium read, empty handler", base);
  row("baseline: one pass, flex_mem + NodeLocations", onepass);
  row("hgdrill import-osm (read+build+write)", imp);
  std::printf("  of which read+build (2 passes)               %10.2f\n", imp.values.at("read_build_s"));
  std::printf("graph: %.0f nodes, %.0f roads, %.0f component(s)\n", imp.values.at("graph_nodes"),
              imp.values.at("graph_roads"), imp.values.at("components"));
  std::printf("ratio = wall time / baseline empty-handler read of the same file in this run\n");
  if (keep)
    std::printf("kept %s\n", dir.c_str());
  else
    fs::remove_all(dir);
  return 0;
}
