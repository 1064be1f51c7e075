/// @file
/// @brief Loading a run folder for scoring.
#include "scoring/RunData.hpp"

#include <cstdio>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace hg::score {

namespace fs = std::filesystem;

const Event* RunData::event(long seq) const {
  if (seq >= 0 && size_t(seq) < events.size() && events[size_t(seq)].seq == seq)
    return &events[size_t(seq)];
  for (const auto& e : events)
    if (e.seq == seq)
      return &e;
  return nullptr;
}

RunData load_run(const std::string& run_dir) {
  RunData d;
  d.run_dir = run_dir;
  const fs::path dir(run_dir);
  const fs::path run_json = dir / "run.json";
  std::ifstream in(run_json);
  if (!in)
    throw std::runtime_error(run_json.string() + ": cannot open (is this a run folder written by hgdrill run?)");
  try {
    in >> d.run_json;
  } catch (const std::exception& e) {
    throw std::runtime_error(run_json.string() + ": not valid JSON: " + e.what());
  }
  if (!d.run_json.is_object() || !d.run_json.contains("scenario") || !d.run_json["scenario"].is_string())
    throw std::runtime_error(run_json.string() + ": missing \"scenario\" (path of the scenario file)");
  d.events = EventLog::read_jsonl((dir / "events.jsonl").string());
  if (fs::exists(dir / "baseline" / "events.jsonl"))
    d.baseline = EventLog::read_jsonl((dir / "baseline" / "events.jsonl").string());

  std::string scenario_path = d.run_json["scenario"].get<std::string>();
  if (fs::path(scenario_path).is_relative())
    scenario_path = (dir / scenario_path).string(); // run.json should hold an absolute path; be lenient
  Diagnostics diag;
  d.scenario = load_scenario(scenario_path, diag);
  d.scenario.hazard_specs.clear(); // they point into `diag`, which dies here; scoring does not use them
  if (diag.has_errors())
    throw InputError(diag);

  d.t0_s = d.scenario.incident.at_s;
  d.duration_s = d.scenario.duration_s;
  d.start_label = d.scenario.start_label;
  d.seed = (long long)d.scenario.seed;
  if (d.run_json.contains("seed") && d.run_json["seed"].is_number())
    d.seed = d.run_json["seed"].get<long long>();
  bool have_end = false;
  for (const auto& e : d.events) {
    if (e.type == "run.started") {
      if (e.payload.contains("duration_s") && e.payload["duration_s"].is_number())
        d.duration_s = e.payload["duration_s"].get<double>();
      if (e.payload.contains("start") && e.payload["start"].is_string())
        d.start_label = e.payload["start"].get<std::string>();
      if (e.payload.contains("seed") && e.payload["seed"].is_number())
        d.seed = e.payload["seed"].get<long long>();
    } else if (e.type == "run.ended" && e.payload.contains("sim_end_s") && e.payload["sim_end_s"].is_number()) {
      d.end_s = e.payload["sim_end_s"].get<double>();
      have_end = true;
    } else if (e.type == "incident.started") {
      d.t0_s = e.t;
    }
  }
  if (!have_end)
    d.end_s = d.duration_s;
  return d;
}

std::string RunData::draws_text() const {
  if (!run_json.contains("draws") || !run_json["draws"].is_object()) return "";
  std::string out;
  for (auto it = run_json["draws"].begin(); it != run_json["draws"].end(); ++it) {
    std::string v;
    if (it.value().is_number()) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.4g", it.value().get<double>());
      v = buf;
    } else {
      v = it.value().is_string() ? it.value().get<std::string>() : it.value().dump();
    }
    out += (out.empty() ? "" : ", ") + it.key() + " = " + v;
  }
  return out;
}

} // namespace hg::score
