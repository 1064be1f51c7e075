/// @file
/// @brief `hgdrill export geojson MAP_OR_SCENARIO --out FILE.geojson`: the map (and a scenario's
/// units and posts) as one GeoJSON FeatureCollection for QGIS (docs/osm.md).
#include "sim/cli/Command.hpp"
#include "sim/io/AtomicDir.hpp"
#include "sim/io/Diagnostics.hpp"
#include "sim/osm/GeoJsonExporter.hpp"

#include <iostream>
#include <memory>

namespace hg::cli {

namespace {
struct ExportOptions {
  std::string input;
  std::string out;
  bool force = false;
};

int run_export_geojson(const ExportOptions& o) {
  try {
    check_out_file(o.out, o.force);
  } catch (const std::exception& e) {
    std::cerr << "export: error: " << e.what() << "\n";
    return kOutputError;
  }
  nlohmann::json doc;
  std::vector<std::string> warnings;
  try {
    osm::MapSource src(o.input);
    doc = osm::GeoJsonExporter(src).build(warnings);
  } catch (const InputError& e) {
    std::cerr << e.diagnostics().str() << "export: error: " << o.input << " has errors\n";
    return kInvalidInput;
  }
  for (const auto& w : warnings)
    std::cerr << "export: warning: " << w << "\n";
  try {
    write_file_atomic(o.out, doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  } catch (const std::exception& e) {
    std::cerr << "export: error: " << e.what() << "\n";
    return kOutputError;
  }
  std::cerr << "export: " << o.out << ": " << doc["features"].size() << " features\n";
  return kOk;
}
} // namespace

Runner add_export_command(CLI::App& app) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* sub = app.add_subcommand("export", "Export a map or scenario to other formats");
  sub->require_subcommand(1);
  CLI::App* geo = sub->add_subcommand("geojson", "One RFC 7946 FeatureCollection (layer property per feature)");
  geo->add_option("MAP_OR_SCENARIO", o->input, "map.yaml (map/1) or a scenario (scenario/1)")->required();
  geo->add_option("--out", o->out, "FILE.geojson (written atomically)")->required();
  geo->add_flag("--force", o->force, "replace an existing file at --out");
  return [o, geo] { return geo->parsed() ? run_export_geojson(*o) : int(kUsage); };
}

} // namespace hg::cli
