/// @file
/// @brief Run folder loading (see RunData.hpp).
#include "viz/RunData.hpp"

#include "viz/FileEventSource.hpp"
#include "viz/HttpEventSource.hpp"

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace hg::viz {

namespace fs = std::filesystem;

namespace {
nlohmann::json read_json(const fs::path& p) {
  std::ifstream in(p);
  if (!in) return nullptr;
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(p.string() + ": bad JSON: " + e.what());
  }
}

std::string existing(const fs::path& run_dir, const std::string& p) {
  if (p.empty()) return "";
  fs::path path(p);
  if (path.is_relative() && fs::exists(run_dir / path)) return (run_dir / path).string();
  return fs::exists(path) ? path.string() : "";
}
} // namespace

std::unique_ptr<RunData> RunData::load(const std::string& run_dir, const std::string& scenario_file) {
  auto run = std::make_unique<RunData>();
  const fs::path dir(run_dir);
  run->dir_ = run_dir;
  if (!fs::is_directory(dir))
    throw std::runtime_error(run_dir + ": not a run folder (expected a directory written by hgdrill run)");
  const fs::path events = dir / "events.jsonl";
  if (!fs::exists(events))
    throw std::runtime_error(events.string() + ": missing (is this a run folder written by hgdrill run?)");
  run->source_ = std::make_unique<FileEventSource>(events.string());
  run->refresh();

  std::string scen = scenario_file;
  if (scen.empty()) {
    const nlohmann::json rj = read_json(dir / "run.json");
    if (rj.is_object() && rj.contains("scenario") && rj["scenario"].is_string())
      scen = existing(dir, rj["scenario"].get<std::string>());
  }
  if (scen.empty())
    for (const auto& e : run->events_)
      if (e.type == "run.started" && e.payload.contains("scenario") && e.payload["scenario"].is_string()) {
        scen = existing(dir, e.payload["scenario"].get<std::string>());
        break;
      }
  if (scen.empty())
    throw std::runtime_error(run_dir + ": cannot find the scenario file (run.json \"scenario\" is missing or "
                                       "does not exist); pass --scenario FILE");
  run->load_scenario_and_layers(scen);
  run->scores_ = read_json(dir / "scores.json");
  return run;
}

std::unique_ptr<RunData> RunData::load_live(const std::string& url, const std::string& token,
                                            const std::string& scenario_file) {
  auto run = std::make_unique<RunData>();
  auto src = std::make_unique<HttpEventSource>(url, token);
  std::string scen = scenario_file;
  if (scen.empty()) {
    const auto& v = src->first_view();
    if (v.contains("scenario") && v["scenario"].contains("file")) scen = v["scenario"]["file"].get<std::string>();
  }
  if (scen.empty() || !fs::exists(scen))
    throw std::runtime_error(url + ": the scenario file the server plays is not on this machine (" + scen +
                             "); pass --scenario FILE");
  run->dir_ = url;
  run->source_ = std::move(src);
  run->refresh();
  run->load_scenario_and_layers(scen);
  run->scores_ = nullptr;
  return run;
}

void RunData::load_scenario_and_layers(const std::string& scen) {
  Diagnostics diag;
  scenario_ = load_scenario(scen, diag);
  if (diag.has_errors()) throw std::runtime_error(scen + ": scenario has errors:\n" + diag.str());
  boundaries_ = GeoLayer::load(world().boundaries_file);
  rivers_ = GeoLayer::load(world().rivers_file);
}

bool RunData::refresh() {
  auto fresh = source_->poll();
  if (fresh.empty()) return false;
  for (auto& e : fresh)
    events_.push_back(std::move(e));
  return true;
}

double RunData::end_time() const {
  if (auto now = source_->clock_s()) return std::max(*now, 1.0); // a live drill ends, for now, at its clock
  double end = scenario_.duration_s;
  if (!events_.empty()) end = std::max(end, events_.back().t);
  return std::max(end, 1.0);
}

GeoBox RunData::extent() const {
  GeoBox b;
  const World& w = world();
  for (const auto& n : w.nodes)
    if (!n.outside) b.add(n.pos);
  for (const auto& f : w.facilities)
    if (f.kind != "entry_point" && !w.nodes[f.node].outside) b.add(f.pos);
  if (b.empty()) b = boundaries_.box();
  if (!b.empty()) { // 8 % breathing room
    const double dl = (b.max_lat - b.min_lat) * 0.08 + 0.002, dn = (b.max_lon - b.min_lon) * 0.08 + 0.003;
    b.add(LatLon{b.min_lat - dl, b.min_lon - dn});
    b.add(LatLon{b.max_lat + dl, b.max_lon + dn});
  }
  return b;
}

} // namespace hg::viz
