#pragma once
/// @file
/// @brief Population zones advanced in aggregated steps inside one actor (never one actor per
/// person): warning reception per channel, evacuation, shelter occupancy and relief received.
///
/// Evacuation follows a Rayleigh mobilisation curve (Tweedie et al. 1986): of the people warned, the
/// share that has left after an effective time tau since the order is 1 - exp(-tau^2 / (2 sigma^2)),
/// with the mean mobilisation time sigma*sqrt(pi/2) set per zone kind (docs/models/population.md).
/// Rescue units on scene with the `evacuation` capability speed it up.
#include <map>
#include <string>
#include <vector>

namespace hg {

class Simulation;

/// Share of the people in a flooded area expected to die at water depth `depth_m`: Jonkman, Maaskant,
/// Boyd & Levitan (2009), Risk Analysis 29(5) 676-698, "remaining zone": Phi((ln h - 7.60) / 2.75).
double flood_mortality(double depth_m);

class ZoneModel {
public:
  explicit ZoneModel(Simulation& sim);
  /// Starts the stepping actor.
  void start();

  /// Schedules the reception of a warning on each channel in each zone.
  void warn(const std::vector<std::string>& zones, const std::vector<std::string>& channels,
            const std::string& level, const std::string& post);
  void order_evacuation(const std::string& zone, const std::string& shelter, const std::string& post);
  /// A unit with the evacuation capability starts (on = true) or stops assisting a zone.
  void assist(const std::string& zone, const std::string& unit, bool on);
  /// Relief for `people` delivered by a unit.
  void deliver_relief(const std::string& zone, double people, const std::string& unit,
                      const std::string& kind);
  /// The hazard reached the zone (first time only is logged).
  void reached(const std::string& zone, const std::string& hazard_id, const std::string& kind,
               const std::string& how);
  /// Water depth in a zone (flood hazards): updates the expected fatalities among the people still
  /// there with the depth-mortality function of Jonkman et al. (2009) and logs casualties.estimate.
  void flood_depth(const std::string& zone, const std::string& hazard_id, double depth_m);
  /// People who need basic relief in the zone and have not had it yet.
  double relief_need(const std::string& zone) const;
  /// Zones reached by a hazard, or being evacuated (for "all_at_risk"/"affected" targets).
  std::vector<std::string> affected_zones() const;

  static constexpr double kStepS = 300;
  static constexpr double kUrbanMobilisationMeanS = 3600; ///< estimated, see docs/models/population.md
  static constexpr double kRuralMobilisationMeanS = 5400; ///< estimated
  static constexpr double kAssistSpeedup = 1.67;          ///< estimated

private:
  struct State {
    double warned_share = 0;
    bool evac_ordered = false;
    std::string shelter;
    double evac_clock_s = 0;
    double evacuated = 0;
    double last_logged_share = 0;
    bool evac_done = false;
    int assisting = 0;
    bool reached = false;
    double relieved = 0;
    double expected_fatalities = 0;
  };
  void step(double dt_s);
  Simulation& sim_;
  std::map<std::string, State> state_;
  std::map<std::string, double> shelter_load_;
};

} // namespace hg
