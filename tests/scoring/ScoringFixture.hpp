#pragma once
/// @file
/// @brief A tiny hand-made world, scenario and event log for the scoring tests, written to a fresh
/// temporary folder. The expected KPI values in the tests are computed by hand from the events here.
#include <filesystem>
#include <string>
#include <vector>

namespace hg::test {

struct ScoringFixture {
  std::filesystem::path dir;     ///< temporary root
  std::filesystem::path run_dir; ///< dir/run (run.json, events.jsonl, baseline/)
  std::string scenario;          ///< absolute path of scenario.yaml
  /// Writes map, units, comms, scenario, run.json, the log below and the baseline log.
  explicit ScoringFixture(const std::string& name, bool with_baseline = true, long seed = 7);
  ~ScoringFixture();
  /// Rewrites events.jsonl from `lines` (each a JSON object without seq; seq is the line number).
  void write_events(const std::vector<std::string>& lines, const std::string& file = "events.jsonl") const;
  static std::vector<std::string> standard_events();
};

void write_text(const std::filesystem::path& p, const std::string& text);
std::string read_text(const std::filesystem::path& p);

} // namespace hg::test
