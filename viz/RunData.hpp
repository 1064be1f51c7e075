#pragma once
/// @file
/// @brief A run folder as the viewer sees it (docs/formats.md, "Run folder"): the scenario and its
/// world (from run.json), the events (through an EventSource), scores.json when present, and the
/// boundary and river GeoJSON layers of the map.
#include "sim/io/Scenario.hpp"
#include "viz/EventSource.hpp"
#include "viz/GeoLayer.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace hg::viz {

class RunData {
public:
  /// Loads RUN_DIR. The scenario is `scenario_file` if given, else run.json's "scenario", else the
  /// run.started event's "scenario" payload when it names a file. Throws std::runtime_error with a
  /// readable message (including every input diagnostic) on failure.
  static std::unique_ptr<RunData> load(const std::string& run_dir, const std::string& scenario_file = "");
  /// Attaches to a running drill (`hgdrill serve`) with the facilitator's token: the scenario is the
  /// one the server plays (or `scenario_file`), the events arrive as the drill goes on.
  static std::unique_ptr<RunData> load_live(const std::string& url, const std::string& token,
                                            const std::string& scenario_file = "");

  const Scenario& scenario() const { return scenario_; }
  const World& world() const { return scenario_.world; }
  const std::vector<Event>& events() const { return events_; }
  /// Polls the event source; true if new events arrived.
  bool refresh();
  bool live() const { return source_->live(); }
  /// Last time worth showing: the scenario duration or the last event, whichever is later.
  double end_time() const;
  /// scores.json (null when the run has none).
  const nlohmann::json& scores() const { return scores_; }
  const GeoLayer& boundaries() const { return boundaries_; }
  const GeoLayer& rivers() const { return rivers_; }
  /// Area to show at start: the city's road nodes, zones and facilities (entry points outside the
  /// city excluded); the boundaries if the world has no nodes.
  GeoBox extent() const;
  const std::string& dir() const { return dir_; }

private:
  void load_scenario_and_layers(const std::string& scen);
  std::string dir_;
  Scenario scenario_;
  std::unique_ptr<EventSource> source_;
  std::vector<Event> events_;
  nlohmann::json scores_;
  GeoLayer boundaries_, rivers_;
};

} // namespace hg::viz
