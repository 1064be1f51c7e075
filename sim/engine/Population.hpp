#pragma once
/// @file
/// @brief The population account: one per zone, advanced in aggregated steps inside one actor (never
/// one actor per person). It holds who lives there, who is at risk (the people inside a hazard's
/// footprint, which the hazards declare), who was warned, who left and where they are now, who is
/// sheltering in place, who got relief, and the hazards' expected casualties. Every count the engine,
/// the hazards (HazardView) and the log use comes from here, so they agree.
///
/// Evacuation follows a Rayleigh mobilisation curve (Tweedie et al. 1986): of the people warned, the
/// share that has left after an effective time tau since the order is 1 - exp(-tau^2 / (2 sigma^2)),
/// with the mean mobilisation time sigma*sqrt(pi/2) a model parameter (docs/models/population.md).
#include "sim/hazards/Hazard.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace hg {

class Simulation;

/// @brief One zone's account. Invariants (checked after every change, and tested): at_risk <= resident;
/// present + evacuated = at_risk; sheltered + unsheltered = evacuated; relieved <= affected;
/// sheltering <= present; evacuated <= warned; expected fatalities <= resident.
struct ZoneAccount {
  double resident = 0;     ///< people living in the zone (world)
  double at_risk = 0;      ///< of those, inside a hazard's footprint (whole zone if no hazard names it)
  double warned_share = 0; ///< share of the zone's people a warning reached
  bool evac_ordered = false;
  std::string shelter;
  double evac_clock_s = 0;
  double evacuated = 0;   ///< at-risk people who left
  double sheltered = 0;   ///< of those, with a place in a shelter
  double unsheltered = 0; ///< of those, no shelter place (over capacity or no shelter named)
  bool shelter_in_place = false;
  bool reached = false;
  double relieved = 0;
  std::map<std::string, double> fatalities; ///< expected, per hazard id
  int assisting = 0;
  bool evac_done = false;
  double last_logged_share = 0;

  double present() const { return at_risk - evacuated; }
  double sheltering() const { return shelter_in_place ? present() * warned_share : 0.0; }
  double affected() const { return reached ? at_risk : evacuated; }
  double total_fatalities() const;
  /// People evacuation left at home because no warning reached them (an evacuation order only).
  double left_behind() const { return evac_ordered ? at_risk * (1.0 - warned_share) : 0.0; }
  /// "" if the account balances, else the first broken invariant in one line. Checked after every
  /// change (Population throws std::logic_error: a broken account is a bug, never a result).
  std::string imbalance() const;
};

class Population {
public:
  explicit Population(Simulation& sim);
  /// Sets the people at risk from what the hazards declare (before the run starts).
  void declare_at_risk(const std::vector<ZoneAtRisk>& zones);
  /// Starts the stepping actor.
  void start();

  /// Schedules the reception of a warning on each channel in each zone.
  void warn(const std::vector<std::string>& zones, const std::vector<std::string>& channels,
            const std::string& level, const std::string& post);
  void order_evacuation(const std::string& zone, const std::string& shelter, const std::string& post);
  void order_shelter_in_place(const std::string& zone, const std::string& post);
  /// A unit with the evacuation capability starts (on = true) or stops assisting a zone.
  void assist(const std::string& zone, const std::string& unit, bool on);
  /// Relief for up to `people` delivered by a unit.
  void deliver_relief(const std::string& zone, double people, const std::string& unit,
                      const std::string& kind);
  /// A hazard reached the zone (the first time is logged).
  void reached(const std::string& zone, const std::string& hazard_id, const std::string& kind,
               const std::string& how);
  /// A hazard's cumulative casualty estimate for a zone; logged as casualties.estimate.
  void harm(const Harm& h, const std::string& hazard_id);
  /// People who need basic relief in the zone and have not had it yet.
  double relief_need(const std::string& zone) const;
  /// Zones reached by a hazard, or being evacuated (for "affected" targets).
  std::vector<std::string> affected_zones() const;
  const ZoneAccount* account(const std::string& zone) const;
  /// Logs population.account for every zone that saw any warning, evacuation, hazard or relief.
  void log_accounts();

private:
  void step(double dt_s);
  /// Throws std::logic_error naming the zone if its account does not balance.
  void check(const std::string& zone, const ZoneAccount& a) const;
  /// A report from the field to the lead post about `zone`.
  void report(const std::string& zone, nlohmann::json body);
  void report_need(const std::string& zone);
  Simulation& sim_;
  std::map<std::string, ZoneAccount> acc_;
  std::map<std::string, double> shelter_load_;
  std::set<std::string> over_logged_; ///< shelters whose overflow was logged
};

} // namespace hg
