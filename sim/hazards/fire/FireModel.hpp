#pragma once
/// @file
/// @brief The forest-fire hazard as today's hg::Hazard: Rothermel spread over a fuel/elevation raster
/// (FireSpread) driven by a wind time series and time-of-day fuel moisture, fireline built by crews
/// (apply_effort), road closures near the active front, settlements reached or inside the projected
/// arrival time, crew entrapment risk and the daily FWI danger. Pure C++: no engine or SimGrid includes;
/// everything leaves through the HazardSink.
#include "sim/hazards/Hazard.hpp"
#include "sim/hazards/fire/FireConfig.hpp"
#include "sim/hazards/fire/FireSpread.hpp"
#include "sim/hazards/fire/Suppression.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hg::fire {

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
  void start(HazardSink& sink) override;
  void advance(double t_s, double dt_s, HazardSink& sink) override;
  /// @brief "fireline" | "direct_attack" | "indirect_attack" ("forest_fire", the units' capability, means
  /// "fireline") by `amount` people for dt_s on a line id of the config or on the hazard id (direct attack
  /// from the rear). False for an unknown target or capability, or indirect attack without a route.
  bool apply_effort(const std::string& target, const std::string& capability, double amount, double dt_s,
                    HazardSink& sink) override;
  /// @brief {"what":"ignite","lat":..,"lon":..} (spot fire), {"what":"wind","speed_10m_m_s":..,"dir_deg":..}.
  bool inject(const nlohmann::json& what, double t_s, HazardSink& sink) override;
  std::string location_of(const std::string& target) const override;
  std::vector<std::string> zones_at_risk() const override;

  const FireSpread& spread() const { return *spread_; }
  const FireConfig& config() const { return cfg_; }
  /// @brief Weather in force at t_s (wind series, temperature/RH, time of day).
  SpreadConditions conditions_at(double t_s) const;
  /// @brief FWI of scenario day `day` (nullopt if the config has no danger weather for it).
  std::optional<FwiCodes> danger_of_day(int day) const;
  /// @brief Road ids closed by this fire now.
  std::vector<std::string> closed_roads() const;

private:
  struct Line {
    const LineConfig* cfg = nullptr;
    std::unique_ptr<LineAssignment> work;
    double last_worked_s = -1;
    bool risk = false;
    bool entrapped = false;
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
  };

  void setup();
  void ignite(HazardSink& sink, double t_s);
  void report(double t_s, HazardSink& sink);
  void check_roads(double t_s, HazardSink& sink);
  void check_places(double t_end_s, HazardSink& sink);
  void check_crews(double t_s, double t_end_s, HazardSink& sink);
  void emit_danger(int day, HazardSink& sink);
  double local_solar_hour(double t_s) const;
  Line* line_for(const std::string& key, AttackMode mode, const LineConfig* lc);

  FireConfig cfg_;
  std::unique_ptr<FireSpread> spread_;
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
};

} // namespace hg::fire
