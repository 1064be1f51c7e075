#pragma once
/// @file
/// @brief The forest-fire hazard behind the hazard contract (sim/hazards/Hazard.hpp): Rothermel spread
/// over a fuel/elevation raster (FireSpread) driven by a wind time series and time-of-day fuel moisture,
/// fireline built by the crews that work on it (work()), road closures near the active front,
/// settlements reached or inside the projected arrival time, harm to the people still there when the
/// fire arrives, crew entrapment risk and the daily FWI danger. Pure C++: no engine or SimGrid includes;
/// everything leaves through the EffectSink.
#include "sim/hazards/Hazard.hpp"
#include "sim/hazards/fire/FireConfig.hpp"
#include "sim/hazards/fire/FireSpread.hpp"
#include "sim/hazards/fire/Suppression.hpp"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hg::fire {

/// @brief Work tasks the fire takes (its module registers them with the capability `forest_fire`).
inline constexpr const char* kTaskFireline = "fireline";
inline constexpr const char* kTaskDirectAttack = "direct_attack";
inline constexpr const char* kTaskIndirectAttack = "indirect_attack";

class FireModel : public hg::Hazard {
public:
  /// @brief Reads the rasters and places everything on the grid. Throws std::invalid_argument whose
  /// message starts with the config field at fault ("fuel_raster: …", "ignition: …", "lines[2].path: …").
  explicit FireModel(FireConfig cfg);
  /// @brief Same with an already built grid (tests).
  FireModel(FireConfig cfg, FireGrid grid);

  std::string id() const override { return cfg_.id; }
  std::string kind() const override { return "forest_fire"; }
  double step_s() const override { return cfg_.step_s; }
  void start(const HazardView& view, EffectSink& sink) override;
  void advance(double t_s, double dt_s, EffectSink& sink) override;
  /// @brief `fireline` on a line id (the line's own mode) or on the hazard id (direct attack from the
  /// rear); `direct_attack` on the hazard id or a line id; `indirect_attack` on a line with a route.
  /// `incident` stands for the hazard id when this fire is the scenario's incident.
  bool accepts_work(const std::string& task, const std::string& target) const override;
  /// @brief Turns w.personnel × w.dt_s into fireline (NWCG production rates of the line's crew type) and
  /// remembers which unit works where, for the crew-safety checks of the next advance().
  bool work(const Work& w, EffectSink& sink) override;
  /// @brief {"what":"ignite","lat":..,"lon":..} (spot fire), {"what":"wind","speed_10m_m_s":..,"dir_deg":..}.
  bool inject(const nlohmann::json& what, double t_s, EffectSink& sink) override;
  /// @brief The hazard id (direct attack) and every line id of the scenario.
  std::vector<std::string> targets() const override;
  /// @brief The road node crews are dropped at for a target ("" if unknown).
  std::string site_of(const std::string& target) const override;
  /// @brief The settlements that are population zones, with all their residents (a forest farm or a
  /// village lives at its settlement point).
  std::vector<ZoneAtRisk> zones_at_risk() const override;

  const FireSpread& spread() const { return *spread_; }
  const FireConfig& config() const { return cfg_; }
  /// @brief Weather in force at t_s (wind series, temperature/RH, time of day).
  SpreadConditions conditions_at(double t_s) const;
  /// @brief FWI of scenario day `day` (nullopt if the config has no danger weather for it).
  std::optional<FwiCodes> danger_of_day(int day) const;
  /// @brief Road ids closed by this fire now.
  std::vector<std::string> closed_roads() const;
  /// @brief Radiant heat flux (kW/m²) at a settlement from the current front (0 before ignition or for
  /// an unknown id), docs/models/fire.md §6.
  double settlement_flux_kw_m2(const std::string& settlement) const;

private:
  /// A unit working on a line: it first walks in from its drop node, then builds line.
  struct Crew {
    double start_s = -1; ///< start of its first work step
    double walk_s = 0;   ///< walk from the drop node to where the line is being built
    double last_s = -1;  ///< end of its last work step on the line (-1: still walking in)
  };
  struct Line {
    std::string target; ///< line id or hazard id
    const LineConfig* cfg = nullptr;
    std::unique_ptr<LineAssignment> work;
    std::map<std::string, Crew> crews; ///< by unit
    std::set<std::string> at_risk;     ///< units flagged at risk now
    std::set<std::string> entrapped;   ///< units already reported entrapped
    bool finished_reported = false;
  };
  struct RoadState {
    const RoadLine* cfg = nullptr;
    std::vector<size_t> cells;
    bool closed = false;
    double clear_since_s = -1;
  };
  struct Place {
    const Settlement* cfg = nullptr;
    std::optional<size_t> cell;
    bool reached = false;
    bool warned = false;
    double fatalities = 0;        ///< expected, cumulative (the estimate only grows)
    double reported_exposed = -1; ///< exposure of the last Harm published (-1: none yet)
  };

  void setup();
  void ignite(EffectSink& sink, double t_s);
  void report(double t_s, EffectSink& sink);
  void check_roads(double t_s, EffectSink& sink);
  void check_places(double t_end_s, EffectSink& sink);
  void harm_places(EffectSink& sink);
  void check_crews(double t_s, double t_end_s, EffectSink& sink);
  void emit_danger(int day, EffectSink& sink);
  double local_solar_hour(double t_s) const;
  double flux_at_kw_m2(size_t cell) const;
  std::pair<double, double> cell_lat_lon(size_t cell) const;
  nlohmann::json grid_georeference() const;
  /// The line a task on a target works on (created on first use); nullptr if not accepted.
  Line* line_for(const std::string& task, const std::string& target);
  /// Seconds a crew walks from the line's drop node to where the line is being built.
  double walk_in_s(const Line& l) const;
  const LineConfig* line_config(const std::string& id) const;
  /// The hazard id for `incident` when this fire is the incident; the target itself otherwise.
  std::string resolve(const std::string& target) const;

  FireConfig cfg_;
  std::unique_ptr<FireSpread> spread_;
  const HazardView* view_ = nullptr;
  std::optional<Cell> ignition_cell_;
  double back_azimuth_deg_ = 180;
  std::map<std::string, Line> lines_; ///< key "<target>/<mode>"
  std::vector<RoadState> roads_;
  std::vector<Place> places_;
  std::vector<std::pair<int, FwiCodes>> danger_;
  std::vector<double> projected_;
  double projected_at_s_ = -1;
  bool ignited_ = false;
  bool contained_ = false;
  size_t line_cells_checked_ = 0;
  double next_report_s_ = 0;
  int next_danger_day_ = 0;
  int wind_index_ = -1;
  std::optional<WindPoint> wind_override_;
  double raster_lon_ = 130;
  std::vector<uint8_t> reported_burned_; ///< cells already sent in a fire.perimeter
  std::vector<uint8_t> reported_line_;   ///< line cells already sent
};

} // namespace hg::fire
