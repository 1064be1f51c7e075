#pragma once
/// @file
/// @brief A tiny self-contained run folder for the viewer tests: three road nodes, a primary road
/// A–B, a bridge B–C over a river, one district polygon, a zone, a fire station and a gauge, one
/// unit, comms, a scenario and a hand-made events.jsonl (formats per docs/formats.md).
#include <filesystem>
#include <string>

namespace hg::viz::test {

/// Known coordinates of the fixture's features.
struct FixtureGeo {
  static constexpr double kRiverLat = 47.33;             ///< the river runs west-east along this latitude
  static constexpr double kRiverProbeLon = 130.24;       ///< a river point away from roads and labels
  static constexpr double kALat = 47.30, kALon = 130.20; ///< node n_a
  static constexpr double kBLat = 47.30, kBLon = 130.30; ///< node n_b
  static constexpr double kCLat = 47.36, kCLon = 130.30; ///< node n_c (zone z_c)
  static constexpr double kGaugeLat = 47.334, kGaugeLon = 130.33;
  static constexpr double kClosedAt = 3600, kReopenedAt = 7200; ///< road r_ab
};

class VizFixture {
public:
  /// Writes everything into a fresh temp folder; the run folder is dir()/"run".
  VizFixture();
  ~VizFixture();
  std::string run_dir() const { return (dir_ / "run").string(); }
  std::filesystem::path dir() const { return dir_; }

private:
  std::filesystem::path dir_;
};

} // namespace hg::viz::test
