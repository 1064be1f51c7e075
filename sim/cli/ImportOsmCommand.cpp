/// @file
/// @brief `hgdrill import-osm FILE --out DIR`: builds a map/1 road network from an OpenStreetMap file
/// (docs/osm.md), optionally joined to the facilities and zones of an existing map or scenario.
#include "sim/cli/Command.hpp"
#include "sim/io/AtomicDir.hpp"
#include "sim/io/Diagnostics.hpp"
#include "sim/io/WorldLoader.hpp"
#include "sim/osm/GraphComponents.hpp"
#include "sim/osm/MapJoiner.hpp"
#include "sim/osm/MapWriter.hpp"
#include "sim/osm/OsmImporter.hpp"
#include "sim/osm/OsmReadError.hpp"

#include <chrono>
#include <iostream>
#include <memory>
#include <regex>

namespace hg::cli {

namespace {
struct ImportOsmOptions {
  std::string input;
  std::string bbox;
  std::string join;
  double max_join_km = 2.0;
  std::string out;
  std::string id = "osm";
  bool keep_largest = false;
  bool quiet = false;
  bool force = false;
};

int run_import(const ImportOsmOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  osm::ImportOptions io;
  if (!o.bbox.empty()) {
    std::string why;
    io.bbox = osm::BBox::parse(o.bbox, why);
    if (!io.bbox) {
      std::cerr << "import-osm: --bbox " << o.bbox << ": " << why << "\n";
      return kUsage;
    }
  }
  if (!std::regex_match(o.id, std::regex("[a-z0-9_]+"))) {
    std::cerr << "import-osm: --id " << o.id << ": expected [a-z0-9_]+\n";
    return kUsage;
  }
  if (!o.quiet)
    io.progress = &std::cerr;

  osm::OsmGraph g;
  try {
    g = osm::OsmImporter(io).run(o.input);
  } catch (const osm::OsmReadError& e) {
    std::cerr << "import-osm: error: " << e.what() << "\n";
    return kInvalidInput;
  }
  const auto comps = osm::GraphComponents::analyze(g);
  if (auto w = osm::GraphComponents::warning(g, comps); !w.empty())
    g.warnings.push_back(w);
  if (o.keep_largest && comps.count > 1) {
    osm::GraphComponents::keep_largest(g);
    g.warnings.push_back("--keep-largest: kept " + std::to_string(g.nodes.size()) + " nodes and " +
                         std::to_string(g.roads.size()) + " roads of the largest component");
  }

  std::unique_ptr<osm::JoinResult> join;
  if (!o.join.empty()) {
    try {
      osm::MapSource src(o.join);
      join = std::make_unique<osm::JoinResult>(osm::MapJoiner(g, o.max_join_km).join(src));
      g.warnings.insert(g.warnings.end(), join->warnings.begin(), join->warnings.end());
    } catch (const InputError& e) {
      std::cerr << e.diagnostics().str() << "import-osm: error: --join " << o.join << " has errors\n";
      return kInvalidInput;
    }
  }
  for (const auto& w : g.warnings)
    std::cerr << "import-osm: warning: " << w << "\n";

  try {
    OutPolicy policy;
    policy.marker = "map.yaml";
    policy.force = o.force;
    AtomicDir dir(o.out, policy);
    osm::MapWriter(g, o.id).write(dir.staging(), join.get());
    // Check the result with the same loader the simulator uses before it replaces anything.
    Diagnostics diag;
    load_world({dir.file("map.yaml"), "", ""}, diag);
    if (diag.has_errors()) {
      std::cerr << diag.str() << "import-osm: error: the written map does not load (a bug; please report)\n";
      return kRunFailed;
    }
    dir.commit();
  } catch (const std::exception& e) {
    std::cerr << "import-osm: error: " << e.what() << "\n";
    return kOutputError;
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cerr << "import-osm: " << o.out << "/map.yaml: " << g.nodes.size() << " nodes, " << g.roads.size()
            << " roads from " << g.stats.ways_kept << " of " << g.stats.ways_read << " ways and "
            << g.stats.nodes_read << " nodes";
  if (join)
    std::cerr << "; " << join->entries.size() << " zones and facilities joined";
  std::cerr << " (" << s << " s)\n";
  return kOk;
}
} // namespace

Runner add_import_osm_command(CLI::App& app) {
  auto o = std::make_shared<ImportOsmOptions>();
  CLI::App* sub = app.add_subcommand("import-osm", "Import roads from OpenStreetMap (.osm.pbf, .osm, .osm.bz2) as a "
                                                   "map/1 folder (docs/osm.md)");
  sub->add_option("FILE", o->input, "OSM file, e.g. heilongjiang-latest.osm.pbf from Geofabrik")->required();
  sub->add_option("--bbox", o->bbox, "MINLON,MINLAT,MAXLON,MAXLAT; Hegang: 129.6,47.0,132.6,48.4");
  sub->add_option("--join", o->join, "map.yaml or scenario whose facilities and zones are joined to the roads");
  sub->add_option("--max-join-km", o->max_join_km, "warn about items farther than this from any road")
      ->check(CLI::PositiveNumber);
  sub->add_option("--out", o->out, "output folder (replaced atomically)")->required();
  sub->add_option("--id", o->id, "map id written to map.yaml");
  sub->add_flag("--keep-largest", o->keep_largest, "drop nodes and roads outside the largest connected component");
  sub->add_flag("-q,--quiet", o->quiet, "no progress lines");
  sub->add_flag("--force", o->force, "replace an earlier imported map folder at --out (never anything else)");
  return [o] { return run_import(*o); };
}

} // namespace hg::cli
